//! The year chooses the regulation: a year hoso has no regulation for is an error at `nam`,
//! never the nearest regulation; `quy_dinh` chooses one by name.

use crate::common::*;

fn with(dir: &std::path::Path, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let path = dir.join("x.yaml");
    std::fs::write(&path, edit(src)).unwrap();
    path
}

#[test]
fn a_year_without_a_regulation_is_an_error_at_nam() {
    let tmp = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(fixture()).unwrap();
    let line = src.lines().position(|l| l.starts_with("nam:")).unwrap() + 1;
    let data = with(tmp.path(), |s| s.replacen("nam: 2020", "nam: 2024", 1));
    for cmd in ["check", "build"] {
        let mut args = vec![cmd, data.to_str().unwrap()];
        if cmd == "build" {
            args.extend(["--out", "o"]);
        }
        let o = hoso(tmp.path(), &args);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "x.yaml:{line}:6: lỗi [trường nam]: hoso chưa có quy định kiểm điểm, đánh giá, xếp loại cho năm 2024."
            )),
            "{err}"
        );
        // it names the years hoso knows and the key that chooses a regulation
        assert!(err.contains("2019–2022 (HD 21-HD/BTCTW)"), "{err}");
        assert!(err.contains("quy_dinh: "), "{err}");
        assert!(!tmp.path().join("o").exists(), "nothing written");
    }
}

#[test]
fn quy_dinh_chooses_a_regulation_by_its_key() {
    let tmp = tempfile::tempdir().unwrap();
    let data = with(tmp.path(), |s| {
        s.replacen("nam: 2020", "nam: 2024\nquy_dinh: hd21-2019", 1)
    });
    let o = hoso(tmp.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("Quy định: Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW (mẫu năm 2019) (theo «quy_dinh»)."),
        "{out}"
    );

    let data = with(tmp.path(), |s| {
        s.replacen("nam: 2020", "nam: 2020\nquy_dinh: hd99", 1)
    });
    let o = hoso(tmp.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("lỗi [trường quy_dinh]: không có quy định «hd99»."),
        "{err}"
    );
    assert!(err.contains("các quy định hoso biết: hd21-2019"), "{err}");
}

#[test]
fn the_guide_can_be_set_for_every_document() {
    let tmp = tempfile::tempdir().unwrap();
    let data = with(tmp.path(), |s| {
        s.replacen("nam: 2020", "nam: 2020\nthe_thuc: hd05", 1)
    });
    let o = hoso(tmp.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.lines()
            .next()
            .unwrap()
            .ends_with("Thể thức: Hướng dẫn 05-HD/VPTW (theo «the_thuc»)."),
        "{out}"
    );
    let out_dir = tmp.path().join("o");
    let o = hoso(
        tmp.path(),
        &[
            "build",
            data.to_str().unwrap(),
            "--out",
            "o",
            "--only",
            "bien-ban",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(pdf_text(&out_dir.join("bien-ban.pdf")).contains("NGƯỜI GHI BIÊN BẢN"));
}

#[test]
fn help_names_the_regulations_and_the_guides() {
    let tmp = tempfile::tempdir().unwrap();
    let o = hoso(tmp.path(), &["--help"]);
    let out = String::from_utf8_lossy(&o.stdout);
    for want in [
        "2019–2022: Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW (mẫu năm 2019) [quy_dinh: hd21-2019]",
        "trước 27/05/2026: Hướng dẫn 36-HD/VPTW [the_thuc: hd36]",
        "từ 27/05/2026: Hướng dẫn 05-HD/VPTW [the_thuc: hd05]",
    ] {
        assert!(out.contains(want), "{want} not in:\n{out}");
    }
}
