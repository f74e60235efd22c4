//! Kế hoạch tổ chức kiểm điểm: the cell's plan (the seed document). Its wording lives here.

use super::Docs;
use super::common::{self, capitalize, comrades};
use crate::data::{Assignee, Dossier, Task};
use crate::doc::{Block, Document, Run, Title};
use crate::vn::date;

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "ke-hoach";

/// Document-type abbreviation in the number ("Số 05-KH/CB").
pub const DOC_TYPE: &str = "KH";

/// The words in brackets after a task: who, and when ("(đ/c Nam nghiên cứu: hạn chót thứ Sáu 18/12/2020)").
fn task_details(d: &Dossier, t: &Task) -> Option<String> {
    let mut who = comrades(d, &t.people);
    if let Some(role) = &t.role {
        who = if who.is_empty() {
            role.clone()
        } else {
            format!("{who} {role}")
        };
    }
    let mut when = Vec::new();
    if let Some(on) = t.on {
        when.push(match &t.note {
            Some(n) => format!("{n} {}", date::with_weekday(on)),
            None => date::with_weekday(on),
        });
    } else if let Some(n) = &t.note {
        when.push(n.clone());
    }
    if let Some(dl) = t.deadline {
        let label = t.deadline_label.as_deref().unwrap_or("hạn chót");
        when.push(format!("{label} {}", date::with_weekday(dl)));
    }
    let when = when.join("; ");
    let sep = if t.deadline.is_some() { ": " } else { ", " };
    match (who.is_empty(), when.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("({who})")),
        (true, false) => Some(format!("({when})")),
        (false, false) => Some(format!("({who}{sep}{when})")),
    }
}

/// A task as one line: its text, then its details in brackets before any final full stop.
fn task_line(d: &Dossier, t: &Task) -> String {
    let text = common::text(d, &t.text);
    match task_details(d, t) {
        None => text,
        Some(details) => {
            let (body, stop) = match text.strip_suffix('.') {
                Some(b) => (b.trim_end(), "."),
                None => (text.trim_end_matches([',', ';', ':']).trim_end(), ""),
            };
            format!("{body} {details}{stop}")
        }
    }
}

/// Ends each item of a section's list as a Vietnamese list is ended (HD 05 6.2.3 for the bases,
/// and the same usage for any list): «;» after an item, «.» after the last. An item the data
/// already ends (a sentence's «.», a heading's «:») keeps its own mark.
fn close_items(items: &mut [Block]) {
    let last = items.len().saturating_sub(1);
    for (i, item) in items.iter_mut().enumerate() {
        let Block::Paragraph { runs, .. } = item else {
            continue;
        };
        let Some(run) = runs.last_mut() else {
            continue;
        };
        let text = run.text.trim_end();
        let text = if i == last {
            text.trim_end_matches([';', ','])
        } else {
            text.trim_end_matches(',')
        };
        if text.ends_with(['.', ';', ':', '!', '?', '…']) {
            run.text = text.to_string();
        } else {
            run.text = format!("{text}{}", if i == last { "." } else { ";" });
        }
    }
}

fn first_level(text: String) -> Block {
    Block::item(vec![Run::plain(format!("- {text}"))])
}

fn second_level(text: String) -> Block {
    Block::item(vec![Run::plain(format!("+ {text}"))])
}

/// The plan (always written).
pub fn build_all(d: &Dossier) -> Docs<'_> {
    Box::new(std::iter::once(build(d)))
}

/// Builds the plan.
pub fn build(d: &Dossier) -> Document {
    let p = &d.plan;
    let mut blocks = Vec::new();
    for b in &p.bases {
        blocks.push(Block::body(common::text(d, b)));
    }
    if let Some(intro) = &p.intro {
        blocks.push(Block::body(common::text(d, intro)));
    }

    // Sections are numbered here, in order, so the numbering can never skip or repeat.
    let mut sections: Vec<(&str, Vec<Block>)> = Vec::new();
    sections.push((
        "Mục đích, yêu cầu",
        p.purposes
            .iter()
            .map(|t| first_level(common::text(d, t)))
            .collect(),
    ));
    if !p.principles.is_empty() {
        sections.push((
            "Nguyên tắc",
            p.principles
                .iter()
                .map(|t| first_level(common::text(d, t)))
                .collect(),
        ));
    }
    let mut timetable = Vec::new();
    for period in &p.periods {
        timetable.push(Block::item(vec![
            Run::plain("- "),
            Run::bold(if let Some(h) = &period.heading {
                // as the data writes it, with its colon
                format!("{}:", h.trim_end_matches(':'))
            } else if period.from == period.to {
                format!("Ngày {}:", date::short(period.from))
            } else {
                format!(
                    "Từ {} đến {}:",
                    date::short(period.from),
                    date::short(period.to)
                )
            }),
        ]));
        timetable.extend(period.tasks.iter().map(|t| second_level(task_line(d, t))));
    }
    sections.push(("Thời gian", timetable));
    let mut assignments = Vec::new();
    for a in &p.assignments {
        let who = match &a.who {
            Assignee::Members(m) => capitalize(&comrades(d, m)),
            Assignee::AllMembers => "Các đồng chí đảng viên".to_string(),
            Assignee::OtherMembers => "Các đảng viên khác".to_string(),
        };
        if let [only] = a.tasks.as_slice() {
            assignments.push(first_level(format!("{who}: {}", task_line(d, only))));
        } else {
            assignments.push(first_level(format!("{who}:")));
            assignments.extend(a.tasks.iter().map(|t| second_level(task_line(d, t))));
        }
    }
    sections.push(("Phân công", assignments));
    for (i, (title, mut content)) in sections.into_iter().enumerate() {
        blocks.push(Block::heading(format!("{}. {title}", i + 1)));
        close_items(&mut content);
        blocks.extend(content);
    }

    if let Some(closing) = &p.closing {
        blocks.push(Block::body(common::text(d, closing)));
    }
    blocks.push(Block::SignOff {
        recipients: Some(common::recipients(&p.recipients, &p.archive)),
        countersign: None,
        signature: common::signature(d, p.signer, p.on_behalf),
    });

    common::document(
        d,
        KIND.into(),
        format!("Kế hoạch {}", p.summary),
        common::Issue {
            kind: KIND,
            doc_type: Some(DOC_TYPE),
            number: p.number.as_deref(),
            date: p.date,
        },
        Title {
            kind: "KẾ HOẠCH".into(),
            summary: Some(p.summary.clone()),
            subtitle: None,
        },
        blocks,
    )
}
