//! Mẫu 01: the collective report, sections I–VII in the form's order, the chosen levels filled,
//! in both outputs.

use crate::common::*;

const EXPECTED: &[&str] = &[
    "TP. Hồ Chí Minh, ngày 16 tháng 12 năm 2020",
    "Số ……-BC/CBNVT",
    "BÁO CÁO",
    "kiểm điểm tập thể chi bộ năm 2020",
    "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại địa phương (cơ quan, đơn vị); tập thể Chi bộ THPT Nguyễn Văn Tăng kiểm điểm với các nội dung chủ yếu sau:",
    "I. Ưu điểm, kết quả đạt được",
    "1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.",
    "Chi bộ duy trì nghiêm nguyên tắc tập trung dân chủ",
    "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém",
    "2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ",
    "tỉ lệ học sinh tốt nghiệp trung học phổ thông đạt 98,6%.",
    "3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "4. Trách nhiệm của tập thể lãnh đạo, quản lý trong thực hiện nhiệm vụ chính trị",
    "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém",
    "II. Hạn chế, khuyết điểm và nguyên nhân",
    "1. Hạn chế, khuyết điểm:",
    "Công tác phát triển đảng viên trong giáo viên trẻ còn chậm.",
    "2. Nguyên nhân của hạn chế, khuyết điểm:",
    "III. Kết quả khắc phục những hạn chế, khuyết điểm",
    "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
    "V. Trách nhiệm của tập thể, cá nhân",
    "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
    "VII. Tự nhận mức xếp loại chất lượng",
    "□ Hoàn thành xuất sắc nhiệm vụ",
    "■ Hoàn thành tốt nhiệm vụ",
    "□ Hoàn thành nhiệm vụ",
    "□ Không hoàn thành nhiệm vụ",
    "(Kèm theo phiếu phân tích chất lượng)",
    "Nơi nhận:",
    "T/M CHI BỘ",
    "- Ban Tổ chức Quận ủy Quận 9;",
    "BÍ THƯ",
    "- Lưu Chi bộ.",
    "Lê Thị Ly",
];

#[test]
fn the_collective_report_follows_the_form() {
    let (_t, out) = build(&fixture());
    let pdf = pdf_text(&out.join("mau-01.pdf"));
    let docx = docx_text(&out.join("mau-01.docx"));
    assert_in_order("PDF", &pdf, EXPECTED);
    assert_in_order("DOCX", &docx, EXPECTED);
    assert!(pdf.starts_with("Mẫu 01-HD KĐ.ĐG 2019"));
    // Four criteria and III, each with its level; one rating ticked.
    for text in [&pdf, &docx] {
        assert_eq!(text.matches("Tự đánh giá về cấp độ thực hiện").count(), 5);
        assert_eq!(text.matches('■').count(), 6);
    }
}

#[test]
fn ratings_belong_to_members_not_to_the_collective() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let bad = src.replacen(
        "    phuong_huong: Xây dựng kế hoạch bồi dưỡng",
        "    tu_xep_loai_dang_vien: hoan_thanh_tot\n    phuong_huong: Xây dựng kế hoạch bồi dưỡng",
        1,
    );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), bad).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("báo cáo tập thể không có mục xếp loại"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("[trường bao_cao_tap_the.kiem_diem]"),
        "{}",
        stderr(&o)
    );
}
