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
