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
}

/// SHA-256 of `bytes`, in lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Manifest {
    /// Reads the manifest of an output folder; `None` when there is none or it is unreadable.
    pub fn read(dir: &Path) -> Option<Manifest> {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The manifest as pretty JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).expect("a manifest serialises");
        v.push(b'\n');
        v
    }
}
