//! `manifest.json`: every file a build wrote with its checksum, the input's checksum and the
//! tool's version. A file whose checksum no longer matches was edited by hand since.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name in the output folder.
pub const FILE_NAME: &str = "manifest.json";

/// What a build wrote.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Version of hoso that wrote it.
    pub hoso: String,
    /// The data file, as named on the command line.
    pub input: String,
    /// SHA-256 of the data file.
    pub input_sha256: String,
    /// Each file (path relative to the output folder, with `/`) and the SHA-256 it was written with.
    pub files: BTreeMap<String, String>,
    /// What `hoso archive` counts of this set for its summary (absent from `hoso build`'s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<serde_json::Value>,
}

/// SHA-256 of `bytes`, in lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Manifest {
    /// Reads the manifest of an output folder: `None` when there is none, an error (what is
    /// wrong with it, in Vietnamese) when it cannot be read.
    pub fn read(dir: &Path) -> Result<Option<Manifest>, String> {
        match std::fs::read(dir.join(FILE_NAME)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(crate::messages::io_error(&e)),
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| format!("nội dung hỏng ở dòng {}", e.line())),
        }
    }

    /// The manifest as pretty JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).expect("a manifest serialises");
        v.push(b'\n');
        v
    }
}
