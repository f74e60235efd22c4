//! Putting a newly built folder in place of the existing one in one step.

use std::fs;
use std::io;
use std::path::Path;

/// Puts `new` in place of `out`. On Linux the two folders are exchanged in one step
/// (`renameat2` with `RENAME_EXCHANGE`), so that `out` is at every moment either the old set or
/// the new one; `new` then holds the old set. Elsewhere, or on a file system without the
/// exchange, `out` is first moved to `old`: an interruption between the two renames leaves `old`,
/// which the next run moves back.
pub fn replace(new: &Path, out: &Path, old: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(new, out);
    }
    #[cfg(target_os = "linux")]
    if exchange(new, out).is_ok() {
        return Ok(());
    }
    fs::rename(out, old)?;
    fs::rename(new, out)
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
