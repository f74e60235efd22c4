//! The report of results to the superior's Organisation Board (Báo cáo kết quả kiểm điểm,
//! đánh giá, xếp loại): what was done and when, the table of ratings by level with counts and
//! shares of those rated, who was not rated and why, proposals, enclosed files. No central form
//! exists; the structure follows reporting practice (research §3.7).

use super::common::{self, comrade_with_post, item, vote_line};
use crate::data::tally::{self, percent, share};
use crate::data::{Dossier, OnBehalf, PartyPost, Rating, ResultsReport};
use crate::doc::{Block, Cell, Document, Run, Title};
use crate::vn;

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "bao-cao-ket-qua";

/// Document-type abbreviation in the number ("Số 07-BC/CB").
pub const DOC_TYPE: &str = "BC";

/// The files usually sent with the report, counted from the data.
fn usual_enclosures(d: &Dossier) -> Vec<String> {
    let mut out = Vec::new();
    if d.collective.is_some() {
        out.push("Báo cáo kiểm điểm tập thể chi bộ (Mẫu 01)".to_string());
    }
    if d.analysis.is_some() {
        out.push("Phiếu phân tích chất lượng và đánh giá, xếp loại chi bộ (Mẫu 03)".to_string());
    }
    if d.meeting.as_ref().is_some_and(|m| m.minutes.is_some()) {
        out.push("Biên bản hội nghị kiểm điểm".to_string());
    }
    let reviewed = d
        .members
        .iter()
        .filter(|m| tally::standing(d, m).reviewed())
        .count();
    out.push(format!(
        "Bản kiểm điểm cá nhân của {reviewed} đảng viên (Mẫu 02)"
    ));
    let residence = super::phieu_213::recipients(d).len();
    if residence > 0 {
        out.push(format!(
            "Phiếu nhận xét của chi ủy nơi cư trú đối với {residence} đảng viên (Quy định 213-QĐ/TW)"
        ));
    }
    out
}

/// The report, when the data describes it.
pub fn build_all(d: &Dossier) -> Vec<Document> {
    d.results.iter().map(|r| build(d, r)).collect()
}

/// Builds the report.
pub fn build(d: &Dossier, r: &ResultsReport) -> Document {
    let t = tally::rating_table(d);
    let rated = t.rated();
    let mut b = vec![
        Block::plain(vec![Run::plain("Kính gửi: "), Run::bold(&r.to)]),
        Block::body(format!(
            "Thực hiện kế hoạch của cấp trên và Kế hoạch {} ngày {} của {} về tổ chức kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}, {} báo cáo kết quả như sau:",
            common::number_line(d.plan.number.as_deref(), "KH", &d.cell.abbreviation)
                .replacen("Số", "số", 1),
            vn::date::short(d.plan.date),
            d.cell.name,
            d.year,
            d.cell.name
        )),
    ];

    b.push(Block::heading("I. CÔNG TÁC TỔ CHỨC THỰC HIỆN"));
    b.push(item(format!(
        "- Ngày {}: chi bộ ban hành kế hoạch tổ chức kiểm điểm, đánh giá, xếp loại chất lượng năm {}.",
        vn::date::short(d.plan.date),
        d.year
    )));
    if let Some(c) = &d.collective {
        b.push(item(format!(
            "- Ngày {}: chi ủy hoàn thành báo cáo kiểm điểm tập thể chi bộ; đảng viên hoàn thành bản kiểm điểm cá nhân.",
            vn::date::short(c.date)
        )));
    }
    if let Some(m) = &d.meeting {
        let a = tally::attendance_at(d, m);
        let expected = a.total - (a.exempted.len() + a.suspended.len()) as u32;
        let excluded = match (a.exempted.len(), a.suspended.len()) {
            (0, 0) => String::new(),
            (e, 0) => format!(" ({e} đ/c miễn sinh hoạt)"),
            (0, s) => format!(" ({s} đ/c đình chỉ sinh hoạt)"),
            (e, s) => format!(" ({e} đ/c miễn sinh hoạt, {s} đ/c đình chỉ sinh hoạt)"),
        };
        b.push(item(format!(
            "- Ngày {}: chi bộ tổ chức hội nghị kiểm điểm; có mặt {}/{} đ/c phải dự{}, vắng {} đ/c ({} có lý do, {} không có lý do).",
            vn::date::short(m.date),
            a.present,
            expected,
            excluded,
            a.absent(),
            a.excused.len(),
            a.unexcused.len()
        )));
        let later: Vec<String> = m
            .absences
            .iter()
            .map(|x| d.member(x.member))
            .filter(|x| {
                tally::standing(d, x).rated()
                    && (x.assessment.decided.is_some() || x.assessment.proposed.is_some())
            })
            .map(|x| format!("đ/c {}", x.full_name))
            .collect();
        if !later.is_empty() {
            b.push(item(format!(
                "- Đảng viên vắng mặt tại hội nghị đã được kiểm điểm, đánh giá, xếp loại bổ sung: {}.",
                later.join(", ")
            )));
        }
    }

    b.push(Block::heading("II. KẾT QUẢ"));
    b.push(Block::heading("1. Đánh giá, xếp loại chất lượng chi bộ"));
    if let Some(c) = d.collective.as_ref().and_then(|c| c.rating) {
        b.push(Block::body(format!(
            "Chi bộ tự nhận mức xếp loại: {}.",
            c.name()
        )));
    }
    if let Some(m) = &d.meeting
        && let Some(v) = &m.cell_votes
    {
        let a = tally::attendance_at(d, m);
        b.push(Block::body(format!(
            "Kết quả biểu quyết của hội nghị ({} đ/c chính thức có mặt): {}.",
            a.official_present,
            vote_line(v, a.official_present)
        )));
    }
    if let Some(c) = tally::cell_ballot_result(d) {
        b.push(Block::body(format!(
            "Chi bộ đề nghị cấp trên công nhận chi bộ đạt mức “{}”.",
            c.name()
        )));
    }

    b.push(Block::heading("2. Đánh giá, xếp loại chất lượng đảng viên"));
    b.push(Block::body(format!(
        "Tổng số đảng viên của chi bộ: {} đ/c; không đánh giá, xếp loại: {} đ/c; được đánh giá, xếp loại: {} đ/c{}. Kết quả:",
        d.members.len(),
        t.not_rated.len(),
        rated,
        match t.pending.len() {
            0 => String::new(),
            n => format!("; chưa có kết quả: {n} đ/c"),
        }
    )));
    let mut rows: Vec<Vec<Cell>> = Rating::ALL
        .iter()
        .enumerate()
        .map(|(i, level)| {
            vec![
                Cell::centred((i + 1).to_string()),
                Cell::text(level.name()),
                Cell::centred(t.count(*level).to_string()),
                Cell::centred(share(t.count(*level), rated)),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::centred(""),
        Cell::text("Cộng (đảng viên được đánh giá, xếp loại)").bold(),
        Cell::centred(rated.to_string()).bold(),
        Cell::centred(share(rated, rated)).bold(),
    ]);
    rows.push(vec![
        Cell::centred(""),
        Cell::text("Không đánh giá, xếp loại"),
        Cell::centred(t.not_rated.len().to_string()),
        Cell::centred("—"),
    ]);
    b.push(Block::Table {
        widths: vec![9.0, 96.0, 35.0, 25.0],
        header: vec![vec![
            Cell::centred("TT").bold(),
            Cell::centred("Mức xếp loại").bold(),
            Cell::centred("Số lượng (đ/c)").bold(),
            Cell::centred("Tỷ lệ (%)").bold(),
        ]],
        rows,
        compact: false,
    });
    let good_or_better = t.count(Rating::Excellent) + t.count(Rating::Good);
    b.push(Block::body(format!(
        "Hoàn thành tốt nhiệm vụ trở lên: {} đ/c, đạt {} số đảng viên được xếp loại; trong đó hoàn thành xuất sắc nhiệm vụ: {} đ/c, đạt {}.",
        good_or_better,
        percent(good_or_better, rated),
        t.count(Rating::Excellent),
        percent(t.count(Rating::Excellent), rated)
    )));
    for level in Rating::ALL {
        let names: Vec<String> = t.by_level[level as usize]
            .iter()
            .map(|m| d.member(*m).full_name.clone())
            .collect();
        if !names.is_empty() && level != Rating::Good {
            b.push(item(format!(
                "- {}: {}.",
                level.name(),
                sorted(names).join(", ")
            )));
        }
    }
    if !t.pending.is_empty() {
        let names: Vec<String> = t
            .pending
            .iter()
            .map(|m| d.member(*m).full_name.clone())
            .collect();
        b.push(Block::body(format!(
            "Đảng viên chưa có kết quả xếp loại ({} đ/c, sẽ báo cáo bổ sung): {}.",
            names.len(),
            sorted(names).join(", ")
        )));
    }
    if !t.not_rated.is_empty() {
        b.push(Block::body("Đảng viên không đánh giá, xếp loại:"));
        for (m, why) in &t.not_rated {
            b.push(item(format!(
                "- Đồng chí {}: {}.",
                d.member(*m).full_name,
                why.to_lowercase()
            )));
        }
    }
    let heads: Vec<String> = d
        .members
        .iter()
        .filter(|m| matches!(m.post, PartyPost::Secretary | PartyPost::DeputySecretary))
        .filter_map(|m| {
            tally::rating_of(d, m).map(|r| format!("- {}: {}.", comrade_with_post(m), r.name()))
        })
        .collect();
    if !heads.is_empty() {
        b.push(Block::heading("3. Xếp loại bí thư, phó bí thư chi bộ"));
        b.extend(heads.into_iter().map(item));
    }

    b.push(Block::heading("III. KIẾN NGHỊ, ĐỀ XUẤT"));
    if r.proposals.is_empty() {
        b.push(Block::body("Không có."));
    }
    for p in &r.proposals {
        b.push(item(format!("- {}", common::text(d, p))));
    }
    b.push(Block::body("Hồ sơ gửi kèm:"));
    let files = if r.enclosures.is_empty() {
        usual_enclosures(d)
    } else {
        r.enclosures.clone()
    };
    let last = files.len().saturating_sub(1);
    for (i, f) in files.iter().enumerate() {
        let end = if i == last { "." } else { ";" };
        b.push(item(format!("- {}{end}", f.trim_end_matches(['.', ';']))));
    }
    let mut recipients = vec!["Như trên".to_string()];
    recipients.extend(r.recipients.iter().cloned());
    b.push(Block::SignOff {
        recipients: Some(common::recipients(&recipients, &d.plan.archive)),
        countersign: None,
        signature: common::signature(d, r.signer, OnBehalf::Cell),
    });
    common::document(
        d,
        KIND.to_string(),
        format!(
            "Báo cáo kết quả kiểm điểm, đánh giá, xếp loại năm {}",
            d.year
        ),
        common::Issue {
            kind: KIND,
            doc_type: Some(DOC_TYPE),
            number: r.number.as_deref(),
            date: r.date,
        },
        Title {
            kind: "BÁO CÁO".into(),
            summary: Some(format!(
                "kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}",
                d.year
            )),
        },
        b,
    )
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    vn::collate::sort_by_name(&mut names, |n| n);
    names
}
