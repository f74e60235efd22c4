//! The documents of the meeting and after it — the members' ballot, the minutes, the report of
//! results, the QĐ 213 requests — built from the 15-member fixture: their fixed wording in
//! order and the figures computed from the ballots and the statuses, in both outputs.

use std::path::{Path, PathBuf};

use crate::common::*;

/// Builds only `kind` from the fixture.
fn only(kind: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let f = fixture();
    let o = hoso(
        tmp.path(),
        &[
            "build",
            f.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--only",
            kind,
        ],
    );
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    (tmp, out)
}

/// The text of `name`.pdf and `name`.docx under `out`, each checked against `expected`.
fn both_in_order(out: &Path, name: &str, expected: &[&str]) -> (String, String) {
    let pdf = pdf_text(&out.join(format!("{name}.pdf")));
    let docx = docx_text(&out.join(format!("{name}.docx")));
    assert_in_order("PDF", &pdf, expected);
    assert_in_order("DOCX", &docx, expected);
    (pdf, docx)
}

#[test]
fn the_ballot_lists_the_rated_in_vietnamese_order_and_the_others_below() {
    let (_t, out) = only("mau-03-dang-vien");
    let (pdf, _) = both_in_order(
        &out,
        "mau-03-dang-vien",
        &[
            "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
            "Năm 2020",
            "Đánh dấu X vào một ô mức xếp loại",
            "TT",
            "Họ và tên",
            "Chức vụ",
            "Tự nhận",
            "Ghi chú",
            "HTXSNV HTTNV HTNV KHTNV",
            // given name first: Anh < Ánh < Đức < Hùng < Khoa < Lan < Ly < Mai < Nam < Sơn < Thu < Thủy < Tướng
            "1 Trương Ngọc Anh Đảng viên HTTNV",
            "2 Đỗ Ngọc Ánh Đảng viên HTTNV Dự bị",
            "3 Võ Minh Đức",
            "4 Đặng Minh Khoa Đảng viên HTXSNV",
            "5 Trần Thị Lan",
            "6 Lê Thị Ly Bí thư HTTNV",
            "7 Phan Thị Mai Đảng viên HTTNV Nghỉ thai sản",
            "8 Nguyễn Văn Nam Phó Bí thư",
            "9 Lý Văn Sơn",
            "10 Lê Thị Thu Đảng viên HTNV Nghỉ ốm 4 tháng",
            "11 Bùi Thị Thủy",
            "12 Phạm Văn Tướng Chi ủy viên",
            "Đảng viên không đánh giá, xếp loại tại hội nghị",
            "1 Hoàng Văn Bình Đảng viên Miễn công tác và sinh hoạt đảng.",
            "2 Ngô Thị Hoa Đảng viên Mới kết nạp ngày 10/09/2020, chưa đủ 6 tháng.",
            "3 Nguyễn Văn Hùng Đảng viên Vắng mặt (đi tập huấn chuyên môn theo quyết định của Sở Giáo dục và Đào tạo); đánh giá, xếp loại sau khi kiểm điểm bổ sung.",
            "Ghi chú: HTXSNV – hoàn thành xuất sắc nhiệm vụ",
        ],
    );
    assert!(pdf.contains("Mức xếp loại"), "{pdf}");
    // Nobody signs a secret ballot.
    assert!(!pdf.contains("T/M CHI BỘ"), "{pdf}");
}

#[test]
fn nobody_signs_the_qd_213_request_about_themselves() {
    let (_t, out) = only("phieu-213");
    // the secretary's own request is signed by the deputy
    let (pdf, _) = both_in_order(
        &out,
        "phieu-213/le-thi-ly",
        &[
            "Họ và tên: Lê Thị Ly",
            "T/M CHI BỘ",
            "PHÓ BÍ THƯ",
            "Nguyễn Văn Nam",
        ],
    );
    assert!(!pdf.contains("Lê Thị Ly Lê Thị Ly"));
}

#[test]
fn the_minutes_count_the_attendance_and_every_vote() {
    let (_t, out) = only("bien-ban");
    // By hand: 15 members, 2 probationary (Ánh, Hoa); Bình exempted; Hùng absent with a
    // reason → present 15 − 1 − 1 = 13, of whom 13 − 2 = 11 official: the voters.
    // Lê Thị Ly: 1 + 10 of 11 → 9,09% and 90,91%; Đỗ Ngọc Ánh: 8 and 3 of 11 → 72,73%, 27,27%.
    both_in_order(
        &out,
        "bien-ban",
        &[
            "Số 01-BB/CBNVT",
            "BIÊN BẢN",
            "hội nghị kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2020",
            "Vào lúc 7 giờ 30 phút, thứ Sáu, ngày 25/12/2020, tại Phòng họp Hội đồng sư phạm, Trường THPT Nguyễn Văn Tăng",
            "I. THÀNH PHẦN",
            "- Tổng số đảng viên của chi bộ: 15 đ/c (chính thức: 13 đ/c; dự bị: 2 đ/c).",
            "- Miễn công tác và sinh hoạt đảng: 1 đ/c (đ/c Hoàng Văn Bình).",
            "- Có mặt: 13 đ/c (đảng viên chính thức có mặt, có quyền biểu quyết: 11 đ/c).",
            "- Vắng: 1 đ/c; trong đó có lý do: 1 đ/c (đ/c Nguyễn Văn Hùng – đi tập huấn chuyên môn theo quyết định của Sở Giáo dục và Đào tạo); không có lý do: 0 đ/c.",
            "- Khách mời: Đồng chí Trần Văn Bình, Chuyên viên Ban Tổ chức Quận ủy Quận 9.",
            "- Chủ trì: Đồng chí Lê Thị Ly, Bí thư Chi bộ.",
            "- Thư ký: Đồng chí Trần Thị Lan, đảng viên.",
            "II. NỘI DUNG",
            "1. Kiểm điểm tập thể chi bộ",
            // an item that starts with a member is capitalised
            "- Đ/c Nam: báo cáo đánh giá đúng kết quả lãnh đạo nhà trường",
            // the members rated before the cell (QĐ 366 Điều 12.2; the 2019 minutes alike)
            "2. Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên",
            // the secretary first, then the deputy, the committee, the members by name
            "Đồng chí Lê Thị Ly, Bí thư Chi bộ:",
            "- Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.",
            "- Chi ủy nhận xét: Gương mẫu, đoàn kết",
            "- Kết quả biểu quyết (11 đ/c chính thức có mặt): Hoàn thành xuất sắc nhiệm vụ: 1 phiếu (9,09%); Hoàn thành tốt nhiệm vụ: 10 phiếu (90,91%); Hoàn thành nhiệm vụ: 0 phiếu (0%); Không hoàn thành nhiệm vụ: 0 phiếu (0%).",
            "- Chi bộ đề xuất xếp loại: Hoàn thành tốt nhiệm vụ.",
            "Đồng chí Nguyễn Văn Nam, Phó Bí thư Chi bộ:",
            "Đồng chí Phạm Văn Tướng, Chi ủy viên:",
            "Đồng chí Trương Ngọc Anh, đảng viên:",
            // probationary members are marked so
            "Đồng chí Đỗ Ngọc Ánh, đảng viên dự bị:",
            "Hoàn thành tốt nhiệm vụ: 8 phiếu (72,73%); Hoàn thành nhiệm vụ: 3 phiếu (27,27%)",
            "Đồng chí Ngô Thị Hoa, đảng viên dự bị:",
            // not rated: no self-rating line, straight to why
            "- Không biểu quyết xếp loại: mới kết nạp ngày 10/09/2020, chưa đủ 6 tháng.",
            "Đồng chí Trần Thị Lan, đảng viên:",
            "- Ý kiến góp ý: đ/c Tướng ghi nhận đồng chí Lan nhiệt tình hỗ trợ tổ chuyên môn",
            "Đồng chí Lê Thị Thu, đảng viên:",
            "Hoàn thành nhiệm vụ: 11 phiếu (100%)",
            "- Đồng chí Nguyễn Văn Hùng vắng mặt",
            "3. Đánh giá, xếp loại chất lượng chi bộ",
            "Chi bộ tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.",
            "Hoàn thành tốt nhiệm vụ: 10 phiếu (90,91%); Hoàn thành nhiệm vụ: 1 phiếu (9,09%)",
            "Chi bộ đề nghị cấp trên công nhận chi bộ đạt mức “Hoàn thành tốt nhiệm vụ”.",
            "4. Ý kiến của đại diện cấp ủy cấp trên",
            "5. Kết luận của chủ trì hội nghị",
            "kiểm điểm bổ sung đối với đ/c Hùng",
            "Hội nghị kết thúc vào lúc 11 giờ cùng ngày.",
            "THƯ KÝ",
            "CHỦ TRÌ",
            "Trần Thị Lan",
            "Lê Thị Ly",
        ],
    );
}

#[test]
fn the_minutes_sign_side_by_side_secretary_left_chair_right() {
    let (_t, out) = only("bien-ban");
    let xml = zip_part(&out.join("bien-ban.docx"), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let last_table = doc.descendants().rfind(|n| n.has_tag_name("tbl")).unwrap();
    let rows: Vec<Vec<String>> = last_table
        .children()
        .filter(|n| n.has_tag_name("tr"))
        .map(|r| {
            r.children()
                .filter(|c| c.has_tag_name("tc"))
                .map(|c| squeeze(&wml_text(c)))
                .collect()
        })
        .collect();
    assert_eq!(rows.first().unwrap(), &["THƯ KÝ", "CHỦ TRÌ"], "{rows:?}");
    assert_eq!(
        rows.last().unwrap(),
        &["Trần Thị Lan", "Lê Thị Ly"],
        "{rows:?}"
    );
}

#[test]
fn the_report_tabulates_the_levels_of_those_rated() {
    let (_t, out) = only("bao-cao-ket-qua");
    // By hand: 13 rated (15 − Bình exempted − Hoa admitted 10/09/2020).
    // 1 excellent (Khoa) 1/13 = 7,692… → 7,69; 10 good 10/13 = 76,923… → 76,92;
    // 2 done (Sơn, Thu) 2/13 = 15,384… → 15,38; 0 not done → 0.
    // Good or better 11/13 = 84,615… → 84,62% (half up).
    // Hùng, absent, counts by the level decided after his review.
    both_in_order(
        &out,
        "bao-cao-ket-qua",
        &[
            "Số 07-BC/CBNVT",
            "BÁO CÁO",
            "kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2020",
            "Kính gửi: Ban Tổ chức Quận ủy Quận 9",
            "Kế hoạch số ……-KH/CBNVT ngày 14/12/2020",
            "I. CÔNG TÁC TỔ CHỨC THỰC HIỆN",
            // the collective report's date; the members' self-reviews get none (not in the data)
            "chi ủy hoàn thành báo cáo kiểm điểm tập thể chi bộ; đảng viên viết bản kiểm điểm cá nhân theo kế hoạch.",
            "- Ngày 25/12/2020: chi bộ tổ chức hội nghị kiểm điểm; có mặt 13/14 đ/c phải dự (1 đ/c miễn sinh hoạt), vắng 1 đ/c (1 có lý do, 0 không có lý do).",
            "- Đảng viên vắng mặt tại hội nghị đã được kiểm điểm, đánh giá, xếp loại bổ sung: đ/c Nguyễn Văn Hùng.",
            "II. KẾT QUẢ",
            "1. Đánh giá, xếp loại chất lượng chi bộ",
            "Chi bộ đề nghị cấp trên công nhận chi bộ đạt mức “Hoàn thành tốt nhiệm vụ”.",
            "2. Đánh giá, xếp loại chất lượng đảng viên",
            "Tổng số đảng viên của chi bộ: 15 đ/c; không đánh giá, xếp loại: 2 đ/c; được đánh giá, xếp loại: 13 đ/c.",
            "TT Mức xếp loại Số lượng (đ/c) Tỷ lệ (%)",
            "1 Hoàn thành xuất sắc nhiệm vụ 1 7,69",
            "2 Hoàn thành tốt nhiệm vụ 10 76,92",
            "3 Hoàn thành nhiệm vụ 2 15,38",
            "4 Không hoàn thành nhiệm vụ 0 0",
            "Cộng (đảng viên được đánh giá, xếp loại) 13 100",
            "Không đánh giá, xếp loại 2 —",
            "Hoàn thành tốt nhiệm vụ trở lên: 11 đ/c, đạt 84,62% số đảng viên được xếp loại; trong đó hoàn thành xuất sắc nhiệm vụ: 1 đ/c, đạt 7,69%.",
            "- Hoàn thành xuất sắc nhiệm vụ: Đặng Minh Khoa.",
            "- Hoàn thành nhiệm vụ: Lý Văn Sơn, Lê Thị Thu.",
            "Đảng viên không đánh giá, xếp loại:",
            "- Đồng chí Hoàng Văn Bình: miễn công tác và sinh hoạt đảng.",
            "- Đồng chí Ngô Thị Hoa: mới kết nạp ngày 10/09/2020, chưa đủ 6 tháng.",
            "3. Xếp loại bí thư, phó bí thư chi bộ",
            "- Đồng chí Lê Thị Ly, Bí thư Chi bộ: Hoàn thành tốt nhiệm vụ.",
            "III. KIẾN NGHỊ, ĐỀ XUẤT",
            "Hồ sơ gửi kèm:",
            "- Biên bản hội nghị kiểm điểm;",
            "- Bản kiểm điểm cá nhân của 14 đảng viên (Mẫu 02);",
            "Nơi nhận:",
            "T/M CHI BỘ",
            "- Như trên;",
            "BÍ THƯ",
            "- Quận ủy Quận 9 (để báo cáo);",
            "- Lưu Chi bộ.",
            "Lê Thị Ly",
        ],
    );
}

#[test]
fn every_reviewed_member_with_a_residence_gets_a_qd_213_request() {
    let (_t, out) = only("phieu-213");
    let mut names: Vec<String> = std::fs::read_dir(out.join("phieu-213"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    // 14 members with a residence; Hoàng Văn Bình (exempted) has none and gets none
    assert_eq!(names.len(), 14, "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("hoang-van-binh")));
    both_in_order(
        &out,
        "phieu-213/tran-thi-lan",
        &[
            "CHI BỘ THPT",
            "TP. Hồ Chí Minh, ngày 10 tháng 12 năm 2020",
            "PHIẾU XIN Ý KIẾN",
            "nhận xét đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú",
            "Kính gửi: Chi ủy Chi bộ Khu phố 6, Đảng ủy phường Phước Long A",
            "Thực hiện Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị",
            "Họ và tên: Trần Thị Lan",
            "Ngày sinh: 15/10/1985",
            "Chức vụ, đơn vị công tác: Giáo viên Ngữ văn, Trường THPT Nguyễn Văn Tăng",
            "Nơi cư trú: 230 Đỗ Xuân Hợp, khu phố 6, phường Phước Long A, Quận 9",
            "chậm nhất ngày 18/12/2020",
            "T/M CHI BỘ",
            "Lê Thị Ly",
            "NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ",
            "1. Gương mẫu về phẩm chất chính trị",
            "□ Tốt □ Chưa tốt",
            "4. Tuyên truyền, vận động nhân dân",
            "Ý kiến khác:",
            "XÁC NHẬN CỦA ĐẢNG ỦY",
            "T/M CHI ỦY",
            "PHƯỜNG PHƯỚC LONG A",
            "BÍ THƯ",
        ],
    );
}

#[test]
fn the_self_review_carries_the_prompts_the_remarks_and_the_levels() {
    let (_t, out) = only("mau-02");
    both_in_order(
        &out,
        "mau-02/nguyen-van-nam",
        &[
            "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "- Vấn đề được gợi ý: Việc chậm nộp hồ sơ kiểm định chất lượng giáo dục học kỳ I.",
            "- Chi bộ đề xuất xếp loại mức chất lượng:",
            "Hoàn thành tốt nhiệm vụ",
        ],
    );
    both_in_order(
        &out,
        "mau-02/ngo-thi-hoa",
        &[
            "- Chi bộ đề xuất xếp loại mức chất lượng:",
            "Không xếp loại (mới kết nạp ngày 10/09/2020, chưa đủ 6 tháng).",
        ],
    );
    // exempted members write no self-review
    assert!(!out.join("mau-02/hoang-van-binh.pdf").exists());
    assert_eq!(
        std::fs::read_dir(out.join("mau-02")).unwrap().count(),
        28,
        "14 members × .docx and .pdf"
    );
}

#[test]
fn the_report_names_members_still_without_a_level() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let text = src.replacen(
        "      # vắng hội nghị; chi bộ kiểm điểm bổ sung ngày 29/12/2020\n      xep_loai: hoan_thanh_tot\n",
        "      nhan_xet_chi_uy: Chưa kiểm điểm bổ sung.\n",
        1,
    );
    assert_ne!(text, src);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &text).unwrap();
    let o = hoso(
        tmp.path(),
        &["build", "d.yaml", "--out", "o", "--only", "bao-cao-ket-qua"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("chưa có mức xếp loại"),
        "{}",
        stderr(&o)
    );
    // 12 rated now, Hùng pending: the shares are of 12
    both_in_order(
        &tmp.path().join("o"),
        "bao-cao-ket-qua",
        &[
            "được đánh giá, xếp loại: 12 đ/c; chưa có kết quả: 1 đ/c.",
            "2 Hoàn thành tốt nhiệm vụ 9 75",
            "Đảng viên chưa có kết quả xếp loại (1 đ/c, sẽ báo cáo bổ sung): Nguyễn Văn Hùng.",
        ],
    );
}

#[test]
fn a_member_who_is_not_rated_has_no_self_rating_line_in_the_minutes() {
    let (_t, out) = only("bien-ban");
    let text = squeeze(&pdf_text(&out.join("bien-ban.pdf")));
    let at = text.find("Đồng chí Ngô Thị Hoa, đảng viên dự bị:").unwrap();
    let next = text[at..].find("Không biểu quyết xếp loại").unwrap();
    assert!(
        !text[at..at + next].contains("Tự nhận mức xếp loại"),
        "{}",
        &text[at..at + next]
    );
}
