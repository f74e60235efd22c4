//! Mẫu 01: the cell's collective review report (Báo cáo kiểm điểm tập thể), sections I–VII in the
//! form's order with the self-assessed levels. The form's wording is in `hd21_2019`.

use super::common;
use super::form_parts::{rating_rows, sections_i_to_vi};
use super::hd21_2019 as form;
use crate::data::{CollectiveReport, Dossier};
use crate::doc::{Block, Document, Run, Title};

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "mau-01";

/// Document-type abbreviation in the number ("Số 02-BC/CB").
pub const DOC_TYPE: &str = "BC";

/// How many criteria section I has.
pub const CRITERIA_COUNT: usize = form::CRITERIA_COLLECTIVE.len();

/// Builds the collective report.
pub fn build(d: &Dossier, r: &CollectiveReport) -> Document {
    let mut b = vec![Block::body(format!(
        "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại cơ quan, đơn vị; tập thể {} kiểm điểm với các nội dung chủ yếu sau:",
        d.cell.name
    ))];
    sections_i_to_vi(
        &form::CRITERIA_COLLECTIVE,
        &r.review,
        &[],
        "V. Trách nhiệm của tập thể, cá nhân",
        &mut b,
    );
    b.push(Block::heading("VII. Tự nhận mức xếp loại chất lượng"));
    rating_rows(r.rating, &mut b);
    b.push(Block::plain(vec![Run {
        text: "(Kèm theo phiếu phân tích chất lượng)".into(),
        italic: true,
        ..Run::default()
    }]));
    b.push(Block::SignOff {
        recipients: Some(common::recipients(&r.recipients, &d.plan.archive)),
        countersign: None,
        signature: common::signature(d, r.signer, r.on_behalf),
    });
    let mut doc = common::document(
        d,
        KIND.into(),
        format!("Báo cáo kiểm điểm tập thể {} năm {}", d.cell.name, d.year),
        common::Issue {
            kind: KIND,
            doc_type: Some(DOC_TYPE),
            number: r.number.as_deref(),
            date: r.date,
        },
        Title {
            kind: "BÁO CÁO".into(),
            summary: Some(format!("kiểm điểm tập thể chi bộ năm {}", d.year)),
        },
        b,
    );
    doc.form_label = Some(
        d.form_labels
            .collective
            .clone()
            .unwrap_or_else(|| form::LABEL_01.to_string()),
    );
    doc
}
