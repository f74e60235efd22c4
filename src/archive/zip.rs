//! One zip per cell: the cell's folder as it stands after its build, written beside and renamed
//! into place, so that a zip is always whole. Its comment names the cell manifest it was made
//! from, so that a zip older than its folder (a run stopped between the two) is noticed.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::messages::io_error;
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

/// Writes `zip` from the folder `dir` (entries under `prefix/`): written beside, then renamed in
/// place. Returns the zip's checksum.
pub fn write(dir: &Path, prefix: &str, zip: &Path) -> Result<String> {
    let name = zip
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = zip.with_file_name(format!(".{name}.hoso-moi"));
    let fail =
        |what: &str, p: &Path, e: &dyn std::fmt::Display| anyhow!("{what} {}: {e}", p.display());
    let result = (|| -> Result<()> {
        let file = File::create(&tmp).map_err(|e| fail("không tạo được", &tmp, &io_error(&e)))?;
        let mut w = ZipWriter::new(BufWriter::new(file));
        for rel in files(dir)? {
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
            let bytes = fs::read(dir.join(&rel))
                .map_err(|e| fail("không đọc được", &dir.join(&rel), &io_error(&e)))?;
            w.start_file(format!("{prefix}/{rel}"), options)
                .map_err(|e| fail("không ghi được", &tmp, &e))?;
            w.write_all(&bytes)
                .map_err(|e| fail("không ghi được", &tmp, &io_error(&e)))?;
        }
        if let Some(s) = stamp(dir) {
            w.set_comment(s)
                .map_err(|e| fail("không ghi được", &tmp, &e))?;
        }
        let buf = w.finish().map_err(|e| fail("không ghi được", &tmp, &e))?;
        // no fsync: a zip cut short by a power cut does not open, and the next run remakes it
        buf.into_inner()
            .map_err(|e| fail("không ghi được", &tmp, &io_error(e.error())))?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    let bytes = fs::read(&tmp).map_err(|e| fail("không đọc được", &tmp, &io_error(&e)))?;
    fs::rename(&tmp, zip).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        fail("không thay được", zip, &io_error(&e))
    })?;
    Ok(sha256(&bytes))
}
