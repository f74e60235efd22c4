//! Pieces shared by the review forms (Mẫu 01, Mẫu 02 and their successors): section headings,
//! the member's or the cell's text or dotted lines to write on, □/■ rows, signature blocks
//! without recipients. The wording comes from the regulation's `ReviewForm`.

use crate::data::{Level, Rating, SelfReview};
use crate::doc::{Block, ParaKind, Run, SignLine, SignRole, Signature};
use crate::regulation::{LevelBoxes, ReviewForm};

/// A line of dots to write on: 32 ellipses of 1 em at 14 pt fill the 165 mm text line
/// without running past it.
pub fn dots() -> String {
    "…".repeat(32)
}

/// "Label: value", or "Label: ……" when the value is unknown.
pub fn field(label: &str, value: Option<&str>) -> Block {
    Block::plain(vec![
        Run::plain(format!("{label}: ")),
        Run::plain(value.unwrap_or("……………………………………")),
    ])
}

/// A numbered sub-heading of a section ("1. Hạn chế, khuyết điểm:"), bold italic, kept with
/// what follows.
pub fn sub(text: String) -> Block {
    Block::Paragraph {
        kind: ParaKind::Heading,
        runs: vec![Run {
            text,
            italic: true,
            bold: true,
            ..Run::default()
        }],
    }
}

/// What was written, or two dotted lines to write on.
pub fn answer(text: Option<&str>, out: &mut Vec<Block>) {
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

/// "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém".
pub fn level_row(levels: &LevelBoxes, chosen: Option<Level>) -> Block {
    Block::Paragraph {
        kind: ParaKind::Body,
        runs: vec![Run::plain(format!(
            "{} {}",
            levels.prompt,
            boxes(&levels.levels, chosen, "   ")
        ))],
    }
}

/// The four rating levels, one per line, the chosen one filled.
pub fn rating_rows(chosen: Option<Rating>, out: &mut Vec<Block>) {
    for v in Rating::ALL {
        let mark = if Some(v) == chosen { "■" } else { "□" };
        out.push(Block::plain(vec![Run::plain(format!(
            "{mark} {}",
            v.name()
        ))]));
    }
}

/// A signature block without recipients: its lines, then the name.
pub fn signature(lines: &[(&str, SignRole)], name: Option<String>) -> Block {
    Block::SignOff {
        recipients: None,
        countersign: None,
        signature: Signature {
            heading: lines
                .iter()
                .map(|(t, role)| SignLine::new(*role, *t))
                .collect(),
            name,
        },
    }
}

/// Sections I–VI of a review in the form's order: criteria with their levels, shortcomings and
/// causes, remedy with its level, the issues raised (`prompts`) and explanations, responsibility,
/// direction.
pub fn sections_i_to_vi(form: &ReviewForm, r: &SelfReview, prompts: &[String], b: &mut Vec<Block>) {
    b.push(Block::heading("I. Ưu điểm, kết quả đạt được"));
    for (i, c) in form.criteria.iter().enumerate() {
        let entry = r.criteria.get(i);
        b.push(sub(format!("{}. {}", i + 1, c.text)));
        answer(entry.and_then(|e| e.text.as_deref()), b);
        if c.assessed
            && let Some(levels) = form.levels
        {
            b.push(level_row(levels, entry.and_then(|e| e.level)));
        }
    }
    b.push(Block::heading("II. Hạn chế, khuyết điểm và nguyên nhân"));
    b.push(sub("1. Hạn chế, khuyết điểm:".into()));
    answer(r.shortcomings.as_deref(), b);
    b.push(sub("2. Nguyên nhân của hạn chế, khuyết điểm:".into()));
    answer(r.causes.as_deref(), b);
    b.push(Block::heading(
        "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
    ));
    answer(r.remedy.as_deref(), b);
    if let Some(levels) = form.levels {
        b.push(level_row(levels, r.remedy_level));
    }
    b.push(Block::heading(
        "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
    ));
    for p in prompts {
        b.push(Block::Paragraph {
            kind: ParaKind::Item,
            runs: vec![Run {
                text: format!("- Vấn đề được gợi ý: {p}"),
                italic: true,
                ..Run::default()
            }],
        });
    }
    answer(r.explanations.as_deref(), b);
    b.push(Block::heading(form.responsibility));
    answer(r.responsibility.as_deref(), b);
    b.push(Block::heading(
        "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
    ));
    answer(r.direction.as_deref(), b);
}

/// A form's label line ("- Nhận xét, đánh giá của chi ủy:"), kept with the answer under it.
pub fn label(text: &str) -> Block {
    Block::Paragraph {
        kind: ParaKind::Label,
        runs: vec![Run::plain(text)],
    }
}
