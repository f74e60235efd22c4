//! `hoso build --theo-doi`: the documents follow the clerk's saves — three saves within a
//! second end as the last one, a save with an error keeps them — and no set is left half-written.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{docx_text, fixture};

/// The plan's text in the .docx of `out` (the folder is exchanged whole, so the file is always
/// there once built).
fn plan_text(out: &Path) -> String {
    docx_text(&out.join("ke-hoach.docx"))
}

/// Waits (up to two minutes) until `ok` holds.
fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "waited two minutes for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn saves_in_a_row_end_as_the_last_and_a_save_with_an_error_keeps_the_last_good_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("d.yaml");
    let src = std::fs::read_to_string(fixture()).unwrap();
    assert!(src.contains("dia_danh: TP. Hồ Chí Minh"));
    std::fs::write(&data, &src).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["build", "d.yaml", "--out", "o", "--theo-doi", "--jobs", "2"])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    let mut lines = Vec::new();
    let mut next_line = |want: &str| -> String {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(l) => {
                    lines.push(l.clone());
                    if l.contains(want) {
                        return l;
                    }
                }
                Err(_) => panic!(
                    "no line with «{want}» in two minutes:\n{}",
                    lines.join("\n")
                ),
            }
        }
    };
    next_line("đã tạo");
    let out = dir.join("o");
    assert!(plan_text(&out).contains("TP. Hồ Chí Minh"));

    // three saves within a second
    for n in 1..=3 {
        std::fs::write(
            &data,
            src.replace(
                "dia_danh: TP. Hồ Chí Minh",
                &format!("dia_danh: Thành phố Lần{n}"),
            ),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(250));
    }
    wait_until("the third save built", || {
        plan_text(&out).contains("Thành phố Lần3")
    });
    // a save with an error (a date that does not exist): reported, documents kept
    std::fs::write(
        &data,
        src.replace("dia_danh: TP. Hồ Chí Minh", "dia_danh: Thành phố Lần4")
            .replacen("ngay_sinh: 12/03/1972", "ngay_sinh: 31/02/1972", 1),
    )
    .unwrap();
    next_line("vẫn là của lần tạo trước");
    std::thread::sleep(Duration::from_millis(500));
    let text = plan_text(&out);
    assert!(text.contains("Thành phố Lần3"), "{text}");
    assert!(!text.contains("Lần4"));
    // every file of the manifest there, nothing half-written beside the folder
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"]
        .as_object()
        .expect("files in the manifest");
    assert!(files.len() > 10);
    for f in files.keys() {
        assert!(out.join(f).is_file(), "{f} listed but missing");
    }
    let mut beside: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["d.yaml", "o"]);
    child.kill().unwrap();
    child.wait().unwrap();
}
