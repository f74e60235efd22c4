//! The cells' data files named on the command line: files as given, folders searched for
//! `*.yaml` / `*.yml` (hidden entries, the archive folder and the district's settings file
//! left out).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::pipeline::Failure;

fn is_data_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// The data files of `inputs`, each once, sorted by path; never the archive folder's own
/// files nor the settings file. One file reached by two paths (a hard link, a link to a folder)
/// is taken once, and the user is told (the notes).
pub fn find(
    inputs: &[PathBuf],
    out: &Path,
    unit: Option<&Path>,
) -> Result<(Vec<PathBuf>, Vec<String>), Failure> {
    use std::os::unix::fs::MetadataExt;
    let skip: Vec<PathBuf> = [Some(out), unit]
        .into_iter()
        .flatten()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut found: Vec<PathBuf> = Vec::new();
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut files: std::collections::BTreeMap<(u64, u64), PathBuf> = Default::default();
    let mut notes = Vec::new();
    let mut add = |p: PathBuf, found: &mut Vec<PathBuf>| {
        let canon = p.canonicalize().unwrap_or_else(|_| p.clone());
        if skip.contains(&canon) || !seen.insert(canon) {
            return;
        }
        if let Ok(m) = std::fs::metadata(&p) {
            if let Some(first) = files.get(&(m.dev(), m.ino())) {
                notes.push(format!(
                    "{} và {} là cùng một tệp dữ liệu; chỉ tổng hợp một lần.",
                    first.display(),
                    p.display()
                ));
                return;
            }
            files.insert((m.dev(), m.ino()), p.clone());
        }
        found.push(p);
    };
    for input in inputs {
        if input.is_file() {
            add(input.clone(), &mut found);
            continue;
        }
        if !input.is_dir() {
            return Err(Failure::Usage(format!(
                "không tìm thấy tệp hay thư mục {}.",
                input.display()
            )));
        }
        let mut stack = vec![input.clone()];
        while let Some(dir) = stack.pop() {
            if dir.canonicalize().is_ok_and(|c| skip.contains(&c)) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if hidden(&p) {
                    continue;
                }
                match e.file_type() {
                    Ok(t) if t.is_dir() => stack.push(p),
                    Ok(_) if p.is_file() && is_data_file(&p) => add(p, &mut found),
                    _ => {}
                }
            }
        }
    }
    if found.is_empty() {
        return Err(Failure::Usage(format!(
            "không tìm thấy tệp dữ liệu (.yaml, .yml) nào trong {}.",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    found.sort_by_key(|p| p.display().to_string());
    Ok((found, notes))
}
