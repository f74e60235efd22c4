//! The report of results to the superior's Organisation Board (Báo cáo kết quả kiểm điểm,
//! đánh giá, xếp loại): what was done and when, the table of ratings by level with counts and
//! shares of those rated, who was not rated and why, proposals, enclosed files. No central form
//! exists; the structure follows reporting practice (research §3.7).

use super::Docs;
use super::common::{self, comrade_with_post, item};
use crate::data::tally::{self, percent, share};
use crate::data::{Dossier, OnBehalf, PartyPost, Rating, ResultsReport};
use crate::doc::{Block, Cell, Document, Run, Title};
use crate::regulation::short_label;
use crate::vn;

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "bao-cao-ket-qua";

/// Document-type abbreviation in the number ("Số 07-BC/CB").
pub const DOC_TYPE: &str = "BC";

/// What the review's file holds, counted from the data: what the report encloses and Mẫu 04
/// lists.
pub struct Files {
    /// The collective report's name and short label, when written.
    pub collective: Option<(&'static str, String)>,
    /// The analysis sheet's short label, when written.
    pub analysis: Option<String>,
    /// The minutes are written.
    pub minutes: bool,
    /// Members the upper level asked to explain issues (gợi ý kiểm điểm).
    pub prompted: u32,
    /// The self-reviews: their name, and how many of each form (short label, count).
    pub reviews: (&'static str, Vec<(String, u32)>),
    /// Members whose residence committee is asked for remarks.
    pub residence: u32,
}

impl Files {
    /// How many self-reviews.
    pub fn review_count(&self) -> u32 {
        self.reviews.1.iter().map(|(_, n)| n).sum()
    }
    /// The forms of the self-reviews: "Mẫu 02", or "Mẫu 2A: 2; Mẫu 2B: 9".
    pub fn review_forms(&self) -> String {
        match self.reviews.1.as_slice() {
            [(label, _)] => label.clone(),
            many => many
                .iter()
                .map(|(l, n)| format!("{l}: {n}"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// The review's files, counted from the data.
pub fn files(d: &Dossier) -> Files {
    let label =
        |key: &str, default: &str| short_label(&d.form_labels.get(key, default)).to_string();
    let collective = d.collective.as_ref().map(|_| {
        let f = d.regulation.collective.review;
        (f.list_name, label(f.label_key, f.label))
    });
    let analysis = match (d.regulation.analysis, &d.analysis) {
        (Some(f), Some(_)) => Some(label(f.label_key, f.label)),
        _ => None,
    };
    let reviewed: Vec<&crate::data::Member> = d
        .members
        .iter()
        .filter(|m| tally::standing(d, m).reviewed())
        .collect();
    let mut forms: Vec<(String, u32)> = Vec::new();
    let mut name = "";
    for m in &reviewed {
        let f = (d.regulation.self_review.form_of)(m.leader, m.subject);
        name = f.list_name;
        let l = label(f.label_key, f.label);
        match forms.iter_mut().find(|(x, _)| *x == l) {
            Some((_, n)) => *n += 1,
            None => forms.push((l, 1)),
        }
    }
    forms.sort();
    Files {
        collective,
        analysis,
        minutes: d.meeting.as_ref().is_some_and(|m| m.minutes.is_some()),
        prompted: reviewed
            .iter()
            .filter(|m| !m.assessment.prompts.is_empty())
            .count() as u32,
        reviews: (name, forms),
        residence: super::phieu_213::recipients(d).len() as u32,
    }
}

/// The files usually sent with the report, counted from the data.
fn usual_enclosures(d: &Dossier) -> Vec<String> {
    let f = files(d);
    let mut out = Vec::new();
    if let Some((name, label)) = &f.collective {
        out.push(format!("{name} ({label})"));
    }
    if let Some(label) = &f.analysis {
        out.push(format!(
            "Phiếu phân tích chất lượng và đánh giá, xếp loại chi bộ ({label})"
        ));
    }
    if f.minutes {
        out.push("Biên bản hội nghị kiểm điểm".to_string());
    }
    out.push(format!(
        "{} của {} đảng viên ({})",
        f.reviews.0,
        f.review_count(),
        f.review_forms()
    ));
    if f.residence > 0 {
        out.push(format!(
            "Phiếu nhận xét của chi ủy nơi cư trú đối với {} đảng viên (Quy định 213-QĐ/TW)",
            f.residence
        ));
    }
    out
}

/// The report, when the data describes it.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    Box::new(d.results.iter().map(move |r| build(d, r)))
}

/// Builds the report.
pub fn build(d: &Dossier, r: &ResultsReport) -> Document {
    let mut b = vec![
        Block::plain(vec![common::kinh_gui(), Run::plain(&r.to)]),
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

    b.extend(organisation(d));
    b.push(Block::heading("II. KẾT QUẢ"));
    b.extend(the_cell(d));
    b.extend(the_members(d));
    b.extend(the_heads(d));
    b.extend(proposals_and_files(d, r));
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
            subtitle: None,
        },
        b,
    )
}

/// I: how the review was organised, day by day, with the meeting's attendance.
fn organisation(d: &Dossier) -> Vec<Block> {
    let mut b = Vec::new();
    b.push(Block::heading("I. CÔNG TÁC TỔ CHỨC THỰC HIỆN"));
    b.push(item(format!(
        "- Ngày {}: chi bộ ban hành kế hoạch tổ chức kiểm điểm, đánh giá, xếp loại chất lượng năm {}.",
        vn::date::short(d.plan.date),
        d.year
    )));
    if let Some(c) = &d.collective {
        b.push(item(format!(
            // the date is the collective report's; when members finished their self-reviews is
            // not in the data, so no date is given for it
            "- Ngày {}: chi ủy hoàn thành báo cáo kiểm điểm tập thể chi bộ; đảng viên viết bản kiểm điểm cá nhân theo kế hoạch.",
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
            .map(|x| format!("đ/c {}", x.listed_name))
            .collect();
        if !later.is_empty() {
            b.push(item(format!(
                "- Đảng viên vắng mặt tại hội nghị đã được kiểm điểm, đánh giá, xếp loại bổ sung: {}.",
                later.join(", ")
            )));
        }
    }

    b
}

/// II.1: the cell's own score, level and vote.
fn the_cell(d: &Dossier) -> Vec<Block> {
    let mut b = Vec::new();
    b.push(Block::heading("1. Đánh giá, xếp loại chất lượng chi bộ"));
    if let (Some(s), Some(score)) = (
        d.regulation.scoring,
        d.collective.as_ref().and_then(|c| c.score.as_ref()),
    ) {
        b.push(Block::body(format!(
            "Chi bộ tự chấm: {}.",
            common::score_text(s, score)
        )));
    }
    if let Some(c) = d.collective.as_ref().and_then(|c| c.rating) {
        b.push(Block::body(format!(
            "Chi bộ tự nhận mức xếp loại: {}.",
            c.name()
        )));
    }
    if let Some(m) = &d.meeting {
        let a = tally::attendance_at(d, m);
        b.extend(common::cell_vote(
            d,
            m,
            &a,
            "Kết quả biểu quyết của hội nghị",
        ));
    }

    b
}

/// II.2: the members per level (a table, the shares, the names), their scores, who is not
/// rated or still to be, and the disciplined.
fn the_members(d: &Dossier) -> Vec<Block> {
    let mut b = Vec::new();
    let t = tally::rating_table(d);
    let rated = t.rated();
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
    if let Some(note) = common::quota_note(d) {
        b.push(Block::body(note));
    }
    for level in Rating::ALL {
        let names = listed(d, &t.by_level[level as usize]);
        if !names.is_empty() && level != Rating::Good {
            b.push(item(format!("- {}: {}.", level.name(), names.join(", "))));
        }
    }
    if let Some(s) = d.regulation.scoring {
        b.push(Block::body(format!(
            "Điểm tự chấm (nhóm tiêu chí chung tối đa {}, nhóm tiêu chí về kết quả thực hiện nhiệm vụ tối đa {}, tổng {}) và mức xếp loại của từng đảng viên:",
            s.general.1.text(),
            s.tasks.1.text(),
            s.total.1.text()
        )));
        b.push(member_scores(d, &t));
        b.push(common::levels_legend());
    }
    if !t.pending.is_empty() {
        let names = listed(d, &t.pending);
        b.push(Block::body(format!(
            "Đảng viên chưa có kết quả xếp loại ({} đ/c, sẽ báo cáo bổ sung): {}.",
            names.len(),
            names.join(", ")
        )));
    }
    if !t.not_rated.is_empty() {
        b.push(Block::body("Đảng viên không đánh giá, xếp loại:"));
        for (m, why) in &t.not_rated {
            b.push(item(format!(
                "- Đồng chí {}: {}.",
                d.member(*m).listed_name,
                why.to_lowercase()
            )));
        }
    }
    // a discipline explains a level, or is left to the competent level: one line each
    let disciplined: Vec<String> = d
        .members
        .iter()
        .filter_map(|m| {
            let what = m.discipline.as_deref()?;
            let level = tally::rating_of(d, m);
            let cite = d.regulation.cite;
            if m.mitigated {
                Some(format!(
                    "- Đồng chí {} bị kỷ luật «{what}» trong năm, đã tự phát hiện, tự báo cáo và khắc phục vi phạm; chi bộ đề nghị cấp có thẩm quyền xem xét khi quyết định mức xếp loại ({cite}).",
                    m.listed_name
                ))
            } else if level == Some(Rating::NotDone) {
                let score = match (d.regulation.scoring, m.review.score.as_ref()) {
                    (Some(s), Some(x)) if s.band(x.total()) != Rating::NotDone => {
                        format!(" tự chấm {}/{} điểm nhưng", x.total().text(), s.total.1.text())
                    }
                    _ => String::new(),
                };
                Some(format!(
                    "- Đồng chí {}{score} xếp loại «Không hoàn thành nhiệm vụ» do bị kỷ luật «{what}» trong năm ({cite}).",
                    m.listed_name
                ))
            } else {
                None
            }
        })
        .collect();
    if !disciplined.is_empty() {
        b.push(Block::body("Đảng viên bị kỷ luật trong năm:"));
        b.extend(disciplined.into_iter().map(item));
    }
    b
}

/// II.3: the secretary's and deputy's levels.
fn the_heads(d: &Dossier) -> Vec<Block> {
    let mut b = Vec::new();
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

    b
}

/// III: the proposals, and the files sent with the report.
fn proposals_and_files(d: &Dossier, r: &ResultsReport) -> Vec<Block> {
    let mut b = Vec::new();
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
    b
}

/// A form as the table's "Mẫu" column names it: "2B" for "Mẫu 2B-HD KĐ.ĐG 2025".
fn form_name(label: &str) -> &str {
    let short = short_label(label);
    short.strip_prefix("Mẫu ").unwrap_or(short)
}

/// Each member rated (or still to be) with their form, score and level, in name order.
fn member_scores(d: &Dossier, t: &tally::RatingTable) -> Block {
    let mut members: Vec<(&crate::data::Member, Option<Rating>)> = Rating::ALL
        .iter()
        .flat_map(|r| t.by_level[*r as usize].iter().map(move |m| (*m, Some(*r))))
        .chain(t.pending.iter().map(|m| (*m, None)))
        .map(|(m, r)| (d.member(m), r))
        .collect();
    vn::collate::sort_by_name(&mut members, |(m, _)| &m.full_name);
    let rows = members
        .iter()
        .enumerate()
        .map(|(i, (m, r))| {
            let f = (d.regulation.self_review.form_of)(m.leader, m.subject);
            let score = m.review.score.as_ref();
            let points = |p: Option<crate::data::Points>| p.map_or(String::new(), |p| p.text());
            vec![
                Cell::centred((i + 1).to_string()),
                Cell::text(&m.listed_name),
                Cell::centred(form_name(&d.form_labels.get(f.label_key, f.label))),
                Cell::centred(points(score.map(|s| s.general))),
                Cell::centred(points(score.map(|s| s.tasks))),
                Cell::centred(points(score.map(|s| s.total()))),
                Cell::centred(r.map_or("Chưa có", Rating::short)),
            ]
        })
        .collect();
    // one line per row: no column wraps (levels abbreviated, spelt out under the table)
    let mut widths = vec![10.0, 50.0, 14.0, 20.0, 23.0, 18.0, 30.0];
    common::fit_numbers(&mut widths, 0, 1, members.len(), false);
    Block::Table {
        widths,
        header: vec![vec![
            Cell::centred("TT").bold(),
            Cell::centred("Họ và tên").bold(),
            Cell::centred("Mẫu").bold(),
            Cell::centred("Chung").bold(),
            Cell::centred("Nhiệm vụ").bold(),
            Cell::centred("Tổng").bold(),
            Cell::centred("Xếp loại").bold(),
        ]],
        rows,
        compact: false,
    }
}

/// The members as lists print them, in Vietnamese order of their names and, for names alike,
/// of their birth (a mark "(sinh 1980)" never sorts a name first).
fn listed(d: &Dossier, members: &[crate::data::MemberRef]) -> Vec<String> {
    let mut ms: Vec<&crate::data::Member> = members.iter().map(|m| d.member(*m)).collect();
    ms.sort_by(|a, b| {
        vn::collate::compare_names(&a.full_name, &b.full_name).then(a.birth_date.cmp(&b.birth_date))
    });
    ms.into_iter().map(|m| m.listed_name.clone()).collect()
}
