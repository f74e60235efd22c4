//! Building the cells that changed, in parallel, each exactly as `hoso build` builds it into its
//! folder, with its zip made from the new set and put in place with it: a failure (a full disk)
//! leaves both as they were, and the first write error stops the cells not started yet.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::folders::Figures;
use super::plan::Input;
use super::{Event, zip};
use crate::data::district::{self, Row};
use crate::diag::Severity;
use crate::output::OutputSet;
use crate::pipeline::{self, BuildOptions, Checked, Failure};

/// A cell to build: its input, its folder, its checked data and recorded bytes.
pub struct ToBuild {
    /// The data file.
    pub input: Input,
    /// Its folder's name.
    pub slug: String,
    /// The checked data.
    pub checked: Box<Checked>,
    /// What the folder's manifest records the checksum of.
    pub bytes: Vec<u8>,
}

/// A cell built: its input, its figures, how many documents, how many warnings.
pub struct BuiltCell {
    /// The data file.
    pub input: Input,
    /// Its figures.
    pub row: Row,
    /// Documents built.
    pub documents: usize,
    /// Warnings of its data.
    pub warnings: usize,
}

/// How a cell's build ended.
pub enum Outcome {
    /// Built, zip included.
    Built(BuiltCell),
    /// Not built: writing it failed (the disk is full, a folder cannot be written); the
    /// message names the path and the cause.
    NotWritten(String),
    /// Not started: an earlier cell could not be written (the disk is full).
    NotStarted,
}

/// Builds one cell into `out/slug` and its zip beside.
fn one(out: &Path, c: &ToBuild, parallel: bool) -> Result<(Row, usize), Failure> {
    let dir = out.join(&c.slug);
    let row = district::row(&c.checked.dossier);
    let mut set = OutputSet::begin(&dir, &c.input.label, &c.bytes, false).map_err(Failure::Io)?;
    let documents = pipeline::render_into(
        &c.checked.dossier,
        &BuildOptions::default(),
        &mut set,
        parallel,
    )?;
    set.set_figures(
        serde_json::to_value(Figures {
            row: row.clone(),
            source: c.input.source.clone(),
        })
        .expect("figures serialise"),
    );
    let zip_path = out.join(format!("{}.zip", c.slug));
    let (_, _, zip) = set
        .commit_with(true, |staged| {
            zip::write_pending(staged, &c.slug, &zip_path)
        })
        .map_err(Failure::Io)?;
    zip.put_in_place().map_err(|e| {
        Failure::Io(anyhow::anyhow!(
            "không ghi được {}: {}",
            zip_path.display(),
            crate::messages::io_error(&e)
        ))
    })?;
    Ok((row, documents))
}

/// Builds `cells` into the archive `out`, one cell per task; `events` hears of each.
pub fn cells(out: &Path, cells: Vec<ToBuild>, events: &(dyn Fn(Event) + Sync)) -> Vec<Outcome> {
    let stop = AtomicBool::new(false);
    // many cells: one thread each, its documents one after another (memory bounded by the
    // cells in flight); fewer cells than threads: their documents spread too
    let parallel = cells.len() < rayon::current_num_threads();
    cells
        .into_par_iter()
        // one cell per task: rayon would otherwise hand each thread a run of cells, and the
        // last run, which no other thread can take over, keeps one core busy alone
        .with_max_len(1)
        .map(|c| {
            if stop.load(Ordering::Relaxed) {
                return Outcome::NotStarted;
            }
            match one(out, &c, parallel) {
                Ok((row, n)) => {
                    events(Event::Built {
                        slug: c.slug.clone(),
                        documents: n,
                    });
                    let warnings = c
                        .checked
                        .warnings
                        .iter()
                        .filter(|d| d.severity == Severity::Warning)
                        .count();
                    Outcome::Built(BuiltCell {
                        input: c.input,
                        row,
                        documents: n,
                        warnings,
                    })
                }
                Err(f) => {
                    stop.store(true, Ordering::Relaxed);
                    let message = match f {
                        Failure::Io(e) => format!("{e:#}"),
                        Failure::Usage(m) => m,
                        Failure::Data(d, _) => d.first().map(|d| d.to_string()).unwrap_or_default(),
                    };
                    events(Event::Failed {
                        input: c.input.label.clone(),
                        error: message.clone(),
                    });
                    Outcome::NotWritten(message)
                }
            }
        })
        .collect()
}
