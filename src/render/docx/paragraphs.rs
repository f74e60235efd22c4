//! Body paragraphs: the named styles a clerk restyles in Word, and each paragraph kind's spacing,
//! indent and keeping.

use super::*;

/// Whether block `i` is a paragraph kept on the page of the block after it (as the PDF keeps it).
pub(super) fn sticky(blocks: &[Block], i: usize) -> bool {
    match &blocks[i] {
        Block::Paragraph { kind, .. } => {
            kind.kept_with_next() || matches!(blocks.get(i + 1), Some(Block::SignOff { .. }))
        }
        _ => false,
    }
}

/// The named paragraph style of each kind (a heading's by its level), so that a clerk restyles
/// all paragraphs of a kind at once in Word.
pub(super) fn style_of(kind: ParaKind, level: u8) -> &'static str {
    match kind {
        ParaKind::Body => "VanBan",
        ParaKind::Heading | ParaKind::Part => match level {
            0 | 1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        },
        ParaKind::Item | ParaKind::KeptItem => "GachDau",
        ParaKind::Plain | ParaKind::Label => "Dong",
        ParaKind::Lines | ParaKind::KeptLines => "DongCham",
        ParaKind::Centred => "GiuaDong",
    }
}

/// Whether the text of a kind's style is bold (its runs then say only when they are not).
pub(super) fn style_is_bold(kind: ParaKind) -> bool {
    matches!(kind, ParaKind::Heading | ParaKind::Part)
}

/// The paragraph styles: "Normal" (the default: the body's size, widow control), "Văn bản" and
/// the kinds based on it, the headings as Word's built-in "heading 1–3" (so that the navigation
/// pane shows the outline), the lines to write on; and names for the title's and the
/// signature's lines. Every size, bold, indent and spacing of body text is the style's: a clerk
/// who changes "Văn bản" to 13 pt changes every body paragraph.
pub(super) fn styles(g: &Geometry) -> Vec<Style> {
    let spacing = || {
        LineSpacing::new()
            .before(pt_twips(g.st.para_spacing_pt) as u32)
            .after(0)
            .line(pt_twips(g.st.line_pitch_pt))
            .line_rule(LineSpacingType::Exact)
    };
    let indent = twips(g.st.first_line_indent_mm);
    let size = half_points(g.st.body_pt);
    let body = |id: &str, name: &str, align: AlignmentType, first: i32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .q_format(true)
            .align(align)
            .indent(None, Some(SpecialIndentType::FirstLine(first)), None, None)
            .line_spacing(spacing())
    };
    let mut normal = Style::new("Normal", StyleType::Paragraph)
        .name("Normal")
        .q_format(true)
        .size(size);
    normal.paragraph_property = normal.paragraph_property.widow_control(true);
    let mut out = vec![
        normal,
        body("VanBan", "Văn bản", AlignmentType::Both, indent)
            .based_on("Normal")
            .size(size),
    ];
    for (level, (id, _)) in ALIASES.iter().enumerate() {
        let mut h = body(
            id,
            &format!("heading {}", level + 1),
            AlignmentType::Both,
            indent,
        )
        .based_on("VanBan")
        .next("VanBan")
        .bold();
        h.paragraph_property = h
            .paragraph_property
            .keep_next(true)
            .keep_lines(true)
            .outline_lvl(level);
        out.push(h);
    }
    let mut centred = body("GiuaDong", "Giữa dòng", AlignmentType::Center, 0).based_on("VanBan");
    centred.paragraph_property = centred.paragraph_property.keep_next(true);
    out.extend([
        body("GachDau", "Gạch đầu dòng", AlignmentType::Both, indent).based_on("VanBan"),
        body("Dong", "Dòng", AlignmentType::Left, 0).based_on("VanBan"),
        body("DongCham", "Dòng chấm", AlignmentType::Left, 0)
            .based_on("Dong")
            .next("DongCham"),
        centred,
        Style::new("TieuDe", StyleType::Paragraph)
            .name("Tiêu đề")
            .q_format(true)
            .align(AlignmentType::Center),
        Style::new("ChuKy", StyleType::Paragraph)
            .name("Chữ ký")
            .q_format(true)
            .align(AlignmentType::Center),
    ]);
    out
}

/// A paragraph of the model as one Word paragraph in its kind's named style; the lines of a
/// paragraph whose text has line breaks (a list of options, lines to write on) are lines of
/// that one paragraph, so that Word's widow control keeps a short one on one page while what a
/// member types there grows and breaks across pages like any text. A list of options is also
/// kept whole (`keepLines`); lines to write on never are.
pub(super) fn body_paragraph(
    kind: ParaKind,
    runs: &[Run],
    place: Place,
    g: &Geometry,
) -> Paragraph {
    // alignment, indent and spacing come from the kind's named style; only a paragraph set
    // otherwise (no space above, room below) says so itself
    let mut p = Paragraph::new().style(style_of(kind, place.level));
    let part = kind == ParaKind::Part || place.after_sign_off;
    if place.unspaced || place.after > 0.0 || part {
        // a part another body fills in: twice the paragraph space above it
        let before = match (place.unspaced, part) {
            (true, _) => 0.0,
            (false, true) => 2.0 * g.st.para_spacing_pt,
            (false, false) => g.st.para_spacing_pt,
        };
        p = p.line_spacing(
            LineSpacing::new()
                .before(pt_twips(before) as u32)
                .after(pt_twips(place.after) as u32)
                .line(pt_twips(g.st.line_pitch_pt))
                .line_rule(LineSpacingType::Exact),
        );
    }
    // a heading's and a centred line's style keeps them; the others say so themselves
    if place.keep_next
        || kind.kept_with_next()
            && !matches!(kind, ParaKind::Heading | ParaKind::Part | ParaKind::Centred)
    {
        p = p.keep_next(true);
    }
    if place.page_break_before {
        p = p.page_break_before(true);
    }
    let lines = runs.iter().any(|r| r.text.contains('\n'));
    if lines && kind != ParaKind::Lines {
        p = p.keep_lines(true);
    }
    // A line of a left-aligned paragraph ends with a space before its break, so that a reader of
    // the text alone (a search, a copy, a screen reader) sees two words where the page shows two
    // lines ("□ … nhiệm vụ" then "■ …"); Word and LibreOffice do not set a space at a line's end.
    let spaced = !matches!(kind, ParaKind::Centred | ParaKind::Heading | ParaKind::Part);
    for r in runs {
        let parts: Vec<&str> = r.text.split('\n').collect();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                p = p.add_run(DocxRun::new().add_break(docx_rs::BreakType::TextWrapping));
            }
            if !part.is_empty() {
                let end = spaced && i + 1 < parts.len() && !part.ends_with(char::is_whitespace);
                p = p.add_run(styled_run(
                    &Run {
                        text: if end {
                            format!("{part} ")
                        } else {
                            part.to_string()
                        },
                        ..r.clone()
                    },
                    style_is_bold(kind),
                ));
            }
        }
    }
    p
}
