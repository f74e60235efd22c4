//! Where the file contradicts itself: the plan's secretary and the minutes', a principal
//! without a post, a report dated after the plan: each a located warning; the fixtures, once
//! corrected, give none of them.

use crate::common::*;

/// The 2020 fixture as it was first written, with its three slips.
fn with_slips() -> String {
    let src = std::fs::read_to_string(fixture()).unwrap();
    for needle in [
        "  thu_ky: lan\n",
        "    nghe_nghiep: Hiệu trưởng\n    chuc_vu_chinh_quyen: Hiệu trưởng\n    lanh_dao_quan_ly: true\n",
        "  so: 7\n  ngay: 28/12/2020\n",
    ] {
        assert!(src.contains(needle), "the fixture has {needle:?}");
    }
    src.replacen("  thu_ky: lan\n", "  thu_ky: tuong\n", 1)
        .replacen(
            "    nghe_nghiep: Hiệu trưởng\n    chuc_vu_chinh_quyen: Hiệu trưởng\n    lanh_dao_quan_ly: true\n",
            "    nghe_nghiep: Hiệu trưởng\n",
            1,
        )
        .replacen("  so: 7\n  ngay: 28/12/2020\n", "  so: 7\n  ngay: 30/12/2020\n", 1)
}

#[test]
fn each_slip_is_a_located_warning_and_the_build_goes_on() {
    let text = with_slips();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &text).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "warnings only: {err}");

    for needle in [
        "làm thư ký",
        "làm «Hiệu trưởng»",
        "sau ngày cuối của kế hoạch",
    ] {
        assert!(err.contains(needle), "{needle:?} printed: {err}");
    }
    let secretary = the_one(&text, "làm thư ký");
    assert_eq!(secretary.severity, hoso::diag::Severity::Warning);
    assert!(
        secretary.message.contains("đ/c Trần Thị Lan")
            && secretary.message.contains("đ/c Phạm Văn Tướng"),
        "{}",
        secretary.message
    );
    // at the task's text
    assert_eq!(
        secretary.pos.line,
        line_of(&text, "Thư ký Biên bản buổi PTCL")
    );

    let principal = the_one(&text, "làm «Hiệu trưởng»");
    assert!(
        principal.message.contains("Lê Thị Ly"),
        "{}",
        principal.message
    );
    assert!(
        principal.path.starts_with("dang_vien[0]"),
        "{}",
        principal.path
    );

    let late = the_one(&text, "sau ngày cuối của kế hoạch");
    assert!(
        late.message.contains("30/12/2020") && late.message.contains("28/12/2020"),
        "{}",
        late.message
    );
    assert_eq!(late.path, "bao_cao_ket_qua.ngay");
}

#[test]
fn the_corrected_fixtures_have_none_of_them() {
    for data in [fixture(), fixture_2025()] {
        let text = std::fs::read_to_string(&data).unwrap();
        for needle in [
            "làm thư ký",
            "nhưng không có «chuc_vu_chinh_quyen»",
            "sau ngày cuối của kế hoạch",
        ] {
            none_with(&text, needle);
        }
    }
}

/// A head who has the post written (`chuc_vu_chinh_quyen`) but not `lanh_dao_quan_ly` is not
/// flagged: only one with neither is (either one says the form is the leaders').
#[test]
fn a_head_with_a_post_written_is_not_flagged() {
    use hoso::rules::consistency::leaders_hold_their_post as rule;
    let bytes = std::fs::read(fixture()).unwrap();
    let mut d = hoso::data::load_bytes("d.yaml", &bytes).unwrap();
    let m = d.members.iter_mut().find(|m| m.has_review).unwrap();
    m.job = Some("Hiệu trưởng".into());
    m.leader = false;
    m.gov_post = Some("Hiệu trưởng".into());
    assert!(rule(&d).is_empty(), "{:?}", rule(&d));
    let m = d.members.iter_mut().find(|m| m.has_review).unwrap();
    m.gov_post = None;
    assert_eq!(rule(&d).len(), 1);
}
