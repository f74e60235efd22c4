//! Renderers: `doc::Document` → bytes of one file format. Only the output layer writes files.

mod chunked;
pub mod docx;
mod docx_fix;
pub mod fit;
pub mod pdf;
mod pdf_join;

use crate::doc::Document;

/// Paragraphs and table rows above which a document is rendered in parts, each renderer its
/// own way (a few pages are a few hundred).
const LARGE_DOCUMENT: usize = 600;

/// A file format a document can be written as; renderers are shared by the threads of a build.
pub trait Renderer: Sync {
    /// File name extension ("pdf").
    fn extension(&self) -> &'static str;
    /// The document as the bytes of a file.
    fn render(&self, doc: &Document) -> anyhow::Result<Vec<u8>>;
}

/// Every format a document is written in, in the order its files are written (the editable
/// .docx, then the PDF to print). A third format is one module implementing `Renderer` and one
/// entry here: build, archive, the members' page and the slips all take their formats from it.
pub static ALL: [&dyn Renderer; 2] = [&docx::DocxRenderer, &pdf::PdfRenderer];

/// The renderer of the format with this extension ("pdf").
pub fn by_extension(ext: &str) -> Option<&'static dyn Renderer> {
    ALL.iter().copied().find(|r| r.extension() == ext)
}
