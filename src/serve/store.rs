//! The submissions store: what members sent, one file per member beside the data
//! (`chi-bo.bai-gui/<ma>.yaml`), each version kept. Sends are saved one at a time (the server
//! holds one lock around the check and the save of a send, which also keeps two sends of one
//! member apart); each file is written durably (unique temporary file, flushed, renamed, folder flushed), and the
//! version it replaces is kept under a name no other send can take (`cu/<ma>-<time>-<n>.yaml`,
//! the time to the microsecond). What members did on the page (opened, downloaded, sent) is kept
//! on disk too, beside the key file, so that the clerk's page survives a restart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::data::submissions;
use crate::messages::io_error;
use crate::output::durable;

/// The folder of earlier versions, inside the submissions folder.
pub const KEPT: &str = "cu";

/// What a member did on the page, as kept on disk.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Activity {
    /// When they last opened their page.
    #[serde(default)]
    pub opened: Option<NaiveDateTime>,
    /// When they last downloaded their form.
    #[serde(default)]
    pub downloaded: Option<NaiveDateTime>,
    /// When they last sent their self-review.
    #[serde(default)]
    pub sent: Option<NaiveDateTime>,
}

/// The record of activity of the data file at `data`: hidden, beside it.
pub fn activity_path(data: &Path) -> PathBuf {
    let stem = data
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "du-lieu".into());
    data.with_file_name(format!(".{stem}.hoso-hoat-dong.json"))
}

/// The file of member `id`'s submission for the data file at `data`.
pub fn file_for(data: &Path, id: &str) -> PathBuf {
    submissions::folder_for(data).join(format!("{id}.yaml"))
}

/// The submissions of one data file.
pub struct Store {
    data: PathBuf,
    activity: Mutex<BTreeMap<String, Activity>>,
    /// The activity changed since it was last written.
    dirty: AtomicBool,
}

impl Store {
    /// The store of the data file at `data`: what killed writers left is cleared, the record of
    /// activity read back.
    pub fn open(data: &Path) -> Store {
        let dir = submissions::folder_for(data);
        durable::sweep(&dir);
        durable::sweep(&dir.join(KEPT));
        let activity = std::fs::read(activity_path(data))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Store {
            data: data.to_path_buf(),
            activity: Mutex::new(activity),
            dirty: AtomicBool::new(false),
        }
    }

    /// The data file.
    pub fn data(&self) -> &Path {
        &self.data
    }

    /// Saves member `id`'s submission `text` durably; the version it replaces is kept in `cu/`
    /// under a name of its own. Call with the server's send lock held.
    pub fn save(&self, id: &str, text: &str, now: NaiveDateTime) -> Result<(), String> {
        let target = file_for(&self.data, id);
        let dir = submissions::folder_for(&self.data);
        let kept = dir.join(KEPT);
        let io = |what: &str, p: &Path, e: std::io::Error| {
            format!("{what} {}: {}", p.display(), io_error(&e))
        };
        std::fs::create_dir_all(&kept).map_err(|e| io("không tạo được thư mục", &kept, e))?;
        if target.exists() {
            let stamp = now
                .format("%Y%m%d-%H%M%S%.6f")
                .to_string()
                .replace('.', "-");
            let mut n = 1;
            loop {
                let old = kept.join(format!("{id}-{stamp}-{n}.yaml"));
                match durable::hard_link(&durable::Os, &target, &old) {
                    Ok(()) => break,
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                    Err(e) => return Err(io("không giữ được bản cũ", &target, e)),
                }
            }
        }
        durable::write(&target, text.as_bytes()).map_err(|e| io("không ghi được", &target, e))?;
        self.note(id, |a| a.sent = Some(now));
        Ok(())
    }

    fn note(&self, id: &str, f: impl FnOnce(&mut Activity)) {
        let mut a = self.activity.lock().unwrap_or_else(|e| e.into_inner());
        f(a.entry(id.to_string()).or_default());
        self.dirty.store(true, Ordering::Release);
    }

    /// Notes that member `id` opened their page.
    pub fn opened(&self, id: &str) {
        self.note(id, |a| a.opened = Some(crate::starter::now()));
    }

    /// Notes that member `id` downloaded their form.
    pub fn downloaded(&self, id: &str) {
        self.note(id, |a| a.downloaded = Some(crate::starter::now()));
    }

    /// What member `id` did; when they sent is also read from their file, for submissions made
    /// before the record existed.
    pub fn activity(&self, id: &str) -> Activity {
        let mut a = self
            .activity
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .cloned()
            .unwrap_or_default();
        if a.sent.is_none() {
            a.sent = modified(&file_for(&self.data, id));
        }
        a
    }

    /// Writes the record of activity when it changed (durably; a failure is said once, on
    /// standard error, and tried again next time).
    pub fn flush(&self) {
        if !self.dirty.swap(false, Ordering::AcqRel) {
            return;
        }
        let bytes = {
            let a = self.activity.lock().unwrap_or_else(|e| e.into_inner());
            serde_json::to_vec_pretty(&*a).unwrap_or_default()
        };
        let path = activity_path(&self.data);
        if let Err(e) = durable::write(&path, &bytes) {
            self.dirty.store(true, Ordering::Release);
            eprintln!("lỗi: không ghi được {}: {}", path.display(), io_error(&e));
        }
    }
}

/// A file's time of last change, in Vietnam's time.
fn modified(path: &Path) -> Option<NaiveDateTime> {
    let t = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() as i64 + 7 * 3600;
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.naive_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_is_kept_under_its_own_name_even_within_one_microsecond() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("chi-bo.yaml");
        std::fs::write(&data, "x").unwrap();
        let store = Store::open(&data);
        let now = crate::starter::now();
        for i in 0..5 {
            store.save("nam", &format!("v{i}\n"), now).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(file_for(&data, "nam")).unwrap(),
            "v4\n"
        );
        let mut kept: Vec<String> = std::fs::read_dir(submissions::folder_for(&data).join(KEPT))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, ["v0\n", "v1\n", "v2\n", "v3\n"]);
        // the activity survives a restart
        store.opened("nam");
        store.flush();
        let again = Store::open(&data);
        let a = again.activity("nam");
        assert!(a.opened.is_some() && a.sent == Some(now));
    }
}
