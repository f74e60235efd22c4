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
fn an_unclosed_bracket_or_quote_is_named_as_the_cause_not_a_wrong_type() {
    // the value becomes a mapping or a list: the parser's cause is what the clerk reads, at the
    // line where the bracket opened
    run(&Case {
        from: "  cap_tren: Đảng bộ Quận 9",
        to: "  cap_tren: { Đảng bộ Quận 9",
        says: &["thiếu dấu đóng «}»"],
        field: "chi_bo.cap_tren",
        line_of: None,
    });
    run(&Case {
        from: "  cap_tren: Đảng bộ Quận 9",
        to: "  cap_tren: [Đảng bộ Quận 9",
        says: &["thiếu dấu đóng «]»"],
        field: "chi_bo.cap_tren",
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

#[test]
fn a_control_character_is_refused_where_it_was_written() {
    run(&Case {
        from: "    ho_ten: Trần Thị Lan",
        to: "    ho_ten: \"Trần Thị\\u0001 Lan\"",
        says: &["có ký tự điều khiển U+0001 không in được"],
        field: "dang_vien[3].ho_ten",
        line_of: None,
    });
    for c in ["\\u0000", "\\u001B", "\\uFFFE", "\\uFFFF"] {
        let src = std::fs::read_to_string(fixture()).unwrap().replacen(
            "    ho_ten: Trần Thị Lan",
            &format!("    ho_ten: \"Trần{c} Thị Lan\""),
            1,
        );
        let all = diagnostics(&src);
        assert!(
            all.iter().any(|d| d.message.contains("ký tự điều khiển")),
            "{c}: {all:#?}"
        );
    }
}

#[test]
fn a_name_of_ten_thousand_characters_is_refused_by_check() {
    let long = "A".repeat(10_000);
    run(&Case {
        from: "    ho_ten: Trần Thị Lan",
        to: Box::leak(format!("    ho_ten: {long}").into_boxed_str()),
        says: &["nội dung dài 10000 ký tự, quá giới hạn 300 ký tự"],
        field: "dang_vien[3].ho_ten",
        line_of: None,
    });
}

#[test]
fn a_year_zero_is_refused() {
    run(&Case {
        from: "    ngay_sinh: 15/10/1985",
        to: "    ngay_sinh: 12/03/0000",
        says: &["năm 0 của ngày «12/03/0000» nằm ngoài khoảng 1900–2100"],
        field: "dang_vien[3].ngay_sinh",
        line_of: None,
    });
}

#[test]
fn names_whose_file_names_would_collide_all_get_their_own_file() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    // three members printed "Bùi Thị Thủy", "Bùi Thị Thủy" and "Bùi Thị Thủy 2"
    let src = src
        .replacen("    ho_ten: Trần Thị Lan", "    ho_ten: Bùi Thị Thủy", 1)
        .replacen("    ho_ten: Võ Minh Đức", "    ho_ten: Bùi Thị Thủy 2", 1);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &src).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = hoso(
        tmp.path(),
        &["build", "d.yaml", "--out", "out", "--only", "mau-02"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(tmp.path().join("out/mau-02"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bui-thi-thuy") && n.ends_with(".pdf"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(names.len(), 3, "three files, one each: {names:?}");
}

#[test]
fn paragraphs_of_running_text_stay_paragraphs_in_both_outputs() {
    let src = std::fs::read_to_string(fixture()).unwrap().replacen(
        "      han_che: Việc đổi mới phương pháp dạy học theo hướng phát triển năng lực còn chậm.",
        "      han_che: |\n        Đoạn thứ nhất về hạn chế.\n\n        Đoạn thứ hai, riêng một đoạn.",
        1,
    );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &src).unwrap();
    let o = hoso(
        tmp.path(),
        &[
            "build", "d.yaml", "--out", "out", "--only", "mau-02", "--member", "lan",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let base = tmp.path().join("out/mau-02/tran-thi-lan");
    let paras = docx_paragraphs(&base.with_extension("docx"));
    let i = paras
        .iter()
        .position(|p| p == "Đoạn thứ nhất về hạn chế.")
        .expect("the first paragraph on its own");
    // (an empty paragraph of no height may end the heading's kept-together row)
    let next = paras[i + 1..].iter().find(|p| !p.is_empty());
    assert_eq!(
        next.map(String::as_str),
        Some("Đoạn thứ hai, riêng một đoạn.")
    );
    // in the PDF, each starts its own line, indented as a paragraph
    let d = hoso::data::load_str("d.yaml", &src).unwrap();
    let m = d.members.iter().find(|m| m.id == "lan").unwrap();
    let doc = hoso::documents::mau_02::build(&d, m, "x");
    let lines: Vec<hoso::render::pdf::Placed> = hoso::render::pdf::layout_lines(&doc)
        .unwrap()
        .into_iter()
        .flatten()
        .collect();
    let first = lines
        .iter()
        .find(|l| l.text == "Đoạn thứ nhất về hạn chế.")
        .unwrap();
    let second = lines
        .iter()
        .find(|l| l.text == "Đoạn thứ hai, riêng một đoạn.")
        .unwrap();
    assert!((first.x - second.x).abs() < 0.5 && second.y - first.y > 20.0);
}

#[test]
fn an_emoji_and_bidirectional_marks_are_flagged_where_they_were_written() {
    let src = std::fs::read_to_string(fixture())
        .unwrap()
        .replacen(
            "    ho_ten: Trần Thị Lan",
            "    ho_ten: \"Trần Thị Lan \\u202Eabc\"",
            1,
        )
        .replacen(
            "      nguyen_nhan: Chưa dành nhiều thời gian tự học, tự bồi dưỡng chuyên môn.",
            "      nguyen_nhan: Chưa dành nhiều thời gian tự học 😀.",
            1,
        );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &src).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    assert_eq!(o.status.code(), Some(0), "warnings only: {}", stderr(&o));
    let err = stderr(&o);
    let line = |s: &str| src.lines().position(|l| l.contains(s)).unwrap() + 1;
    assert!(
        err.contains(&format!(
            "d.yaml:{}:13: cảnh báo [trường dang_vien[3].ho_ten]: đã bỏ ký tự điều khiển hướng chữ",
            line("ho_ten: \"Trần Thị Lan")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "d.yaml:{}:20: cảnh báo [trường dang_vien[3].kiem_diem.nguyen_nhan]: ký tự «😀» (U+1F600) không có trong phông chữ",
            line("😀")
        )),
        "{err}"
    );
    // the mark is gone from what is printed
    let d = hoso::data::load_str("d.yaml", &src).unwrap();
    assert!(d.members.iter().any(|m| m.full_name == "Trần Thị Lan abc"));
}

#[test]
fn an_endless_or_huge_input_is_refused_without_reading_it_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let o = hoso(tmp.path(), &["check", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("tệp quá lớn"), "{}", stderr(&o));
    // a bound on the work, not a timing test: /dev/zero never ends
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn write_errors_and_usage_errors_are_in_vietnamese() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("tep"), "x").unwrap();
    let data = fixture();
    let o = hoso(
        tmp.path(),
        &[
            "build",
            data.to_str().unwrap(),
            "--out",
            "tep/out",
            "--only",
            "ke-hoach",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không ghi được vào tep/out: tep là một tệp, không phải thư mục."),
        "{}",
        stderr(&o)
    );
    let long = "x".repeat(300);
    let o = hoso(
        tmp.path(),
        &[
            "build",
            data.to_str().unwrap(),
            "--out",
            &long,
            "--only",
            "ke-hoach",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tên tệp quá dài"), "{}", stderr(&o));
    for (args, says) in [
        (
            vec!["buil"],
            "không có lệnh «buil»; các lệnh: init, schema, check, build, archive, serve. Có phải ý bạn là «build»?",
        ),
        (vec!["build"], "thiếu tham số bắt buộc"),
        (vec!["check", "--foo", "x"], "không có tùy chọn «--foo»"),
        (
            vec!["init", "--nam", "abc"],
            "giá trị «abc» của --nam <NAM> không hợp lệ",
        ),
    ] {
        let o = hoso(tmp.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!err.contains("error:") && !err.contains("Usage:"), "{err}");
    }
}
