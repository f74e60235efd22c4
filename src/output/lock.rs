//! A lock file that keeps a second hoso off a folder while one writes it, and leaves nothing
//! behind: it is removed, still locked, when the run ends. A process that opened the file just
//! before it was removed finds, once it holds the lock, that its file is no longer the one at
//! the path, and opens the new one.

use std::fs::{self, File};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// A held lock; the file is removed when it is dropped.
pub struct LockFile {
    _file: File,
    path: PathBuf,
}

impl LockFile {
    /// Takes the lock at `path`; `None` when another process holds it.
    pub fn try_take(path: &Path) -> io::Result<Option<LockFile>> {
        loop {
            let file = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => return Ok(None),
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
            let ours = file.metadata()?.ino();
            if fs::metadata(path).is_ok_and(|m| m.ino() == ours) {
                return Ok(Some(LockFile {
                    _file: file,
                    path: path.to_path_buf(),
                }));
            }
            // removed by the run that held it: take the lock on the file there now
        }
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        // removed while still locked: nobody can hold a lock on a file that is gone
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_refused_and_nothing_stays_after() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join(".khoa");
        let a = LockFile::try_take(&p).unwrap().expect("free");
        assert!(LockFile::try_take(&p).unwrap().is_none(), "held");
        drop(a);
        assert!(!p.exists(), "removed");
        let b = LockFile::try_take(&p).unwrap();
        assert!(b.is_some());
    }
}
