//! Bad input gets a Vietnamese message naming the file, line, column and field, exit status 1,
//! and nothing written.

use crate::common::*;

struct Case {
    /// Text replaced in the fixture …
    from: &'static str,
    /// … by this.
    to: &'static str,
    /// Words the message must contain.
    says: &'static [&'static str],
    /// The field path the message names.
    field: &'static str,
    /// A snippet of the line the message must point at (`None`: the line of `to`).
    line_of: Option<&'static str>,
}

fn run(case: &Case) {
    let src = std::fs::read_to_string(fixture()).unwrap();
    assert!(src.contains(case.from), "fixture lacks {:?}", case.from);
    let bad = src.replacen(case.from, case.to, 1);
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("du-lieu.yaml");
    std::fs::write(&data, &bad).unwrap();
    let out = tmp.path().join("out");

    for args in [
        vec!["check", "du-lieu.yaml"],
        vec!["build", "du-lieu.yaml", "--out", "out"],
    ] {
        let o = hoso(tmp.path(), &args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?} on {:?}: {err}", case.to);
        assert!(!err.contains("panicked"), "{err}");
        let anchor = case.line_of.unwrap_or(case.to.trim_start_matches('\n'));
        let anchor = anchor.lines().next().unwrap();
        let line = bad
            .lines()
            .position(|l| l.contains(anchor))
            .expect("anchor in file")
            + 1;
        assert!(
            err.contains(&format!("du-lieu.yaml:{line}:")),
            "expected line {line}:\n{err}"
        );
        assert!(
            err.contains(&format!("[trường {}]", case.field)),
            "expected field {}:\n{err}",
            case.field
        );
        for w in case.says {
            assert!(err.contains(w), "expected {w:?} in:\n{err}");
        }
        assert!(err.contains("lỗi"), "{err}");
    }
    assert!(
        !out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(),
        "something was written"
    );
}

#[test]
fn yaml_syntax_error_is_located() {
    run(&Case {
        from: "  ky_hieu: CBNVT",
        to: "  ky_hieu: CB: NVT",
        says: &["lỗi cú pháp YAML", "dấu hai chấm"],
        field: "chi_bo",
        line_of: None,
    });
}

#[test]
fn wrong_type_is_located() {
    run(&Case {
        from: "nam: 2020",
        to: "nam: hai nghìn",
        says: &["số nguyên"],
        field: "nam",
        line_of: None,
    });
}

#[test]
fn missing_field_is_named() {
    run(&Case {
        from: "    ngay_sinh: 15/10/1985\n",
        to: "",
        says: &["thiếu trường bắt buộc «ngay_sinh»"],
        field: "dang_vien[3]",
        line_of: Some("ma: lan"),
    });
}

#[test]
fn unknown_field_suggests_the_right_one() {
    run(&Case {
        from: "    ho_ten: Trần Thị Lan",
        to: "    ho_tenn: Trần Thị Lan",
        says: &["«ho_tenn» không có", "có phải ý bạn là «ho_ten»"],
        field: "dang_vien[3].ho_tenn",
        line_of: None,
    });
}

#[test]
fn impossible_date_is_refused() {
    run(&Case {
        from: "  ngay: 14/12/2020",
        to: "  ngay: 31/02/2020",
        says: &["«31/02/2020» không phải một ngày có thật"],
        field: "ke_hoach.ngay",
        line_of: None,
    });
}

#[test]
fn unknown_member_id_is_refused() {
    run(&Case {
        from: "  nguoi_ky: ly",
        to: "  nguoi_ky: lyy",
        says: &[
            "không có đảng viên nào mang mã «lyy»",
            "có phải ý bạn là «ly»",
        ],
        field: "ke_hoach.nguoi_ky",
        line_of: None,
    });
}

#[test]
fn unknown_member_in_running_text_is_refused() {
    run(&Case {
        from: "hỗ trợ {nam} hoàn chỉnh Biên bản",
        to: "hỗ trợ {minh} hoàn chỉnh Biên bản",
        says: &["«minh»"],
        field: "ke_hoach.phan_cong[4].viec[0]",
        line_of: Some("Thư ký Biên bản buổi PTCL"),
    });
}

#[test]
fn every_problem_is_reported_at_once() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let bad = src
        .replacen("  ngay: 14/12/2020", "  ngay: 31/02/2020", 1)
        .replacen("  nguoi_ky: ly", "  nguoi_ky: lyy", 1)
        .replacen("ngay_sinh: 12/03/1972", "ngay_sinh: 32/03/1972", 1);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("x.yaml"), bad).unwrap();
    let o = hoso(tmp.path(), &["check", "x.yaml"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("3 lỗi"), "{err}");
    // sorted by line
    let a = err.find("32/03/1972").unwrap();
    let b = err.find("31/02/2020").unwrap();
    let c = err.find("«lyy»").unwrap();
    assert!(a < b && b < c, "{err}");
}

#[test]
fn garbage_never_panics() {
    let tmp = tempfile::tempdir().unwrap();
    for (i, junk) in [
        "",
        "---",
        "[",
        "nam: [1, 2",
        "\u{0}\u{1}",
        "- a\n- b",
        "nam: 2020\nchi_bo: 5",
        "&a [*a]",
    ]
    .iter()
    .enumerate()
    {
        let p = tmp.path().join(format!("j{i}.yaml"));
        std::fs::write(&p, junk).unwrap();
        let o = hoso(tmp.path(), &["check", p.to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{junk:?}: {err}");
        assert!(!err.contains("panicked"), "{junk:?}: {err}");
    }
    std::fs::write(tmp.path().join("bin.yaml"), [0xff, 0xfe, 0x00]).unwrap();
    let o = hoso(tmp.path(), &["check", "bin.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("UTF-8"));
    let o = hoso(tmp.path(), &["check", "khong-co.yaml"]);
    assert_eq!(o.status.code(), Some(2), "a missing file is an I/O error");
    assert!(stderr(&o).contains("không tìm thấy"), "{}", stderr(&o));
}

#[test]
fn a_document_number_must_be_a_number() {
    run(&Case {
        from: "  so:            # để trống",
        to: "  so: 5/KH-CBNVT # viết cả ký hiệu",
        says: &["số văn bản «5/KH-CBNVT» phải là một số"],
        field: "ke_hoach.so",
        line_of: None,
    });
}

#[test]
fn an_alias_bomb_and_an_oversized_file_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    // Nine levels of ten aliases each: 10^9 strings if expanded.
    let mut levels =
        vec![r#"["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#.to_string()];
    for i in 1..9 {
        levels.push(format!("[{}]", vec![format!("*a{}", i - 1); 10].join(",")));
    }
    let anchors: String = levels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("    - &a{i} {l}\n"))
        .collect();
    let src = std::fs::read_to_string(fixture()).unwrap();
    let bomb = src.replacen(
        "  can_cu:\n",
        &format!("  can_cu:\n{anchors}    - *a8\n"),
        1,
    );
    std::fs::write(tmp.path().join("bomb.yaml"), bomb).unwrap();
    let o = hoso(tmp.path(), &["check", "bomb.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bomb.yaml:") && !stderr(&o).contains("panicked"));

    let big = format!("nam: 2020\n# {}\n", "x".repeat(5_000_000));
    std::fs::write(tmp.path().join("big.yaml"), big).unwrap();
    let o = hoso(tmp.path(), &["check", "big.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("tệp quá lớn"), "{}", stderr(&o));
}
