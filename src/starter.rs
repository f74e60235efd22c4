//! `hoso init`: the commented starter file for a new cell.

use std::path::Path;

use anyhow::{Context, Result, bail};

/// The starter file: a small cell with every section, Vietnamese comments on each field.
pub const STARTER: &str = include_str!("../templates/khoi-tao.yaml");

/// Writes the starter file to `path`, and the JSON Schema it points to beside it; an existing
/// data file is kept unless `force`.
pub fn write(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "{} đã có; không ghi đè (dùng --force nếu muốn thay bằng tệp mẫu).",
            path.display()
        );
    }
    write_file(path, STARTER)?;
    write_file(
        &path.with_file_name(crate::schema::FILE_NAME),
        &crate::schema::json(),
    )
}

/// Writes `text` to `path` whole or not at all (written beside it, then renamed).
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{} không phải tên tệp.", path.display()))?;
    let tmp = path.with_file_name(format!(
        ".{}.hoso-tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        bail!(
            "không ghi được {}: {}.",
            path.display(),
            crate::messages::io_error(&e)
        );
    }
    Ok(())
}
