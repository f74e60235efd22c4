//! The archive folder as it stands on disk, which is the truth the archive's record is made
//! from: each cell's folder with its own manifest (the input it was built from, its files, the
//! figures the summary counts) and whether its zip was made from it. A run that was killed, a
//! disk that filled, a record that lags behind: all are read back from here.

use std::fs;
use std::path::{Path, PathBuf};

use crate::data::district::Row;
use crate::messages::io_error;
use crate::output::manifest::Manifest;

/// What the archive records of a cell in its folder's manifest, besides the files.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Figures {
    /// The cell's figures for the summary.
    pub row: Row,
    /// The data file's canonical path (where it was found, whatever the command line said).
    pub source: String,
}

/// One cell's folder in the archive.
#[derive(Clone, Debug)]
pub struct Folder {
    /// Its name in the archive folder.
    pub slug: String,
    /// Its manifest.
    pub manifest: Manifest,
    /// What the archive recorded in it (absent in folders of older versions of hoso).
    pub figures: Option<Figures>,
}

impl Folder {
    /// The data file it was built from, as a path to look at: the canonical one recorded, else
    /// the one named on the command line then.
    pub fn source(&self) -> PathBuf {
        PathBuf::from(
            self.figures
                .as_ref()
                .map_or(self.manifest.input.as_str(), |f| f.source.as_str()),
        )
    }

    /// Its zip's file name.
    pub fn zip_name(&self) -> String {
        format!("{}.zip", self.slug)
    }
}

/// Every cell folder of the archive `out` (a folder not hidden, with a readable manifest), by
/// name.
pub fn scan(out: &Path) -> Vec<Folder> {
    let Ok(entries) = fs::read_dir(out) else {
        return Vec::new();
    };
    let mut found: Vec<Folder> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let slug = e.file_name().to_string_lossy().into_owned();
            if slug.starts_with('.') {
                return None;
            }
            let manifest = Manifest::read(&e.path()).ok().flatten()?;
            let figures = manifest
                .figures
                .clone()
                .and_then(|v| serde_json::from_value(v).ok());
            Some(Folder {
                slug,
                manifest,
                figures,
            })
        })
        .collect();
    found.sort_by(|a, b| a.slug.cmp(&b.slug));
    found
}

/// Where cells whose data file is gone are kept.
pub const RETIRED: &str = ".cu";

/// Moves cell `slug`'s folder and zip out of the archive into `out/.cu/` (under a name not
/// taken there); returns where the folder went.
pub fn retire(out: &Path, slug: &str) -> Result<PathBuf, String> {
    let dir = out.join(RETIRED);
    fs::create_dir_all(&dir)
        .map_err(|e| format!("không tạo được thư mục {}: {}", dir.display(), io_error(&e)))?;
    let mut n = 1;
    let name = loop {
        let name = if n == 1 {
            slug.to_string()
        } else {
            format!("{slug}-{n}")
        };
        if !dir.join(&name).exists() && !dir.join(format!("{name}.zip")).exists() {
            break name;
        }
        n += 1;
    };
    let to = dir.join(&name);
    let zip = out.join(format!("{slug}.zip"));
    if zip.exists() {
        fs::rename(&zip, dir.join(format!("{name}.zip")))
            .map_err(|e| format!("không chuyển được {}: {}", zip.display(), io_error(&e)))?;
    }
    fs::rename(out.join(slug), &to).map_err(|e| {
        format!(
            "không chuyển được {}: {}",
            out.join(slug).display(),
            io_error(&e)
        )
    })?;
    use crate::output::durable::FileSystem;
    let _ = crate::output::durable::Os.sync_dir(&dir);
    let _ = crate::output::durable::Os.sync_dir(out);
    Ok(to)
}
