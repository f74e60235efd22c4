//! The archive's `manifest.json`: for each cell its input's path and SHA-256, hoso's version,
//! its status, its files with checksums, its zip and its figures; the summary's files. Written
//! beside and renamed into place, so that it is always whole.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Result, anyhow};
use serde::{Deserialize, Serialize};

use super::summary::Row;
use crate::messages::io_error;

/// The record's file name in the archive folder.
pub const FILE_NAME: &str = "manifest.json";

/// A cell's status in the record.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Its folder and zip hold the build of its input as recorded.
    DaTao,
    /// Its data had errors at the last run; the folder and zip (if any) are the last good build.
    Loi,
}

/// What the archive knows of one cell.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CellRecord {
    /// The data file, as found from the command line.
    pub input: String,
    /// SHA-256 of the data file at the last run.
    pub input_sha256: String,
    /// hoso's version at the last build.
    pub hoso: String,
    /// The last run's outcome.
    pub status: Status,
    /// The first error, when the data had errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The folder's files and their checksums, as its own manifest lists them.
    pub files: BTreeMap<String, String>,
    /// The zip's file name and checksum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<(String, String)>,
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
    /// Data files with errors that have no folder yet, and their first error.
    #[serde(default)]
    pub failed: BTreeMap<String, String>,
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

    /// Writes the record into `dir`, whole or not at all.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a record serialises");
        bytes.push(b'\n');
        write_whole(&dir.join(FILE_NAME), &bytes)
    }
}

/// Writes `bytes` to `path` durably: a reader, or the disk after a power cut, holds the old file
/// or the new one, never half.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::output::durable::write(path, bytes)
        .map_err(|e| anyhow!("không ghi được {}: {}", path.display(), io_error(&e)))
}
