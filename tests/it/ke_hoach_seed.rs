//! The plan built from the seed fixture says every line of the seed's body, in the seed's order,
//! in both the PDF and the .docx — with the seed's slips fixed by the tool:
//! - sections numbered 1, 2, 3, 4 (the seed has 1, 2, 2, 3);
//! - the number in HD 36 form "Số …-KH/CBNVT" (the seed has the state-style "Số:…/KH-CBNVT");
//! - "Đàng viên" → "Đảng viên", "lấy kiến" → "lấy ý kiến" (typos, fixed in the data);
//! - every date in the timetable and assignments carries its computed weekday ("thứ Sáu 18/12/2020");
//! - list markers "-" / "+" instead of the seed's "·", double spaces collapsed.

use crate::common::*;

/// The seed's lines with the fixes above, in order.
const SEED_LINES: &[&str] = &[
    "ĐẢNG BỘ QUẬN 9",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CHI BỘ THPT NGUYỄN VĂN TĂNG",
    "TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020",
    "KẾ HOẠCH",
    "tổ chức kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2020",
    "Căn cứ Kế hoạch số …-KH/QU ngày …/12/2020 của Ban Tổ chức Quận uỷ Quận 9 về tổ chức kiểm điểm, đánh giá, xếp loại chất lượng đối với tổ chức Đảng, Đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý năm 2020.",
    "Chi bộ trường THPT Nguyễn Văn Tăng xây dựng kế hoạch thực hiện như sau:",
    "1. Mục đích, yêu cầu",
    "- Kiểm điểm tự phê bình, phê bình và đánh giá, xếp loại chất lượng hằng năm nhằm đánh giá kết quả thực hiện chức năng, nhiệm vụ, quyền hạn của tập thể; chức trách, nhiệm vụ của cá nhân, qua đó, đề ra chủ trương, giải pháp phát huy ưu điểm, khắc phục hạn chế, khuyết điểm trong lãnh đạo, quản lý, điều hành và thực hiện nhiệm vụ; góp phần nâng cao năng lực lãnh đạo, sức chiến đấu của cấp ủy, tổ chức đảng và chất lượng đội ngũ cán bộ, đảng viên, nhất là cán bộ lãnh đạo, quản lý.",
    "- Cấp ủy, tổ chức đảng, lãnh đạo các cơ quan, đơn vị và từng cán bộ, đảng viên phải thực hiện nghiêm túc, chặt chẽ, đúng nguyên tắc tập trung dân chủ; đảm bảo tính khách quan, toàn diện, công khai, minh bạch, thực chất. Cấp ủy cần tăng cường sự lãnh đạo, chỉ đạo, hướng dẫn, kiểm tra, việc kiểm điểm, đánh giá, phân loại của tập thể và cá nhân. Trong kiểm điểm phải khắc phục tình trạng nể nang, né tránh, ngại va chạm, thấy đúng phải kiên quyết bảo vệ, thấy sai phải quyết liệt đấu tranh; nhận diện, xác định rõ những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\". Thực hiện đánh giá liên tục, đa chiều, theo tiêu chí, bằng sản phẩm cụ thể, có sự so sánh giữa các vị trí tương đương và công khai kết quả; gắn đánh giá, xếp loại chất lượng cá nhân với tập thể và với kết quả thực hiện nhiệm vụ của địa phương, cơ quan, đơn vị.",
    "2. Nguyên tắc",
    "- Việc kiểm điểm hằng năm được tiến hành đồng thời ở các cấp, theo nguyên tắc: kiểm điểm đầy đủ chức trách, nhiệm vụ được phân công hoặc tham gia của mỗi người; tập thể trước, cá nhân sau; cán bộ lãnh đạo, quản lý trước, đảng viên sau; trong cùng 01 cấp, 01 đơn vị thì kiểm điểm cán bộ cấp trên trước, cấp dưới sau.",
    "- Bảo đảm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; đoàn kết, thống nhất; trung thực, khách quan, toàn diện; công bằng, công khai, minh bạch; đúng thẩm quyền, trách nhiệm. Lấy phẩm chất chính trị, đạo đức, lối sống làm gốc; kết quả, hiệu quả công việc làm thước đo chủ yếu trong đánh giá, xếp loại hằng năm.",
    "- Mỗi khuyết điểm hoặc hình thức kỷ luật của tổ chức đảng, đảng viên chỉ xét một lần khi xem xét đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên cuối năm.",
    "- Đảng viên có vi phạm, bị xử lý kỷ luật thì xem xét trách nhiệm của tổ chức đảng nơi đảng viên sinh hoạt trong thời gian xảy ra sai phạm.",
    "- Mức xếp loại đối với người đứng đầu không được cao hơn mức xếp loại của tập thể lãnh đạo, quản lý và tổ chức đảng, cơ quan, đơn vị nơi người đó đứng đầu. Mức xếp loại chất lượng của tập thể lãnh đạo, quản lý không được cao hơn mức xếp loại của tổ chức, cơ quan, đơn vị.",
    "3. Thời gian",
    "- Từ 10/12/2020 đến 15/12/2020:",
    "+ Phổ biến đến Đảng viên, cán bộ các quy định, tổ chức hướng dẫn viết kiểm điểm",
    "+ Tổ chức lấy ý kiến của cấp uỷ nơi Đảng viên cư trú theo QĐ 213.",
    "+ Tổ chức tổng hợp kết quả chuyên môn làm cơ sở để đánh giá Đảng viên.",
    "+ Hoàn chỉnh báo cáo kiểm điểm tập thể chi bộ năm 2020.",
    "+ Lấy ý kiến quần chúng trong đơn vị (đ/c Nam, thứ Sáu 18/12/2020)",
    "+ Thu nhận các báo cáo, các bản kiểm điểm (đ/c Nam nghiên cứu: hạn chót thứ Sáu 18/12/2020)",
    // the seed's own wording of these headings, as the data writes it (tieu_de)
    "- Từ 18/12/2020 – 21/12/2020:",
    "+ Họp trù bị lấy ý kiến đóng góp của đảng viên về các báo cáo của chi ủy, chi bộ (thứ Sáu 18/12/2020)",
    "+ Gửi hồ sơ về Tổ công tác xin ý kiến (thứ Bảy 19/12/2020)",
    "- Từ 23/12/2020 – 25/12/2020:",
    "+ Tổ chức kiểm điểm Chi bộ, đảng viên (dự kiến sáng thứ Sáu 25/12/2020)",
    "+ Hoàn thiện hồ sơ",
    "- Từ 25/12/2020 – 28/12/2020:",
    "+ Hoàn tất hồ sơ kiểm điểm đánh giá và gửi báo cáo kết quả kiểm điểm, đánh giá của chi bộ về Ban Tổ chức Quận ủy Quận 9.",
    "4. Phân công",
    "- Đ/c Ly:",
    "+ Xây dựng Kế hoạch, phân công, điều hành các công việc.",
    "+ Tổ chức thực hiện kế hoạch kiểm điểm tập thể, cá nhân và đánh giá, phân loại chất lượng cơ sở đảng, đảng viên năm 2020.",
    "- Đ/c Nam:",
    "+ Báo cáo kiểm điểm tập thể Chi bộ - Mẫu 01-KĐDG.",
    "+ Phiếu PTCL, đánh giá, xếp loại Chi bộ (Mẫu 03, Phụ lục 2)",
    "+ Chuẩn bị các hồ sơ cần thiết cho Đảng viên.",
    "+ Hoàn chỉnh hồ sơ nộp về Quận (nội dung theo hướng dẫn trong KH của Quận đính kèm).",
    "+ Tập hợp kết quả đánh giá xếp loại viên chức năm học 2019 - 2020",
    "+ Tập hợp ý kiến đóng góp và kết quả nhận xét của địa phương, của quần chúng trong đơn vị.",
    "- Các đồng chí đảng viên:",
    "+ Hoàn tất phiếu bổ sung lý lịch 2d, nhận xét 213, phiếu bổ sung hồ sơ Đảng viên (hạn cuối nhận: thứ Sáu 18/12/2020)",
    "+ Viết bản kiểm điểm cá nhân (Mẫu 02, Phụ lục 1) (hạn chót thứ Sáu 18/12/2020)",
    "+ Nghiên cứu đóng góp ý kiến cho các báo cáo kiểm điểm của CUCB.",
    "- Đ/c Tướng: hoàn chỉnh Biên bản, Nghị quyết sinh hoạt CUCB hàng tháng 2020, Thư mời, liên lạc, hỗ trợ các biểu mẫu, hỗ trợ đ/c Nam hoàn chỉnh hồ sơ gửi về Ban Tổ chức Quận uỷ.",
    "- Đ/c Lan: Thư ký Biên bản buổi PTCL, hỗ trợ đ/c Nam hoàn chỉnh Biên bản, Nghị quyết sinh hoạt CB hàng tháng 2020.",
    "- Các đảng viên khác: Hỗ trợ hậu cần, sẵn sàng thực hiện nhiệm vụ khi được phân công đột xuất.",
    "Trên đây là kế hoạch chung, do tình hình công tác cuối năm có nhiều công việc quan trọng, đề nghị toàn thể Đảng viên hoàn thành nghiêm túc kế hoạch để công tác kiểm điểm tập thể cá nhân, đánh giá, phân loại chất lượng tổ chức cơ sở Đảng, đảng viên đạt kết quả tốt.",
];

/// The sign-off, read row by row as it is seen.
const SIGN_OFF: &[&str] = &[
    "Nơi nhận:",
    "T/M CHI BỘ",
    "- Ban Tổ chức Quận ủy Quận 9;",
    "BÍ THƯ",
    "- Các đảng viên trong chi bộ;",
    "- Lưu Chi bộ.",
    "Lê Thị Ly",
];

#[test]
fn seed_plan_says_every_line_in_order_in_both_outputs() {
    let (_tmp, out) = build(&fixture());
    let pdf = pdf_text(&out.join("ke-hoach.pdf"));
    let docx = docx_text(&out.join("ke-hoach.docx"));
    assert_in_order("PDF", &pdf, SEED_LINES);
    assert_in_order("DOCX", &docx, SEED_LINES);
    assert_in_order("PDF", &pdf, SIGN_OFF);
    assert_in_order("DOCX", &docx, SIGN_OFF);
    // The seed's slips are gone.
    for bad in [
        "Đàng viên",
        "lấy kiến",
        "Số:",
        "/KH-CBNVT",
        "2. Thời gian",
        "Thứ  Sáu",
    ] {
        assert!(!pdf.contains(bad), "PDF still has {bad:?}");
        assert!(!docx.contains(bad), "DOCX still has {bad:?}");
    }
    assert!(docx.contains("-KH/CBNVT") && pdf.contains("-KH/CBNVT"));
}

#[test]
fn a_one_day_period_is_headed_by_its_day() {
    let (_t, out) = build_edited(
        "    - tu: 18/12/2020\n      den: 21/12/2020\n      tieu_de: Từ 18/12/2020 – 21/12/2020   # như kế hoạch gốc\n",
        "    - tu: 18/12/2020\n      den: 18/12/2020\n",
    );
    for text in [
        squeeze(&pdf_text(&out.join("ke-hoach.pdf"))),
        squeeze(&docx_text(&out.join("ke-hoach.docx"))),
    ] {
        assert!(text.contains("- Ngày 18/12/2020:"), "{text}");
        assert!(!text.contains("Từ 18/12/2020 đến 18/12/2020"), "{text}");
        assert!(text.contains("- Từ 10/12/2020 đến 15/12/2020:"), "{text}");
    }
}
