//! Mẫu 01: the cell's collective review report (Báo cáo kiểm điểm tập thể), its sections in the
//! form's order. The form's wording is the regulation's (`regulation::<regulation>`); this file
//! lays it out.

use super::review_form::{part_b, rating_rows, sections_i_to_vi};
use super::{Docs, common};
use crate::data::{CollectiveReport, Dossier};
use crate::doc::{Block, Document, Run, Title};

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "mau-01";

/// The draft's kind: the report sent to the members before the meeting (HD 43 §2.1 a).
pub const DRAFT_KIND: &str = "mau-01-du-thao";

/// The draft's mark under the number (HD 05 II.II.4.2).
pub const DRAFT_MARK: &str = "Dự thảo";

/// Document-type abbreviation in the number ("Số 02-BC/CB").
pub const DOC_TYPE: &str = "BC";

/// The report, when the data describes it.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    Box::new(d.collective.iter().map(move |r| build(d, r)))
}

/// The draft of the report sent to the members before the meeting, when the data says when
/// (`ke_hoach.gui_du_thao`): the report's content, marked "Dự thảo" under a blank number (a
/// draft is not registered), dated the day it is sent.
pub fn build_drafts(d: &Dossier) -> Docs<'_> {
    Box::new(
        d.collective
            .iter()
            .zip(d.plan.draft_sent)
            .map(move |(r, sent)| {
                let mut doc = build(d, r);
                doc.kind = DRAFT_KIND.into();
                doc.path = DRAFT_KIND.into();
                doc.meta_title = format!("Dự thảo {}", doc.meta_title.to_lowercase());
                doc.date = sent.format("%Y-%m-%d").to_string();
                doc.header = common::header(d, Some((DOC_TYPE, None)), sent);
                doc.header.draft = Some(DRAFT_MARK.into());
                doc
            }),
    )
}

/// Builds the collective report.
pub fn build(d: &Dossier, r: &CollectiveReport) -> Document {
    let form = d.regulation.collective;
    let review = form.review;
    let mut b = Vec::new();
    if let Some(opening) = review.opening {
        b.push(Block::body(opening.replace("{tap_the}", &d.cell.name)));
    }
    let scoring = d.regulation.scoring;
    sections_i_to_vi(scoring, review, &r.review, &[], &mut b);
    if let Some(heading) = form.rating_heading {
        b.push(Block::heading(heading));
        rating_rows(r.rating, &mut b);
    }
    if let (Some(s), Some(part)) = (scoring, &review.score) {
        let table = d.criteria_table(review.label_key);
        part_b(s, part, r.score.as_ref(), table, r.rating, &mut b);
    }
    if let Some(enclosure) = form.enclosure {
        b.push(Block::plain(vec![Run {
            text: enclosure.into(),
            italic: true,
            ..Run::default()
        }]));
    }
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
            kind: review.title.into(),
            summary: Some(review.summary.replace("{nam}", &d.year.to_string())),
            subtitle: None,
        },
        b,
    );
    doc.form_label = Some(d.form_labels.get(review.label_key, review.label));
    doc
}
