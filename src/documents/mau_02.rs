//! Mẫu 02: a member's self-review (Bản kiểm điểm cá nhân), prefilled with what the data knows;
//! what the member has not written is left as dotted lines. The form's wording is in `hd21_2019`.

use super::common;
use super::form_parts::{
    answer, dots, field, label, rating_rows, sections_i_to_vi, signature, sub,
};
use super::hd21_2019::{self as form, CriterionForm};
use crate::data::tally::{self, Standing};
use crate::data::{Dossier, Member, Rating};
use crate::doc::{Block, Document, Run, Title};
use crate::vn;

/// The kind's id: folder name and `--only` value.
pub const KIND: &str = "mau-02";

/// Section I's criteria for a member with or without a leadership post.
pub fn criteria(leader: bool) -> &'static [CriterionForm] {
    if leader {
        &form::CRITERIA_LEADER
    } else {
        &form::CRITERIA_MEMBER
    }
}

/// The cell's name without its leading "Chi bộ" ("THPT Nguyễn Văn Tăng"), for the "Chi bộ:" line.
fn cell_short_name(name: &str) -> &str {
    let lower = name.to_lowercase();
    if lower.starts_with("chi bộ ") {
        name["Chi bộ ".len()..].trim_start()
    } else {
        name
    }
}

/// Builds the self-review of `m`, written to `mau-02/<slug>`.
pub fn build(d: &Dossier, m: &Member, slug: &str) -> Document {
    let r = &m.review;
    let mut b = vec![
        field("Họ và tên", Some(&m.full_name)),
        field("Ngày sinh", Some(&vn::date::short(m.birth_date))),
        field("Chức vụ Đảng", Some(m.post.name())),
        field("Chức vụ chính quyền", m.gov_post.as_deref()),
        field("Chức vụ đoàn thể", m.org_post.as_deref()),
        field("Đơn vị công tác", m.workplace.as_deref()),
        field("Chi bộ", Some(cell_short_name(&d.cell.name))),
    ];
    sections_i_to_vi(
        criteria(m.leader),
        r,
        &m.assessment.prompts,
        "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
        &mut b,
    );
    b.push(Block::heading("VII. Tự nhận mức xếp loại chất lượng"));
    b.push(sub("1. Xếp loại cán bộ, công chức, viên chức:".into()));
    rating_rows(r.rating_civil, &mut b);
    b.push(sub("2. Xếp loại đảng viên:".into()));
    rating_rows(r.rating_party, &mut b);
    b.push(signature(
        &[("NGƯỜI TỰ KIỂM ĐIỂM", true), ("(Ký, ghi rõ họ tên)", false)],
        Some(m.full_name.clone()),
    ));

    b.push(Block::heading(
        "Đánh giá, xếp loại chất lượng công chức, viên chức",
    ));
    b.push(label(
        "- Nhận xét, đánh giá của người quản lý, sử dụng công chức, viên chức:",
    ));
    answer(None, &mut b);
    b.push(label("- Mức xếp loại chất lượng công chức, viên chức:"));
    b.push(Block::plain(vec![Run::plain(dots())]));
    b.push(signature(
        &[
            ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", true),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên và đóng dấu)", false),
        ],
        None,
    ));
    b.push(Block::heading("Đánh giá, xếp loại chất lượng đảng viên"));
    b.push(label("- Nhận xét, đánh giá của chi ủy:"));
    answer(m.assessment.remarks.as_deref(), &mut b);
    let standing = tally::standing(d, m);
    let proposed = tally::proposal(m, tally::voters(d));
    let level_line = |r: Option<Rating>| match (&standing, r) {
        (Standing::ReviewedOnly(reason), _) => {
            format!("Không xếp loại ({}).", reason.to_lowercase())
        }
        (_, Some(r)) => r.name().to_string(),
        (_, None) => dots(),
    };
    b.push(label("- Chi bộ đề xuất xếp loại mức chất lượng:"));
    b.push(Block::plain(vec![Run::plain(level_line(proposed))]));
    b.push(signature(
        &[
            ("T/M CHI ỦY (CHI BỘ)", true),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên)", false),
        ],
        None,
    ));
    b.push(label("- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng:"));
    b.push(Block::plain(vec![Run::plain(level_line(
        m.assessment.decided,
    ))]));
    b.push(signature(
        &[
            ("T/M ĐẢNG ỦY (CHI ỦY)", true),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên)", false),
        ],
        None,
    ));

    let summary = if m.leader {
        format!("Năm {}\n(Cá nhân giữ chức vụ lãnh đạo, quản lý)", d.year)
    } else {
        format!("Năm {}", d.year)
    };
    let mut doc = common::document(
        d,
        format!("{KIND}/{slug}"),
        format!("Bản kiểm điểm cá nhân năm {} – {}", d.year, m.full_name),
        common::Issue {
            kind: KIND,
            doc_type: None,
            number: None,
            date: d.plan.date,
        },
        Title {
            kind: "BẢN KIỂM ĐIỂM CÁ NHÂN".into(),
            summary: Some(summary),
        },
        b,
    );
    // The member dates and signs it: the day and month are left to fill in.
    doc.header.place_date = format!("{}, ngày … tháng … năm {}", d.cell.place, d.year);
    doc.member = Some(m.id.clone());
    doc.form_label = Some(
        d.form_labels
            .self_review
            .clone()
            .unwrap_or_else(|| form::LABEL_02.to_string()),
    );
    doc
}
