//! Writing files: every document rendered first, then written through a temporary folder and
//! moved into place, so a failed build never leaves half-written files; a file edited by hand
//! since the last build is kept, and the new version is written beside it.

pub mod manifest;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::doc::Document;
use crate::render::Renderer;
use manifest::{Manifest, sha256};

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
                .with_context(|| format!("không tạo được {}.{}", d.path, r.extension()))?;
            files.push(OutFile {
                rel: PathBuf::from(format!("{}.{}", d.path, r.extension())),
                bytes,
            });
        }
    }
    Ok(files)
}

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

/// Writes the files into `out` with the manifest. Every file goes into a temporary folder inside
/// `out` first and is then renamed into place (atomic within one file system). A file already in
/// `out` that the previous build did not write as it is now (edited in Word, say) is kept unless
/// `force`, and the new version is written beside it.
pub fn write_all(
    out: &Path,
    files: &[OutFile],
    input: &str,
    input_bytes: &[u8],
    force: bool,
) -> Result<Vec<Outcome>> {
    fs::create_dir_all(out).with_context(|| format!("không tạo được thư mục {}", out.display()))?;
    let previous = Manifest::read(out).unwrap_or_default();
    // Files not rebuilt this time (a build of one kind or one member) keep their entries.
    let mut manifest = Manifest {
        hoso: env!("CARGO_PKG_VERSION").to_string(),
        input: input.to_string(),
        input_sha256: sha256(input_bytes),
        files: previous.files.clone(),
    };
    // Decide each file's destination before touching anything.
    let mut plan: Vec<(&OutFile, PathBuf, Outcome)> = Vec::new();
    for f in files {
        let dest = out.join(&f.rel);
        let k = key(&f.rel);
        let edited = match fs::read(&dest) {
            Err(_) => false,
            Ok(current) => previous.files.get(&k) != Some(&sha256(&current)),
        };
        let hash = sha256(&f.bytes);
        if edited && !force {
            let new_rel = beside(&f.rel);
            // Keep recording what hoso generated for the edited file, so the next build sees it
            // is still edited.
            if let Some(old) = previous.files.get(&k) {
                manifest.files.insert(k, old.clone());
            }
            manifest.files.insert(key(&new_rel), hash);
            plan.push((
                f,
                new_rel.clone(),
                Outcome::KeptEdited {
                    kept: dest,
                    new: out.join(new_rel),
                },
            ));
        } else {
            manifest.files.insert(k, hash);
            plan.push((f, f.rel.clone(), Outcome::Written(dest)));
        }
    }
    let staging = out.join(format!(".hoso-tmp-{}", std::process::id()));
    let result = (|| -> Result<Vec<Outcome>> {
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
        for (f, rel, _) in &plan {
            let p = staging.join(rel);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&p, &f.bytes).with_context(|| format!("không ghi được {}", p.display()))?;
            staged.push((p, out.join(rel)));
        }
        let m = staging.join(manifest::FILE_NAME);
        fs::write(&m, manifest.to_bytes())?;
        staged.push((m, out.join(manifest::FILE_NAME)));
        // Everything is on disk: now move it into place, the manifest last.
        for (from, to) in &staged {
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(from, to)
                .with_context(|| format!("không chuyển được tệp vào {}", to.display()))?;
        }
        Ok(plan.into_iter().map(|(_, _, o)| o).collect())
    })();
    let _ = fs::remove_dir_all(&staging);
    result
}
