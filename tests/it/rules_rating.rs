//! The rating rules of HD 21: for each, a change to the fixture that breaks it gives its
//! Vietnamese message at the right line and field; the fixture itself gives none.

use crate::common::*;
use hoso::diag::Severity;

/// The fixture with `from` replaced by `to` (which must occur), and the line of `at` in it.
fn changed(from: &str, to: &str) -> String {
    let src = std::fs::read_to_string(fixture()).unwrap();
    assert!(src.contains(from), "fixture lacks {from:?}");
    src.replacen(from, to, 1)
}

const FIXTURE_RULES: [&str; 16] = [
    "xuất sắc nhiệm vụ, vượt 20%",
    "cao hơn mức của chi bộ",
    "bị kỷ luật",
    "nghỉ ốm",
    "không kiểm điểm",
    "không được xếp loại",
    "đảng viên chính thức có mặt",
    "kết quả phiếu",
    "danh sách vắng",
    "lớn hơn số đảng viên",
    "có phiếu xếp loại",
    "không thể là",
    "không tính là vắng",
    "chưa đủ 12 tháng dự bị",
    "tự xếp loại",
    "không có mức nào được quá nửa",
];

#[test]
fn the_fixture_breaks_no_rating_rule() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    for rule in FIXTURE_RULES {
        none_with(&text, rule);
    }
    none_with(&text, "chưa có mức xếp loại");
}

#[test]
fn only_the_four_levels_are_accepted() {
    let text = changed(
        "      xep_loai: hoan_thanh_tot\n",
        "      xep_loai: hoan_thanh_rat_tot\n",
    );
    let d = the_one(&text, "không hợp lệ");
    assert_eq!(d.message, "giá trị «hoan_thanh_rat_tot» không hợp lệ.");
    assert_eq!(d.pos.line, line_of(&text, "hoan_thanh_rat_tot"));
    assert!(d.hint.unwrap().contains("hoan_thanh_tot"));
}

/// Bùi Thị Thủy's ballot, made "xuất sắc": two members at that level.
const THUY_BALLOT: &str =
    "dang_uy: Đảng ủy phường Linh Chiểu\n    danh_gia:\n      phieu: { tot: 11 }";

#[test]
fn excellent_members_are_at_most_a_fifth_of_the_good_ones() {
    // 2 excellent, 9 good: at most floor(9 × 20 %) = 1
    let text = changed(
        THUY_BALLOT,
        "dang_uy: Đảng ủy phường Linh Chiểu\n    danh_gia:\n      phieu: { xuat_sac: 11 }",
    );
    let d = the_one(&text, "vượt 20%");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "có 2 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% của 9 đảng viên hoàn thành tốt nhiệm vụ (tối đa 1)."
    );
    assert_eq!(d.pos.line, line_of(&text, "phieu: { xuat_sac: 11 }"));
    assert!(d.path.ends_with("danh_gia.phieu"), "{}", d.path);
    // Counted on "tốt trở lên" (11 members): two are allowed.
    let text = format!("{text}\nquy_tac:\n  co_so_ty_le_xuat_sac: tot_tro_len\n");
    none_with(&text, "vượt 20%");
}

#[test]
fn the_secretary_is_not_rated_above_the_cell() {
    let text = changed(
        "  phieu_chi_bo: { tot: 10, hoan_thanh: 1 }",
        "  phieu_chi_bo: { tot: 1, hoan_thanh: 10 }",
    );
    let d = the_one(&text, "cao hơn mức của chi bộ");
    assert_eq!(
        d.message,
        "Bí thư Lê Thị Ly được xếp «Hoàn thành tốt nhiệm vụ», cao hơn mức của chi bộ «Hoàn thành nhiệm vụ»."
    );
    assert_eq!(
        d.pos.line,
        line_of(&text, "phieu: { xuat_sac: 1, tot: 10 }")
    );
}

#[test]
fn a_disciplined_member_does_not_complete_the_tasks() {
    // Lý Văn Sơn, disciplined, whose ballot says "Hoàn thành nhiệm vụ"
    let text = changed(
        "    nghe_nghiep: Giáo viên Thể dục\n",
        "    nghe_nghiep: Giáo viên Thể dục\n    ky_luat: Khiển trách\n",
    );
    let d = the_one(&text, "bị kỷ luật trong năm nhưng được xếp");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.contains("Lý Văn Sơn"), "{}", d.message);
    assert_eq!(
        d.pos.line,
        line_of(&text, "phieu: { tot: 2, hoan_thanh: 9 }")
    );
    // and his own "tốt" self-rating is flagged as a warning at the discipline
    let w = the_one(&text, "bị kỷ luật trong năm nhưng tự xếp loại");
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.pos.line, line_of(&text, "ky_luat: Khiển trách"));
    // rated "Không hoàn thành nhiệm vụ", with that self-rating: nothing to say
    let text = text
        .replacen("phieu: { tot: 2, hoan_thanh: 9 }", "phieu: { khong_hoan_thanh: 11 }", 1)
        .replacen(
            "      tu_xep_loai_dang_vien: hoan_thanh_tot\n    cu_tru:\n      dia_chi: 40 Nguyễn Văn Tăng",
            "      tu_xep_loai_dang_vien: khong_hoan_thanh\n    cu_tru:\n      dia_chi: 40 Nguyễn Văn Tăng",
            1,
        );
    none_with(&text, "bị kỷ luật");
}

#[test]
fn long_sick_leave_caps_the_level() {
    // Lê Thị Thu, 4 months of sick leave, voted "tốt"
    let text = changed("phieu: { hoan_thanh: 11 }", "phieu: { tot: 11 }");
    let d = the_one(&text, "nghỉ ốm");
    assert_eq!(
        d.message,
        "đồng chí Lê Thị Thu nghỉ ốm 4 tháng trong năm nhưng được xếp «Hoàn thành tốt nhiệm vụ»."
    );
    assert_eq!(
        d.pos.line,
        line_of(&text, "phieu: { tot: 11 }\n  - ma: mai")
    );
    // two months: no cap
    let text = text.replacen("nghi_om_thang: 4", "nghi_om_thang: 2", 1);
    none_with(&text, "nghỉ ốm");
}

#[test]
fn exempted_members_write_no_self_review() {
    let text = changed(
        "    sinh_hoat_dang: mien_sinh_hoat\n",
        "    sinh_hoat_dang: mien_sinh_hoat\n    kiem_diem:\n      han_che: Không có.\n",
    );
    let d = the_one(&text, "không kiểm điểm");
    assert!(d.message.contains("Hoàng Văn Bình"), "{}", d.message);
    assert!(
        d.message.contains("miễn công tác và sinh hoạt đảng"),
        "{}",
        d.message
    );
    assert_eq!(d.pos.line, line_of(&text, "  - ma: binh"));
    // suspended: the same
    let text = text.replacen("mien_sinh_hoat", "dinh_chi_sinh_hoat", 1);
    let d = the_one(&text, "không kiểm điểm");
    assert!(
        d.message.contains("đình chỉ sinh hoạt đảng"),
        "{}",
        d.message
    );
}

#[test]
fn members_admitted_less_than_six_months_ago_are_not_rated() {
    // Ngô Thị Hoa, admitted 10/09/2020; the meeting is on 25/12/2020
    let text = changed(
        "      dang_uy: Đảng ủy phường Phước Long B\n  - ma: khoa",
        "      dang_uy: Đảng ủy phường Phước Long B\n    danh_gia:\n      de_xuat: hoan_thanh_tot\n  - ma: khoa",
    );
    let d = the_one(&text, "không được xếp loại");
    assert!(
        d.message
            .contains("mới kết nạp ngày 10/09/2020, chưa đủ 6 tháng"),
        "{}",
        d.message
    );
    assert_eq!(
        d.pos.line,
        line_of(&text, "      de_xuat: hoan_thanh_tot\n  - ma: khoa")
    );
    // admitted six months before the meeting: rated, so the level is fine
    let text = text.replacen("ngay_vao_dang: 10/09/2020", "ngay_vao_dang: 25/06/2020", 1);
    none_with(&text, "không được xếp loại");
}

#[test]
fn ballots_never_outnumber_the_official_members_present() {
    // 13 present, 2 of them probationary: 11 voters
    let text = changed("      phieu: { tot: 11 }\n", "      phieu: { tot: 12 }\n");
    let d = the_one(&text, "đảng viên chính thức có mặt");
    assert_eq!(
        d.message,
        "phiếu xếp loại đồng chí Phạm Văn Tướng có 12 phiếu, nhiều hơn 11 đảng viên chính thức có mặt."
    );
    assert!(d.hint.unwrap().contains("đảng viên dự bị không biểu quyết"));
    assert_eq!(d.pos.line, line_of(&text, "phieu: { tot: 12 }"));
    // the cell's ballot too
    let text = changed(
        "  phieu_chi_bo: { tot: 10, hoan_thanh: 1 }",
        "  phieu_chi_bo: { tot: 12, hoan_thanh: 1 }",
    );
    let d = the_one(&text, "đảng viên chính thức có mặt");
    assert!(
        d.message.starts_with("phiếu xếp loại chi bộ có 13 phiếu"),
        "{}",
        d.message
    );
}

#[test]
fn a_proposal_that_differs_from_the_ballot_is_flagged() {
    let text = changed(
        "      de_xuat: hoan_thanh_tot\n",
        "      de_xuat: hoan_thanh\n",
    );
    let d = the_one(&text, "kết quả phiếu");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "chi bộ đề xuất «Hoàn thành nhiệm vụ» cho đồng chí Trần Thị Lan, nhưng kết quả phiếu là «Hoàn thành tốt nhiệm vụ»."
    );
}

#[test]
fn the_chair_is_not_absent() {
    let text = changed("  vang:\n", "  vang:\n    - ma: ly\n");
    let d = the_one(&text, "danh sách vắng");
    assert_eq!(
        d.message,
        "đồng chí Lê Thị Ly là chủ trì hội nghị nhưng có tên trong danh sách vắng."
    );
    assert_eq!(d.pos.line, line_of(&text, "    - ma: ly"));
}

#[test]
fn a_member_without_a_level_is_flagged_before_the_report() {
    let text = changed(
        "      # vắng hội nghị; chi bộ kiểm điểm bổ sung ngày 29/12/2020\n      xep_loai: hoan_thanh_tot\n",
        "      nhan_xet_chi_uy: Chưa kiểm điểm bổ sung.\n",
    );
    let d = the_one(&text, "chưa có mức xếp loại");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("Nguyễn Văn Hùng"));
}

#[test]
fn a_ballot_larger_than_the_cell_is_refused() {
    let text = changed(
        "      phieu: { tot: 11 }\n",
        "      phieu: { tot: 4294967295 }\n",
    );
    let d = the_one(&text, "lớn hơn số đảng viên");
    assert_eq!(
        d.message,
        "số phiếu 4294967295 lớn hơn số đảng viên của chi bộ (15)."
    );
    assert_eq!(d.pos.line, line_of(&text, "phieu: { tot: 4294967295 }"));
}

#[test]
fn an_absent_member_has_no_ballot_at_the_meeting() {
    let text = changed(
        "      # vắng hội nghị; chi bộ kiểm điểm bổ sung ngày 29/12/2020\n      xep_loai: hoan_thanh_tot\n",
        "      phieu: { tot: 11 }\n",
    );
    let d = the_one(&text, "vắng mặt tại hội nghị nhưng có phiếu");
    assert!(d.message.contains("Nguyễn Văn Hùng"));
}

#[test]
fn officers_take_part_and_the_exempted_are_not_absent() {
    let text = changed("  chu_tri: ly\n", "  chu_tri: binh\n");
    let d = the_one(&text, "không thể là chủ trì");
    assert_eq!(
        d.message,
        "đồng chí Hoàng Văn Bình (miễn công tác và sinh hoạt đảng) không thể là chủ trì hội nghị."
    );
    let text = changed("  vang:\n", "  vang:\n    - ma: binh\n");
    let d = the_one(&text, "không tính là vắng");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.pos.line, line_of(&text, "    - ma: binh"));
}

#[test]
fn an_official_member_has_passed_probation() {
    // Đỗ Ngọc Ánh, admitted 14/01/2020: still probationary at the meeting of 25/12/2020
    let text = changed(
        "    loai: du_bi\n    ngay_vao_dang: 14/01/2020",
        "    loai: chinh_thuc\n    ngay_vao_dang: 14/01/2020",
    );
    let d = the_one(&text, "chưa đủ 12 tháng dự bị");
    assert!(d.message.contains("Đỗ Ngọc Ánh"), "{}", d.message);
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn twelve_months_of_probation_end_on_their_anniversary() {
    // the meeting is on 25/12/2020: admitted 25/12/2019, the twelve months are over that day
    let whole = changed(
        "    loai: du_bi\n    ngay_vao_dang: 14/01/2020",
        "    loai: chinh_thuc\n    ngay_vao_dang: 25/12/2019",
    );
    none_with(&whole, "chưa đủ 12 tháng dự bị");
    let a_day_short = changed(
        "    loai: du_bi\n    ngay_vao_dang: 14/01/2020",
        "    loai: chinh_thuc\n    ngay_vao_dang: 26/12/2019",
    );
    the_one(&a_day_short, "chưa đủ 12 tháng dự bị");
}

#[test]
fn long_sick_leave_flags_a_high_self_rating() {
    let text = changed(
        "      tu_xep_loai_dang_vien: hoan_thanh\n",
        "      tu_xep_loai_dang_vien: hoan_thanh_tot\n",
    );
    let d = the_one(&text, "nhưng tự xếp loại");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.contains("Lê Thị Thu nghỉ ốm 4 tháng"),
        "{}",
        d.message
    );
}

#[test]
fn a_committee_member_warned_or_worse_weighs_on_the_cell() {
    let text = changed(
        "    chuc_vu_dang: chi_uy_vien\n",
        "    chuc_vu_dang: chi_uy_vien\n    ky_luat: Cảnh cáo\n",
    );
    let d = the_one(&text, "nhưng chi bộ được xếp");
    assert_eq!(
        d.message,
        "chi ủy viên Phạm Văn Tướng bị kỷ luật «Cảnh cáo» nhưng chi bộ được xếp «Hoàn thành tốt nhiệm vụ»."
    );
    // a reprimand ("khiển trách") is below the threshold
    let text = text.replacen("ky_luat: Cảnh cáo", "ky_luat: Khiển trách", 1);
    none_with(&text, "nhưng chi bộ được xếp");
}

#[test]
fn a_cell_ballot_without_a_majority_is_flagged() {
    let text = changed(
        "  phieu_chi_bo: { tot: 10, hoan_thanh: 1 }",
        "  phieu_chi_bo: { tot: 5 }",
    );
    let d = the_one(&text, "không có mức nào được quá nửa");
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn a_ballot_gives_the_best_level_with_more_than_half_of_the_voters() {
    use hoso::data::tally::ballot_result;
    use hoso::data::{Rating, Votes};
    // exactly half is not more than half: 5 «tốt» of 10 fall through to «hoàn thành»
    assert_eq!(ballot_result(&Votes([0, 5, 5, 0]), 10), Some(Rating::Done));
    assert_eq!(ballot_result(&Votes([0, 6, 4, 0]), 10), Some(Rating::Good));
    assert_eq!(ballot_result(&Votes([3, 3, 0, 0]), 10), Some(Rating::Good));
    assert_eq!(ballot_result(&Votes([2, 2, 1, 0]), 10), None);
    // nobody to vote: no level, whatever the slips say
    assert_eq!(ballot_result(&Votes([1, 0, 0, 0]), 0), None);
}
