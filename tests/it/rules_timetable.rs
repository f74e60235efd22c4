//! The timetable rules: a fixture that breaks each gives its Vietnamese message at the right
//! line (an error stops `check` with status 1, a warning does not); the seed fixture gives none
//! but the seed's own two timetable slips.

use crate::common::*;

/// Runs `hoso check` on the fixture with `from` replaced by `to`; returns (status, stderr, text).
fn check_with(from: &str, to: &str) -> (i32, String, String) {
    let src = std::fs::read_to_string(fixture()).unwrap();
    assert!(src.contains(from), "fixture lacks {from:?}");
    let text = src.replacen(from, to, 1);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &text).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    (o.status.code().unwrap(), stderr(&o), text)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn the_seed_has_only_its_own_two_timetable_slips() {
    let o = hoso(&root(), &["check", fixture().to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("0 lỗi, 2 cảnh báo."), "{err}");
    assert_eq!(
        err.matches("nằm ngoài khoảng 10/12/2020 – 15/12/2020")
            .count(),
        2,
        "{err}"
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_an_error() {
    let (code, err, text) = check_with("      den: 15/12/2020", "      den: 09/12/2020");
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "- tu: 10/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("kết thúc 09/12/2020, trước ngày bắt đầu"),
        "{err}"
    );
}

#[test]
fn periods_out_of_order_are_a_warning() {
    let (code, err, text) = check_with("    - tu: 23/12/2020", "    - tu: 08/12/2020");
    assert_eq!(code, 0, "{err}");
    let line = line_of(&text, "- tu: 08/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(err.contains("bắt đầu sớm hơn"), "{err}");
}

#[test]
fn a_task_inside_its_period_gives_no_warning() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let fixed = src
        .replacen(
            "          ngay: 18/12/2020\n        - noi_dung: Thu nhận",
            "          ngay: 14/12/2020\n        - noi_dung: Thu nhận",
            1,
        )
        .replacen(
            "          vai_tro: nghiên cứu\n          han: 18/12/2020",
            "          vai_tro: nghiên cứu\n          han: 15/12/2020",
            1,
        );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), fixed).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(!err.contains("cảnh báo"), "{err}");
}

#[test]
fn a_deadline_after_the_meeting_is_an_error() {
    let from = "        - noi_dung: Viết bản kiểm điểm cá nhân (Mẫu 02, Phụ lục 1)\n          han: 18/12/2020";
    let to = "        - noi_dung: Viết bản kiểm điểm cá nhân (Mẫu 02, Phụ lục 1)\n          han: 26/12/2020";
    let (code, err, text) = check_with(from, to);
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "- noi_dung: Viết bản kiểm điểm cá nhân");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("hạn chót 26/12/2020 ở sau ngày hội nghị kiểm điểm 25/12/2020"),
        "{err}"
    );
}

#[test]
fn a_meeting_outside_the_plan_is_an_error() {
    let (code, err, text) = check_with(
        "hoi_nghi:\n  ngay: 25/12/2020",
        "hoi_nghi:\n  ngay: 30/12/2020",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  ngay: 30/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains(
            "lỗi [trường hoi_nghi.ngay]: ngày hội nghị 30/12/2020 nằm ngoài thời gian của kế hoạch"
        ),
        "{err}"
    );
}

#[test]
fn a_plan_dated_after_the_meeting_is_an_error() {
    let (code, err, text) = check_with(
        "  ngay: 14/12/2020\n  trich_yeu",
        "  ngay: 26/12/2020\n  trich_yeu",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  ngay: 26/12/2020");
    assert!(
        err.contains(&format!(
            "d.yaml:{line}:9: lỗi [trường ke_hoach.ngay]: kế hoạch ghi ngày 26/12/2020, sau ngày hội nghị kiểm điểm 25/12/2020"
        )),
        "{err}"
    );
}

#[test]
fn a_task_after_the_meeting_may_have_a_later_deadline() {
    // the period from the meeting on: sending the results up by 28/12 is not preparation
    let (code, err, _) = check_with(
        "          về Ban Tổ chức Quận ủy Quận 9.\n",
        "          về Ban Tổ chức Quận ủy Quận 9.\n        - noi_dung: Gửi báo cáo kết quả lên Quận ủy\n          han: 28/12/2020\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("hạn chót 28/12/2020"), "{err}");
}

#[test]
fn an_admission_after_the_document_is_an_error() {
    let (code, err, text) = check_with("ngay_vao_dang: 14/01/2020", "ngay_vao_dang: 14/01/2021");
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "- ma: anh");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("ngày vào Đảng của Đỗ Ngọc Ánh (14/01/2021) ở sau ngày của kế hoạch"),
        "{err}"
    );
}

#[test]
fn an_invitation_dated_after_the_meeting_is_an_error() {
    let (code, err, _) = check_with("    ngay: 21/12/2020", "    ngay: 26/12/2020");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("giấy mời đề ngày 26/12/2020, sau ngày hội nghị 25/12/2020"),
        "{err}"
    );
}

#[test]
fn the_report_of_results_comes_after_the_meeting() {
    let (code, err, text) = check_with(
        "  ngay: 28/12/2020\n  kinh_gui:",
        "  ngay: 20/12/2020\n  kinh_gui:",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  ngay: 20/12/2020");
    assert!(
        err.contains(&format!(
            ":{line}:9: lỗi [trường bao_cao_ket_qua.ngay]: báo cáo kết quả đề ngày 20/12/2020, trước ngày hội nghị kiểm điểm 25/12/2020."
        )),
        "{err}"
    );
}

#[test]
fn residence_remarks_are_due_before_the_meeting() {
    let (code, err, text) = check_with(
        "phieu_213:\n  ngay: 10/12/2020\n  han: 18/12/2020",
        "phieu_213:\n  ngay: 10/12/2020\n  han: 28/12/2020",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  han: 28/12/2020");
    assert!(
        err.contains(&format!(
            ":{line}:8: lỗi [trường phieu_213.han]: hạn gửi nhận xét nơi cư trú 28/12/2020 ở sau ngày hội nghị kiểm điểm 25/12/2020."
        )),
        "{err}"
    );
}

#[test]
fn a_heading_that_names_other_days_than_its_period_is_a_warning() {
    let (code, err, text) = check_with(
        "      tieu_de: Từ 23/12/2020 – 25/12/2020",
        "      tieu_de: Từ 23/12/2020 – 26/12/2020",
    );
    assert_eq!(code, 0, "{err}");
    let line = line_of(&text, "tieu_de: Từ 23/12/2020 – 26/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("ghi ngày 26/12/2020, nhưng khoảng này từ 23/12/2020 đến 25/12/2020"),
        "{err}"
    );
}
