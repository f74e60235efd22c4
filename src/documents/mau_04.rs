//! Mẫu 04: the list of the review's files sent upward (Danh mục hồ sơ kiểm điểm, đánh giá, xếp
//! loại), counted from the data, dated and signed with the report of results. HD 43 names the
//! form and what it lists (research §2.8); its layout was not seen, so the table follows the
//! usual list of files.

use super::bao_cao_ket_qua::files;
use super::{Docs, common};
use crate::data::{Dossier, OnBehalf, ResultsReport};
use crate::doc::{Block, Cell, Document, Title};
use crate::regulation::FormLabel;

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "mau-04";

/// The list, when the regulation has one and the data describes the report it goes up with.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    match (d.regulation.file_list, &d.results) {
        (Some(label), Some(r)) => Box::new(std::iter::once(build(d, label, r))),
        _ => Box::new(std::iter::empty()),
    }
}

/// The regulation whose criteria the scoring appendix follows, as the form's line names it.
const SCORING_RULES: &str = "Quy định số 366-QĐ/TW";

/// "01", "14": counts of files as lists write them.
fn count(n: u32) -> String {
    format!("{n:02}")
}

/// Builds the list.
pub fn build(d: &Dossier, label: &FormLabel, r: &ResultsReport) -> Document {
    let f = files(d);
    // the form's order (HD 43, Mẫu 04): the collective's report, the minutes, the prompts, the
    // results with their scoring appendix; then what else the cell sends with them
    let mut rows: Vec<[String; 3]> = Vec::new();
    if let Some((name, label)) = &f.collective {
        rows.push([format!("{name} ({label})"), count(1), String::new()]);
    }
    if let Some(label) = &f.analysis {
        rows.push([
            format!("Phiếu phân tích chất lượng và đánh giá, xếp loại chi bộ ({label})"),
            count(1),
            String::new(),
        ]);
    }
    if f.minutes {
        rows.push([
            "Biên bản hội nghị kiểm điểm".to_string(),
            count(1),
            String::new(),
        ]);
    }
    if f.prompted > 0 {
        rows.push([
            "Văn bản gợi ý kiểm điểm".to_string(),
            count(f.prompted),
            "đảng viên được gợi ý kiểm điểm".to_string(),
        ]);
    }
    rows.push([
        format!(
            "Báo cáo kết quả đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}",
            d.year
        ),
        count(1),
        format!(
            "kèm theo phụ lục chấm điểm với từng đối tượng theo các tiêu chí của {}",
            SCORING_RULES
        ),
    ]);
    rows.push([
        f.reviews.0.to_string(),
        count(f.review_count()),
        f.review_forms(),
    ]);
    if f.residence > 0 {
        rows.push([
            "Bản nhận xét của chi ủy nơi cư trú".to_string(),
            count(f.residence),
            "Quy định 213-QĐ/TW".to_string(),
        ]);
    }
    // the note follows the name in its cell and the count sits on the row's last line, so that
    // a name running over two lines reads in the same order on paper as in the file
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, [name, n, note])| {
            let name = if note.is_empty() {
                name
            } else {
                format!("{name} ({note})")
            };
            vec![
                Cell::centred((i + 1).to_string()),
                Cell::text(name),
                Cell::centred(n).at_bottom(),
            ]
        })
        .collect();
    let b = vec![
        Block::body(format!(
            "Kèm theo {} ngày {} của {} về kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}.",
            common::number_line(
                r.number.as_deref(),
                super::bao_cao_ket_qua::DOC_TYPE,
                &d.cell.abbreviation
            )
            .replacen("Số", "Báo cáo số", 1),
            crate::vn::date::short(r.date),
            d.cell.name,
            d.year
        )),
        Block::Table {
            widths: vec![10.0, 130.0, 25.0],
            header: vec![vec![
                Cell::centred("TT").bold(),
                Cell::centred("Tên tài liệu").bold(),
                Cell::centred("Số lượng").bold(),
            ]],
            rows,
            compact: false,
        },
        Block::SignOff {
            recipients: None,
            countersign: None,
            signature: common::signature(d, r.signer, OnBehalf::Cell),
        },
    ];
    let mut doc = common::document(
        d,
        KIND.to_string(),
        format!(
            "Danh mục hồ sơ kiểm điểm, đánh giá, xếp loại năm {}",
            d.year
        ),
        common::Issue {
            kind: KIND,
            doc_type: None,
            number: None,
            date: r.date,
        },
        Title {
            kind: "DANH MỤC".into(),
            summary: Some(format!(
                "hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm {}",
                d.year
            )),
            subtitle: None,
        },
        b,
    );
    doc.form_label = Some(d.form_labels.get(label.key, label.label));
    doc
}
