//! `hoso init`: the starter file checks clean and builds every document with no edit; an
//! existing file is never overwritten without --force.

use crate::common::*;

#[test]
fn the_starter_file_checks_clean_and_builds_every_document() {
    // this year's starter (the 2025 forms), and the 2019 forms' starter
    for year in [None, Some("2020")] {
        starter_checks_clean_and_builds(year);
    }
}

fn starter_checks_clean_and_builds(year: Option<&str>) {
    let tmp = tempfile::tempdir().unwrap();
    let mut args = vec!["init", "x.yaml"];
    if let Some(y) = year {
        args.extend(["--nam", y]);
    }
    let o = hoso(tmp.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(tmp.path().join("x.yaml")).unwrap();
    assert!(
        text.contains("# Danh sách đảng viên"),
        "comments in Vietnamese"
    );

    let o = hoso(tmp.path(), &["check", "x.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "no warning either: {}", stderr(&o));

    let o = hoso(tmp.path(), &["build", "x.yaml", "--out", "o"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("o");
    let data = std::fs::read(tmp.path().join("x.yaml")).unwrap();
    let d = hoso::data::load_bytes("x.yaml", &data).unwrap();
    let want = match year {
        None => "hd43-2025",
        Some(_) => "hd21-2019",
    };
    assert_eq!(d.regulation.id, want);
    if year.is_none() {
        assert_eq!(d.year, hoso::starter::default_year());
    }
    // the kinds of each regulation, listed here (not taken from the code under test)
    let kinds: &[&str] = match year {
        None => &[
            "ke-hoach",
            "mau-01",
            "mau-01-du-thao",
            "mau-02",
            "phieu-danh-gia",
            "bien-ban",
            "bao-cao-ket-qua",
            "mau-04",
            "giay-moi",
            "phieu-213",
        ],
        Some(_) => &[
            "ke-hoach",
            "mau-01",
            "mau-02",
            "mau-03-chi-bo",
            "mau-03-dang-vien",
            "bien-ban",
            "bao-cao-ket-qua",
            "giay-moi",
            "phieu-213",
        ],
    };
    for kind in kinds {
        let single = out.join(format!("{kind}.pdf"));
        let folder = out.join(kind);
        let found = (single.exists() && out.join(format!("{kind}.docx")).exists())
            || std::fs::read_dir(&folder).is_ok_and(|mut d| d.next().is_some());
        assert!(found, "{kind} not built");
    }
}

#[test]
fn init_never_overwrites_a_file_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("x.yaml");
    std::fs::write(&p, "nam: 2021\n").unwrap();
    let o = hoso(tmp.path(), &["init", "x.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("đã có; không ghi đè"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "nam: 2021\n");
    let o = hoso(tmp.path(), &["init", "x.yaml", "--force"]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        hoso::starter::starter(hoso::starter::default_year()).unwrap()
    );
    // the schema beside it, and no temporary file left
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["hoso.schema.json", "x.yaml"]);
}
