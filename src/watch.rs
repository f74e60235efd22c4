//! `hoso build --theo-doi`: the documents rebuilt each time the data file or its members'
//! submissions are saved, so that a PDF viewer that reloads shows what the clerk types. A save
//! is taken once it has held still (editors write a file in several steps); a save with an
//! error keeps the last good documents, as every build does (the set is replaced whole or not
//! at all).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::pipeline::{self, BuildOptions, Built, Failure};

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(200);

/// How long a change must hold still before it is built.
const QUIET: Duration = Duration::from_millis(300);

/// What the files looked like: each path with its modification time and size (`None` while
/// it does not exist, as between an editor's delete and rename).
#[derive(PartialEq, Eq, Debug)]
struct Stamp(Vec<(PathBuf, Option<(SystemTime, u64)>)>);

fn stamp_of(data: &Path) -> Stamp {
    let meta = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()))
    };
    let mut files = vec![(data.to_path_buf(), meta(data))];
    let folder = crate::data::submissions::folder_for(data);
    if let Ok(entries) = std::fs::read_dir(&folder) {
        let mut subs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        subs.sort();
        files.extend(subs.into_iter().map(|p| {
            let m = meta(&p);
            (p, m)
        }));
    }
    Stamp(files)
}

/// Builds `data` into `out`, then again after each save, calling `report` with each build's
/// result; returns only when `report` says to stop (the command itself runs until Ctrl-C).
pub fn run(
    data: &Path,
    out: &Path,
    opts: &BuildOptions,
    mut report: impl FnMut(Result<Built, Failure>) -> bool,
) {
    let mut seen = stamp_of(data);
    if !report(pipeline::build(data, out, opts)) {
        return;
    }
    loop {
        std::thread::sleep(POLL);
        let mut now = stamp_of(data);
        if now == seen {
            continue;
        }
        // several saves in a row are one change: wait until the files hold still
        loop {
            std::thread::sleep(QUIET);
            let again = stamp_of(data);
            if again == now {
                break;
            }
            now = again;
        }
        seen = now;
        if !report(pipeline::build(data, out, opts)) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_or_a_new_submission_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("cb.yaml");
        std::fs::write(&data, "a").unwrap();
        let first = stamp_of(&data);
        assert_eq!(first, stamp_of(&data));
        std::fs::write(&data, "ab").unwrap();
        let second = stamp_of(&data);
        assert_ne!(first, second);
        let subs = dir.path().join("cb.bai-gui");
        std::fs::create_dir(&subs).unwrap();
        std::fs::write(subs.join("nam.yaml"), "x").unwrap();
        assert_ne!(second, stamp_of(&data));
        std::fs::remove_file(&data).unwrap();
        assert_eq!(stamp_of(&data).0[0].1, None);
    }
}
