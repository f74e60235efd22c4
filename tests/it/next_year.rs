//! `hoso init NEW --tu OLD`: next year's file from last year's — the cell and its members
//! carried with the same values, last year's outcomes in `nam_truoc` where the rules read them,
//! and a file that checks clean with only what the clerk must fill left to fill.

use std::path::Path;

use hoso::data::{Activity, Dossier, Rating};

use crate::common::{fixture, fixture_2025, hoso, stderr};

fn load(path: &Path) -> Dossier {
    let text = std::fs::read_to_string(path).unwrap();
    hoso::data::load_str(&path.display().to_string(), &text)
        .unwrap_or_else(|d| panic!("{}", hoso::diag::report(&d)))
}

/// Builds next year's file from `old` into a temp folder; returns it with the folder.
fn next(old: &Path, extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let new = tmp.path().join("moi.yaml");
    let mut args = vec!["init", "moi.yaml", "--tu", old.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = hoso(tmp.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    (tmp, new, said)
}

/// Every carried value of the cell and of each member is the old file's.
fn assert_carried(old: &Dossier, new: &Dossier, same_forms: bool) {
    assert_eq!(old.cell.name, new.cell.name);
    assert_eq!(old.cell.superior, new.cell.superior);
    assert_eq!(old.cell.abbreviation, new.cell.abbreviation);
    assert_eq!(old.cell.place, new.cell.place);
    assert_eq!(
        format!("{:?}", old.cell.margins),
        format!("{:?}", new.cell.margins)
    );
    assert_eq!(old.members.len(), new.members.len());
    for (a, b) in old.members.iter().zip(&new.members) {
        let who = &a.id;
        assert_eq!(a.id, b.id);
        assert_eq!(a.full_name, b.full_name, "{who}");
        assert_eq!(a.birth_date, b.birth_date, "{who}");
        assert_eq!(
            format!("{:?}", a.gender),
            format!("{:?}", b.gender),
            "{who}"
        );
        assert_eq!(format!("{:?}", a.post), format!("{:?}", b.post), "{who}");
        assert_eq!(
            format!("{:?}", a.membership),
            format!("{:?}", b.membership),
            "{who}: a probation is never ended silently"
        );
        assert_eq!(a.admitted, b.admitted, "{who}");
        assert_eq!(a.job, b.job, "{who}");
        assert_eq!(a.workplace, b.workplace, "{who}");
        assert_eq!(a.gov_post, b.gov_post, "{who}");
        assert_eq!(a.org_post, b.org_post, "{who}");
        if same_forms {
            assert_eq!(a.leader, b.leader, "{who}");
        } else {
            // the 2019 leader flag is the 2025 subject «lanh_dao_quan_ly» (Mẫu 2A)
            assert_eq!(a.leader, b.subject == hoso::data::Subject::Leader, "{who}");
        }
        assert_eq!(
            format!("{:?}", a.residence),
            format!("{:?}", b.residence),
            "{who}"
        );
        if same_forms {
            assert_eq!(
                format!("{:?}", a.subject),
                format!("{:?}", b.subject),
                "{who}"
            );
        }
        // an exemption carries over; a suspension is the clerk's to write again
        let want = match a.activity {
            Activity::Suspended => Activity::Active,
            other => other,
        };
        assert_eq!(b.activity, want, "{who}");
        // nothing of the year itself
        assert!(!b.has_review, "{who}");
        assert!(b.performance.is_none() && b.discipline.is_none(), "{who}");
    }
}

#[test]
fn next_years_file_carries_the_cell_and_members_and_checks_clean() {
    for (old, extra, year, same_forms) in [
        (fixture(), &[][..], 2021, true),
        (fixture_2025(), &[][..], 2027, true),
        (fixture(), &["--nam", "2026"][..], 2026, false),
    ] {
        let (tmp, new, said) = next(&old, extra);
        let text = std::fs::read_to_string(&new).unwrap();
        // the starter's schema line and comments, the new year
        assert!(text.starts_with("# yaml-language-server: $schema=hoso.schema.json\n"));
        assert!(text.contains("# Tệp dữ liệu mẫu của hoso"));
        assert!(tmp.path().join("hoso.schema.json").is_file());
        let o = hoso(tmp.path(), &["check", "moi.yaml"]);
        assert!(o.status.success(), "{year}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            !err.contains("lỗi [") && !err.contains("cảnh báo ["),
            "{year}: only blanks to fill, no problem:\n{err}"
        );
        let (a, b) = (load(&old), load(&new));
        assert_eq!(b.year, year);
        assert_carried(&a, &b, same_forms);
        // the plan names the cell's own officers and its upper level's committee
        let secretary = a
            .members
            .iter()
            .find(|m| m.post == hoso::data::PartyPost::Secretary)
            .unwrap();
        assert_eq!(b.members[b.plan.signer.0].id, secretary.id, "{year}");
        // what the clerk must decide is said
        if same_forms {
            assert!(said.contains("hết 12 tháng dự bị"), "{said}");
        } else {
            assert!(
                said.contains("Mẫu 2A (lãnh đạo, quản lý) cho: Lê Thị Ly (ly)"),
                "{said}"
            );
            assert!(b.last_year.is_none(), "2020 is not 2025's last period");
            assert!(text.contains("    doi_tuong: lanh_dao_quan_ly\n"));
            assert!(!text.contains("\n    lanh_dao_quan_ly: true"));
        }
    }
}

#[test]
fn last_years_outcomes_are_carried_as_the_old_file_decided_them() {
    let (_tmp, new, _) = next(&fixture_2025(), &[]);
    let (a, b) = (load(&fixture_2025()), load(&new));
    let last = b.last_year.expect("nam_truoc");
    assert_eq!(last.year, 2026);
    let voters = hoso::data::tally::voters(&a);
    let mut rated = 0;
    for m in &a.members {
        let carried = last.members.get(&m.id);
        let want = m
            .assessment
            .decided
            .or_else(|| hoso::data::tally::proposal(m, voters))
            .filter(|_| hoso::data::tally::standing(&a, m).rated());
        assert_eq!(carried.and_then(|c| c.rating), want, "{}", m.id);
        rated += usize::from(want.is_some());
        let score = m.review.score.as_ref().map(|s| s.total().0 as f64 / 10.0);
        assert_eq!(carried.and_then(|c| c.score), score, "{}", m.id);
    }
    assert!(rated >= 10, "{rated}");

    let hanh = &last.members["hanh"];
    assert_eq!(hanh.rating, Some(Rating::Excellent));
    assert_eq!(
        hanh.shortcomings,
        ["Việc hướng dẫn giảng viên trẻ nghiên cứu khoa học còn ít."]
    );
    assert!(last.cell.is_some());
}

#[test]
fn last_years_shortcomings_make_an_excellent_rating_an_error_until_they_are_fixed() {
    let src = std::fs::read_to_string(fixture_2025()).unwrap();
    let own = "ket_qua: { so_nhiem_vu: 8, vuot_muc: 3, cham_tien_do: 0, khong_hoan_thanh: 0, han_che_ky_truoc: 1, da_khac_phuc: 1 }";
    assert!(src.contains(own), "trang's results in the fixture");
    let last = "\nnam_truoc:\n  nam: 2025\n  dang_vien:\n    trang:\n      muc: hoan_thanh_tot\n      han_che:\n        - Chưa có bài báo khoa học.\n        - Chưa hướng dẫn sinh viên nghiên cứu.\n";
    let tmp = tempfile::tempdir().unwrap();
    let run = |results: &str| {
        let data = src.replacen(own, results, 1) + last;
        std::fs::write(tmp.path().join("d.yaml"), data).unwrap();
        hoso(tmp.path(), &["check", "d.yaml"])
    };
    // the year's results say nothing of last year's shortcomings: the carried two count
    let o = run("ket_qua: { so_nhiem_vu: 8, vuot_muc: 3, cham_tien_do: 0, khong_hoan_thanh: 0 }");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("mới khắc phục 0/2 hạn chế của kỳ trước"),
        "{}",
        stderr(&o)
    );
    // one of two fixed: still an error
    let o = run(
        "ket_qua: { so_nhiem_vu: 8, vuot_muc: 3, cham_tien_do: 0, khong_hoan_thanh: 0, da_khac_phuc: 1 }",
    );
    assert!(stderr(&o).contains("mới khắc phục 1/2"), "{}", stderr(&o));
    // the year's own count of last period's shortcomings is the one read
    let o = run(
        "ket_qua: { so_nhiem_vu: 8, vuot_muc: 3, cham_tien_do: 0, khong_hoan_thanh: 0, han_che_ky_truoc: 1, da_khac_phuc: 1 }",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // both fixed: excellent stands
    let o = run(
        "ket_qua: { so_nhiem_vu: 8, vuot_muc: 3, cham_tien_do: 0, khong_hoan_thanh: 0, da_khac_phuc: 2 }",
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_next_years_file_is_never_written_over_and_never_made_from_a_file_with_errors() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("moi.yaml"), "giữ nguyên").unwrap();
    let old = fixture_2025();
    let o = hoso(
        tmp.path(),
        &["init", "moi.yaml", "--tu", old.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("không ghi đè"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("moi.yaml")).unwrap(),
        "giữ nguyên"
    );
    let bad = std::fs::read_to_string(&old).unwrap().replacen(
        "ngay_sinh: 08/05/1975",
        "ngay_sinh: 31/02/1975",
        1,
    );
    std::fs::write(tmp.path().join("cu.yaml"), bad).unwrap();
    let o = hoso(tmp.path(), &["init", "khac.yaml", "--tu", "cu.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("còn lỗi"), "{}", stderr(&o));
    assert!(stderr(&o).contains("31/02/1975"), "{}", stderr(&o));
    assert!(!tmp.path().join("khac.yaml").exists());
}
