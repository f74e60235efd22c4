//! Runs and the simplest paragraphs: sizes in twips and half-points, a run styled as the model
//! says, references never broken at their hyphen, centred lines, borders.

use super::*;

pub(super) fn twips(mm: f64) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

pub(super) fn half_points(pt: f64) -> usize {
    (pt * 2.0).round() as usize
}

pub(super) fn pt_twips(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

/// Width of `text` in bold at `size_pt`, in twips.
pub(super) fn bold_text_twips(text: &str, size_pt: f64) -> i32 {
    (crate::render::fit::text_width(text, size_pt, true) * 20.0).round() as i32
}

/// The hyphen of a reference between a number and capitals ("213-QĐ/TW", "05-KH/CB") made
/// non-breaking (U+2011, written as Word's `w:noBreakHyphen` by `docx_fix`), so that a
/// reference is never split at the end of a line.
pub fn bind_references(text: &str) -> std::borrow::Cow<'_, str> {
    // most runs have no hyphen at all: nothing to look at
    if !text.contains('-') {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let binds = |i: usize| {
        chars[i] == '-'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|c| c.is_uppercase())
    };
    if !(0..chars.len()).any(binds) {
        return std::borrow::Cow::Borrowed(text);
    }
    (0..chars.len())
        .map(|i| if binds(i) { '\u{2011}' } else { chars[i] })
        .collect::<String>()
        .into()
}

/// A run of a body paragraph: only what differs from its paragraph's style (whose size and
/// font it takes; `bold`: whether the style is bold).
pub(super) fn styled_run(r: &Run, bold: bool) -> DocxRun {
    let mut out = DocxRun::new().add_text(bind_references(&r.text));
    match (r.bold, bold) {
        (true, false) => out = out.bold(),
        (false, true) => out = out.disable_bold(),
        _ => {}
    }
    if r.italic {
        out = out.italic();
    }
    if r.underline {
        out = out.underline("single");
    }
    out
}

/// A run with the document's character formatting; its size only when it is not the "Normal"
/// style's (the body's), which it takes otherwise.
pub(super) fn run(r: &Run, size_pt: f64, g: &Geometry) -> DocxRun {
    let mut out = DocxRun::new().add_text(bind_references(&r.text));
    if half_points(size_pt) != half_points(g.st.body_pt) {
        out = out.size(half_points(size_pt));
    }
    if r.bold {
        out = out.bold();
    }
    if r.italic {
        out = out.italic();
    }
    if r.underline {
        out = out.underline("single");
    }
    out
}

pub(super) fn text_run(
    text: &str,
    size_pt: f64,
    bold: bool,
    italic: bool,
    g: &Geometry,
) -> DocxRun {
    run(
        &Run {
            text: text.to_string(),
            bold,
            italic,
            underline: false,
        },
        size_pt,
        g,
    )
}

/// Single-spaced, no space around: for header lines and signature lines.
pub(super) fn tight() -> LineSpacing {
    LineSpacing::new()
        .before(0)
        .after(0)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

pub(super) fn centred(r: DocxRun) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(tight())
}

/// Adds a paragraph border (docx-rs has it on the paragraph's properties only).
pub(super) fn with_border(
    mut p: Paragraph,
    position: ParagraphBorderPosition,
    g: &Geometry,
) -> Paragraph {
    // `with_empty`: docx-rs's default border set draws all four sides.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(position)
                .val(BorderType::Single)
                .size((g.st.rule_pt * 8.0).round() as usize)
                .space(1)
                .color("000000"),
        ),
    );
    p
}
