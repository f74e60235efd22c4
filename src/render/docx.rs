//! .docx through docx-rs: the document model as WordprocessingML, then `docx_fix` makes the parts
//! valid against the ECMA-376 schemas and the package deterministic.

use docx_rs::{
    AlignmentType, BorderType, Docx, Header as DocxHeader, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic,
    Run as DocxRun, RunFonts, SpecialIndentType, Style, StyleType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};

use crate::doc::{Block, Cell, Document, ParaKind, Run, Signature, VAlign};
use crate::guide::{Guide, Separator};

/// The font Word is told to use (the PDF embeds its metric twin, Liberation Serif).
pub const FONT: &str = "Times New Roman";

const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
/// Room above the document type, below the header (fitted to the PDF).
const TITLE_BEFORE_PT: f64 = 22.5;
/// Room under the five hyphens of HD 05, above the body (fitted to the PDF).
const TITLE_AFTER_PT: f64 = 13.2;
/// Room under the short rule of HD 36, above the body (fitted to the PDF).
const RULE_AFTER_PT: f64 = 11.3;
/// Room between a paragraph and a ruled table under it (fitted to the PDF).
const TABLE_ABOVE_PT: f64 = 8.0;

fn twips(mm: f64) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

fn half_points(pt: f64) -> usize {
    (pt * 2.0).round() as usize
}

fn pt_twips(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

/// Width of `text` in bold at `size_pt`, in twips.
fn bold_text_twips(text: &str, size_pt: f64) -> i32 {
    (super::fit::text_width(text, size_pt, true) * 20.0).round() as i32
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
fn styled_run(r: &Run, bold: bool) -> DocxRun {
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
fn run(r: &Run, size_pt: f64, g: &Geometry) -> DocxRun {
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

fn text_run(text: &str, size_pt: f64, bold: bool, italic: bool, g: &Geometry) -> DocxRun {
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
fn tight() -> LineSpacing {
    LineSpacing::new()
        .before(0)
        .after(0)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

fn centred(r: DocxRun) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(tight())
}

/// Adds a paragraph border (docx-rs has it on the paragraph's properties only).
fn with_border(mut p: Paragraph, position: ParagraphBorderPosition, g: &Geometry) -> Paragraph {
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

fn borderless_cell(width: i32, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    cell
}

/// A borderless two-column table, one row per pair of paragraphs (`None`: an empty cell), so
/// that the text reads in the same order as it is seen, row by row. Its rows stay on one page.
/// The right cell of row `bottom`, if any, sits at the bottom of its row.
fn two_column_rows(
    widths: [i32; 2],
    rows: Vec<[Option<Paragraph>; 2]>,
    bottom: Option<usize>,
) -> Table {
    let rows = rows
        .into_iter()
        .map(|[l, r]| {
            let p = |p: Option<Paragraph>| {
                vec![p.unwrap_or_else(|| Paragraph::new().line_spacing(tight()))]
            };
            [p(l), p(r)]
        })
        .collect();
    two_column_table_at(widths, rows, bottom)
}

/// A table without borders of columns `widths` wide, flush with the text, with no inner cell
/// margins: the columns' whole width is for text, as in the PDF.
fn borderless_table(rows: Vec<TableRow>, widths: &[i32]) -> Table {
    Table::without_borders(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .width(widths.iter().sum::<i32>() as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(
            TableCellMargins::new()
                .margin_left(0, WidthType::Dxa)
                .margin_right(0, WidthType::Dxa),
        )
}

/// Whether block `i` is a paragraph kept on the page of the block after it (as the PDF keeps it).
fn sticky(blocks: &[Block], i: usize) -> bool {
    match &blocks[i] {
        Block::Paragraph { kind, .. } => {
            kind.kept_with_next() || matches!(blocks.get(i + 1), Some(Block::SignOff { .. }))
        }
        _ => false,
    }
}

fn two_column_table_at(
    widths: [i32; 2],
    rows: Vec<[Vec<Paragraph>; 2]>,
    bottom: Option<usize>,
) -> Table {
    let last = rows.len().saturating_sub(1);
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, [l, r])| {
            let cell = |w: i32, ps: Vec<Paragraph>| {
                let n = ps.len();
                let ps = ps
                    .into_iter()
                    .enumerate()
                    .map(|(k, p)| p.keep_next(i < last || k + 1 < n))
                    .collect();
                borderless_cell(w, ps)
            };
            let mut right = cell(widths[1], r);
            if bottom == Some(i) {
                right = right.vertical_align(docx_rs::VAlignType::Bottom);
            }
            TableRow::new(vec![cell(widths[0], l), right]).cant_split()
        })
        .collect();
    borderless_table(rows, &widths)
}

/// Pairs two columns of paragraphs into rows.
fn zip_rows(left: Vec<Paragraph>, right: Vec<Paragraph>) -> Vec<[Option<Paragraph>; 2]> {
    let n = left.len().max(right.len());
    let (mut l, mut r) = (left.into_iter(), right.into_iter());
    (0..n).map(|_| [l.next(), r.next()]).collect()
}

/// Writes documents as .docx.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocxRenderer;

impl DocxRenderer {
    /// A renderer.
    pub fn new() -> Self {
        DocxRenderer
    }
}

/// What every part of one document is laid out with: its text width and its guide.
struct Geometry {
    text_width: i32,
    st: &'static Guide,
}

/// The issuing body's name, in one piece (Word's search finds it whole): when it takes two
/// lines, the paragraph is narrowed so that Word wraps it at the word the PDF breaks it; only
/// when no width does that is the break written in.
fn issuer_paragraph(lines: &[String], column: i32, g: &Geometry) -> Paragraph {
    let size = g.st.header_pt;
    let run = || DocxRun::new().size(half_points(size)).bold();
    if let [first, second] = lines {
        let width = |t: &str| bold_text_twips(t, size);
        // room for the longer line and a little more; the first line and the second's first
        // word must not fit in it, the second line must
        let room = width(first).max(width(second)) + pt_twips(3.0);
        let next = second.split(' ').next().unwrap_or_default();
        if width(&format!("{first} {next}")) > room && room <= column {
            let side = (column - room) / 2;
            return centred(run().add_text(format!("{first} {second}"))).indent(
                Some(side),
                None,
                Some(side),
                None,
            );
        }
    }
    // broken by hand: a space ends the first line, so that the text alone (a search, a copy)
    // reads two words at the break
    let mut name = run();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            name = name.add_break(docx_rs::BreakType::TextWrapping);
        }
        if i + 1 < lines.len() {
            name = name.add_text(format!("{l} "));
        } else {
            name = name.add_text(l);
        }
    }
    centred(name)
}

/// A header line's spacing: "exactly" the guide's header pitch (LibreOffice and Word set the text
/// at the foot of such a line, as the PDF does).
fn header_pitch(g: &Geometry) -> LineSpacing {
    LineSpacing::new()
        .before(0)
        .after(0)
        .line(pt_twips(g.st.header_pitch_pt))
        .line_rule(LineSpacingType::Exact)
}

fn header_table(doc: &Document, g: &Geometry) -> Table {
    let h = &doc.header;
    let left_w = (g.text_width as f64 * g.st.header_left_share).round() as i32;
    let right_w = g.text_width - left_w;
    // one row per line of the superior body's name, so that the party title beside its first
    // line reads where it is seen; the issuing body's name whole in one row (broken, when too
    // long, at the word the PDF breaks it), the date beside its last line
    let (superior, issuer) = super::fit::header_lines(doc);
    // every line of the left column "exactly" the header's pitch, as tall as the party title's
    // line with its rule beside the first: the lines evenly spaced, as in the PDF
    let pitch = |p: Paragraph| p.line_spacing(header_pitch(g));
    let line =
        |t: &str, italic: bool| pitch(centred(text_run(t, g.st.header_pt, false, italic, g)));
    let mut left: Vec<Paragraph> = superior.iter().map(|l| line(l, false)).collect();
    left.push(pitch(issuer_paragraph(&issuer, left_w, g)));
    left.push(line("*", false));
    if let Some(n) = &h.number {
        left.push(line(n, false));
    }
    if let Some(mark) = &h.draft {
        left.push(line(mark, true));
    }
    // The rule under the party title is a bottom border on a paragraph indented to the title's width.
    let title = "ĐẢNG CỘNG SẢN VIỆT NAM";
    let room = right_w;
    let side = ((room - bold_text_twips(title, g.st.party_title_pt)) / 2 - 10).max(0);
    let party = with_border(
        centred(text_run(title, g.st.party_title_pt, true, false, g)).indent(
            Some(side),
            None,
            Some(side),
            None,
        ),
        ParagraphBorderPosition::Bottom,
        g,
    );
    let date = centred(text_run(&h.place_date, g.st.header_pt, false, true, g)).line_spacing(
        LineSpacing::new()
            .before(60)
            .after(0)
            .line(240)
            .line_rule(LineSpacingType::Auto),
    );
    let mut right = vec![party];
    right.extend((1..superior.len()).map(|_| Paragraph::new().line_spacing(tight())));
    right.push(date);
    two_column_rows(
        [left_w, right_w],
        zip_rows(left, right),
        Some(superior.len()),
    )
}

fn title_paragraphs(doc: &Document, g: &Geometry) -> Vec<Paragraph> {
    // Each line "exactly" its size plus the gap the PDF leaves between these lines, so the title
    // stands where the PDF has it (LibreOffice puts the extra height above the text).
    let gap = g.st.leading_pt();
    let exact = |size: f64, before: f64, after: f64| {
        LineSpacing::new()
            .before(pt_twips(before) as u32)
            .after(pt_twips(after) as u32)
            .line(pt_twips(size + gap))
            .line_rule(LineSpacingType::Exact)
    };
    let kind = centred(text_run(&doc.title.kind, g.st.doc_type_pt, true, false, g))
        .style("TieuDe")
        .line_spacing(exact(g.st.doc_type_pt, TITLE_BEFORE_PT, 0.0));
    let summary = doc.title.summary.iter().flat_map(|t| t.lines()).map(|t| {
        Some(
            centred(text_run(t, g.st.summary_pt, true, false, g))
                .style("TieuDe")
                .line_spacing(exact(g.st.summary_pt, 0.0, 0.0)),
        )
    });
    // whom the form is for, under the summary: italic, not bold
    let subtitle = doc.title.subtitle.iter().map(|t| {
        Some(
            centred(text_run(t, g.st.summary_pt, false, true, g))
                .style("TieuDe")
                .line_spacing(exact(g.st.summary_pt, 0.0, 0.0)),
        )
    });
    let rule = match g.st.separator {
        // HD 05 §5.2.1: five hyphens under the summary
        Separator::Hyphens => centred(text_run("-----", g.st.summary_pt, false, false, g))
            .line_spacing(exact(g.st.summary_pt, 0.0, TITLE_AFTER_PT)),
        // The short rule: an empty, tiny paragraph with a top border, indented to its length.
        Separator::Rule => {
            let side = (g.text_width - twips(g.st.summary_rule_mm)) / 2;
            with_border(
                Paragraph::new()
                    .add_run(DocxRun::new().size(4))
                    .indent(Some(side), None, Some(side), None)
                    .line_spacing(
                        LineSpacing::new()
                            .before(pt_twips(g.st.para_spacing_pt) as u32)
                            .after(pt_twips(RULE_AFTER_PT) as u32)
                            .line(80)
                            .line_rule(LineSpacingType::Exact),
                    ),
                ParagraphBorderPosition::Top,
                g,
            )
        }
    };
    std::iter::once(Some(kind))
        .chain(summary)
        .chain(subtitle)
        .chain([Some(rule)])
        .flatten()
        .collect()
}

/// The named paragraph style of each kind (a heading's by its level), so that a clerk restyles
/// all paragraphs of a kind at once in Word.
fn style_of(kind: ParaKind, level: u8) -> &'static str {
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
fn style_is_bold(kind: ParaKind) -> bool {
    matches!(kind, ParaKind::Heading | ParaKind::Part)
}

/// The Vietnamese names Word shows beside the built-in headings' ("heading 1"), by style id;
/// `docx_fix` writes them as the styles' aliases (docx-rs cannot).
pub(crate) const ALIASES: [(&str, &str); 3] = [
    ("Heading1", "Đề mục 1"),
    ("Heading2", "Đề mục 2"),
    ("Heading3", "Đề mục 3"),
];

/// The paragraph styles: "Normal" (the default: the body's size, widow control), "Văn bản" and
/// the kinds based on it, the headings as Word's built-in "heading 1–3" (so that the navigation
/// pane shows the outline), the lines to write on; and names for the title's and the
/// signature's lines. Every size, bold, indent and spacing of body text is the style's: a clerk
/// who changes "Văn bản" to 13 pt changes every body paragraph.
fn styles(g: &Geometry) -> Vec<Style> {
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

/// How a body paragraph is placed besides its kind's style.
#[derive(Clone, Copy, Default)]
struct Place {
    /// Kept on the page of what follows (its kind may keep it anyway).
    keep_next: bool,
    /// Without the paragraph space above it (the first paragraph of a table cell, say).
    unspaced: bool,
    /// Points of room under it (above a table).
    after: f64,
    /// Starts a new page.
    page_break_before: bool,
    /// A heading's outline level (see `doc::heading_levels`).
    level: u8,
    /// Right under a signature: apart from it as a part another body fills in is.
    after_sign_off: bool,
}

/// A paragraph of the model as one Word paragraph in its kind's named style; the lines of a
/// paragraph whose text has line breaks (a list of options, lines to write on) are lines of
/// that one paragraph, so that Word's widow control keeps a short one on one page while what a
/// member types there grows and breaks across pages like any text. A list of options is also
/// kept whole (`keepLines`); lines to write on never are.
fn body_paragraph(kind: ParaKind, runs: &[Run], place: Place, g: &Geometry) -> Paragraph {
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

/// A line of a sign-off, `before` points below what precedes it: exactly `SIGN_LINE_EM` of the
/// body size whatever its own (a 12 pt recipient too), so that every row of the sign-off is as
/// tall, as the PDF sets them.
fn sign_line_spacing(body_pt: f64, before: f64) -> LineSpacing {
    LineSpacing::new()
        .before(pt_twips(before) as u32)
        .after(0)
        .line(pt_twips(crate::guide::SIGN_LINE_EM * body_pt))
        .line_rule(LineSpacingType::Exact)
}

/// "Nơi nhận" and the signature, or a countersignature and the signature, row by row as they
/// are seen (every row one line as tall as the others); see `sign-off` in the Typst template,
/// which sets the same lines at the same heights.
fn sign_off(
    recipients: Option<&[String]>,
    countersign: Option<&Signature>,
    s: &Signature,
    g: &Geometry,
) -> Table {
    let half = g.text_width / 2;
    let above = 2.0 * g.st.para_spacing_pt;
    let body = g.st.body_pt;
    let heading = |s: &Signature| -> Vec<DocxRun> {
        s.heading
            .iter()
            .map(|l| run(&l.run(g.st), body, g))
            .collect()
    };
    let left: Vec<DocxRun> = match (countersign, recipients) {
        (Some(c), _) => heading(c),
        (None, Some(recipients)) => {
            let label = Run {
                text: "Nơi nhận:".into(),
                underline: true,
                ..Run::default()
            };
            std::iter::once(run(&label, body, g))
                .chain(
                    recipients
                        .iter()
                        .map(|r| text_run(r, g.st.recipient_pt, false, false, g)),
                )
                .collect()
        }
        (None, None) => Vec::new(),
    };
    let left_centred = countersign.is_some();
    let right = heading(s);
    let n = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    let mut rows = Vec::new();
    for i in 0..n {
        let spacing = || sign_line_spacing(body, if i == 0 { above } else { 0.0 });
        let l = left.next().map_or_else(Paragraph::new, |r| {
            let p = Paragraph::new().add_run(r);
            if left_centred {
                p.align(AlignmentType::Center)
            } else {
                p
            }
        });
        let r = right
            .next()
            .map_or_else(Paragraph::new, |r| Paragraph::new().add_run(r))
            .style("ChuKy")
            .align(AlignmentType::Center);
        rows.push([
            vec![l.line_spacing(spacing())],
            vec![r.line_spacing(spacing())],
        ]);
    }
    // Room to sign and stamp: one empty line as tall as the room.
    let room = || {
        centred(DocxRun::new()).line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(pt_twips(g.st.signature_room_pt()))
                .line_rule(LineSpacingType::Exact),
        )
    };
    rows.push([vec![room()], vec![room()]]);
    let name = |s: Option<&Signature>| {
        s.and_then(|s| s.name.as_ref()).map(|n| {
            centred(text_run(n, body, true, false, g))
                .style("ChuKy")
                .line_spacing(sign_line_spacing(body, 0.0))
        })
    };
    let names = [name(countersign), name(Some(s))];
    if names.iter().any(Option::is_some) {
        let [l, r] = names.map(|p| {
            vec![p.unwrap_or_else(|| Paragraph::new().line_spacing(sign_line_spacing(body, 0.0)))]
        });
        rows.push([l, r]);
    }
    two_column_table_at([half, g.text_width - half], rows, None)
}

/// A ruled table: `widths` relative, merged cells as `gridSpan` and `vMerge`.
fn ruled_table(
    widths: &[f64],
    header: &[Vec<Cell>],
    rows: &[Vec<Cell>],
    compact: bool,
    short: bool,
    g: &Geometry,
) -> Table {
    let (size, inset, pad) = if compact {
        (
            g.st.compact_table_pt,
            g.st.compact_cell_inset_pt,
            g.st.compact_cell_pad_pt,
        )
    } else {
        (g.st.table_pt, g.st.cell_inset_pt, g.st.cell_inset_pt)
    };
    // LibreOffice ignores a table's top and bottom cell margins: the room above and below the
    // text is the paragraph's, its lines exactly as far apart as the PDF's (size + leading), so
    // that rows are as tall in every renderer; the rule between rows adds its width to a row in
    // Word and LibreOffice, and takes it from the room around the text in the PDF
    let leading = g.st.leading_pt() / 2.0;
    let cell_lines = || {
        let room = pt_twips(pad - leading / 2.0 - g.st.rule_pt / 2.0).max(0) as u32;
        LineSpacing::new()
            .before(room)
            .after(room)
            .line(pt_twips(size + leading))
            .line_rule(LineSpacingType::Exact)
    };
    let total: f64 = widths.iter().sum();
    let cols: Vec<i32> = widths
        .iter()
        .map(|w| (g.text_width as f64 * w / total).round() as i32)
        .collect();
    // Columns still covered by a cell from a row above, with how many rows it still covers.
    let mut pending: Vec<(usize, usize, usize)> = Vec::new(); // (column, colspan, rows left)
    let mut out_rows = Vec::new();
    let all = header.len() + rows.len();
    for (index, row) in header.iter().chain(rows).enumerate() {
        // a short table is kept on one page: every row kept with the next
        let keep = short && index + 1 < all;
        let mut cells = Vec::new();
        let mut col = 0;
        let mut source = row.iter();
        while col < cols.len() {
            if let Some(i) = pending.iter().position(|(c, _, _)| *c == col) {
                let (_, span, _) = pending[i];
                let width: i32 = cols[col..col + span].iter().sum();
                let mut cell = TableCell::new()
                    .width(width as usize, WidthType::Dxa)
                    .vertical_merge(docx_rs::VMergeType::Continue)
                    .add_paragraph(Paragraph::new().line_spacing(cell_lines()).keep_next(keep));
                if span > 1 {
                    cell = cell.grid_span(span);
                }
                cells.push(cell);
                pending[i].2 -= 1;
                if pending[i].2 == 0 {
                    pending.remove(i);
                }
                col += span;
                continue;
            }
            let Some(c) = source.next() else { break };
            let span = c.colspan.max(1).min(cols.len() - col);
            let width: i32 = cols[col..col + span].iter().sum();
            let mut p = Paragraph::new().line_spacing(cell_lines()).keep_next(keep);
            if c.centred {
                p = p.align(AlignmentType::Center);
            }
            for run_ in &c.runs {
                p = p.add_run(run(run_, size, g));
            }
            let mut cell = TableCell::new()
                .width(width as usize, WidthType::Dxa)
                .vertical_align(match c.valign {
                    VAlign::Top => docx_rs::VAlignType::Top,
                    VAlign::Middle => docx_rs::VAlignType::Center,
                    VAlign::Bottom => docx_rs::VAlignType::Bottom,
                })
                .add_paragraph(p);
            if span > 1 {
                cell = cell.grid_span(span);
            }
            if c.rowspan > 1 {
                cell = cell.vertical_merge(docx_rs::VMergeType::Restart);
                pending.push((col, span, c.rowspan - 1));
            }
            cells.push(cell);
            col += span;
        }
        let row = TableRow::new(cells).cant_split();
        // a heading row repeats at the top of each page, as in the PDF: docx-rs cannot write
        // `w:tblHeader`, so the row is marked with a zero automatic height (no other row has a
        // height), which `docx_fix` turns into it
        out_rows.push(if index < header.len() {
            row.row_height(0.0).height_rule(docx_rs::HeightRule::Auto)
        } else {
            row
        });
    }
    let border = |p| {
        TableBorder::new(p)
            .size((g.st.rule_pt * 8.0).round() as usize)
            .color("000000")
    };
    // the same inner margins as the PDF's cells, so that both wrap the same words
    let m = pt_twips(inset) as usize;
    Table::new(out_rows)
        .set_grid(cols.iter().map(|w| *w as usize).collect())
        .width(g.text_width as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(
            TableCellMargins::new()
                .margin_left(m, WidthType::Dxa)
                .margin_right(m, WidthType::Dxa)
                .margin_top(0, WidthType::Dxa)
                .margin_bottom(0, WidthType::Dxa),
        )
        .set_borders(
            TableBorders::with_empty()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
}

/// The page header of pages 2 on: the page number, centred (the first page's header is empty).
fn page_number_header(g: &Geometry) -> DocxHeader {
    DocxHeader::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(docx_rs::PageNum::new())
            .size(half_points(g.st.page_number_pt)),
    )
}

/// The page header of page 1: the form's label in the top right corner, or nothing.
fn form_label_header(label: Option<&str>, g: &Geometry) -> DocxHeader {
    match label {
        None => DocxHeader::new(),
        Some(l) => DocxHeader::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                // a short line that never wraps: its hyphen left as written (a non-breaking
                // one would read "01- HD" when copied out of LibreOffice's PDF)
                .add_run(
                    DocxRun::new()
                        .add_text(l)
                        .size(half_points(g.st.recipient_pt))
                        .italic(),
                ),
        ),
    }
}

impl DocxRenderer {
    /// The whole document as docx-rs builds it.
    pub(crate) fn docx(&self, doc: &Document) -> Docx {
        let g = geometry(doc);
        add_blocks(shell(doc, &g), &doc.blocks, 0, doc.blocks.len(), &g)
    }
}

fn geometry(doc: &Document) -> Geometry {
    let m = doc.margins;
    Geometry {
        text_width: twips(210.0 - m.left - m.right),
        st: doc.guide,
    }
}

/// Everything but the body: page, styles, headers, the Party header and the title.
fn shell(doc: &Document, g: &Geometry) -> Docx {
    let m = doc.margins;
    let stamp = format!("{}T00:00:00Z", doc.date);
    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin {
            top: twips(m.top),
            bottom: twips(m.bottom),
            left: twips(m.left),
            right: twips(m.right),
            // HD 05 fixes the page number 10 mm from the top edge
            header: twips(g.st.page_number_top_mm.unwrap_or(m.top / 2.0)),
            footer: twips(m.bottom / 2.0),
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(half_points(g.st.body_pt))
        .header(page_number_header(g))
        .first_header(form_label_header(doc.form_label.as_deref(), g))
        .title_pg()
        .created_at(&stamp)
        .updated_at(&stamp)
        .add_table(header_table(doc, g));
    for s in styles(g) {
        docx = docx.add_style(s);
    }
    for p in title_paragraphs(doc, g) {
        docx = docx.add_paragraph(p);
    }
    docx
}

/// Adds the body's blocks from `from` up to `to`. Nothing is put into a table to keep it on a
/// page: a paragraph kept with what follows says so (`keepNext`), as Word and LibreOffice
/// understand it, so that whatever a member types anywhere grows and breaks across pages.
fn add_blocks(mut docx: Docx, blocks: &[Block], from: usize, to: usize, g: &Geometry) -> Docx {
    let levels = crate::doc::heading_levels(blocks);
    for i in from..to {
        let b = &blocks[i];
        let next = blocks.get(i + 1);
        let page_break_before = i > 0 && matches!(blocks[i - 1], Block::PageBreak);
        docx = match b {
            Block::Paragraph { kind, runs } => {
                let place = Place {
                    // the paragraph before the signature is never left alone on a page (a line
                    // to write on there too: it belongs to whoever signs under it)
                    keep_next: sticky(blocks, i),
                    unspaced: false,
                    // the room the PDF leaves above a table, under the paragraph before it
                    after: if matches!(next, Some(Block::Table { .. })) {
                        TABLE_ABOVE_PT
                    } else {
                        0.0
                    },
                    page_break_before,
                    level: levels[i],
                    after_sign_off: i > 0 && matches!(blocks[i - 1], Block::SignOff { .. }),
                };
                docx.add_paragraph(body_paragraph(*kind, runs, place, g))
            }
            Block::Table {
                widths,
                header,
                rows,
                compact,
            } => {
                if page_break_before {
                    docx = docx.add_paragraph(Paragraph::new().page_break_before(true));
                }
                docx.add_table(ruled_table(
                    widths,
                    header,
                    rows,
                    *compact,
                    rows.len() <= g.st.short_table_rows,
                    g,
                ))
            }
            Block::Image {
                png, px, width_mm, ..
            } => {
                // EMU: 36,000 to the millimetre
                let emu = (*width_mm * 36_000.0).round() as u32;
                let pic = Pic::new_with_dimensions(png.clone(), *px, *px).size(emu, emu);
                docx.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .page_break_before(page_break_before)
                        .add_run(DocxRun::new().add_image(pic)),
                )
            }
            // the next block starts the new page (`pageBreakBefore`): nothing of its own
            Block::PageBreak => docx,
            Block::SignOff {
                recipients,
                countersign,
                signature,
            } => {
                // Word joins two tables that touch: a table right above gets a line between
                // them, kept with the signature, as tall as the PDF's room above a signature
                if i > 0 && matches!(blocks[i - 1], Block::Table { .. }) {
                    docx = docx.add_paragraph(
                        Paragraph::new().keep_next(true).line_spacing(
                            LineSpacing::new()
                                .before(0)
                                .after(0)
                                .line(pt_twips(g.st.para_spacing_pt))
                                .line_rule(LineSpacingType::Exact),
                        ),
                    );
                }
                docx.add_table(sign_off(
                    recipients.as_deref(),
                    countersign.as_ref(),
                    signature,
                    g,
                ))
            }
        };
    }
    docx
}

impl super::Renderer for DocxRenderer {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, doc: &Document) -> anyhow::Result<Vec<u8>> {
        // pictures bring files and relations of their own, which parts cannot share
        let pictures = doc.blocks.iter().any(|b| matches!(b, Block::Image { .. }));
        if doc.weight() > super::LARGE_DOCUMENT && !pictures {
            self.render_in_parts_of(doc, BLOCKS_PER_PART)
        } else {
            self.render_whole(doc)
        }
    }
}

/// Paragraphs and table rows built at a time.
const BLOCKS_PER_PART: usize = 500;

impl DocxRenderer {
    /// The document built whole.
    pub fn render_whole(&self, doc: &Document) -> anyhow::Result<Vec<u8>> {
        let mut raw = std::io::Cursor::new(Vec::new());
        self.docx(doc).build().pack(&mut raw)?;
        package(doc, raw.into_inner())
    }

    /// The document's body built `per_part` paragraphs and table rows at a time, each part's XML
    /// put in place as it is made: docx-rs holds kilobytes for every table cell, hundreds of MB
    /// for a ballot of thousands, until its XML is written. The package is the one `render_whole`
    /// makes, byte for byte.
    pub fn render_in_parts_of(&self, doc: &Document, per_part: usize) -> anyhow::Result<Vec<u8>> {
        let per_part = per_part.max(1);
        let g = geometry(doc);
        let blocks = &doc.blocks;
        let rows_of = |i: usize| match &blocks[i] {
            Block::Table { rows, .. } => rows.len(),
            _ => 0,
        };
        // a short table's rows are all kept with the next one: it is built whole
        let sliced = |i: usize| rows_of(i) > per_part && rows_of(i) > g.st.short_table_rows;
        let mut body = String::new();
        let mut i = 0;
        while i < blocks.len() {
            if let Block::Table {
                widths,
                header,
                rows,
                compact,
            } = &blocks[i]
                && sliced(i)
            {
                // a long table in slices of rows, joined into one table
                let mut a = 0;
                while a < rows.len() {
                    let b = super::chunked::first_clear_row(rows, a + per_part);
                    let head: &[Vec<Cell>] = if a == 0 { header } else { &[] };
                    let table = ruled_table(widths, head, &rows[a..b], *compact, false, &g);
                    let xml = body_xml(Docx::new().add_table(table))?;
                    let mut piece = xml.as_str();
                    if a > 0 {
                        piece = &piece[first_row(piece)?..];
                    }
                    if b < rows.len() {
                        piece = piece.strip_suffix("</w:tbl>").ok_or_else(|| {
                            anyhow::anyhow!("bảng .docx không kết thúc như dự kiến")
                        })?;
                    }
                    body.push_str(piece);
                    a = b;
                }
                i += 1;
                continue;
            }
            // blocks up to `per_part` paragraphs and rows, a long table left for its own turn
            let mut to = i;
            let mut weight = 0;
            while to < blocks.len() && weight < per_part {
                if to > i && sliced(to) {
                    break;
                }
                weight += 1 + rows_of(to);
                to += 1;
            }
            let docx = add_blocks(Docx::new(), blocks, i, to, &g);
            body.push_str(&body_xml(docx)?);
            i = to;
        }
        let mut xml = shell(doc, &g).build();
        let document = String::from_utf8(std::mem::take(&mut xml.document))?;
        let at = document
            .rfind("<w:sectPr")
            .ok_or_else(|| anyhow::anyhow!("văn bản .docx thiếu phần cài đặt trang"))?;
        let mut joined = String::with_capacity(document.len() + body.len());
        joined.push_str(&document[..at]);
        joined.push_str(&body);
        drop(body);
        joined.push_str(&document[at..]);
        xml.document = joined.into_bytes();
        let mut raw = std::io::Cursor::new(Vec::new());
        xml.pack(&mut raw)?;
        package(doc, raw.into_inner())
    }
}

/// The package as Word reads it (see `docx_fix`).
fn package(doc: &Document, raw: Vec<u8>) -> anyhow::Result<Vec<u8>> {
    super::docx_fix::fix_package(
        &raw,
        &doc.meta_title,
        &doc.meta_author,
        &format!("{}T00:00:00Z", doc.date),
        doc.margins.mirrored,
    )
}

/// What a body of its own holds, between `<w:body>` and its section's settings.
fn body_xml(docx: Docx) -> anyhow::Result<String> {
    let document = String::from_utf8(docx.build().document)?;
    let open = "<w:body>";
    let start = document
        .find(open)
        .ok_or_else(|| anyhow::anyhow!("văn bản .docx thiếu <w:body>"))?
        + open.len();
    let end = document
        .rfind("<w:sectPr")
        .ok_or_else(|| anyhow::anyhow!("văn bản .docx thiếu phần cài đặt trang"))?;
    Ok(document[start..end].to_string())
}

/// Where a table's first row starts in its XML.
fn first_row(table: &str) -> anyhow::Result<usize> {
    ["<w:tr>", "<w:tr "]
        .iter()
        .filter_map(|t| table.find(t))
        .min()
        .ok_or_else(|| anyhow::anyhow!("bảng .docx không có hàng"))
}
