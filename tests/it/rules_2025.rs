//! The rules of QĐ 366-QĐ/TW and HD 43-HD/BTCTW: for each, a change to the 2026 fixture that
//! breaks it gives its Vietnamese message (citing the regulation) at the right line and field;
//! the fixture itself gives no diagnostic at all.

use crate::common::*;
use hoso::diag::Severity;

/// The 2026 fixture's text.
fn src() -> String {
    std::fs::read_to_string(fixture_2025()).unwrap()
}

/// The 2026 fixture with `from` replaced by `to` (which must occur once at least).
fn changed(from: &str, to: &str) -> String {
    let s = src();
    assert!(s.contains(from), "fixture lacks {from:?}");
    s.replacen(from, to, 1)
}

#[test]
fn the_2026_fixture_gives_no_diagnostic() {
    let all = diagnostics(&src());
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn a_level_above_the_score_band_is_an_error_below_it_a_warning() {
    // Lê Văn Dũng: 26 + 60 = 86 points, "tốt"; proposing "xuất sắc" for himself is above the band
    let text = changed(
        "      tu_cham_diem: { chung: [18, 7, 1], nhiem_vu: [45, 15] }\n      tu_xep_loai_dang_vien: hoan_thanh_tot",
        "      tu_cham_diem: { chung: [18, 7, 1], nhiem_vu: [45, 15] }\n      tu_xep_loai_dang_vien: hoan_thanh_xuat_sac",
    );
    let d = the_one(&text, "Lê Văn Dũng tự chấm 86/100");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "đồng chí Lê Văn Dũng tự chấm 86/100 điểm (từ 70 đến dưới 90 điểm: «Hoàn thành tốt nhiệm vụ») nhưng tự xếp «Hoàn thành xuất sắc nhiệm vụ»."
    );
    assert!(d.hint.as_deref().unwrap().starts_with("Quy định 366-QĐ/TW, Điều 11: từ 90 điểm là «Hoàn thành xuất sắc nhiệm vụ», từ 70 đến dưới 90 điểm là «Hoàn thành tốt nhiệm vụ», từ 50 đến dưới 70 điểm là «Hoàn thành nhiệm vụ», dưới 50 điểm là «Không hoàn thành nhiệm vụ»"));
    assert_eq!(d.path, "dang_vien[2].kiem_diem.tu_xep_loai_dang_vien");
    let dung = text.find("  - ma: dung").unwrap();
    let at = dung + text[dung..].find("tu_xep_loai_dang_vien").unwrap();
    assert_eq!(d.pos.line, text[..at].matches('\n').count() as u64 + 1);

    // the cell's ballot puts him one level below his band: a warning
    let text = changed(
        "      phieu: { tot: 11 }\n  - ma: trang",
        "      phieu: { tot: 5, hoan_thanh: 6 }\n  - ma: trang",
    );
    let d = the_one(&text, "Lê Văn Dũng tự chấm 86/100");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.ends_with("nhưng được xếp «Hoàn thành nhiệm vụ»."),
        "{}",
        d.message
    );
    assert_eq!(d.path, "dang_vien[2].danh_gia.phieu");
}

#[test]
fn the_collectives_level_follows_its_score() {
    let text = changed(
        "  tu_cham_diem: { chung: 27, nhiem_vu: 61 }",
        "  tu_cham_diem: { chung: 20, nhiem_vu: 45 }",
    );
    let d = the_one(
        &text,
        "tập thể chi bộ tự chấm 65/100 điểm (từ 50 đến dưới 70 điểm: «Hoàn thành nhiệm vụ») nhưng tự xếp",
    );
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path, "bao_cao_tap_the.tu_xep_loai");
    assert_eq!(d.pos.line, line_of(&text, "  tu_xep_loai: hoan_thanh_tot"));
}

#[test]
fn excellent_needs_every_shortcoming_fixed_and_30_percent_exceeded() {
    // Võ Thị Thu Trang: 3 of 8 tasks exceeded (37,5%), 1 of 1 shortcoming fixed
    let fixed = changed(
        "han_che_ky_truoc: 1, da_khac_phuc: 1",
        "han_che_ky_truoc: 1, da_khac_phuc: 0",
    );
    let all: Vec<_> = diagnostics(&fixed)
        .into_iter()
        .filter(|d| d.message.contains("mới khắc phục 0/1 hạn chế"))
        .collect();
    // her own proposal and the ballot's result
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all.iter().all(|d| d.severity == Severity::Error));
    assert_eq!(
        all[0].message,
        "đồng chí Võ Thị Thu Trang được xếp «Hoàn thành xuất sắc nhiệm vụ» nhưng mới khắc phục 0/1 hạn chế của kỳ trước."
    );
    assert!(all[0].hint.as_deref().unwrap().starts_with(
        "Quy định 366-QĐ/TW, Điều 11: mức «Hoàn thành xuất sắc nhiệm vụ» cần khắc phục 100% hạn chế"
    ));

    // exactly 30 % exceeded is enough
    let just = changed(
        "so_nhiem_vu: 8, vuot_muc: 3",
        "so_nhiem_vu: 10, vuot_muc: 3",
    );
    none_with(&just, "nhiệm vụ vượt mức");
    let exceeded = changed("so_nhiem_vu: 8, vuot_muc: 3", "so_nhiem_vu: 8, vuot_muc: 2");
    let paths: Vec<String> = diagnostics(&exceeded)
        .into_iter()
        .filter(|d| {
            d.message
                .contains("chỉ 2/8 nhiệm vụ vượt mức (25%, chưa đủ 30%)")
        })
        .map(|d| d.path)
        .collect();
    assert_eq!(
        paths,
        [
            "dang_vien[3].kiem_diem.tu_xep_loai_dang_vien",
            "dang_vien[3].danh_gia.phieu"
        ]
    );

    let late = changed(
        "vuot_muc: 3, cham_tien_do: 0",
        "vuot_muc: 3, cham_tien_do: 1",
    );
    assert!(
        diagnostics(&late)
            .iter()
            .any(|d| d.message.contains("có 1 nhiệm vụ chậm tiến độ"))
    );
}

#[test]
fn excellent_is_at_most_20_percent_of_good_25_for_an_outstanding_unit() {
    // 2 "xuất sắc" for 9 "tốt": within 25 % (2), over 20 % (1) without the decision
    let text = changed(
        "quy_tac:\n  don_vi_xuat_sac: Quyết định số 45-QĐ/ĐU ngày 20/11/2026 của Đảng ủy Trường Cao đẳng Kỹ thuật Thủ Đức\n",
        "",
    );
    let d = the_one(&text, "vượt 20%");
    assert_eq!(
        d.message,
        "có 2 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% của 9 đảng viên hoàn thành tốt nhiệm vụ (tối đa 1)."
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .starts_with("Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW: ")
    );
    // a third "xuất sắc" goes over the 25 % as well, and the message names the decision
    let text = changed(
        "      phieu: { tot: 11 }\n  - ma: trang",
        "      phieu: { xuat_sac: 11 }\n  - ma: trang",
    );
    let d = the_one(&text, "vượt 25%");
    assert!(
        d.message
            .contains("theo Quyết định số 45-QĐ/ĐU ngày 20/11/2026"),
        "{}",
        d.message
    );
}

#[test]
fn members_admitted_less_than_six_months_ago_are_neither_reviewed_nor_rated() {
    let text = changed(
        "    ngay_vao_dang: 10/09/2026\n",
        "    ngay_vao_dang: 10/09/2026\n    kiem_diem:\n      tu_cham_diem: { chung: 25, nhiem_vu: 55 }\n",
    );
    let d = the_one(&text, "nên không kiểm điểm");
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.message
            .contains("Trương Bảo An thuộc diện «mới kết nạp ngày 10/09/2026, chưa đủ 6 tháng»"),
        "{}",
        d.message
    );
    assert_eq!(d.path, "dang_vien[12]");
    // no self-review is built for him
    let doc = hoso::data::load_str("d.yaml", &src()).unwrap();
    let reviews: Vec<String> = hoso::documents::mau_02::build_all(&doc)
        .map(|d| d.path)
        .collect();
    assert_eq!(reviews.len(), 13);
    assert!(!reviews.iter().any(|p| p.contains("truong-bao-an")));
}

#[test]
fn discipline_in_the_year_means_not_done_unless_the_competent_level_weighs_it() {
    let text = changed(
        "      phieu: { hoan_thanh: 2, khong_hoan_thanh: 9 }",
        "      phieu: { hoan_thanh: 9, khong_hoan_thanh: 2 }",
    );
    let d = the_one(&text, "bị kỷ luật «Khiển trách");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "đồng chí Ngô Quốc Khánh bị kỷ luật «Khiển trách (Quyết định số 08-QĐ/ĐU ngày 15/06/2026)» trong năm nhưng được xếp «Hoàn thành nhiệm vụ»."
    );
    assert_eq!(d.path, "dang_vien[8].danh_gia.phieu");
    // found, reported and put right by himself: the competent level weighs it
    let text = text.replacen(
        "    ky_luat: Khiển trách",
        "    tu_nhan_khac_phuc: true\n    ky_luat: Khiển trách",
        1,
    );
    assert_eq!(
        the_one(&text, "bị kỷ luật «Khiển trách").severity,
        Severity::Warning
    );
}

#[test]
fn a_disciplined_member_rating_themselves_above_not_done_is_reminded_unless_they_put_it_right() {
    let above = changed(
        "      tu_xep_loai_dang_vien: khong_hoan_thanh\n    cu_tru:\n      dia_chi: 15 Man Thiện",
        "      tu_xep_loai_dang_vien: hoan_thanh\n    cu_tru:\n      dia_chi: 15 Man Thiện",
    );
    let d = the_one(&above, "nhưng tự xếp loại");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("Ngô Quốc Khánh"), "{}", d.message);
    // found, reported and put right by himself: the self-rating is his to weigh
    let mitigated = above.replacen(
        "    ky_luat: Khiển trách",
        "    tu_nhan_khac_phuc: true\n    ky_luat: Khiển trách",
        1,
    );
    none_with(&mitigated, "nhưng tự xếp loại");
}

#[test]
fn long_sick_leave_is_rated_on_the_years_results() {
    // 4 months of sick leave and 86 points: "tốt" is allowed under HD 43 §7.5
    let text = changed(
        "      tu_cham_diem: { chung: [15, 6, 1], nhiem_vu: [33, 12] }\n      tu_xep_loai_dang_vien: hoan_thanh\n",
        "      tu_cham_diem: { chung: [18, 7, 1], nhiem_vu: [45, 15] }\n      tu_xep_loai_dang_vien: hoan_thanh_tot\n",
    )
    .replacen("      phieu: { tot: 1, hoan_thanh: 10 }", "      phieu: { tot: 10, hoan_thanh: 1 }", 1);
    let all = diagnostics(&text);
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn the_draft_report_reaches_the_members_three_working_days_ahead() {
    // sent Tuesday 15/12 for Friday 18/12: 3 working days (16, 17, 18) is enough
    assert!(
        diagnostics(&changed(
            "  gui_du_thao: 11/12/2026",
            "  gui_du_thao: 15/12/2026"
        ))
        .is_empty()
    );
    // Wednesday 16/12: only 2
    let text = changed("  gui_du_thao: 11/12/2026", "  gui_du_thao: 16/12/2026");
    let d = the_one(&text, "dự thảo báo cáo gửi ngày");
    assert_eq!(
        d.message,
        "dự thảo báo cáo gửi ngày 16/12/2026, chỉ trước ngày họp 18/12/2026 2 ngày làm việc."
    );
    assert_eq!(d.path, "ke_hoach.gui_du_thao");
    assert_eq!(d.pos.line, line_of(&text, "  gui_du_thao: 16/12/2026"));
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .starts_with("Hướng dẫn 43-HD/BTCTW §2.1")
    );
}

#[test]
fn the_meeting_is_held_by_the_end_of_the_year() {
    let late = src()
        .replace("ngay: 18/12/2026", "ngay: 05/01/2027")
        .replace("den: 18/12/2026", "den: 05/01/2027")
        .replace("tu: 18/12/2026", "tu: 05/01/2027");
    let d = the_one(&late, "sau hạn");
    assert_eq!(
        d.message,
        "hội nghị kiểm điểm năm 2026 họp ngày 05/01/2027, sau hạn 31/12/2026."
    );
    assert_eq!(d.path, "hoi_nghi.ngay");
    // a unit whose year ends late has until 15/01
    let allowed = late.replacen(
        "  dia_danh: TP. Hồ Chí Minh\n",
        "  dia_danh: TP. Hồ Chí Minh\n  ket_thuc_nam_muon: true\n",
        1,
    );
    none_with(&allowed, "sau hạn");
}

#[test]
fn the_file_goes_up_before_february() {
    let text = changed(
        "  ngay: 28/12/2026\n  kinh_gui",
        "  ngay: 01/02/2027\n  kinh_gui",
    );
    let d = the_one(&text, "không kịp gửi cấp trên");
    assert_eq!(
        d.message,
        "báo cáo kết quả và hồ sơ đề ngày 01/02/2027, không kịp gửi cấp trên trước 01/02/2027."
    );
    assert_eq!(d.path, "bao_cao_ket_qua.ngay");
}

#[test]
fn points_are_within_their_group_and_each_criterion() {
    let over = changed("{ chung: 27, nhiem_vu: 62 }", "{ chung: 31, nhiem_vu: 62 }");
    let d = the_one(&over, "vượt mức tối đa");
    assert_eq!(d.message, "31 điểm vượt mức tối đa 30 điểm.");
    assert_eq!(d.path, "dang_vien[0].kiem_diem.tu_cham_diem.chung");
    assert_eq!(
        d.pos.line,
        line_of(&over, "      tu_cham_diem: { chung: 31")
    );

    let row = changed(
        "chung: [18, 7, 1], nhiem_vu: [45, 15]",
        "chung: [21, 7, 1], nhiem_vu: [45, 15]",
    );
    let d = the_one(&row, "vượt mức tối đa");
    assert_eq!(d.message, "21 điểm vượt mức tối đa 20 điểm.");
    assert_eq!(d.path, "dang_vien[2].kiem_diem.tu_cham_diem.chung[0]");

    let count = changed(
        "chung: [18, 7, 1], nhiem_vu: [45, 15]",
        "chung: [18, 7], nhiem_vu: [45, 15]",
    );
    let d = the_one(&count, "có 3 tiêu chí");
    assert_eq!(
        d.message,
        "bộ tiêu chí «mau_2b» có 3 tiêu chí ở nhóm này, nhưng ở đây có 2 điểm."
    );

    // 2A has no criteria table in the fixture: its members score each group whole
    let rows = changed(
        "{ chung: 27, nhiem_vu: 62 }",
        "{ chung: [20, 7], nhiem_vu: 62 }",
    );
    let d = the_one(&rows, "chỉ ghi được khi có bộ tiêu chí");
    assert!(d.hint.as_deref().unwrap().contains("«bo_tieu_chi.mau_2a»"));

    let half = changed(
        "{ chung: 27, nhiem_vu: 62 }",
        "{ chung: 27.25, nhiem_vu: 62 }",
    );
    assert_eq!(
        the_one(&half, "không phải số điểm").message,
        "«27.25» không phải số điểm hợp lệ."
    );

    let table = changed("        diem_toi_da: 2\n", "        diem_toi_da: 3\n");
    let d = the_one(&table, "cộng lại là 31");
    assert_eq!(d.path, "bo_tieu_chi.mau_2b.chung[0]");
}

#[test]
fn parts_of_another_regulations_forms_are_flagged() {
    // a 2019 per-criterion level in a 2026 self-review
    let text = changed(
        "            \"tự diễn biến\", \"tự chuyển hoá\".\n",
        "            \"tự diễn biến\", \"tự chuyển hoá\".\n          cap_do: tot\n",
    );
    let d = the_one(&text, "cấp độ tự đánh giá từng tiêu chí");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.ends_with("không có trong mẫu của Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (mẫu năm 2025) nên không được in."));
    // a 2025 score in a 2020 self-review
    let old = std::fs::read_to_string(fixture()).unwrap().replacen(
        "      tu_xep_loai_dang_vien: hoan_thanh_xuat_sac\n",
        "      tu_xep_loai_dang_vien: hoan_thanh_xuat_sac\n      tu_cham_diem: { chung: 28, nhiem_vu: 65 }\n",
        1,
    );
    let d = the_one(&old, "điểm tự chấm («tu_cham_diem»)");
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn a_member_without_a_score_is_flagged_before_the_meeting_papers() {
    let text = changed("      tu_cham_diem: { chung: 24, nhiem_vu: 56 }\n", "");
    let d = the_one(&text, "chưa có điểm tự chấm");
    assert_eq!(
        d.message,
        "đồng chí Phan Thị Nga chưa có điểm tự chấm (phần B)."
    );
    assert_eq!(d.severity, Severity::Warning);
}

#[test]
fn three_strengths_on_a_leaders_form_are_a_warning_at_the_third() {
    // Nguyễn Thị Hạnh reviews on Mẫu 2A (six criteria); three items read as 2B's order
    let third = "            thành đúng tiến độ, 04/10 nhiệm vụ vượt mức.\n";
    let text = changed(
        third,
        &format!("{third}        - noi_dung: Thực hiện nghiêm cam kết tu dưỡng, rèn luyện.\n"),
    );
    let d = the_one(&text, "chỉ ghi 3");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.path.ends_with("kiem_diem.uu_diem[2]"), "{}", d.path);
    assert_eq!(
        d.pos.line,
        line_of(&text, "        - noi_dung: Thực hiện nghiêm cam kết")
    );
    assert!(
        d.message.contains("kết quả công tác lãnh đạo"),
        "{}",
        d.message
    );
    // two items (the fixture) or all six: no such warning
    none_with(&src(), "chỉ ghi 3");
}

#[test]
fn an_excellent_cell_needs_no_disciplined_member_in_its_committee() {
    // the cell claims xuất sắc; the member disciplined in the fixture holds no post
    let cell = changed(
        "  tu_xep_loai: hoan_thanh_tot",
        "  tu_xep_loai: hoan_thanh_xuat_sac",
    );
    none_with(&cell, "trong chi ủy bị kỷ luật");
    // the deputy secretary disciplined too: the collective's xuất sắc is an error
    let deputy = cell.replacen(
        "    lanh_dao_quan_ly: true\n    kiem_diem:\n      uu_diem:\n        - noi_dung: >-\n            Giữ vững",
        "    lanh_dao_quan_ly: true\n    ky_luat: Khiển trách\n    kiem_diem:\n      uu_diem:\n        - noi_dung: >-\n            Giữ vững",
        1,
    );
    assert_ne!(deputy, cell, "the deputy's entry as in the fixture");
    let d = the_one(&deputy, "trong chi ủy bị kỷ luật");
    assert!(d.message.contains("tập thể chi bộ"), "{}", d.message);
    assert!(d.message.contains("Nguyễn Thị Hạnh"), "{}", d.message);
}
