//! `hoso archive`: the year's paperwork of many cells, each built exactly as `hoso build` builds
//! it into `DIR/<cell>/`, zipped as `DIR/<cell>.zip`, recorded in `DIR/manifest.json`, and a
//! district summary (`tong-hop.docx`, `.pdf`, `.csv`). Cells are built in parallel; a cell whose
//! input and hoso's version are unchanged since the last run is not rebuilt; a cell with bad data
//! is reported and leaves its previous outputs as they were.

pub mod inputs;
pub mod progress;
pub mod record;
pub mod summary;
pub mod unit;
pub mod zip;

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity};
use crate::documents::tong_hop;
use crate::messages::io_error;
use crate::output::manifest::{Manifest, sha256};
use crate::pipeline::{self, BuildOptions, Checked, Failure};
use crate::render::Renderer;
use record::{CellRecord, Record, Status, SummaryRecord, write_whole};
use summary::{FailedCell, Row};
use unit::Unit;

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
}

/// A cell built: its input, its figures, its warnings' count; or why it failed.
type Built = Result<(String, Row, usize), CellFailure>;

/// One input after reading.
enum Cell {
    /// Unchanged since the last run: its folder, and its figures.
    Unchanged { slug: String, row: Option<Row> },
    /// To build.
    Load {
        checked: Box<Checked>,
        bytes: Vec<u8>,
    },
    /// Its data has errors.
    Bad(CellFailure),
}

/// A diagnostic on one line: "tệp:dòng:cột: lỗi: …".
fn one_line(d: &Diagnostic) -> String {
    d.to_string().lines().next().unwrap_or_default().to_string()
}

fn data_failure(input: &str, f: Failure) -> CellFailure {
    match f {
        Failure::Data(diags, _) => CellFailure {
            input: input.to_string(),
            diagnostics: diags,
            io: None,
        },
        Failure::Io(e) => CellFailure {
            input: input.to_string(),
            diagnostics: Vec::new(),
            io: Some(format!("{e:#}")),
        },
        Failure::Usage(m) => CellFailure {
            input: input.to_string(),
            diagnostics: Vec::new(),
            io: Some(m),
        },
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

/// The folder name of a cell called `name`: its slug, never empty, cut to a safe length.
fn base_slug(name: &str) -> String {
    let mut s = crate::vn::text::slug(name);
    if s.is_empty() {
        s = "chi-bo".into();
    }
    if s.len() > crate::documents::MAX_SLUG {
        s.truncate(crate::documents::MAX_SLUG);
        s = s.trim_end_matches('-').to_string();
    }
    s
}

/// Whether the folder `dir` and its zip hold the build of input `sha` by this hoso.
fn is_current(out: &Path, slug: &str, sha: &str) -> bool {
    let dir = out.join(slug);
    matches!(Manifest::read(&dir), Ok(Some(m)) if m.input_sha256 == sha && m.hoso == env!("CARGO_PKG_VERSION"))
        && zip::is_current(&out.join(format!("{slug}.zip")), &dir)
}

/// Locks the archive folder for this run: a second run on it at once is refused.
fn lock(out: &Path) -> Result<File, Failure> {
    let path = out.join(".hoso-archive-lock");
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            Failure::Io(anyhow::anyhow!(
                "không tạo được tệp khóa {}: {}",
                path.display(),
                io_error(&e)
            ))
        })?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(fs::TryLockError::WouldBlock) => Err(Failure::Usage(format!(
            "thư mục {} đang được một lệnh hoso archive khác ghi; đợi lệnh đó xong rồi chạy lại.",
            out.display()
        ))),
        Err(fs::TryLockError::Error(e)) => Err(Failure::Io(anyhow::anyhow!(
            "không khóa được {}: {}",
            path.display(),
            io_error(&e)
        ))),
    }
}

/// The summary's three files, written whole; a file edited by hand since the last run is kept
/// and the new version goes beside it (unless `force`).
fn write_summary(
    out: &Path,
    unit: &Unit,
    rows: &[Row],
    failed: &[FailedCell],
    previous: Option<&SummaryRecord>,
    force: bool,
    notes: &mut Vec<String>,
) -> Result<(SummaryRecord, Vec<PathBuf>), Failure> {
    let date = unit.date.unwrap_or_else(unit::today);
    let doc = tong_hop::build(unit, rows, failed, date);
    let docx = crate::render::docx::DocxRenderer::new();
    let pdf = crate::render::pdf::PdfRenderer::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for r in [&docx as &dyn Renderer, &pdf] {
        let bytes = r.render(&doc).map_err(|e| {
            Failure::Io(e.context(format!("không tạo được {}.{}", doc.path, r.extension())))
        })?;
        files.push((format!("{}.{}", tong_hop::NAME, r.extension()), bytes));
    }
    files.push((
        format!("{}.csv", tong_hop::NAME),
        summary::csv(rows, failed),
    ));
    let mut rec = SummaryRecord::default();
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = out.join(&name);
        let edited = !force
            && fs::read(&path).is_ok_and(|cur| {
                previous
                    .and_then(|p| p.files.get(&name))
                    .is_none_or(|h| *h != sha256(&cur))
                    && cur != bytes
            });
        let (name, path) = if edited {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
            let new = format!("{stem}.moi.{ext}");
            notes.push(format!(
                "{} đã được sửa tay sau lần tổng hợp trước nên được giữ nguyên; bản mới ghi vào {} (dùng --force để ghi đè).",
                path.display(),
                out.join(&new).display()
            ));
            // the edited file keeps what hoso wrote there, so that it is still seen as edited
            if let Some(h) = previous.and_then(|p| p.files.get(&name)) {
                rec.files.insert(name.clone(), h.clone());
            }
            (new.clone(), out.join(new))
        } else {
            (name, path)
        };
        write_whole(&path, &bytes).map_err(Failure::Io)?;
        rec.files.insert(name, sha256(&bytes));
        written.push(path);
    }
    Ok((rec, written))
}

/// Builds the archive of the cells in `inputs` (data files and folders searched for them);
/// `events` hears of each cell as it is done.
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
    let files = inputs::find(inputs, out, opts.unit.as_deref())?;
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
    let _lock = lock(out)?;
    let mut notes = Vec::new();
    let previous = Record::read(out).unwrap_or_else(|why| {
        notes.push(format!(
            "không đọc được {} ({why}): mọi chi bộ được kiểm tra lại từ thư mục của nó.",
            out.join(record::FILE_NAME).display()
        ));
        Record::default()
    });
    let version = env!("CARGO_PKG_VERSION");

    pipeline::with_jobs(opts.jobs, || {
        // 1. read every input; load only what may have changed
        let by_input: BTreeMap<&str, (&String, &CellRecord)> = previous
            .cells
            .iter()
            .map(|(slug, c)| (c.input.as_str(), (slug, c)))
            .collect();
        let read: Vec<(String, String, Cell)> = files
            .par_iter()
            .with_max_len(1)
            .map(|path| {
                let label = path.display().to_string();
                let bytes = match pipeline::read_input(path) {
                    Ok(b) => b,
                    Err(f) => {
                        return (
                            label.clone(),
                            String::new(),
                            Cell::Bad(data_failure(&label, f)),
                        );
                    }
                };
                // the members' submissions count as input: a new one rebuilds the cell
                let sent = crate::data::submissions::fingerprint(
                    &crate::data::submissions::folder_for(path),
                );
                // what the cell's manifest records the checksum of
                let hashed = if sent.is_empty() {
                    bytes.clone()
                } else {
                    [bytes.as_slice(), &sent].concat()
                };
                let sha = sha256(&hashed);
                if !opts.force
                    && let Some((slug, c)) = by_input.get(label.as_str())
                    && c.status == Status::DaTao
                    && c.input_sha256 == sha
                    && c.hoso == version
                    && is_current(out, slug, &sha)
                {
                    let row = c.row.clone();
                    return (
                        label,
                        sha,
                        Cell::Unchanged {
                            slug: slug.to_string(),
                            row,
                        },
                    );
                }
                let cell = match pipeline::load_and_check(
                    &label,
                    &bytes,
                    pipeline::submissions_of(path),
                ) {
                    Ok(checked) => Cell::Load {
                        checked: Box::new(checked),
                        bytes: hashed,
                    },
                    Err(f) => Cell::Bad(data_failure(&label, f)),
                };
                (label, sha, cell)
            })
            .collect();

        // 2. folder names: unchanged cells keep theirs; the others take their name's slug,
        // numbered when two cells share one
        let mut taken: BTreeSet<String> = read
            .iter()
            .filter_map(|(_, _, c)| match c {
                Cell::Unchanged { slug, .. } => Some(slug.clone()),
                _ => None,
            })
            .collect();
        let mut to_build = Vec::new();
        let mut unchanged: Vec<(String, String, String, Option<Row>)> = Vec::new();
        let mut bad = Vec::new();
        for (label, sha, cell) in read {
            match cell {
                Cell::Unchanged { slug, row } => unchanged.push((label, sha, slug, row)),
                Cell::Bad(f) => bad.push((label, sha, f)),
                Cell::Load { checked, bytes } => {
                    let base = base_slug(&checked.dossier.cell.name);
                    let mut slug = base.clone();
                    let mut n = 2;
                    while taken.contains(&slug) {
                        slug = format!("{base}-{n}");
                        n += 1;
                    }
                    taken.insert(slug.clone());
                    if !opts.force && is_current(out, &slug, &sha) {
                        // built by a run that stopped before its record was written
                        let row = Some(summary::row(&checked.dossier));
                        unchanged.push((label, sha, slug, row));
                    } else {
                        to_build.push((label, sha, slug, checked, bytes));
                    }
                }
            }
        }
        events(Event::Start {
            cells: files.len(),
            to_build: to_build.len(),
            failed: bad.len(),
        });
        for (label, _, f) in &bad {
            events(Event::Failed {
                input: label.clone(),
                error: f.first(),
            });
        }

        // 3. build the cells that changed, each as one set, in parallel
        let record = Mutex::new(Record {
            hoso: version.to_string(),
            ..previous.clone()
        });
        let last_save = Mutex::new(Instant::now());
        let documents = std::sync::atomic::AtomicUsize::new(0);
        // many cells: one thread each, its documents one after another (memory bounded by the
        // cells in flight); fewer cells than threads: their documents spread too
        let parallel_documents = to_build.len() < rayon::current_num_threads();
        let results: Vec<Built> = to_build
            .into_par_iter()
            // one cell per task: rayon would otherwise hand each thread a run of cells, and the
            // last run, which no other thread can take over, keeps one core busy alone
            .with_max_len(1)
            .map(|(label, sha, slug, checked, bytes)| {
                let dir = out.join(&slug);
                let built = pipeline::write_set(
                    &checked.dossier,
                    &label,
                    &bytes,
                    &dir,
                    &BuildOptions::default(),
                    parallel_documents,
                )
                .map_err(|f| data_failure(&label, f))
                .and_then(|(_, _, n)| {
                    let zip_name = format!("{slug}.zip");
                    let zip_sha = zip::write(&dir, &slug, &out.join(&zip_name))
                        .map_err(|e| data_failure(&label, Failure::Io(e)))?;
                    Ok((n, zip_name, zip_sha))
                });
                match built {
                    Ok((n, zip_name, zip_sha)) => {
                        documents.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                        let row = summary::row(&checked.dossier);
                        let files = Manifest::read(&dir)
                            .ok()
                            .flatten()
                            .map(|m| m.files)
                            .unwrap_or_default();
                        let mut r = record.lock().unwrap_or_else(|e| e.into_inner());
                        r.cells.retain(|s, c| *s == slug || c.input != label);
                        r.failed.remove(&label);
                        r.cells.insert(
                            slug.clone(),
                            CellRecord {
                                input: label.clone(),
                                input_sha256: sha,
                                hoso: version.to_string(),
                                status: Status::DaTao,
                                error: None,
                                files,
                                zip: Some((zip_name, zip_sha)),
                                row: Some(row.clone()),
                            },
                        );
                        // the record is saved now and then; a run stopped before it is
                        // saved is recovered from the folders and zips themselves
                        let mut saved = last_save.lock().unwrap_or_else(|e| e.into_inner());
                        if saved.elapsed() > Duration::from_secs(2) {
                            let _ = r.write(out);
                            *saved = Instant::now();
                        }
                        drop(r);
                        events(Event::Built {
                            slug: slug.clone(),
                            documents: n,
                        });
                        let warnings = checked
                            .warnings
                            .iter()
                            .filter(|d| d.severity == Severity::Warning)
                            .count();
                        Ok((label, row, warnings))
                    }
                    Err(f) => {
                        events(Event::Failed {
                            input: label.clone(),
                            error: f.first(),
                        });
                        Err(f)
                    }
                }
            })
            .collect();

        // 4. the record, the summary
        let mut record = record.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut report = Report {
            cells: files.len(),
            built: Vec::new(),
            unchanged: unchanged.len(),
            documents: documents.into_inner(),
            failed: Vec::new(),
            warnings: Vec::new(),
            summary: Vec::new(),
            notes,
        };
        let mut rows_by_input: BTreeMap<String, Row> = BTreeMap::new();
        for (label, sha, slug, row) in unchanged {
            let row = match row {
                Some(r) => Some(r),
                // an old record without figures: count them from the data
                None => pipeline::read_input(Path::new(&label))
                    .ok()
                    .and_then(|b| {
                        let subs = pipeline::submissions_of(Path::new(&label));
                        pipeline::load_and_check(&label, &b, subs).ok()
                    })
                    .map(|c| summary::row(&c.dossier)),
            };
            if let Some(r) = &row {
                rows_by_input.insert(label.clone(), r.clone());
            }
            if let Some(c) = record.cells.get_mut(&slug) {
                c.row = row;
            } else {
                let dir = out.join(&slug);
                record.cells.insert(
                    slug.clone(),
                    CellRecord {
                        input: label.clone(),
                        input_sha256: sha,
                        hoso: version.to_string(),
                        status: Status::DaTao,
                        error: None,
                        files: Manifest::read(&dir)
                            .ok()
                            .flatten()
                            .map(|m| m.files)
                            .unwrap_or_default(),
                        zip: fs::read(out.join(format!("{slug}.zip")))
                            .ok()
                            .map(|b| (format!("{slug}.zip"), sha256(&b))),
                        row,
                    },
                );
            }
        }
        for r in results {
            match r {
                Ok((label, row, warnings)) => {
                    rows_by_input.insert(label.clone(), row);
                    if warnings > 0 {
                        report.warnings.push((label.clone(), warnings));
                    }
                    report.built.push(label);
                }
                Err(f) => bad.push((f.input.clone(), String::new(), f)),
            }
        }
        for (label, sha, f) in &bad {
            let first = f.first();
            match record.cells.values_mut().find(|c| c.input == *label) {
                Some(c) => {
                    c.status = Status::Loi;
                    c.error = Some(first);
                    if !sha.is_empty() {
                        c.input_sha256 = sha.clone();
                    }
                }
                None => {
                    record.failed.insert(label.clone(), first);
                }
            }
        }
        // the rows in the order of the inputs
        let rows: Vec<Row> = files
            .iter()
            .filter_map(|p| rows_by_input.get(&p.display().to_string()).cloned())
            .collect();
        let mut failed: Vec<FailedCell> = bad
            .iter()
            .map(|(label, _, f)| FailedCell {
                input: label.clone(),
                error: f.first_in_file(),
            })
            .collect();
        failed.sort_by(|a, b| a.input.cmp(&b.input));
        let made_from = {
            let mut h = serde_json::to_vec(&(&rows, &failed, version)).unwrap_or_default();
            h.extend_from_slice(&unit.bytes);
            h.extend_from_slice(unit.date.unwrap_or_else(unit::today).to_string().as_bytes());
            sha256(&h)
        };
        let summary_current = !opts.force
            && previous.summary.as_ref().is_some_and(|s| {
                s.made_from == made_from
                    && s.files
                        .iter()
                        .all(|(name, h)| fs::read(out.join(name)).is_ok_and(|b| sha256(&b) == *h))
            });
        if !summary_current {
            let (mut rec, written) = write_summary(
                out,
                &unit,
                &rows,
                &failed,
                previous.summary.as_ref(),
                opts.force,
                &mut report.notes,
            )?;
            rec.made_from = made_from;
            record.summary = Some(rec);
            report.summary = written;
        }
        record.write(out).map_err(Failure::Io)?;
        bad.sort_by(|a, b| a.0.cmp(&b.0));
        report.failed = bad.into_iter().map(|(_, _, f)| f).collect();
        Ok(report)
    })
}
