//! Mẫu 02: a member's self-review (Bản kiểm điểm cá nhân), prefilled with what the data knows;
//! what the member has not written is left as dotted lines. The form's wording is in `hd21_2019`.

use super::common;
use super::hd21_2019::{self as form, CriterionForm};
use crate::data::{Dossier, Level, Member, PartyPost, Rating};
use crate::doc::{Block, Document, ParaKind, Run, Signature, Title};
use crate::vn;

/// The kind's id: folder name and `--only` value.
pub const KIND: &str = "mau-02";

/// A line of dots to write on (what the member has not written yet): 32 ellipses of 1 em at
/// 14 pt fill the 165 mm text line without running past it.
fn dots() -> String {
    "…".repeat(32)
}

/// Section I's criteria for a member with or without a leadership post.
pub fn criteria(leader: bool) -> &'static [CriterionForm] {
    if leader {
        &form::CRITERIA_LEADER
    } else {
        &form::CRITERIA_MEMBER
    }
}

fn post_name(post: PartyPost) -> &'static str {
    match post {
        PartyPost::Secretary => "Bí thư Chi bộ",
        PartyPost::DeputySecretary => "Phó Bí thư Chi bộ",
        PartyPost::CommitteeMember => "Chi ủy viên",
        PartyPost::Member => "Đảng viên",
    }
}

/// "Label: value", or "Label: ……" when the value is unknown.
fn field(label: &str, value: Option<&str>) -> Block {
    Block::plain(vec![
        Run::plain(format!("{label}: ")),
        Run::plain(value.unwrap_or("……………………………………")),
    ])
}

fn heading(text: &str) -> Block {
    Block::heading(text)
}

fn sub(text: String) -> Block {
    Block::Paragraph {
        kind: ParaKind::Body,
        runs: vec![Run {
            text,
            italic: true,
            bold: true,
            ..Run::default()
        }],
    }
}

/// What the member wrote, or two dotted lines to write on.
fn answer(text: Option<&str>, out: &mut Vec<Block>) {
    match text {
        Some(t) => out.push(Block::body(t)),
        None => {
            out.push(Block::plain(vec![Run::plain(dots())]));
            out.push(Block::plain(vec![Run::plain(dots())]));
        }
    }
}

/// "□ Xuất sắc ■ Tốt □ Trung bình □ Kém": the chosen box filled.
fn boxes<T: PartialEq + Copy>(options: &[(T, &str)], chosen: Option<T>, sep: &str) -> String {
    options
        .iter()
        .map(|(v, label)| format!("{} {label}", if Some(*v) == chosen { "■" } else { "□" }))
        .collect::<Vec<_>>()
        .join(sep)
}

fn level_row(chosen: Option<Level>) -> Block {
    Block::Paragraph {
        kind: ParaKind::Body,
        runs: vec![Run::plain(format!(
            "{} {}",
            form::LEVEL_PROMPT,
            boxes(&form::LEVELS, chosen, "   ")
        ))],
    }
}

fn rating_rows(chosen: Option<Rating>, out: &mut Vec<Block>) {
    for (v, label) in form::RATINGS {
        let mark = if Some(v) == chosen { "■" } else { "□" };
        out.push(Block::plain(vec![Run::plain(format!("{mark} {label}"))]));
    }
}

fn signature(lines: &[(&str, bool)], name: Option<String>) -> Block {
    Block::SignOff {
        recipients: None,
        signature: Signature {
            heading: lines
                .iter()
                .map(|(t, bold)| Run {
                    text: t.to_string(),
                    bold: *bold,
                    italic: !*bold,
                    ..Run::default()
                })
                .collect(),
            name,
        },
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
        field("Chức vụ Đảng", Some(post_name(m.post))),
        field("Chức vụ chính quyền", m.gov_post.as_deref()),
        field("Chức vụ đoàn thể", m.org_post.as_deref()),
        field("Đơn vị công tác", m.workplace.as_deref()),
        field("Chi bộ", Some(cell_short_name(&d.cell.name))),
        heading("I. Ưu điểm, kết quả đạt được"),
    ];
    for (i, c) in criteria(m.leader).iter().enumerate() {
        let entry = r.criteria.get(i);
        b.push(sub(format!("{}. {}", i + 1, c.text)));
        answer(entry.and_then(|e| e.text.as_deref()), &mut b);
        if c.assessed {
            b.push(level_row(entry.and_then(|e| e.level)));
        }
    }
    b.push(heading("II. Hạn chế, khuyết điểm và nguyên nhân"));
    b.push(sub("1. Hạn chế, khuyết điểm:".into()));
    answer(r.shortcomings.as_deref(), &mut b);
    b.push(sub("2. Nguyên nhân của hạn chế, khuyết điểm:".into()));
    answer(r.causes.as_deref(), &mut b);
    b.push(heading(
        "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
    ));
    answer(r.remedy.as_deref(), &mut b);
    b.push(level_row(r.remedy_level));
    b.push(heading(
        "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
    ));
    answer(r.explanations.as_deref(), &mut b);
    b.push(heading(
        "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
    ));
    answer(r.responsibility.as_deref(), &mut b);
    b.push(heading(
        "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
    ));
    answer(r.direction.as_deref(), &mut b);
    b.push(heading("VII. Tự nhận mức xếp loại chất lượng"));
    b.push(sub("1. Xếp loại cán bộ, công chức, viên chức:".into()));
    rating_rows(r.rating_civil, &mut b);
    b.push(sub("2. Xếp loại đảng viên:".into()));
    rating_rows(r.rating_party, &mut b);
    b.push(signature(
        &[("NGƯỜI TỰ KIỂM ĐIỂM", true), ("(Ký, ghi rõ họ tên)", false)],
        Some(m.full_name.clone()),
    ));

    b.push(heading(
        "Đánh giá, xếp loại chất lượng công chức, viên chức",
    ));
    b.push(Block::plain(vec![Run::plain(
        "- Nhận xét, đánh giá của người quản lý, sử dụng công chức, viên chức:",
    )]));
    answer(None, &mut b);
    b.push(Block::plain(vec![Run::plain(
        "- Mức xếp loại chất lượng công chức, viên chức:",
    )]));
    b.push(Block::plain(vec![Run::plain(dots())]));
    b.push(signature(
        &[
            ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", true),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên và đóng dấu)", false),
        ],
        None,
    ));
    b.push(heading("Đánh giá, xếp loại chất lượng đảng viên"));
    b.push(Block::plain(vec![Run::plain(
        "- Nhận xét, đánh giá của chi ủy:",
    )]));
    answer(None, &mut b);
    b.push(Block::plain(vec![Run::plain(
        "- Chi bộ đề xuất xếp loại mức chất lượng:",
    )]));
    b.push(Block::plain(vec![Run::plain(dots())]));
    b.push(signature(
        &[
            ("T/M CHI ỦY (CHI BỘ)", true),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên)", false),
        ],
        None,
    ));
    b.push(Block::plain(vec![Run::plain(
        "- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng:",
    )]));
    b.push(Block::plain(vec![Run::plain(dots())]));
    b.push(signature(
        &[
            ("T/M ĐẢNG ỦY (CHI ỦY)", true),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên)", false),
        ],
        None,
    ));

    let summary = if m.leader {
        format!("Năm {} (cá nhân giữ chức vụ lãnh đạo, quản lý)", d.year)
    } else {
        format!("Năm {}", d.year)
    };
    let mut header = common::header(d, None, d.plan.date);
    // The member dates and signs it: the day and month are left to fill in.
    header.place_date = format!("{}, ngày … tháng … năm {}", d.cell.place, d.year);
    let mut doc = common::document(
        d,
        format!("{KIND}/{slug}"),
        format!("Bản kiểm điểm cá nhân năm {} – {}", d.year, m.full_name),
        common::Issue {
            kind: KIND,
            doc_type: "",
            number: None,
            date: d.plan.date,
        },
        Title {
            kind: "BẢN KIỂM ĐIỂM CÁ NHÂN".into(),
            summary: Some(summary),
        },
        b,
    );
    doc.header = header;
    doc.member = Some(m.id.clone());
    doc.form_label = Some(
        d.form_label_02
            .clone()
            .unwrap_or_else(|| form::LABEL_02.to_string()),
    );
    doc
}
