//! Regeneration never loses work: a .docx edited by hand is kept, the new version goes beside
//! it, `--force` overwrites; a failed build leaves the folder as it was; the manifest is right.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use crate::common::*;

/// Edits a .docx the way Word would: the same package with one sentence changed.
fn edit_docx(path: &Path, from: &str, to: &str) {
    let bytes = std::fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if f.name() == "word/document.xml" {
            let text = String::from_utf8(data).unwrap();
            assert!(text.contains(from));
            data = text.replacen(from, to, 1).into_bytes();
        }
        zout.start_file(
            f.name().to_string(),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zout.write_all(&data).unwrap();
    }
    std::fs::write(path, zout.finish().unwrap().into_inner()).unwrap();
}

/// Every file under `dir` (relative path → contents).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn a_hand_edited_docx_survives_a_rebuild() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture();
    let build = |extra: &[&str]| {
        let mut args = vec!["build", data.to_str().unwrap(), "--out", "out"];
        args.extend_from_slice(extra);
        hoso(tmp.path(), &args)
    };
    assert!(build(&[]).status.success());
    let out = tmp.path().join("out");
    let docx = out.join("ke-hoach.docx");
    edit_docx(&docx, "Hoàn thiện hồ sơ", "Hoàn thiện hồ sơ trước 16 giờ");

    for _ in 0..2 {
        let o = build(&[]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("sửa tay"), "{}", stderr(&o));
        assert!(
            docx_text(&docx).contains("Hoàn thiện hồ sơ trước 16 giờ"),
            "the edit was lost"
        );
        let fresh = out.join("ke-hoach.moi.docx");
        assert!(fresh.exists() && !docx_text(&fresh).contains("trước 16 giờ"));
    }

    let o = build(&["--force"]);
    assert!(o.status.success());
    assert!(
        !docx_text(&docx).contains("trước 16 giờ"),
        "--force overwrites"
    );
}

#[test]
fn manifest_lists_every_file_with_its_checksum() {
    let (_t, out) = build(&fixture());
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["hoso"], env!("CARGO_PKG_VERSION"));
    let input = std::fs::read(fixture()).unwrap();
    assert_eq!(m["input_sha256"], hoso::output::manifest::sha256(&input));
    let files = m["files"].as_object().unwrap();
    let on_disk: Vec<String> = snapshot(&out)
        .into_keys()
        .filter(|k| k != "manifest.json")
        .collect();
    assert_eq!(
        files.keys().cloned().collect::<Vec<_>>(),
        on_disk,
        "the manifest lists exactly the files written"
    );
    for (name, sum) in files {
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert_eq!(
            sum.as_str().unwrap(),
            hoso::output::manifest::sha256(&bytes),
            "{name}"
        );
    }
}

#[test]
fn a_failed_build_leaves_the_folder_as_it_was() {
    let (tmp, out) = build(&fixture());
    let before = snapshot(&out);
    let src = std::fs::read_to_string(fixture()).unwrap();
    let bad = tmp.path().join("bad.yaml");
    std::fs::write(
        &bad,
        src.replacen("  ngay: 14/12/2020", "  ngay: 14/13/2020", 1),
    )
    .unwrap();
    let o = hoso(
        tmp.path(),
        &["build", "bad.yaml", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(snapshot(&out), before, "the output folder changed");
}

#[test]
fn a_member_removed_from_the_data_leaves_no_stale_file_but_hand_edits_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(fixture()).unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &src).unwrap();
    let o = hoso(tmp.path(), &["build", "d.yaml", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("out");
    assert!(out.join("mau-02/ngo-thi-hoa.pdf").exists());
    // the clerk edits one member's request and keeps a note of their own in the folder
    std::fs::write(out.join("phieu-213/ngo-thi-hoa.docx"), b"da sua").unwrap();
    std::fs::write(out.join("ghi-chu.txt"), b"cua van thu").unwrap();
    // Ngô Thị Hoa (probationary, not voting) moves to another cell: her entry removed
    let start = src.find("  - ma: hoa\n").unwrap();
    let end = start + src[start..].find("  - ma: khoa\n").unwrap();
    let without = format!("{}{}", &src[..start], &src[end..]);
    std::fs::write(tmp.path().join("d.yaml"), &without).unwrap();
    let o = hoso(tmp.path(), &["build", "d.yaml", "--out", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("mau-02/ngo-thi-hoa.pdf").exists());
    assert!(!out.join("mau-02/ngo-thi-hoa.docx").exists());
    assert!(!out.join("phieu-213/ngo-thi-hoa.pdf").exists());
    assert_eq!(
        std::fs::read(out.join("phieu-213/ngo-thi-hoa.docx")).unwrap(),
        b"da sua"
    );
    assert_eq!(
        std::fs::read(out.join("ghi-chu.txt")).unwrap(),
        b"cua van thu"
    );
    let m = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!m.contains("mau-02/ngo-thi-hoa"), "{m}");
}

/// A first build into a new folder has no manifest to read and says nothing about one; a
/// manifest that cannot be read is said once, and the build goes on.
#[test]
fn a_first_build_says_nothing_of_a_missing_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ho-so");
    let build = || {
        let o = hoso(
            &root(),
            &[
                "build",
                fixture().to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--only",
                "giay-moi",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stderr(&o)
    };
    let first = build();
    assert!(!first.contains("không đọc được"), "{first}");
    // a manifest that is not JSON: a note, and the build still writes
    std::fs::write(out.join("manifest.json"), b"{ hong").unwrap();
    let second = build();
    assert!(second.contains("không đọc được"), "{second}");
}
