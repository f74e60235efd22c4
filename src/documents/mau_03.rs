//! Mẫu 03: the cell's analysis and rating sheet (Phiếu phân tích chất lượng và đánh giá, xếp
//! loại tổ chức đảng): the criteria table with its four level columns, the chosen level ticked.

use super::review_form::{answer, rating_rows};
use super::{Docs, common};
use crate::data::{Analysis, Dossier, Level};
use crate::doc::{Block, Cell, Document, ParaKind, Run, Title};
use crate::regulation::AnalysisForm;

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "mau-03-chi-bo";

/// The four level cells of a row: "X" under the chosen level.
fn level_cells(form: &AnalysisForm, chosen: Option<Level>) -> Vec<Cell> {
    form.levels
        .levels
        .iter()
        .map(|(l, _)| Cell::centred(if Some(*l) == chosen { "X" } else { "" }).at_middle())
        .collect()
}

/// The sheet, when the data describes it and the regulation has one.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    match (d.regulation.analysis, &d.analysis) {
        (Some(form), Some(a)) => Box::new(std::iter::once(build(d, form, a))),
        _ => Box::new(std::iter::empty()),
    }
}

/// Builds the sheet.
pub fn build(d: &Dossier, form: &AnalysisForm, a: &Analysis) -> Document {
    let mut b = vec![
        Block::plain(vec![Run::plain(format!(
            "- Chủ thể tham gia đánh giá, xếp loại: {}",
            a.assessor.as_deref().unwrap_or("……………………………………")
        ))]),
        Block::plain(vec![Run::plain(format!(
            "- Đánh giá, xếp loại tổ chức đảng: {}",
            d.cell.name
        ))]),
    ];
    let header = vec![
        vec![
            Cell::centred("TT").bold().span(1, 2),
            Cell::centred("TIÊU CHÍ ĐÁNH GIÁ").bold().span(1, 2),
            Cell::centred("CẤP ĐỘ THỰC HIỆN").bold().span(4, 1),
        ],
        form.levels
            .levels
            .iter()
            .map(|(_, l)| Cell::centred(*l).bold().at_bottom())
            .collect(),
    ];
    let mut rows = Vec::new();
    let mut next = a.levels.iter().copied();
    for &(num, title, criteria) in form.groups {
        let mut group = vec![Cell::centred(num).bold(), Cell::text(title).bold()];
        if criteria.is_empty() {
            group.extend(level_cells(form, next.next()));
        } else {
            group.extend((0..4).map(|_| Cell::centred("")));
        }
        rows.push(group);
        for (i, c) in criteria.iter().enumerate() {
            let mut row = vec![Cell::centred((i + 1).to_string()), Cell::text(*c)];
            row.extend(level_cells(form, next.next()));
            rows.push(row);
        }
    }
    b.push(Block::Table {
        // the criteria as wide as the level heads allow: fewer tall rows
        widths: vec![1.0, 9.2, 1.35, 1.35, 1.35, 1.35],
        header,
        rows,
        compact: false,
    });
    b.push(Block::Paragraph {
        kind: ParaKind::Label,
        runs: vec![Run::bold("Nhận xét chung:")],
    });
    answer(a.remarks.as_deref(), &mut b);
    b.push(Block::Paragraph {
        kind: ParaKind::Label,
        runs: vec![Run::bold("Đề nghị xếp loại mức chất lượng:")],
    });
    rating_rows(a.proposal, &mut b);
    // signed for the cell as its collective report is (else as its plan): authority, title, name
    let (signer, on_behalf) = d
        .collective
        .as_ref()
        .map_or((d.plan.signer, d.plan.on_behalf), |c| {
            (c.signer, c.on_behalf)
        });
    b.push(Block::SignOff {
        recipients: None,
        countersign: None,
        signature: common::signature(d, signer, on_behalf),
    });
    let mut doc = common::document(
        d,
        KIND.into(),
        format!("Phiếu phân tích chất lượng {} năm {}", d.cell.name, d.year),
        common::Issue {
            kind: KIND,
            doc_type: None,
            number: None,
            date: a.date,
        },
        Title {
            kind: "PHIẾU PHÂN TÍCH CHẤT LƯỢNG".into(),
            summary: Some(format!("và đánh giá, xếp loại tổ chức đảng năm {}", d.year)),
            subtitle: None,
        },
        b,
    );
    doc.form_label = Some(d.form_labels.get(form.label_key, form.label));
    doc
}
