//! `hoso archive`: the year's paperwork of many cells, each built exactly as `hoso build` builds
//! it into `DIR/<cell>/`, zipped as `DIR/<cell>.zip`, recorded in `DIR/manifest.json`, and a
//! district summary (`tong-hop.docx`, `.pdf`, `.csv`). Cells are built in parallel; a cell whose
//! input and hoso's version are unchanged since the last run is not rebuilt; a cell with bad data
//! is reported and leaves its previous outputs as they were.

pub mod build;
pub mod csv;
pub mod folders;
pub mod inputs;
pub mod plan;
pub mod progress;
pub mod publish;
pub mod record;
pub mod xlsx;
pub mod zip;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::data::district::{self, FailedCell};
use crate::data::unit::Unit;
use crate::diag::{Diagnostic, Severity};
use crate::messages::io_error;
use crate::output::lock::LockFile;
use crate::output::manifest::sha256;
use crate::pipeline::{self, Failure};
use build::{Outcome, ToBuild};
use plan::Step;
use record::Record;

/// What `hoso archive` is asked to do.
#[derive(Clone, Debug, Default)]
pub struct ArchiveOptions {
    /// The archive folder.
    pub out: PathBuf,
    /// Threads (every core when `None`).
    pub jobs: Option<usize>,
    /// Rebuild every cell, changed or not.
    pub force: bool,
    /// The district's settings file.
    pub unit: Option<PathBuf>,
}

/// What happens while the archive is built, for the progress display.
#[derive(Clone, Debug)]
pub enum Event {
    /// The inputs are read: how many cells, how many to build.
    Start {
        /// Cells found.
        cells: usize,
        /// Cells to build.
        to_build: usize,
        /// Cells whose data has errors.
        failed: usize,
    },
    /// A cell was built.
    Built {
        /// Its folder's name.
        slug: String,
        /// Documents built (each as .docx and PDF).
        documents: usize,
    },
    /// A cell could not be built.
    Failed {
        /// Its data file.
        input: String,
        /// The first error.
        error: String,
    },
}

/// A cell that could not be built, with every diagnostic (or the write error).
pub struct CellFailure {
    /// Its data file.
    pub input: String,
    /// Its cell's name, when the file could be read that far.
    pub name: Option<String>,
    /// The data's errors and warnings, or the write error as one line.
    pub diagnostics: Vec<Diagnostic>,
    /// A write error, when the data was good but the files could not be written.
    pub io: Option<String>,
}

/// What an archive run did.
pub struct Report {
    /// Cells found.
    pub cells: usize,
    /// Cells built this run.
    pub built: Vec<String>,
    /// Cells unchanged since the last run.
    pub unchanged: usize,
    /// Documents built.
    pub documents: usize,
    /// Cells that failed.
    pub failed: Vec<CellFailure>,
    /// Warnings about cells' data that were built: (cell's input, count).
    pub warnings: Vec<(String, usize)>,
    /// The summary's files, when written this run.
    pub summary: Vec<PathBuf>,
    /// What the user should know besides.
    pub notes: Vec<String>,
    /// A file that could not be written (a full disk): the run stopped there, the previous
    /// outputs of the cells not written are as they were.
    pub io_error: Option<String>,
}

/// A diagnostic on one line: "tệp:dòng:cột: lỗi: …".
fn one_line(d: &Diagnostic) -> String {
    d.to_string().lines().next().unwrap_or_default().to_string()
}

/// A cell's failure from `f`; `name` its cell's name when known.
pub(crate) fn data_failure(input: &str, name: Option<String>, f: Failure) -> CellFailure {
    let (diagnostics, io) = match f {
        Failure::Data(diags, _) => (diags, None),
        Failure::Io(e) => (Vec::new(), Some(format!("{e:#}"))),
        Failure::Usage(m) => (Vec::new(), Some(m)),
    };
    CellFailure {
        input: input.to_string(),
        name,
        diagnostics,
        io,
    }
}

impl CellFailure {
    /// The first error without the file's name, for the summary: "dòng 2, cột 1: …".
    pub fn first_in_file(&self) -> String {
        self.io.clone().unwrap_or_else(|| {
            self.diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| {
                    let field = if d.path.is_empty() {
                        String::new()
                    } else {
                        format!(" (trường {})", d.path)
                    };
                    if d.pos.line == 0 {
                        format!("{}{field}", d.message)
                    } else {
                        format!(
                            "dòng {}, cột {}{field}: {}",
                            d.pos.line, d.pos.column, d.message
                        )
                    }
                })
                .unwrap_or_default()
        })
    }

    /// The first error, on one line.
    pub fn first(&self) -> String {
        self.io.clone().unwrap_or_else(|| {
            self.diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(one_line)
                .unwrap_or_default()
        })
    }
}

/// Locks the archive folder for this run: a second run on it at once is refused.
fn lock(out: &Path) -> Result<LockFile, Failure> {
    let path = out.join(".hoso-archive-lock");
    match LockFile::try_take(&path) {
        Ok(Some(l)) => Ok(l),
        Ok(None) => Err(Failure::Usage(format!(
            "thư mục {} đang được một lệnh hoso archive khác ghi; đợi lệnh đó xong rồi chạy lại.",
            out.display()
        ))),
        Err(e) => Err(Failure::Io(anyhow::anyhow!(
            "không khóa được {}: {}",
            path.display(),
            io_error(&e)
        ))),
    }
}

/// The archive folder made and locked; what the previous run recorded.
fn open(out: &Path, notes: &mut Vec<String>) -> Result<(LockFile, Record), Failure> {
    if let Some(bad) = out.ancestors().find(|p| p.is_file()) {
        return Err(Failure::Usage(format!(
            "không ghi được vào {}: {} là một tệp, không phải thư mục.",
            out.display(),
            bad.display()
        )));
    }
    fs::create_dir_all(out).map_err(|e| {
        Failure::Io(anyhow::anyhow!(
            "không tạo được thư mục {}: {}",
            out.display(),
            io_error(&e)
        ))
    })?;
    let lock = lock(out)?;
    crate::output::durable::sweep(out);
    crate::output::recover_beside(out).map_err(Failure::Io)?;
    let previous = Record::read(out).unwrap_or_else(|why| {
        notes.push(format!(
            "không đọc được {} ({why}): mọi chi bộ được đọc lại từ thư mục của nó.",
            out.join(record::FILE_NAME).display()
        ));
        Record::default()
    });
    Ok((lock, previous))
}

/// Makes again every zip that was not made from its folder as it is now (a run stopped between
/// the two), so that nobody copies old papers.
fn repair_zips(
    out: &Path,
    folders: &[folders::Folder],
    notes: &mut Vec<String>,
) -> Result<(), Failure> {
    for f in folders {
        let dir = out.join(&f.slug);
        let zip_path = out.join(f.zip_name());
        if !zip::is_current(&zip_path, &dir) {
            zip::write(&dir, &f.slug, &zip_path).map_err(Failure::Io)?;
            notes.push(format!(
                "{} chưa khớp với thư mục {} (lần chạy trước bị dừng giữa chừng): đã tạo lại.",
                zip_path.display(),
                dir.display()
            ));
        }
    }
    Ok(())
}

/// The cells whose data has errors now: those of this run, and those an earlier run found that
/// were not given this time but whose file is still there.
fn failures(report: &Report, previous: &Record, given: &[PathBuf]) -> BTreeMap<String, FailedCell> {
    let mut out: BTreeMap<String, FailedCell> = previous
        .failed
        .iter()
        .filter(|(input, _)| {
            Path::new(input).is_file() && !given.iter().any(|g| g.display().to_string() == **input)
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for f in &report.failed {
        out.insert(
            f.input.clone(),
            FailedCell {
                input: f.input.clone(),
                name: f.name.clone(),
                error: f.first_in_file(),
            },
        );
    }
    out
}

/// Writes the summary from `record` (the cells built, and the cells with errors), unless what it
/// is made from has not changed and its files are as written.
fn summarise(
    out: &Path,
    unit: &Unit,
    record: &mut Record,
    previous: &Record,
    force: bool,
    report: &mut Report,
) -> Result<(), Failure> {
    let rows: Vec<district::Row> = record
        .cells
        .values()
        .filter(|c| c.status == record::Status::DaTao)
        .filter_map(|c| c.row.clone())
        .collect();
    let groups = district::groups(&rows);
    let mut failed: Vec<FailedCell> = record.failed.values().cloned().collect();
    for c in record
        .cells
        .values()
        .filter(|c| c.status == record::Status::Loi)
    {
        failed.push(FailedCell {
            input: c.input.clone(),
            name: c.row.as_ref().map(|r| r.cell.clone()),
            error: c.error.clone().unwrap_or_default(),
        });
    }
    failed.sort_by(|a, b| a.input.cmp(&b.input));
    let made_from = {
        let version = env!("CARGO_PKG_VERSION");
        let mut h = serde_json::to_vec(&(&rows, &failed, version)).unwrap_or_default();
        h.extend_from_slice(&unit.bytes);
        h.extend_from_slice(
            unit.date
                .unwrap_or_else(crate::vn::date::today)
                .to_string()
                .as_bytes(),
        );
        sha256(&h)
    };
    let current = !force
        && previous.summary.as_ref().is_some_and(|s| {
            s.made_from == made_from
                && s.files
                    .iter()
                    .all(|(name, h)| fs::read(out.join(name)).is_ok_and(|b| sha256(&b) == *h))
        });
    if current {
        record.summary = previous.summary.clone();
        return Ok(());
    }
    crate::output::pause("summary");
    let (mut rec, written) = publish::write(
        out,
        unit,
        &groups,
        &failed,
        previous.summary.as_ref(),
        force,
        &mut report.notes,
    )?;
    rec.made_from = made_from;
    record.summary = Some(rec);
    report.summary = written;
    Ok(())
}

/// Builds the archive of the cells in `inputs` (data files and folders searched for them);
/// `events` hears of each cell as it is done. The phases: the inputs found; the archive folder
/// read as it is (zips that do not match their folder made again); what to do with each input;
/// folders whose data file is gone retired; the cells that changed built; then the record made
/// from the folders, the summary from the record, and the record written last.
pub fn run(
    inputs: &[PathBuf],
    opts: &ArchiveOptions,
    events: &(dyn Fn(Event) + Sync),
) -> Result<Report, Failure> {
    let out = &opts.out;
    let unit = match &opts.unit {
        None => Unit::default(),
        Some(p) => {
            let bytes = pipeline::read_input(p)?;
            Unit::parse(&p.display().to_string(), &bytes).map_err(|e| Failure::Data(e, None))?
        }
    };
    let (files, mut notes) = inputs::find(inputs, out, opts.unit.as_deref())?;
    let (_lock, previous) = open(out, &mut notes)?;
    pipeline::with_jobs(opts.jobs, || {
        let found = folders::scan(out);
        repair_zips(out, &found, &mut notes)?;
        let plan = plan::plan(&files, out, &found, opts.force);
        notes.extend(plan.notes);
        for slug in &plan.retire {
            match folders::retire(out, slug) {
                Ok(to) => notes.push(format!(
                    "tệp dữ liệu của {slug} không còn: thư mục và tệp zip của nó được chuyển vào {}.",
                    to.display()
                )),
                Err(e) => return Err(Failure::Io(anyhow::anyhow!(e))),
            }
        }
        let mut report = Report {
            cells: plan.steps.len(),
            built: Vec::new(),
            unchanged: 0,
            documents: 0,
            failed: Vec::new(),
            warnings: Vec::new(),
            summary: Vec::new(),
            notes,
            io_error: None,
        };
        let mut to_build = Vec::new();
        for (input, step) in plan.steps {
            match step {
                Step::Unchanged { .. } => report.unchanged += 1,
                Step::Bad(f) => report.failed.push(f),
                Step::Build {
                    slug,
                    checked,
                    bytes,
                } => to_build.push(ToBuild {
                    input,
                    slug,
                    checked,
                    bytes,
                }),
            }
        }
        events(Event::Start {
            cells: report.cells,
            to_build: to_build.len(),
            failed: report.failed.len(),
        });
        for f in &report.failed {
            events(Event::Failed {
                input: f.input.clone(),
                error: f.first(),
            });
        }
        for outcome in build::cells(out, to_build, events) {
            match outcome {
                Outcome::Built(b) => {
                    report.documents += b.documents;
                    if b.warnings > 0 {
                        report.warnings.push((b.input.label.clone(), b.warnings));
                    }
                    report.built.push(b.input.label);
                }
                Outcome::NotWritten(message) => {
                    report.io_error.get_or_insert(message);
                }
                Outcome::NotStarted => {}
            }
        }
        // the record is the folders as they are now; the summary is made from it, then it is
        // written
        let failed = failures(&report, &previous, &files);
        let mut record = Record::of_folders(out, &folders::scan(out), &failed, &previous);
        if report.io_error.is_none()
            && let Err(f) = summarise(out, &unit, &mut record, &previous, opts.force, &mut report)
        {
            match f {
                Failure::Io(e) => report.io_error = Some(format!("{e:#}")),
                other => return Err(other),
            }
        }
        crate::output::pause("record");
        if let Err(e) = record.write(out) {
            report.io_error.get_or_insert(format!("{e:#}"));
        }
        report.failed.sort_by(|a, b| a.input.cmp(&b.input));
        Ok(report)
    })
}
