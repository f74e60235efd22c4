//! Writing files: every document rendered first, then written through a temporary folder and
//! moved into place, so a failed build never leaves half-written files.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::doc::Document;
use crate::render::Renderer;

/// One output file: its path relative to the output folder, and its bytes.
pub struct OutFile {
    /// Relative path ("ke-hoach.pdf").
    pub rel: PathBuf,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Renders every document with every renderer, in memory.
pub fn render_all(docs: &[Document], renderers: &[&dyn Renderer]) -> Result<Vec<OutFile>> {
    let mut files = Vec::new();
    for d in docs {
        for r in renderers {
            let bytes = r
                .render(d)
                .with_context(|| format!("không tạo được {}.{}", d.kind, r.extension()))?;
            files.push(OutFile {
                rel: PathBuf::from(format!("{}.{}", d.kind, r.extension())),
                bytes,
            });
        }
    }
    Ok(files)
}

/// Writes the files into `out`: all into a temporary folder inside it first, then each renamed
/// into place (a rename within one file system is atomic). Returns the paths written.
pub fn write_all(out: &Path, files: &[OutFile]) -> Result<Vec<PathBuf>> {
    fs::create_dir_all(out).with_context(|| format!("không tạo được thư mục {}", out.display()))?;
    let staging = out.join(format!(".hoso-tmp-{}", std::process::id()));
    let result = (|| -> Result<Vec<PathBuf>> {
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        for f in files {
            let p = staging.join(&f.rel);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&p, &f.bytes).with_context(|| format!("không ghi được {}", p.display()))?;
        }
        let mut written = Vec::new();
        for f in files {
            let dest = out.join(&f.rel);
            if let Some(parent) = dest.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(staging.join(&f.rel), &dest)
                .with_context(|| format!("không chuyển được tệp vào {}", dest.display()))?;
            written.push(dest);
        }
        Ok(written)
    })();
    let _ = fs::remove_dir_all(&staging);
    result
}
