//! What a run does with each data file: nothing (its folder holds its build by this hoso, zip
//! included), build it (into its folder, or a new one), or report its errors; a file that is the
//! same as another input is left out with a warning; folders whose data file is gone are to be
//! retired.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::folders::Folder;
use super::{CellFailure, data_failure};
use crate::output::manifest::sha256;
use crate::pipeline::{self, Checked};

/// One data file as this run found it.
#[derive(Clone, Debug)]
pub struct Input {
    /// Its path as found from the command line (how messages name it).
    pub label: String,
    /// Its canonical path (how the archive recognises it again).
    pub source: String,
    /// SHA-256 of its bytes and its members' submissions.
    pub sha: String,
}

/// What to do with one data file.
pub enum Step {
    /// Its folder holds its build by this hoso and its zip was made from it.
    Unchanged {
        /// The folder.
        slug: String,
    },
    /// To build into the folder `slug`.
    Build {
        /// The folder.
        slug: String,
        /// The checked data.
        checked: Box<Checked>,
        /// What the folder's manifest records the checksum of (data and submissions).
        bytes: Vec<u8>,
    },
    /// Its data has errors.
    Bad(CellFailure),
}

/// The run's plan.
pub struct Plan {
    /// Each data file and what to do with it, in the order of the inputs.
    pub steps: Vec<(Input, Step)>,
    /// Folders whose data file is gone.
    pub retire: Vec<String>,
    /// What the user should know (a file given twice).
    pub notes: Vec<String>,
}

/// A data file's bytes, and with its submissions (what a build records the checksum of).
struct Read {
    raw: Vec<u8>,
    hashed: Vec<u8>,
}

/// The cell's name in a data file that cannot be used, when it can be read that far.
fn cell_name(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        chi_bo: Option<Cell>,
    }
    #[derive(serde::Deserialize)]
    struct Cell {
        ten: Option<String>,
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let head: Head = serde_saphyr::from_str(text).ok()?;
    let name = head.chi_bo?.ten?;
    let name = crate::vn::text::squeeze(&name);
    (!name.is_empty()).then_some(name)
}

/// The folder name of a cell called `name`: its slug, never empty, cut to a safe length.
fn base_slug(name: &str) -> String {
    let mut s = crate::vn::text::slug(name);
    if s.is_empty() {
        s = "chi-bo".into();
    }
    if s.len() > crate::documents::MAX_SLUG {
        s.truncate(crate::documents::MAX_SLUG);
        s = s.trim_end_matches('-').to_string();
    }
    s
}

/// One input read, with the checksum a build records of it (its bytes and its submissions).
fn read_one(path: &Path) -> (Input, Result<Read, CellFailure>) {
    let label = path.display().to_string();
    let source = path
        .canonicalize()
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    match pipeline::read_input(path) {
        Ok(bytes) => {
            let sent =
                crate::data::submissions::fingerprint(&crate::data::submissions::folder_for(path));
            let hashed = if sent.is_empty() {
                bytes.clone()
            } else {
                [bytes.as_slice(), &sent].concat()
            };
            let sha = sha256(&hashed);
            let read = Read { raw: bytes, hashed };
            (Input { label, source, sha }, Ok(read))
        }
        Err(f) => (
            Input {
                label: label.clone(),
                source,
                sha: String::new(),
            },
            Err(data_failure(&label, None, f)),
        ),
    }
}

/// Reads every data file of `files` and decides what to do with it, against the folders of
/// the archive `out` as they are (`folders`); `force` builds every one.
pub fn plan(files: &[PathBuf], out: &Path, folders: &[Folder], force: bool) -> Plan {
    let version = env!("CARGO_PKG_VERSION");
    // 1. read each file; what a build records its checksum of is its bytes and submissions
    let read: Vec<(Input, Result<Read, CellFailure>)> = files
        .par_iter()
        .with_max_len(1)
        .map(|path| read_one(path))
        .collect();

    // 2. a file the same as an earlier one is the same cell twice: left out
    let mut notes = Vec::new();
    let mut first_of: BTreeMap<String, String> = BTreeMap::new();
    let mut kept = Vec::new();
    for (input, bytes) in read {
        if bytes.is_ok() {
            if let Some(first) = first_of.get(&input.sha) {
                notes.push(format!(
                    "{} giống hệt {} (cùng một chi bộ); chỉ tổng hợp {}.",
                    input.label, first, first
                ));
                continue;
            }
            first_of.insert(input.sha.clone(), input.label.clone());
        }
        kept.push((input, bytes));
    }

    // 3. each file's folder: the one built from it (found by its path), or one whose file is
    // gone and that was built from the same bytes (the file was moved)
    let by_source: BTreeMap<String, &Folder> = folders
        .iter()
        .map(|f| (f.source().display().to_string(), f))
        .collect();
    let gone: Vec<&Folder> = folders.iter().filter(|f| !f.source().is_file()).collect();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut folder_of: Vec<Option<&Folder>> = Vec::new();
    for (input, _) in &kept {
        let f = by_source
            .get(&input.source)
            .copied()
            .or_else(|| {
                gone.iter()
                    .copied()
                    .find(|f| f.manifest.input_sha256 == input.sha && !taken.contains(&f.slug))
            })
            .filter(|f| !taken.contains(&f.slug));
        if let Some(f) = f {
            taken.insert(f.slug.clone());
        }
        folder_of.push(f);
    }
    let retire: Vec<String> = gone
        .iter()
        .filter(|f| !taken.contains(&f.slug))
        // a folder of an older hoso records no canonical path: never retired on a guess
        .filter(|f| f.figures.is_some())
        .map(|f| f.slug.clone())
        .collect();
    let mut names: BTreeSet<String> = folders.iter().map(|f| f.slug.clone()).collect();

    // 4. load what changed
    let loaded: Vec<(Input, Step)> = kept
        .into_par_iter()
        .zip(folder_of.into_par_iter())
        .with_max_len(1)
        .map(|((input, bytes), folder)| {
            let Read { raw, hashed: bytes } = match bytes {
                Ok(r) => r,
                Err(f) => return (input, Step::Bad(f)),
            };
            if let Some(f) = folder
                && !force
                && f.manifest.input_sha256 == input.sha
                && f.manifest.hoso == version
                && f.figures.as_ref().is_some_and(|x| x.source == input.source)
                && super::zip::is_current(&out.join(f.zip_name()), &out.join(&f.slug))
            {
                let slug = f.slug.clone();
                return (input, Step::Unchanged { slug });
            }
            let path = Path::new(&input.label);
            match pipeline::load_and_check(&input.label, &raw, pipeline::submissions_of(path)) {
                Ok(checked) => {
                    let slug = folder.map(|f| f.slug.clone()).unwrap_or_default();
                    (
                        input,
                        Step::Build {
                            slug,
                            checked: Box::new(checked),
                            bytes,
                        },
                    )
                }
                Err(f) => {
                    let name = cell_name(&raw);
                    let label = input.label.clone();
                    (input, Step::Bad(data_failure(&label, name, f)))
                }
            }
        })
        .collect();

    // 5. new folders take their cell's name, numbered when two share one
    let mut steps = Vec::with_capacity(loaded.len());
    for (input, mut step) in loaded {
        if let Step::Build { slug, checked, .. } = &mut step
            && slug.is_empty()
        {
            let base = base_slug(&checked.dossier.cell.name);
            let mut s = base.clone();
            let mut n = 2;
            while names.contains(&s) {
                s = format!("{base}-{n}");
                n += 1;
            }
            names.insert(s.clone());
            *slug = s;
        }
        steps.push((input, step));
    }
    Plan {
        steps,
        retire,
        notes,
    }
}
