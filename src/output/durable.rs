//! Durable writes, the one way hoso replaces a file or a folder that must survive a power cut as
//! the old version or the new one: the new bytes go to a temporary file of a unique name in the
//! target's folder, the file is flushed to the disk (fsync), renamed over the target (or, for a
//! folder, exchanged with it), and the folder itself is flushed, so that the rename is on the disk
//! too. A rename alone is not enough: after a power cut the file system may hold the new name
//! with no data (a 0-byte file), or the old name again.
//!
//! A new folder set (a build) is flushed as a whole before it is exchanged with the old one:
//! Linux's `syncfs`, one call, costs far less than a flush per file.
//!
//! The few file-system calls go through [`FileSystem`], so a test can record their order.

use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The file-system calls a durable write is made of.
pub trait FileSystem: Sync {
    /// Creates a file that must not exist yet, with permission bits `mode`.
    fn create_new(&self, path: &Path, mode: u32) -> io::Result<File>;
    /// Creates or truncates a file (in a folder nobody reads yet).
    fn create(&self, path: &Path) -> io::Result<File>;
    /// Flushes a file's data and size to the disk.
    fn sync_file(&self, file: &File, path: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Exchanges two folders in one step (Linux: `renameat2` with `RENAME_EXCHANGE`).
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()>;
    /// Flushes a folder's entries (names created, renamed, removed) to the disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Flushes everything written under `dir` — its files' data, its folders' entries — to the
    /// disk (Linux: `syncfs` of its file system, one call instead of one per file).
    fn sync_under(&self, dir: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
}

/// The operating system's file system.
pub struct Os;

impl FileSystem for Os {
    fn create_new(&self, path: &Path, mode: u32) -> io::Result<File> {
        File::options()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(path)
    }

    fn create(&self, path: &Path) -> io::Result<File> {
        File::create(path)
    }

    fn sync_file(&self, file: &File, _path: &Path) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
        exchange(a, b)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    fn sync_under(&self, dir: &Path) -> io::Result<()> {
        syncfs(dir)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// `syncfs` of the file system holding `dir`: every dirty page and entry of it written out.
#[cfg(target_os = "linux")]
fn syncfs(dir: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let f = File::open(dir)?;
    // SAFETY: the descriptor is open for the duration of the call.
    if unsafe { libc::syncfs(f.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Elsewhere: every file and folder under `dir` flushed one by one.
#[cfg(not(target_os = "linux"))]
fn syncfs(dir: &Path) -> io::Result<()> {
    let mut stack = vec![dir.to_path_buf()];
    let mut folders = Vec::new();
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d)? {
            let e = e?;
            if e.file_type()?.is_dir() {
                stack.push(e.path());
            } else {
                File::open(e.path())?.sync_all()?;
            }
        }
        folders.push(d);
    }
    for d in folders.iter().rev() {
        File::open(d)?.sync_all()?;
    }
    Ok(())
}

/// The suffix of temporary files; what a killed process left is recognised by it.
pub const TEMP_SUFFIX: &str = ".hoso-tam";

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The folder a path is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary name beside `target`, unique to this process and call.
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.{}-{n}{TEMP_SUFFIX}", std::process::id()))
}

/// A new version of a file, written and flushed beside it under a temporary name, not yet in
/// place: [`Pending::put_in_place`] renames it over the target and flushes the folder; dropped
/// before that, it is removed and the target is as it was.
pub struct Pending<'a> {
    fs: &'a dyn FileSystem,
    tmp: PathBuf,
    target: PathBuf,
    placed: bool,
}

impl Pending<'_> {
    /// Renames the new version over the target and flushes the folder.
    pub fn put_in_place(mut self) -> io::Result<()> {
        self.fs.rename(&self.tmp, &self.target)?;
        self.placed = true;
        self.fs.sync_dir(folder_of(&self.target))
    }

    /// The file put in place by [`Pending::put_in_place`].
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if !self.placed {
            let _ = self.fs.remove_file(&self.tmp);
        }
    }
}

/// Writes a new version of `target` through `fs` into a new temporary file beside it (`fill`
/// writes the content) and flushes it, without putting it in place yet.
pub fn write_pending<'a>(
    fs: &'a dyn FileSystem,
    target: &Path,
    mode: u32,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<Pending<'a>> {
    injected_failure()?;
    let (tmp, mut file) = loop {
        let tmp = temp_beside(target);
        match fs.create_new(&tmp, mode) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let pending = Pending {
        fs,
        tmp,
        target: target.to_path_buf(),
        placed: false,
    };
    fill(&mut file)?;
    fs.sync_file(&file, &pending.tmp)?;
    Ok(pending)
}

/// Writes `target` through `fs` as the old version or the new one, whatever interrupts it:
/// `fill` writes the content into a new temporary file beside it, which is flushed, renamed over
/// `target`, and the folder flushed. On an error the temporary file is removed and `target` is as
/// it was.
pub fn write_with(
    fs: &dyn FileSystem,
    target: &Path,
    mode: u32,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    write_pending(fs, target, mode, fill)?.put_in_place()
}

/// For the tests of a full disk where none can be made: `HOSO_TEST_DISK_FULL_AFTER=N` lets the
/// process write N files durably, then fails every further write as a full disk would.
fn injected_failure() -> io::Result<()> {
    static LEFT: std::sync::LazyLock<Option<std::sync::atomic::AtomicI64>> =
        std::sync::LazyLock::new(|| {
            std::env::var("HOSO_TEST_DISK_FULL_AFTER")
                .ok()
                .and_then(|v| v.parse().ok())
                .map(std::sync::atomic::AtomicI64::new)
        });
    match LEFT.as_ref() {
        Some(n) if n.fetch_sub(1, Ordering::Relaxed) <= 0 => {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to `target` durably (see [`write_with`]), readable by everyone.
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(&Os, target, 0o644, |f| f.write_all(bytes))
}

/// Writes `bytes` to `target` durably, readable by its owner only (a key).
pub fn write_private(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(&Os, target, 0o600, |f| f.write_all(bytes))
}

/// Writes a file into a folder that is not in use yet (a new set being built): the folder is
/// flushed as a whole before it is put in place ([`replace_folder`]).
pub fn write_new(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> io::Result<()> {
    injected_failure()?;
    let mut f = fs.create(path)?;
    f.write_all(bytes)
}

/// Makes `link` a second name of the existing file `existing` and flushes `link`'s folder, so
/// that a copy kept under another name survives a power cut. Never replaces `link`.
pub fn hard_link(fs: &dyn FileSystem, existing: &Path, link: &Path) -> io::Result<()> {
    std::fs::hard_link(existing, link)?;
    fs.sync_dir(folder_of(link))
}

/// Puts the folder `new` in place of `out`: everything written under it is flushed, then it is
/// exchanged with `out` in one step (or, where the exchange is not available,
/// `out` is moved to `old` first: an interruption between the two renames leaves `old`, which
/// the next run moves back), then the folder holding them is flushed. Afterwards `new` holds the
/// old set, if there was one.
pub fn replace_folder(fs: &dyn FileSystem, new: &Path, out: &Path, old: &Path) -> io::Result<()> {
    fs.sync_under(new)?;
    if !out.exists() {
        fs.rename(new, out)?;
    } else if fs.exchange(new, out).is_err() {
        fs.rename(out, old)?;
        fs.sync_dir(folder_of(out))?;
        fs.rename(new, out)?;
    }
    fs.sync_dir(folder_of(out))
}

/// Removes what killed writers left in `dir`: temporary files of [`write_with`].
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().ends_with(TEMP_SUFFIX) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let path = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in a path"))
    };
    let (a, b) = (path(a)?, path(b)?);
    // SAFETY: both paths are NUL-terminated C strings that outlive the call; the syscall reads
    // them and touches no other memory of ours.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Mutex;

    /// The real file system, recording each call with the file or folder name it was about
    /// (temporary names shortened to "tmp").
    #[derive(Default)]
    pub struct Recorder {
        pub calls: Mutex<Vec<String>>,
    }

    fn short(p: &Path) -> String {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(TEMP_SUFFIX) {
            "tmp".into()
        } else {
            name.into_owned()
        }
    }

    impl Recorder {
        fn note(&self, s: String) {
            self.calls.lock().unwrap().push(s);
        }
        pub fn calls(&self) -> Vec<String> {
            self.calls.lock().unwrap().clone()
        }
    }

    impl FileSystem for Recorder {
        fn create_new(&self, path: &Path, mode: u32) -> io::Result<File> {
            self.note(format!("create {}", short(path)));
            Os.create_new(path, mode)
        }
        fn create(&self, path: &Path) -> io::Result<File> {
            self.note(format!("create {}", short(path)));
            Os.create(path)
        }
        fn sync_file(&self, file: &File, path: &Path) -> io::Result<()> {
            self.note(format!("sync {}", short(path)));
            Os.sync_file(file, path)
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            self.note(format!("rename {} {}", short(from), short(to)));
            Os.rename(from, to)
        }
        fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
            self.note(format!("exchange {} {}", short(a), short(b)));
            Os.exchange(a, b)
        }
        fn sync_dir(&self, dir: &Path) -> io::Result<()> {
            self.note(format!("sync-dir {}", short(dir)));
            Os.sync_dir(dir)
        }
        fn sync_under(&self, dir: &Path) -> io::Result<()> {
            self.note(format!("sync-under {}", short(dir)));
            Os.sync_under(dir)
        }
        fn remove_file(&self, path: &Path) -> io::Result<()> {
            self.note(format!("remove {}", short(path)));
            Os.remove_file(path)
        }
    }

    #[test]
    fn a_file_is_flushed_then_renamed_then_its_folder_flushed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("thu-muc");
        fs::create_dir(&dir).unwrap();
        let target = dir.join("a.yaml");
        fs::write(&target, "cũ").unwrap();
        let rec = Recorder::default();
        write_with(&rec, &target, 0o644, |f| f.write_all("mới".as_bytes())).unwrap();
        assert_eq!(
            rec.calls(),
            [
                "create tmp",
                "sync tmp",
                "rename tmp a.yaml",
                "sync-dir thu-muc"
            ]
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "mới");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no temporary left");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("a.yaml");
        fs::write(&target, "cũ").unwrap();
        let rec = Recorder::default();
        let err = write_with(&rec, &target, 0o644, |f| {
            f.write_all(b"nua")?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(rec.calls(), ["create tmp", "remove tmp"]);
        assert_eq!(fs::read_to_string(&target).unwrap(), "cũ");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn writers_at_once_never_share_a_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("a.yaml");
        std::thread::scope(|s| {
            for i in 0..8 {
                let target = &target;
                s.spawn(move || {
                    for j in 0..20 {
                        write(target, format!("{i}-{j}\n").repeat(500).as_bytes()).unwrap();
                    }
                });
            }
        });
        // whole: one writer's content, never a mix
        let text = fs::read_to_string(&target).unwrap();
        let first = text.lines().next().unwrap();
        assert!(text.lines().all(|l| l == first), "mixed content");
        assert_eq!(text.lines().count(), 500);
    }

    #[test]
    fn a_folder_is_flushed_inside_out_then_exchanged_then_its_parent_flushed() {
        let tmp = tempfile::tempdir().unwrap();
        let (new, out, old) = (
            tmp.path().join("moi"),
            tmp.path().join("ra"),
            tmp.path().join("cu"),
        );
        fs::create_dir_all(new.join("con")).unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("x"), "cũ").unwrap();
        let rec = Recorder::default();
        write_new(&rec, &new.join("con/x"), b"moi").unwrap();
        replace_folder(&rec, &new, &out, &old).unwrap();
        let parent = short(tmp.path());
        assert_eq!(
            rec.calls(),
            [
                "create x".to_string(),
                "sync-under moi".into(),
                "exchange moi ra".into(),
                format!("sync-dir {parent}"),
            ]
        );
        assert_eq!(fs::read_to_string(out.join("con/x")).unwrap(), "moi");
        assert_eq!(fs::read_to_string(new.join("x")).unwrap(), "cũ");
    }

    #[test]
    fn a_copy_under_another_name_is_flushed_in_its_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        fs::create_dir(tmp.path().join("cu")).unwrap();
        fs::write(&a, "x").unwrap();
        let rec = Recorder::default();
        hard_link(&rec, &a, &tmp.path().join("cu/a-1")).unwrap();
        assert_eq!(rec.calls(), ["sync-dir cu"]);
        assert!(hard_link(&rec, &a, &tmp.path().join("cu/a-1")).is_err());
    }
}
