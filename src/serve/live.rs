//! The data as the server sees it: re-read when the file (or a submission) changes, the last
//! good version kept while the file has errors; each member's documents rendered once per
//! version and kept; who opened, downloaded and sent what.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::NaiveDateTime;

use crate::data::Dossier;
use crate::diag::Diagnostic;
use crate::pipeline::{self, Failure};
use crate::render::Renderer;

/// What tells whether the data changed: the file's time and size, the submissions folder's time.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Stamp {
    data: Option<(SystemTime, u64)>,
    sent: Option<SystemTime>,
}

fn stamp(data: &Path) -> Stamp {
    let meta = std::fs::metadata(data).ok();
    Stamp {
        data: meta.and_then(|m| Some((m.modified().ok()?, m.len()))),
        sent: std::fs::metadata(crate::data::submissions::folder_for(data))
            .and_then(|m| m.modified())
            .ok(),
    }
}

/// The data now.
#[derive(Clone)]
pub struct Snapshot {
    /// The last version without errors.
    pub dossier: Arc<Dossier>,
    /// Its version number (one more at each change).
    pub version: u64,
    /// The file's problems now: its errors when it has some (and the last good version is
    /// served), else its warnings.
    pub problems: Vec<Diagnostic>,
    /// The file has errors now.
    pub broken: bool,
}

/// What a member did on the page.
#[derive(Clone, Debug, Default)]
pub struct Activity {
    /// When they last opened their page.
    pub opened: Option<NaiveDateTime>,
    /// When they last downloaded their form.
    pub downloaded: Option<NaiveDateTime>,
}

type Cached = Arc<tokio::sync::Mutex<Option<(u64, Arc<Vec<u8>>)>>>;

/// The live data of one server.
pub struct Live {
    /// The data file.
    pub data: PathBuf,
    state: Mutex<(Stamp, Snapshot)>,
    activity: Mutex<HashMap<String, Activity>>,
    cache: Mutex<HashMap<(String, &'static str), Cached>>,
    /// Renders at once: one per core, so that a crowd waits in line instead of taking all the
    /// memory and every core at once.
    renders: tokio::sync::Semaphore,
    /// Documents of the current version rendered ahead, and how many there are to render.
    ready: std::sync::atomic::AtomicUsize,
}

/// The formats a member downloads.
pub const FORMATS: [&str; 2] = ["docx", "pdf"];

/// Loads and checks the data file with its submissions.
fn load(data: &Path) -> Result<(Dossier, Vec<Diagnostic>), Vec<Diagnostic>> {
    let label = data.display().to_string();
    let bytes = pipeline::read_input(data).map_err(|f| match f {
        Failure::Data(d, _) => d,
        Failure::Io(e) => vec![Diagnostic::error(
            &label,
            Default::default(),
            "",
            format!("{e:#}"),
        )],
        Failure::Usage(m) => vec![Diagnostic::error(&label, Default::default(), "", m)],
    })?;
    match pipeline::load_and_check(&label, &bytes, pipeline::submissions_of(data)) {
        Ok(c) => Ok((c.dossier, c.warnings)),
        Err(Failure::Data(d, _)) => Err(d),
        Err(Failure::Io(e)) => Err(vec![Diagnostic::error(
            &label,
            Default::default(),
            "",
            format!("{e:#}"),
        )]),
        Err(Failure::Usage(m)) => Err(vec![Diagnostic::error(&label, Default::default(), "", m)]),
    }
}

impl Live {
    /// Reads the data file; its errors when it has any (the server needs one good version).
    pub fn open(data: &Path) -> Result<Live, Vec<Diagnostic>> {
        let st = stamp(data);
        let (dossier, warnings) = load(data)?;
        Ok(Live {
            data: data.to_path_buf(),
            state: Mutex::new((
                st,
                Snapshot {
                    dossier: Arc::new(dossier),
                    version: 1,
                    problems: warnings,
                    broken: false,
                },
            )),
            activity: Mutex::new(HashMap::new()),
            cache: Mutex::new(HashMap::new()),
            renders: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            ready: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    /// How many of the current version's documents are rendered ahead, of how many.
    pub fn ready(&self, snap: &Snapshot) -> (usize, usize) {
        let total = snap
            .dossier
            .members
            .iter()
            .filter(|m| crate::data::tally::standing(&snap.dossier, m).reviewed())
            .count()
            * FORMATS.len();
        (
            self.ready
                .load(std::sync::atomic::Ordering::Relaxed)
                .min(total),
            total,
        )
    }

    /// Renders every member's documents ahead, one at a time (a request never waits behind
    /// more than one), again whenever the data changes. Runs until the server stops.
    pub async fn warm(self: Arc<Self>) {
        let mut warmed = 0;
        loop {
            let snap = self.snapshot();
            if snap.version != warmed {
                self.ready.store(0, std::sync::atomic::Ordering::Relaxed);
                'members: for m in &snap.dossier.members {
                    if !crate::data::tally::standing(&snap.dossier, m).reviewed() {
                        continue;
                    }
                    for ext in FORMATS {
                        if self.snapshot().version != snap.version {
                            break 'members;
                        }
                        if self.document(&snap, &m.id, ext).await.is_ok() {
                            self.ready
                                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                }
                if self.snapshot().version == snap.version {
                    warmed = snap.version;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }

    /// The data now, re-read first when the file or the submissions changed.
    pub fn snapshot(&self) -> Snapshot {
        let now = stamp(&self.data);
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.0 != now {
            state.0 = now;
            match load(&self.data) {
                Ok((d, warnings)) => {
                    state.1 = Snapshot {
                        dossier: Arc::new(d),
                        version: state.1.version + 1,
                        problems: warnings,
                        broken: false,
                    };
                }
                Err(errors) => {
                    // the last good version goes on being served
                    state.1.problems = errors;
                    state.1.broken = true;
                }
            }
        }
        state.1.clone()
    }

    /// Member `id`'s self-review as `ext` ("docx" or "pdf") from `snap`: rendered once per
    /// version, then kept; two requests for it at once render it once.
    pub async fn document(
        &self,
        snap: &Snapshot,
        id: &str,
        ext: &'static str,
    ) -> Result<Arc<Vec<u8>>, String> {
        let slot = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((id.to_string(), ext))
            .or_default()
            .clone();
        let mut held = slot.lock().await;
        if let Some((v, bytes)) = held.as_ref()
            && *v == snap.version
        {
            return Ok(bytes.clone());
        }
        let d = snap.dossier.clone();
        let id = id.to_string();
        let _permit = self.renders.acquire().await.map_err(|e| e.to_string())?;
        let bytes = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, String> {
            let m = d
                .members
                .iter()
                .find(|m| m.id == id)
                .ok_or_else(|| "không có đảng viên này.".to_string())?;
            let doc = crate::documents::mau_02::build(&d, m, &m.id);
            let r: Box<dyn Renderer> = if ext == "pdf" {
                Box::new(crate::render::pdf::PdfRenderer::new())
            } else {
                Box::new(crate::render::docx::DocxRenderer::new())
            };
            r.render(&doc).map_err(|e| format!("{e:#}"))
        })
        .await
        .map_err(|e| e.to_string())??;
        let bytes = Arc::new(bytes);
        *held = Some((snap.version, bytes.clone()));
        Ok(bytes)
    }

    /// Notes that member `id` opened their page.
    pub fn opened(&self, id: &str) {
        let mut a = self.activity.lock().unwrap_or_else(|e| e.into_inner());
        a.entry(id.to_string()).or_default().opened = Some(crate::starter::now());
    }

    /// Notes that member `id` downloaded their form.
    pub fn downloaded(&self, id: &str) {
        let mut a = self.activity.lock().unwrap_or_else(|e| e.into_inner());
        a.entry(id.to_string()).or_default().downloaded = Some(crate::starter::now());
    }

    /// What each member did, by id.
    pub fn activity(&self) -> HashMap<String, Activity> {
        self.activity
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// When member `id` last sent their self-review (the submission file's time, Vietnam time).
pub fn sent_at(data: &Path, id: &str) -> Option<NaiveDateTime> {
    let t = std::fs::metadata(super::submit::file_for(data, id))
        .and_then(|m| m.modified())
        .ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() as i64 + 7 * 3600;
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.naive_utc())
}
