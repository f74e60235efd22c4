//! .docx through docx-rs: the document model as WordprocessingML, then `docx_fix` makes the parts
//! valid against the ECMA-376 schemas and the package deterministic.

mod header;
mod paragraphs;
mod runs;
mod sign_off;
mod tables;

use header::*;
use paragraphs::*;
use runs::*;
use sign_off::*;
use tables::*;

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

/// The Vietnamese names Word shows beside the built-in headings' ("heading 1"), by style id;
/// `docx_fix` writes them as the styles' aliases (docx-rs cannot).
pub(crate) const ALIASES: [(&str, &str); 3] = [
    ("Heading1", "Đề mục 1"),
    ("Heading2", "Đề mục 2"),
    ("Heading3", "Đề mục 3"),
];

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
