//! PDF through Typst, in process: a sealed World (embedded fonts parsed once, the template, the
//! document as JSON, the document's own date as `today`), so output depends only on the input.

use std::sync::LazyLock;

use anyhow::{anyhow, bail};
use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::model::Document as _;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::chunked::{Marks, Part, Units};
use crate::doc::Document;
use crate::guide::Guide;

/// The Typst layout of a Party document.
const TEMPLATE: &str = include_str!("../../templates/party.typ");

fn file_id(path: &str) -> FileId {
    FileId::new(RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("static path"),
    ))
}

/// What every compilation shares: library, fonts, template. Built once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    main_id: FileId,
    json_id: FileId,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = crate::fonts::FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    let main_id = file_id("/main.typ");
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(main_id, TEMPLATE.to_string()),
        main_id,
        json_id: file_id("/doc.json"),
    }
});

/// One compilation: the shared parts plus this document's JSON and date.
struct DocWorld {
    shared: &'static Shared,
    json: Bytes,
    today: Datetime,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }
    fn main(&self) -> FileId {
        self.shared.main_id
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main_id {
            Ok(self.shared.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.json_id {
            Ok(self.json.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn doc_date(doc: &Document) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(&doc.date, "%Y-%m-%d")
        .map_err(|_| anyhow!("ngày tài liệu không hợp lệ: {}", doc.date))
}

/// The guide as the Typst template reads it: its figures, and the spacings derived from them.
fn style(g: &Guide) -> anyhow::Result<serde_json::Value> {
    let mut v = serde_json::to_value(g)?;
    let leading = g.leading_pt();
    v["leading_pt"] = leading.into();
    // between paragraphs Typst puts `spacing` in place of the leading: the leading plus the gap
    v["par_spacing_pt"] = (leading + g.para_spacing_pt).into();
    v["signature_room_pt"] = g.signature_room_pt().into();
    v["sign_line_em"] = crate::guide::SIGN_LINE_EM.into();
    v["sign_descent_em"] = crate::guide::SIGN_DESCENT_EM.into();
    // the .docx puts this much before the sign-off's first line, after the body line's descent
    v["sign_off_above_pt"] = (2.0 * g.para_spacing_pt).into();
    Ok(v)
}

/// Lays a document out with Typst, whole.
fn compile(doc: &Document) -> anyhow::Result<PagedDocument> {
    compile_part(doc, serde_json::to_value(&doc.blocks)?, None)
}

/// Lays out a document's `blocks` (all of them, or a part's, after `part.pages_before` pages).
fn compile_part(
    doc: &Document,
    blocks: serde_json::Value,
    part: Option<Part>,
) -> anyhow::Result<PagedDocument> {
    let date = doc_date(doc)?;
    let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
        .ok_or_else(|| anyhow!("ngày tài liệu không hợp lệ: {}", doc.date))?;
    let (superior, issuer) = super::fit::header_lines(doc);
    let mut input = serde_json::json!({
        "doc": {
            "meta_title": doc.meta_title,
            "meta_author": doc.meta_author,
            "margins": doc.margins,
            "form_label": doc.form_label,
            "header": doc.header,
            "title": doc.title,
            "blocks": blocks,
        },
        "style": style(doc.guide)?,
        "header_lines": { "superior": superior, "issuer": issuer },
    });
    if let Some(p) = part {
        input["part"] =
            serde_json::json!({ "first": p.start == 0, "pages_before": p.pages_before });
    }
    let json = serde_json::to_vec(&input)?;
    drop(input);
    let world = DocWorld {
        shared: &SHARED,
        json: Bytes::new(json),
        today,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    // Typst memoises layout across compilations; keep what recent documents reuse (the
    // template, fonts) and drop the rest, so a batch of thousands of documents stays small.
    // Eviction locks every cache against the other threads: done every few documents.
    static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 8 == 7 {
        typst::comemo::evict(3);
    }
    // A missing font would silently change the layout: treat its warning as an error.
    let font_warnings: Vec<_> = warned
        .warnings
        .iter()
        .filter(|w| w.message.contains("font"))
        .cloned()
        .collect();
    if !font_warnings.is_empty() {
        bail!(
            "thiếu phông chữ khi dàn trang PDF: {}",
            describe(&font_warnings)
        );
    }
    warned
        .output
        .map_err(|e| anyhow!("lỗi dàn trang PDF (Typst): {}", describe(&e)))
}

/// Writes documents as PDF.
#[derive(Clone, Copy, Debug, Default)]
pub struct PdfRenderer;

impl PdfRenderer {
    /// A renderer; the fonts are parsed on first use and shared by all renderers of the process.
    pub fn new() -> Self {
        LazyLock::force(&SHARED);
        PdfRenderer
    }
}

impl super::Renderer for PdfRenderer {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, doc: &Document) -> anyhow::Result<Vec<u8>> {
        // A document listing hundreds of members takes hundreds of MB to lay out: one such
        // document at a time, and its layout dropped from Typst's caches as soon as it is done.
        let large = doc.weight() > super::LARGE_DOCUMENT;
        let _one_at_a_time = large.then(|| LARGE.lock().unwrap_or_else(|e| e.into_inner()));
        let _trimmed = large.then(CacheTrimmer::start);
        if large {
            let pdf = render_in_parts_of(doc, super::chunked::UNITS_PER_PART);
            typst::comemo::evict(0);
            return pdf;
        }
        let paged = compile(doc)?;
        export(&paged, &pdf_options(doc, true)?)
    }
}

/// Lays a large document out part by part (see `chunked`), `per_part` paragraphs and rows at a
/// time, and hands each part's pages to `each` as a document of their own (numbered after the
/// parts before), with whether it is the last.
fn layout_in_parts(
    doc: &Document,
    per_part: usize,
    mut each: impl FnMut(PagedDocument, bool) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let units = Units::new(doc, per_part);
    let mut pages_before = 0;
    let mut start = 0;
    while start < units.total() {
        let mut end = units.end_of_part(start);
        let part = Part {
            start,
            pages_before,
        };
        let mut paged = compile_part(doc, units.blocks_json(start, end)?, Some(part))?;
        let mut keep = paged.pages().len();
        if end < units.total() {
            match Marks::read(paged.pages()).cut(&units, start) {
                Some((page, next)) => {
                    keep = page;
                    end = next;
                }
                None => {
                    // no page of the part begins cleanly: the rest in one go
                    end = units.total();
                    paged = compile_part(doc, units.blocks_json(start, end)?, Some(part))?;
                    keep = paged.pages().len();
                }
            }
        }
        let kept: Vec<_> = paged.pages()[..keep]
            .iter()
            .map(|page| {
                let mut page = page.clone();
                page.number += pages_before as u64;
                page
            })
            .collect();
        let info = paged.info().clone();
        drop(paged);
        pages_before += keep;
        typst::comemo::evict(0);
        each(
            PagedDocument::new(kept.into_iter().collect(), info),
            end == units.total(),
        )?;
        start = end;
    }
    Ok(())
}

/// How a document is written as PDF: its identifier and date from the document, so that the
/// bytes depend on nothing else; with a structure tree or without.
fn pdf_options(doc: &Document, tagged: bool) -> anyhow::Result<PdfOptions> {
    let date = doc_date(doc)?;
    Ok(PdfOptions {
        ident: Smart::Custom(format!("hoso-{}-{}", doc.path, doc.date)),
        timestamp: Datetime::from_ymd_hms(
            date.year(),
            date.month() as u8,
            date.day() as u8,
            0,
            0,
            0,
        )
        .map(Timestamp::new_utc),
        tagged,
        ..PdfOptions::default()
    })
}

fn export(paged: &PagedDocument, options: &PdfOptions) -> anyhow::Result<Vec<u8>> {
    typst_pdf::pdf(paged, options).map_err(|e| anyhow!("lỗi xuất PDF: {}", describe(&e)))
}

/// A large document as PDF, laid out `per_part` paragraphs and table rows at a time: each part
/// exported as it is laid out and joined to the parts before, so that memory holds one part's
/// pages, not the document's thousand. Public for tests of the joined PDF.
pub fn render_in_parts_of(doc: &Document, per_part: usize) -> anyhow::Result<Vec<u8>> {
    let mut joined = super::pdf_join::Joined::default();
    let mut whole = None;
    layout_in_parts(doc, per_part, |paged, last| {
        if last && joined.is_empty() {
            // one part: the document as it is, with its structure tree
            whole = Some(export(&paged, &pdf_options(doc, true)?)?);
        } else {
            // Parts laid out apart name their elements alike, which a structure tree of the
            // whole cannot tell apart: a document joined from parts goes without one.
            joined.add(&export(&paged, &pdf_options(doc, false)?)?)?;
        }
        Ok(())
    })?;
    match whole {
        Some(pdf) => Ok(pdf),
        None => joined.finish(),
    }
}

/// Held while a large document is laid out.
static LARGE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// While a large document is laid out and exported, Typst's caches are emptied every
/// `TRIM_EVERY`: its layout keeps every table cell's and paragraph's result until the
/// compilation ends, a third of the memory of a 5,000-member ballot. Emptying a cache only
/// costs recomputation (the layout is the same, byte for byte); the other thread's documents lose
/// their cached parts too, for the few seconds a large document takes.
struct CacheTrimmer {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// How often the caches are emptied while a large document is laid out.
const TRIM_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

impl CacheTrimmer {
    fn start() -> Self {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("hoso-trim".into())
            .spawn(move || {
                while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                    stopped.recv_timeout(TRIM_EVERY)
                {
                    typst::comemo::evict(0);
                }
            })
            .ok();
        CacheTrimmer {
            stop: Some(stop),
            thread,
        }
    }
}

impl Drop for CacheTrimmer {
    fn drop(&mut self) {
        // the sender dropped: the thread's wait ends at once
        self.stop.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A run of text as Typst placed it: for layout tests and diagnostics.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The words.
    pub text: String,
    /// Left edge, in points from the page's left edge.
    pub x: f64,
    /// Baseline, in points from the page's top edge.
    pub y: f64,
    /// Width in points.
    pub width: f64,
    /// Font size in points.
    pub size: f64,
    /// Whether the font is bold.
    pub bold: bool,
    /// Whether the font is italic.
    pub italic: bool,
}

fn collect(frame: &typst::layout::Frame, dx: f64, dy: f64, out: &mut Vec<Placed>) {
    use typst::layout::FrameItem;
    use typst::text::{FontStyle, FontWeight};
    for (p, item) in frame.items() {
        let (x, y) = (dx + p.x.to_pt(), dy + p.y.to_pt());
        match item {
            FrameItem::Group(g) => collect(
                &g.frame,
                x + g.transform.tx.to_pt(),
                y + g.transform.ty.to_pt(),
                out,
            ),
            FrameItem::Text(t) => {
                let info = t.font.font().info();
                // The width of what is visible: trailing spaces are not part of the line's ink.
                let visible = t
                    .glyphs
                    .iter()
                    .rposition(|g| !t.text[g.range()].trim().is_empty());
                let width: f64 = match visible {
                    Some(last) => t.glyphs[..=last]
                        .iter()
                        .map(|g| g.x_advance.at(t.size).to_pt())
                        .sum(),
                    None => 0.0,
                };
                out.push(Placed {
                    text: t.text.trim_end().to_string(),
                    x,
                    y,
                    width,
                    size: t.size.to_pt(),
                    bold: info.variant.weight >= FontWeight::BOLD,
                    italic: info.variant.style != FontStyle::Normal,
                })
            }
            _ => {}
        }
    }
}

/// Lays the document out and returns the text runs of each page, merged into lines (runs that
/// share a baseline and touch), in reading order.
pub fn layout_lines(doc: &Document) -> anyhow::Result<Vec<Vec<Placed>>> {
    Ok(lines_of(&compile(doc)?))
}

/// As `layout_lines`, the document laid out in parts of `per_part` paragraphs and table rows, as
/// a large document is.
pub fn layout_lines_in_parts(doc: &Document, per_part: usize) -> anyhow::Result<Vec<Vec<Placed>>> {
    let mut pages = Vec::new();
    layout_in_parts(doc, per_part, |paged, _| {
        pages.extend(lines_of(&paged));
        Ok(())
    })?;
    Ok(pages)
}

fn lines_of(paged: &PagedDocument) -> Vec<Vec<Placed>> {
    let mut pages = Vec::new();
    for page in paged.pages() {
        let mut runs = Vec::new();
        collect(&page.frame, 0.0, 0.0, &mut runs);
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<Placed> = Vec::new();
        for r in runs {
            match lines.last_mut() {
                Some(l) if (l.y - r.y).abs() < 0.5 && r.x - (l.x + l.width) < r.size / 2.0 => {
                    let gap = r.x - (l.x + l.width);
                    if gap > r.size * 0.15 {
                        l.text.push(' ');
                    }
                    l.text.push_str(&r.text);
                    l.width = r.x + r.width - l.x;
                }
                _ => lines.push(r),
            }
        }
        pages.push(lines);
    }
    pages
}
