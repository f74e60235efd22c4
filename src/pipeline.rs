//! The pipeline as one call per command: load → check rules → build documents → render → write.

use std::path::Path;

use crate::data::{self, Dossier};
use crate::diag::{Diagnostic, Severity};
use crate::documents;
use crate::output::{self, Outcome};
use crate::render::Renderer;
use crate::render::docx::DocxRenderer;
use crate::render::pdf::PdfRenderer;
use crate::rules;

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

/// Data that passed every check, with the warnings it raised.
pub struct Checked {
    /// The data.
    pub dossier: Dossier,
    /// Warnings: printed, but the documents can be built.
    pub warnings: Vec<Diagnostic>,
}

/// Loads the data and checks the review's rules: every error at once, or the data and its warnings.
fn load_and_check(label: &str, bytes: &[u8]) -> Result<Checked, Failure> {
    let dossier = data::load_bytes(label, bytes).map_err(Failure::Data)?;
    let diags = rules::check(&dossier);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(Failure::Data(diags));
    }
    Ok(Checked {
        dossier,
        warnings: diags,
    })
}

/// Loads and checks a data file.
pub fn check(path: &Path) -> Result<Checked, Failure> {
    let bytes = read_input(path)?;
    load_and_check(&path.display().to_string(), &bytes)
}

/// What a build did.
pub struct Built {
    /// What happened to each file.
    pub outcomes: Vec<Outcome>,
    /// Warnings about the data.
    pub warnings: Vec<Diagnostic>,
}

/// Builds every document of the data file into `out`; a file edited by hand since the last build
/// is kept unless `force`.
pub fn build(path: &Path, out: &Path, force: bool) -> Result<Built, Failure> {
    let bytes = read_input(path)?;
    let label = path.display().to_string();
    let Checked { dossier, warnings } = load_and_check(&label, &bytes)?;
    let docs = documents::build_all(&dossier);
    let docx = DocxRenderer::new();
    let pdf = PdfRenderer::new();
    let renderers: [&dyn Renderer; 2] = [&docx, &pdf];
    let files = output::render_all(&docs, &renderers).map_err(Failure::Io)?;
    let outcomes = output::write_all(out, &files, &label, &bytes, force).map_err(Failure::Io)?;
    Ok(Built { outcomes, warnings })
}
