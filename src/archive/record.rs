//! The archive's `manifest.json`: for each cell its input's path and SHA-256, hoso's version,
//! its status, its files with checksums, its zip and its figures; the cells whose data has
//! errors; the summary's files. It is never trusted over the folders: every run makes it again
//! from each cell folder's own manifest (`Record::of_folders`), writes the summary from it, then
//! writes it — durably, and only when it changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Result, anyhow};
use serde::{Deserialize, Serialize};

use super::folders::Folder;
use super::zip;
use crate::data::district::{FailedCell, Row};
use crate::messages::io_error;

/// The record's file name in the archive folder.
pub const FILE_NAME: &str = "manifest.json";

/// A cell's status in the record.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Its folder and zip hold the build of its input as recorded.
    DaTao,
    /// Its data had errors at the last run; the folder and zip are the last good build.
    Loi,
}

/// A cell's zip: its file name, its checksum, and the checksum of the folder manifest it was
/// made from (the zip's own comment says the same).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ZipRecord {
    /// The zip's file name.
    pub name: String,
    /// Its SHA-256.
    pub sha256: String,
    /// What its comment says it was made from.
    pub made_from: String,
}

/// What the archive knows of one cell.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CellRecord {
    /// The data file, as found from the command line.
    pub input: String,
    /// SHA-256 of the data file (and the members' submissions) it was built from.
    pub input_sha256: String,
    /// hoso's version at the build.
    pub hoso: String,
    /// The last run's outcome.
    pub status: Status,
    /// The first error, when the data has errors now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The folder's files and their checksums, as its own manifest lists them.
    pub files: BTreeMap<String, String>,
    /// The zip, when it was made from the folder as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<ZipRecord>,
    /// The cell's figures for the summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<Row>,
}

/// The summary's files and what they were made from.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SummaryRecord {
    /// Checksum of everything the summary is made from.
    pub made_from: String,
    /// Each file and its checksum.
    pub files: BTreeMap<String, String>,
}

/// The archive's record.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// hoso's version at the last run.
    pub hoso: String,
    /// Each cell by its folder's name.
    pub cells: BTreeMap<String, CellRecord>,
    /// Data files with errors, by path: their name when it could be read, and the first error.
    #[serde(default)]
    pub failed: BTreeMap<String, FailedCell>,
    /// The summary.
    #[serde(default)]
    pub summary: Option<SummaryRecord>,
}

impl Record {
    /// Reads the record of `dir`: empty when there is none; an error (in Vietnamese) when it
    /// cannot be read.
    pub fn read(dir: &Path) -> std::result::Result<Record, String> {
        match fs::read(dir.join(FILE_NAME)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Record::default()),
            Err(e) => Err(io_error(&e)),
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| format!("nội dung hỏng ở dòng {}", e.line())),
        }
    }

    /// The record of the archive `out` as its folders are now: each cell from its folder's own
    /// manifest and zip; `failed` the data files that have errors now (a cell with a folder
    /// among them is marked so). A zip's checksum is taken from `previous` when it was made from
    /// the same folder manifest, else read from the zip; a zip not made from its folder as it
    /// is has no entry.
    pub fn of_folders(
        out: &Path,
        folders: &[Folder],
        failed: &BTreeMap<String, FailedCell>,
        previous: &Record,
    ) -> Record {
        let mut cells = BTreeMap::new();
        let mut unplaced = failed.clone();
        for f in folders {
            let made_from = zip::stamp(&out.join(&f.slug)).unwrap_or_default();
            let zip_path = out.join(f.zip_name());
            let zip = zip::is_current(&zip_path, &out.join(&f.slug)).then(|| {
                let known = previous
                    .cells
                    .get(&f.slug)
                    .and_then(|c| c.zip.as_ref())
                    .filter(|z| z.made_from == made_from && z.name == f.zip_name())
                    .map(|z| z.sha256.clone());
                ZipRecord {
                    name: f.zip_name(),
                    sha256: known.unwrap_or_else(|| {
                        fs::read(&zip_path)
                            .map(|b| crate::output::manifest::sha256(&b))
                            .unwrap_or_default()
                    }),
                    made_from: made_from.clone(),
                }
            });
            let error = unplaced.remove(&f.manifest.input);
            cells.insert(
                f.slug.clone(),
                CellRecord {
                    input: f.manifest.input.clone(),
                    input_sha256: f.manifest.input_sha256.clone(),
                    hoso: f.manifest.hoso.clone(),
                    status: if error.is_some() {
                        Status::Loi
                    } else {
                        Status::DaTao
                    },
                    error: error.map(|e| e.error),
                    files: f.manifest.files.clone(),
                    zip,
                    row: f.figures.as_ref().map(|x| x.row.clone()),
                },
            );
        }
        Record {
            hoso: env!("CARGO_PKG_VERSION").to_string(),
            cells,
            failed: unplaced,
            summary: previous.summary.clone(),
        }
    }

    /// Writes the record into `dir` durably, unless the file there already holds these bytes.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a record serialises");
        bytes.push(b'\n');
        let path = dir.join(FILE_NAME);
        if fs::read(&path).is_ok_and(|b| b == bytes) {
            return Ok(());
        }
        write_whole(&path, &bytes)
    }
}

/// Writes `bytes` to `path` durably: a reader, or the disk after a power cut, holds the old file
/// or the new one, never half.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::output::durable::write(path, bytes)
        .map_err(|e| anyhow!("không ghi được {}: {}", path.display(), io_error(&e)))
}
