//! The pipeline as one call per command: load → build documents → render → write.

use std::path::Path;

use crate::data::{self, Dossier};
use crate::diag::Diagnostic;
use crate::documents;
use crate::output::{self, Outcome};
use crate::render::Renderer;
use crate::render::docx::DocxRenderer;
use crate::render::pdf::PdfRenderer;

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// The data has errors (exit status 1).
    Data(Vec<Diagnostic>),
    /// Rendering or writing failed (exit status 2).
    Io(anyhow::Error),
}

fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        Failure::Io(anyhow::anyhow!(
            "không đọc được tệp dữ liệu {}: {}",
            path.display(),
            crate::messages::io_error(&e)
        ))
    })
}

/// Loads and checks a data file.
pub fn check(path: &Path) -> Result<Dossier, Failure> {
    let bytes = read_input(path)?;
    data::load_bytes(&path.display().to_string(), &bytes).map_err(Failure::Data)
}

/// Builds every document of the data file into `out`; a file edited by hand since the last build
/// is kept unless `force`. Returns what happened to each file.
pub fn build(path: &Path, out: &Path, force: bool) -> Result<Vec<Outcome>, Failure> {
    let bytes = read_input(path)?;
    let label = path.display().to_string();
    let dossier = data::load_bytes(&label, &bytes).map_err(Failure::Data)?;
    let docs = documents::build_all(&dossier);
    let docx = DocxRenderer::new();
    let pdf = PdfRenderer::new();
    let renderers: [&dyn Renderer; 2] = [&docx, &pdf];
    let files = output::render_all(&docs, &renderers).map_err(Failure::Io)?;
    output::write_all(out, &files, &label, &bytes, force).map_err(Failure::Io)
}
