//! The pipeline as one call per command: load → build documents → render → write.

use std::path::{Path, PathBuf};

use crate::data::{self, Dossier};
use crate::diag::Diagnostic;
use crate::documents;
use crate::output;
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

/// Loads and checks a data file.
pub fn check(path: &Path) -> Result<Dossier, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::Io(anyhow::anyhow!(
            "không đọc được tệp dữ liệu {}: {}",
            path.display(),
            crate::messages::io_error(&e)
        ))
    })?;
    data::load_bytes(&path.display().to_string(), &bytes).map_err(Failure::Data)
}

/// Builds every document of the data file into `out`; returns the files written.
pub fn build(path: &Path, out: &Path) -> Result<Vec<PathBuf>, Failure> {
    let dossier = check(path)?;
    let docs = documents::build_all(&dossier);
    let docx = DocxRenderer::new();
    let pdf = PdfRenderer::new();
    let renderers: [&dyn Renderer; 2] = [&docx, &pdf];
    let files = output::render_all(&docs, &renderers).map_err(Failure::Io)?;
    output::write_all(out, &files).map_err(Failure::Io)
}
