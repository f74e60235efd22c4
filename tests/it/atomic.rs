//! The output folder is replaced as one set: a build killed (SIGKILL) at any moment leaves the
//! previous complete set or the new one, its manifest matching every file; the next run clears
//! what the killed one left and finishes without taking hoso's own files for hand edits. Two
//! builds of one folder at once: the second is refused.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// Every file of the output folder (but the manifest) with its SHA-256, and the folder's
/// hidden neighbours (lock, staging) by name.
fn snapshot(out: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(out).unwrap().to_string_lossy().into_owned();
                if rel != "manifest.json" {
                    files.insert(
                        rel,
                        hoso::output::manifest::sha256(&std::fs::read(&p).unwrap()),
                    );
                }
            }
        }
    }
    files
}

/// The manifest's files and the input's checksum.
fn manifest(out: &Path) -> (BTreeMap<String, String>, String) {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = m["files"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    (files, m["input_sha256"].as_str().unwrap().to_string())
}

/// What lies beside the output folder besides the lock: staging left by a killed build.
fn litter(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.hoso-") && n != ".out.hoso-lock")
        .collect()
}

/// Starts `hoso build data --out out` paused at `step` (or not), and kills it with SIGKILL once
/// it says it reached the step (or after `after`).
fn build_killed(dir: &Path, data: &Path, step: Option<&str>, after: Duration) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoso"));
    cmd.args(["build", data.to_str().unwrap(), "--out", "out"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(s) = step {
        cmd.env("HOSO_TEST_PAUSE", s);
    }
    let mut child = cmd.spawn().unwrap();
    if step.is_some() {
        let err = child.stderr.take().unwrap();
        let mut reached = false;
        for line in BufReader::new(err).lines() {
            if line.unwrap().starts_with("hoso-test-pause") {
                reached = true;
                break;
            }
        }
        assert!(reached, "the build never reached {step:?}");
    } else {
        std::thread::sleep(after);
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

#[test]
fn a_build_killed_at_any_moment_leaves_one_complete_set() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let old = dir.join("cu.yaml");
    let new = dir.join("moi.yaml");
    std::fs::write(&old, generated_cell(40, 1)).unwrap();
    std::fs::write(&new, generated_cell(40, 2)).unwrap();
    let old_sha = hoso::output::manifest::sha256(&std::fs::read(&old).unwrap());
    let new_sha = hoso::output::manifest::sha256(&std::fs::read(&new).unwrap());
    let out = dir.join("out");

    // the old set, and how long a build of the new one takes
    let o = hoso(dir, &["build", "cu.yaml", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let old_set = snapshot(&out);
    let started = Instant::now();
    let o = hoso(dir, &["build", "moi.yaml", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let took = started.elapsed();
    let new_set = snapshot(&out);
    assert_ne!(old_set, new_set);

    let steps: Vec<(Option<&str>, Duration)> =
        ["carried", "writing", "manifest", "swap", "swapped"]
            .into_iter()
            .map(|s| (Some(s), Duration::ZERO))
            .chain((1..=6).map(|i| (None, took * i / 7)))
            .collect();
    for (step, after) in steps {
        // back to the old set, then a build of the new one killed at the step
        let o = hoso(dir, &["build", "cu.yaml", "--out", "out"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(snapshot(&out), old_set);
        build_killed(dir, &new, step, after);

        // one complete set, the manifest matching every file
        let files = snapshot(&out);
        let (listed, input) = manifest(&out);
        assert_eq!(
            files, listed,
            "{step:?} {after:?}: the manifest matches the files"
        );
        if input == old_sha {
            assert_eq!(files, old_set, "{step:?} {after:?}");
        } else {
            assert_eq!(input, new_sha);
            assert_eq!(files, new_set, "{step:?} {after:?}");
        }

        // the next run clears the staging and takes no file of hoso's for a hand edit
        let o = hoso(dir, &["build", "moi.yaml", "--out", "out"]);
        assert!(o.status.success(), "{step:?} {after:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("sửa tay"), "{}", stderr(&o));
        assert_eq!(snapshot(&out), new_set);
        assert!(litter(dir).is_empty(), "{:?}", litter(dir));
        assert!(!snapshot(&out).keys().any(|k| k.contains(".moi.")));
    }
}

#[test]
fn a_second_build_of_the_same_folder_is_refused_while_the_first_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("d.yaml"), generated_cell(5, 1)).unwrap();
    let mut first = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["build", "d.yaml", "--out", "out"])
        .current_dir(dir)
        .env("HOSO_TEST_PAUSE", "writing")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let err = first.stderr.take().unwrap();
    let line = BufReader::new(err).lines().next().unwrap().unwrap();
    assert!(line.starts_with("hoso-test-pause"), "{line}");
    let o = hoso(dir, &["build", "d.yaml", "--out", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("đang được một lệnh hoso khác ghi; đợi lệnh đó xong rồi chạy lại."),
        "{}",
        stderr(&o)
    );
    first.kill().unwrap();
    first.wait().unwrap();
    // the lock goes with the process: the next build runs
    let o = hoso(dir, &["build", "d.yaml", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn an_unreadable_manifest_keeps_only_what_differs_from_a_fresh_build() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("d.yaml"), generated_cell(5, 1)).unwrap();
    let o = hoso(dir, &["build", "d.yaml", "--out", "out"]);
    assert!(o.status.success());
    let out = dir.join("out");
    std::fs::write(out.join("manifest.json"), "{ hỏng").unwrap();
    // the clerk's own change to one file
    std::fs::write(out.join("ke-hoach.docx"), b"da sua tay").unwrap();
    let o = hoso(dir, &["build", "d.yaml", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("không đọc được"), "{err}");
    assert!(
        err.contains("manifest.json (nội dung hỏng ở dòng 1)"),
        "{err}"
    );
    // only the changed file is kept and its new version written beside it
    assert_eq!(
        std::fs::read(out.join("ke-hoach.docx")).unwrap(),
        b"da sua tay"
    );
    let moi: Vec<String> = snapshot(&out)
        .into_keys()
        .filter(|k| k.contains(".moi."))
        .collect();
    assert_eq!(moi, ["ke-hoach.moi.docx"]);
    let (listed, _) = manifest(&out);
    assert!(!listed.contains_key("ke-hoach.docx"));
}
