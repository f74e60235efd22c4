//! One zip per cell: the cell's folder as it stands after its build, written durably (beside,
//! flushed, renamed into place), so that a zip is always whole. Its comment names the cell manifest it was made
//! from, so that a zip older than its folder (a run stopped between the two) is noticed.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use zip::result::ZipError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::messages::io_error;
use crate::output::durable;
use crate::output::manifest::{self, sha256};

/// Every file under `dir` as relative paths with `/`, sorted.
fn files(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let entries = fs::read_dir(dir.join(&rel)).map_err(|e| {
            anyhow!(
                "không đọc được thư mục {}: {}",
                dir.join(&rel).display(),
                io_error(&e)
            )
        })?;
        for e in entries.flatten() {
            let r = rel.join(e.file_name());
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(r),
                Ok(t) if t.is_file() => out.push(r.to_string_lossy().replace('\\', "/")),
                _ => {}
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The comment a zip of the folder `dir` carries: its manifest's checksum.
pub fn stamp(dir: &Path) -> Option<String> {
    let bytes = fs::read(dir.join(manifest::FILE_NAME)).ok()?;
    Some(format!("hoso manifest {}", sha256(&bytes)))
}

/// Whether the zip at `zip` was made from the folder `dir` as it is now.
pub fn is_current(zip: &Path, dir: &Path) -> bool {
    let Some(want) = stamp(dir) else {
        return false;
    };
    File::open(zip)
        .ok()
        .and_then(|f| ZipArchive::new(f).ok())
        .is_some_and(|a| a.comment() == want.as_bytes())
}

/// Writes the zip of the folder `dir` (entries under `prefix/`) beside `zip`, flushed, not yet
/// in place: the archive puts a cell's zip in place together with its folder.
pub fn write_pending(dir: &Path, prefix: &str, zip: &Path) -> Result<durable::Pending<'static>> {
    let fail =
        |what: &str, p: &Path, e: &dyn std::fmt::Display| anyhow!("{what} {}: {e}", p.display());
    let entries = files(dir)?;
    // a file of the folder that could not be read, told apart from the zip not written
    let mut unreadable = None;
    let comment = stamp(dir);
    let written = durable::write_pending(&durable::Os, zip, 0o644, |file| {
        let mut guard = Guarded { file, error: None };
        let result = fill(&mut guard, dir, prefix, &entries, &comment, &mut unreadable);
        match (result, guard.error.take()) {
            (_, Some(e)) | (Err(e), None) => Err(e),
            (Ok(()), None) => Ok(()),
        }
    });
    written.map_err(|e| match &unreadable {
        Some(p) => fail("không đọc được", p, &io_error(&e)),
        None => fail("không ghi được", zip, &io_error(&e)),
    })
}

/// A file a zip is written into that, after its first error, takes every further write
/// silently: the zip library's writer, dropped after an error, would otherwise print its own
/// English message while finishing. The error is kept and returned by the caller.
struct Guarded<'a> {
    file: &'a mut File,
    error: Option<std::io::Error>,
}

impl Write for Guarded<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.error.is_none()
            && let Err(e) = self.file.write_all(buf)
        {
            self.error = Some(e);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.error.is_none()
            && let Err(e) = self.file.flush()
        {
            self.error = Some(e);
        }
        Ok(())
    }
}

impl std::io::Seek for Guarded<'_> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.file.seek(pos)
    }
}

/// Writes the zip of `entries` of `dir` into `out`.
fn fill(
    out: &mut Guarded,
    dir: &Path,
    prefix: &str,
    entries: &[String],
    comment: &Option<String>,
    unreadable: &mut Option<PathBuf>,
) -> std::io::Result<()> {
    {
        let mut w = ZipWriter::new(BufWriter::new(&mut *out));
        for rel in entries {
            let bytes =
                fs::read(dir.join(rel)).inspect_err(|_| *unreadable = Some(dir.join(rel)))?;
            // PDFs and .docx packages are compressed already: stored as they are
            let method = if rel.ends_with(".pdf") || rel.ends_with(".docx") {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let options = SimpleFileOptions::default()
                .compression_method(method)
                .last_modified_time(DateTime::default())
                .unix_permissions(0o644);
            w.start_file(format!("{prefix}/{rel}"), options)
                .map_err(zip_io)?;
            w.write_all(&bytes)?;
        }
        if let Some(s) = comment {
            w.set_comment(s.clone()).map_err(zip_io)?;
        }
        let buf = w.finish().map_err(zip_io)?;
        buf.into_inner().map_err(|e| e.into_error())?;
    }
    Ok(())
}

/// Writes `zip` from the folder `dir` (entries under `prefix/`) durably: written beside, flushed,
/// renamed in place.
pub fn write(dir: &Path, prefix: &str, zip: &Path) -> Result<()> {
    write_pending(dir, prefix, zip)?
        .put_in_place()
        .map_err(|e| anyhow!("không ghi được {}: {}", zip.display(), io_error(&e)))
}

/// A zip library error as an I/O error (its I/O cause kept, so a full disk is named as such).
fn zip_io(e: ZipError) -> std::io::Error {
    match e {
        ZipError::Io(e) => e,
        other => std::io::Error::other(other.to_string()),
    }
}
