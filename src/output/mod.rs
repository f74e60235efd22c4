//! Writing a build's files as one set: the new set is built in a folder beside the output folder
//! (the previous build's files carried over, each document written as soon as it is rendered),
//! then the two folders are swapped in one step. Whatever interrupts a build, the output folder
//! holds the previous complete set or the new one, with its manifest; the next run clears what an
//! interrupted one left. A file edited by hand since it was built is kept, and the new version
//! is written beside it. Two builds of one folder at once: the second is refused.

pub mod durable;
pub mod lock;
pub mod manifest;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::messages::io_error;
use lock::LockFile;
use manifest::{Manifest, sha256};

/// What happened to one file.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Written (new or replacing the previous build's unchanged file).
    Written(PathBuf),
    /// The file at `kept` was edited by hand (or not made by hoso): left as it is, and the new
    /// version written to `new`.
    KeptEdited {
        /// The hand-edited file, untouched.
        kept: PathBuf,
        /// Where the new version went.
        new: PathBuf,
    },
}

impl Outcome {
    /// The file this build wrote.
    pub fn path(&self) -> &Path {
        match self {
            Outcome::Written(p) => p,
            Outcome::KeptEdited { new, .. } => new,
        }
    }
}

/// "ke-hoach.docx" → "ke-hoach.moi.docx": where a new version goes when the old one was edited.
fn beside(rel: &Path) -> PathBuf {
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("tep");
    let name = match rel.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("{stem}.moi.{ext}"),
        None => format!("{stem}.moi"),
    };
    rel.with_file_name(name)
}

fn key(rel: &Path) -> String {
    rel.to_string_lossy().replace('\\', "/")
}

/// An I/O failure in Vietnamese: what was being done, to which path, and why.
fn failed(what: &str, path: &Path, e: &std::io::Error) -> anyhow::Error {
    anyhow!("{what} {}: {}", path.display(), io_error(e))
}

/// For the tests that interrupt a build: when `HOSO_TEST_PAUSE` names this step, the build says
/// so on standard error and waits, to be killed there.
pub(crate) fn pause(step: &str) {
    if std::env::var("HOSO_TEST_PAUSE").is_ok_and(|s| s == step) {
        eprintln!("hoso-test-pause {step}");
        std::thread::sleep(std::time::Duration::from_secs(120));
    }
}

/// What the previous build left to tell a hoso file from one edited by hand.
enum Previous {
    /// Its manifest.
    Manifest(Manifest),
    /// No manifest (a new folder, or files not made by hoso): a file is hoso's only if its
    /// bytes equal the new build's.
    None,
    /// A manifest that could not be read: the same, and the user is told.
    Unreadable,
}

/// The folders around one output folder: the lock, the new set being built, the old set during
/// a swap without an atomic exchange.
struct Places {
    out: PathBuf,
    lock: PathBuf,
    new: PathBuf,
    old: PathBuf,
}

impl Places {
    fn of(out: &Path) -> Result<Places> {
        let name = out
            .file_name()
            .ok_or_else(|| anyhow!("{} không phải tên thư mục.", out.display()))?
            .to_string_lossy()
            .into_owned();
        let beside = |suffix: &str| out.with_file_name(format!(".{name}.hoso-{suffix}"));
        Ok(Places {
            out: out.to_path_buf(),
            lock: beside("lock"),
            new: beside("moi"),
            old: beside("cu"),
        })
    }

    /// Clears what an interrupted build left: an old set put aside before the new one arrived
    /// goes back; a half-built new set or an old set already swapped out is removed; so are the
    /// staging folders older versions of hoso left inside the output folder.
    fn recover(&self) -> Result<()> {
        if !self.out.exists() && self.old.exists() {
            fs::rename(&self.old, &self.out)
                .map_err(|e| failed("không khôi phục được thư mục", &self.out, &e))?;
        }
        for stale in [&self.new, &self.old] {
            if stale.exists() {
                fs::remove_dir_all(stale)
                    .map_err(|e| failed("không xóa được thư mục tạm", stale, &e))?;
            }
        }
        if let Ok(entries) = fs::read_dir(&self.out) {
            for e in entries.flatten() {
                if e.file_name().to_string_lossy().starts_with(".hoso-tmp-") {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
        Ok(())
    }
}

/// Clears what interrupted builds left beside the output folders inside `parent` (an archive's
/// cells): for each folder with a staging set, an old set or a lock file of hoso's beside it,
/// when no other build holds it, the old set goes back if the folder is missing, the rest is
/// removed (as the next build of that folder would do).
pub fn recover_beside(parent: &Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let mut names = BTreeSet::new();
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        for suffix in [".hoso-moi", ".hoso-cu", ".hoso-lock"] {
            if let Some(name) = n.strip_prefix('.').and_then(|x| x.strip_suffix(suffix))
                && !name.is_empty()
            {
                names.insert(name.to_string());
            }
        }
    }
    for name in names {
        let places = Places::of(&parent.join(&name))?;
        if let Some(_held) = LockFile::try_take(&places.lock)
            .map_err(|e| failed("không khóa được", &places.lock, &e))?
        {
            places.recover()?;
        }
    }
    Ok(())
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let Ok(entries) = fs::read_dir(dir.join(&rel)) else {
            continue;
        };
        for e in entries.flatten() {
            let r = rel.join(e.file_name());
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(r),
                Ok(t) if t.is_file() => out.push(r),
                _ => {}
            }
        }
    }
    out
}

/// A build's output folder being replaced as a whole: begun, filled document by document,
/// committed. Dropped without a commit, it leaves the output folder as it was.
pub struct OutputSet {
    places: Places,
    /// Held until the set is committed or dropped (then removed).
    _lock: LockFile,
    previous: Previous,
    manifest: Manifest,
    force: bool,
    outcomes: Vec<Outcome>,
    /// Files written this run (a document's two files, a second build of one file).
    written: BTreeSet<String>,
    /// What the user should know besides the files (an unreadable manifest).
    notes: Vec<String>,
    committed: bool,
}

impl OutputSet {
    /// Begins a new set for `out`: locks it, clears what an interrupted build left, and copies
    /// the previous set (hard links where the file system has them) into the new folder.
    pub fn begin(out: &Path, input: &str, input_bytes: &[u8], force: bool) -> Result<OutputSet> {
        let places = Places::of(out)?;
        for p in out.ancestors().filter(|p| !p.as_os_str().is_empty()) {
            if p.is_file() {
                return Err(anyhow!(
                    "không ghi được vào {}: {} là một tệp, không phải thư mục.",
                    out.display(),
                    p.display()
                ));
            }
        }
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|e| failed("không tạo được thư mục", parent, &e))?;
        }
        let lock = LockFile::try_take(&places.lock)
            .map_err(|e| failed("không khóa được", &places.lock, &e))?
            .ok_or_else(|| {
                anyhow!(
                    "thư mục {} đang được một lệnh hoso khác ghi; đợi lệnh đó xong rồi chạy lại.",
                    out.display()
                )
            })?;
        places.recover()?;
        let (previous, notes) = match Manifest::read(out) {
            Ok(Some(m)) => (Previous::Manifest(m), Vec::new()),
            Ok(None) => (Previous::None, Vec::new()),
            Err(why) => (
                Previous::Unreadable,
                vec![format!(
                    "không đọc được {} ({why}): tệp nào giống hệt bản tạo mới được coi là của hoso, các tệp khác được giữ nguyên như đã sửa tay.",
                    out.join(manifest::FILE_NAME).display()
                )],
            ),
        };
        fs::create_dir_all(&places.new)
            .map_err(|e| failed("không tạo được thư mục", &places.new, &e))?;
        // the previous set, so that what this build does not write (other kinds, files edited
        // by hand, the clerk's own files) is still there after the swap
        for rel in files_under(out) {
            if rel.as_os_str() == manifest::FILE_NAME {
                continue;
            }
            let (from, to) = (out.join(&rel), places.new.join(&rel));
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| failed("không tạo được thư mục", parent, &e))?;
            }
            if fs::hard_link(&from, &to).is_err() {
                fs::copy(&from, &to).map_err(|e| failed("không chép được", &from, &e))?;
            }
        }
        pause("carried");
        let files = match &previous {
            Previous::Manifest(m) => m.files.clone(),
            _ => Default::default(),
        };
        Ok(OutputSet {
            manifest: Manifest {
                hoso: env!("CARGO_PKG_VERSION").to_string(),
                input: input.to_string(),
                input_sha256: sha256(input_bytes),
                files,
                figures: None,
            },
            places,
            _lock: lock,
            previous,
            force,
            outcomes: Vec::new(),
            written: BTreeSet::new(),
            notes,
            committed: false,
        })
    }

    /// Whether the file at `rel` in the output folder was changed since hoso wrote it, judged
    /// against the bytes this build writes there.
    fn edited(&self, rel: &Path, bytes: &[u8]) -> bool {
        let Ok(current) = fs::read(self.places.out.join(rel)) else {
            return false;
        };
        match &self.previous {
            Previous::Manifest(m) => m.files.get(&key(rel)) != Some(&sha256(&current)),
            Previous::None | Previous::Unreadable => current != bytes,
        }
    }

    /// Writes one file of the new set (a file edited by hand is kept and the new version goes
    /// beside it, unless `force`).
    pub fn add(&mut self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let k = key(rel);
        let hash = sha256(bytes);
        let (target, outcome) =
            if !self.force && !self.written.contains(&k) && self.edited(rel, bytes) {
                let new_rel = beside(rel);
                // what hoso generated for the edited file stays recorded, so the next build sees
                // it is still edited; with no manifest, the edited file has no entry
                if !matches!(self.previous, Previous::Manifest(_)) {
                    self.manifest.files.remove(&k);
                }
                self.manifest.files.insert(key(&new_rel), hash);
                (
                    new_rel.clone(),
                    Outcome::KeptEdited {
                        kept: self.places.out.join(rel),
                        new: self.places.out.join(new_rel),
                    },
                )
            } else {
                self.manifest.files.insert(k.clone(), hash);
                (
                    rel.to_path_buf(),
                    Outcome::Written(self.places.out.join(rel)),
                )
            };
        self.written.insert(k);
        self.written.insert(key(&target));
        let path = self.places.new.join(&target);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| failed("không tạo được thư mục", parent, &e))?;
        }
        // the carried file may be a hard link to the live set's: never write through it
        let _ = fs::remove_file(&path);
        durable::write_new(&durable::Os, &path, bytes)
            .map_err(|e| failed("không ghi được", &path, &e))?;
        self.outcomes.push(outcome);
        if self.outcomes.len() == 10 {
            pause("writing");
        }
        Ok(())
    }

    /// Writes the manifest and puts the new set in place of the old one in one step; returns
    /// what happened to each file, and what the user should know besides. After a build of every
    /// document (`whole`), the files an earlier build wrote that this one did not (a member
    /// removed from the data) are left out, unless edited by hand since.
    pub fn commit(self, whole: bool) -> Result<(Vec<Outcome>, Vec<String>)> {
        self.commit_with(whole, |_| Ok(())).map(|(o, n, ())| (o, n))
    }

    /// Records `figures` (what the archive's summary counts of this set) in its manifest.
    pub fn set_figures(&mut self, figures: serde_json::Value) {
        self.manifest.figures = Some(figures);
    }

    /// As [`OutputSet::commit`], running `before_swap` on the complete new set (manifest
    /// included) just before it is put in place: what must appear with the set (its zip) is
    /// made from it then, so that a failure leaves both as they were.
    pub fn commit_with<T>(
        mut self,
        whole: bool,
        before_swap: impl FnOnce(&Path) -> Result<T>,
    ) -> Result<(Vec<Outcome>, Vec<String>, T)> {
        if whole && let Previous::Manifest(previous) = &self.previous {
            for (k, hash) in &previous.files {
                if self.written.contains(k) || self.manifest.files.get(k) != Some(hash) {
                    continue;
                }
                let live = self.places.out.join(k);
                let unedited = fs::read(&live).is_ok_and(|b| &sha256(&b) == hash);
                if unedited {
                    let _ = fs::remove_file(self.places.new.join(k));
                    self.manifest.files.remove(k);
                }
            }
        }
        pause("manifest");
        let m = self.places.new.join(manifest::FILE_NAME);
        durable::write_new(&durable::Os, &m, &self.manifest.to_bytes())
            .map_err(|e| failed("không ghi được", &m, &e))?;
        let made = before_swap(&self.places.new)?;
        pause("swap");
        durable::replace_folder(
            &durable::Os,
            &self.places.new,
            &self.places.out,
            &self.places.old,
        )
        .map_err(|e| failed("không thay được bộ tệp trong", &self.places.out, &e))?;
        self.committed = true;
        pause("swapped");
        // the old set, now in the staging folder's place (or none when there was no old set)
        for leftover in [&self.places.new, &self.places.old] {
            if leftover.exists() {
                let _ = fs::remove_dir_all(leftover);
            }
        }
        // documents are rendered in parallel: report the files in a stable order
        let mut outcomes = std::mem::take(&mut self.outcomes);
        outcomes.sort_by(|a, b| a.path().cmp(b.path()));
        Ok((outcomes, std::mem::take(&mut self.notes), made))
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.places.new);
        }
    }
}
