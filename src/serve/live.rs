//! The data as the server sees it: re-read when the file (or a submission) changes, the last
//! good version kept while the file has errors; each member's documents rendered once per
//! version of what they are made from (the data file, and that member's own submission: a send
//! re-renders the sender's documents only) and kept.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::data::Dossier;
use crate::data::submissions::Submission;
use crate::diag::Diagnostic;
use crate::pipeline::{self, Failure};

/// What tells whether the data changed: the data file's identity, time and size; the
/// submissions folder's time.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Stamp {
    data: Option<(u64, SystemTime, u64)>,
    sent: Option<SystemTime>,
}

impl Stamp {
    /// The stamp of the data file at `data` and its submissions now.
    pub fn now(data: &Path) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(data).ok();
        Stamp {
            data: meta.and_then(|m| Some((m.ino(), m.modified().ok()?, m.len()))),
            sent: std::fs::metadata(crate::data::submissions::folder_for(data))
                .and_then(|m| m.modified())
                .ok(),
        }
    }

    /// Whether the data file is the same in both.
    pub fn same_data(&self, other: &Stamp) -> bool {
        self.data == other.data
    }
}

/// The data with the members' submissions, checked.
pub struct Loaded {
    /// The data.
    pub dossier: Dossier,
    /// Its warnings.
    pub warnings: Vec<Diagnostic>,
    /// A digest of the data file's bytes.
    pub data_digest: u64,
    /// A digest of each member's submission, by member id.
    pub sent: HashMap<String, u64>,
}

fn digest(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Loads and checks the data file's `bytes` with the submissions `subs`.
pub fn load_from(
    label: &str,
    bytes: &[u8],
    subs: (Vec<Submission>, Vec<Diagnostic>),
) -> Result<Loaded, Vec<Diagnostic>> {
    let sent = subs
        .0
        .iter()
        .map(|s| (s.member.clone(), s.digest))
        .collect();
    match pipeline::load_and_check(label, bytes, subs) {
        Ok(c) => Ok(Loaded {
            dossier: c.dossier,
            warnings: c.warnings,
            data_digest: digest(bytes),
            sent,
        }),
        Err(f) => Err(diagnostics(label, f)),
    }
}

fn diagnostics(label: &str, f: Failure) -> Vec<Diagnostic> {
    match f {
        Failure::Data(d, _) => d,
        Failure::Io(e) => vec![Diagnostic::error(
            label,
            Default::default(),
            "",
            format!("{e:#}"),
        )],
        Failure::Usage(m) => vec![Diagnostic::error(label, Default::default(), "", m)],
    }
}

/// Loads and checks the data file at `data` with its submissions.
fn load(data: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let label = data.display().to_string();
    let bytes = pipeline::read_input(data).map_err(|f| diagnostics(&label, f))?;
    load_from(&label, &bytes, pipeline::submissions_of(data))
}

/// The data now.
#[derive(Clone)]
pub struct Snapshot {
    /// The last version without errors.
    pub dossier: Arc<Dossier>,
    /// The data file's version: one more each time its content changes.
    pub generation: u64,
    /// A digest of each member's submission, by id.
    pub sent: Arc<HashMap<String, u64>>,
    /// The file's problems now: its errors when it has some (and the last good version is
    /// served), else its warnings.
    pub problems: Vec<Diagnostic>,
    /// The file has errors now.
    pub broken: bool,
}

impl Snapshot {
    /// What member `id`'s documents are made from, in this version.
    pub fn key_of(&self, id: &str) -> (u64, u64) {
        (self.generation, self.sent.get(id).copied().unwrap_or(0))
    }

    /// Member `id`, when the data has them.
    pub fn member(&self, id: &str) -> Option<(usize, &crate::data::Member)> {
        self.dossier
            .members
            .iter()
            .enumerate()
            .find(|(_, m)| m.id == id)
    }
}

struct State {
    stamp: Stamp,
    data_digest: u64,
    snap: Snapshot,
}

type Cached = Arc<tokio::sync::Mutex<Option<((u64, u64), Arc<Vec<u8>>)>>>;

/// The live data of one server.
pub struct Live {
    /// The data file.
    pub data: PathBuf,
    state: Mutex<State>,
    cache: Mutex<HashMap<(String, &'static str), Cached>>,
    /// Renders at once: one per core, so that a crowd waits in line instead of taking all the
    /// memory and every core at once.
    renders: tokio::sync::Semaphore,
    /// Documents rendered, for the clerk's page.
    rendered: AtomicU64,
}

/// The formats a member downloads: every format hoso writes.
fn formats() -> impl Iterator<Item = &'static str> {
    crate::render::ALL.iter().map(|r| r.extension())
}

impl Live {
    /// Reads the data file; its errors when it has any (the server needs one good version).
    pub fn open(data: &Path) -> Result<Live, Vec<Diagnostic>> {
        let stamp = Stamp::now(data);
        let l = load(data)?;
        Ok(Live {
            data: data.to_path_buf(),
            state: Mutex::new(State {
                stamp,
                data_digest: l.data_digest,
                snap: Snapshot {
                    dossier: Arc::new(l.dossier),
                    generation: 1,
                    sent: Arc::new(l.sent),
                    problems: l.warnings,
                    broken: false,
                },
            }),
            cache: Mutex::new(HashMap::new()),
            renders: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            rendered: AtomicU64::new(0),
        })
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Puts `l` in place as the data now, read when the files were as `stamp` says.
    fn put(state: &mut State, stamp: Stamp, l: Loaded) {
        let generation = state.snap.generation + u64::from(l.data_digest != state.data_digest);
        *state = State {
            stamp,
            data_digest: l.data_digest,
            snap: Snapshot {
                dossier: Arc::new(l.dossier),
                generation,
                sent: Arc::new(l.sent),
                problems: l.warnings,
                broken: false,
            },
        };
    }

    /// The data now, re-read first when the file or the submissions changed.
    pub fn snapshot(&self) -> Snapshot {
        let now = Stamp::now(&self.data);
        let mut state = self.state();
        if state.stamp != now {
            match load(&self.data) {
                Ok(l) => Self::put(&mut state, now, l),
                Err(errors) => {
                    // the last good version goes on being served
                    state.stamp = now;
                    state.snap.problems = errors;
                    state.snap.broken = true;
                }
            }
        }
        state.snap.clone()
    }

    /// Puts the data a send checked (every submission, the new one included) in place, when
    /// the files on disk are still what it was read from: the data file as `read` says, and
    /// no change to the submissions but the send's own (sends are saved one at a time).
    pub fn install(&self, read: &Stamp, l: Loaded) {
        let now = Stamp::now(&self.data);
        if now.same_data(read) {
            Self::put(&mut self.state(), now, l);
        }
    }

    /// How many of the current version's documents are rendered ahead, of how many.
    pub fn ready(&self, snap: &Snapshot) -> (usize, usize) {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let mut ready = 0;
        let mut total = 0;
        for m in &snap.dossier.members {
            if !crate::data::tally::standing(&snap.dossier, m).reviewed() {
                continue;
            }
            for ext in formats() {
                total += 1;
                let fresh = cache.get(&(m.id.clone(), ext)).is_some_and(|slot| {
                    slot.try_lock()
                        .is_ok_and(|s| s.as_ref().is_some_and(|(k, _)| *k == snap.key_of(&m.id)))
                });
                ready += usize::from(fresh);
            }
        }
        (ready, total)
    }

    /// Renders ahead every member's documents that are not current, one at a time (a request
    /// never waits behind more than one), again whenever something changes. Runs until the
    /// server stops.
    pub async fn warm(self: Arc<Self>) {
        let mut done = None;
        loop {
            let snap = self.snapshot();
            let now = (snap.generation, snap.sent.clone());
            if done.as_ref() != Some(&now) {
                let mut complete = true;
                'members: for m in &snap.dossier.members {
                    if !crate::data::tally::standing(&snap.dossier, m).reviewed() {
                        continue;
                    }
                    for ext in formats() {
                        if self.snapshot().generation != snap.generation {
                            complete = false;
                            break 'members;
                        }
                        let _ = self.document(&snap, &m.id, ext).await;
                    }
                }
                if complete {
                    done = Some(now);
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
    }

    /// Member `id`'s self-review as `ext` ("docx" or "pdf") from `snap`: rendered once per
    /// version of what it is made from, then kept; two requests for it at once render it once.
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
        let key = snap.key_of(id);
        let mut held = slot.lock().await;
        if let Some((k, bytes)) = held.as_ref()
            && *k == key
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
            let doc = crate::documents::finish(&d, crate::documents::mau_02::build(&d, m, &m.id));
            let r = crate::render::by_extension(ext)
                .ok_or_else(|| format!("không có định dạng «{ext}»."))?;
            r.render(&doc).map_err(|e| format!("{e:#}"))
        })
        .await
        .map_err(|e| e.to_string())??;
        self.rendered.fetch_add(1, Ordering::Relaxed);
        let bytes = Arc::new(bytes);
        *held = Some((key, bytes.clone()));
        Ok(bytes)
    }

    /// How many documents this server rendered since it started.
    pub fn rendered(&self) -> u64 {
        self.rendered.load(Ordering::Relaxed)
    }
}
