//! One builder per document kind: `Dossier` → `doc::Document`. No I/O, no file format here.

pub mod common;
pub mod ke_hoach;

use crate::data::Dossier;
use crate::doc::Document;

/// Every document of the cell, in the order a clerk files them.
pub fn build_all(d: &Dossier) -> Vec<Document> {
    vec![ke_hoach::build(d)]
}
