//! The 2026 fixture under QĐ 366-QĐ/TW and HD 43-HD/BTCTW: every document built, each read from
//! both outputs (PDF text with lopdf, the .docx XML) for its fixed wording in order and its
//! data; scores, sums, counts and percentages worked out by hand in the comments.

use std::path::{Path, PathBuf};

use crate::common::*;

/// Builds the 2026 fixture's documents of `kind` into a fresh folder.
fn build_kind(kind: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = hoso(
        tmp.path(),
        &[
            "build",
            fixture_2025().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--only",
            kind,
        ],
    );
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    assert!(stderr(&o).is_empty(), "no warning: {}", stderr(&o));
    (tmp, out)
}

/// Each expected line in order, in the PDF and in the .docx of `base`.
fn both(base: &Path, expected: &[&str]) {
    let pdf = pdf_text(&base.with_extension("pdf"));
    assert_in_order("PDF", &pdf, expected);
    let docx = docx_text(&base.with_extension("docx"));
    assert_in_order(".docx", &docx, expected);
}

fn neither(base: &Path, absent: &[&str]) {
    let pdf = pdf_text(&base.with_extension("pdf"));
    let docx = docx_text(&base.with_extension("docx"));
    for a in absent {
        assert!(!pdf.contains(a), "{a:?} in the PDF");
        assert!(!docx.contains(a), "{a:?} in the .docx");
    }
}

/// The corner label, in the first page's header part of the .docx and on the PDF's first page.
fn label(base: &Path, want: &str) {
    let pages = pdf_pages(&base.with_extension("pdf"));
    assert!(squeeze(&pages[0]).contains(want), "{want} on page 1");
    let docx = base.with_extension("docx");
    let f = std::fs::File::open(&docx).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let headers: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().to_string())
        .filter(|n| n.starts_with("word/header"))
        .collect();
    assert!(
        headers.iter().any(|h| zip_part(&docx, h).contains(want)),
        "{want} in a header part"
    );
}

#[test]
fn every_document_of_the_2026_review_is_built() {
    let (_t, out) = build(&fixture_2025());
    for f in [
        "ke-hoach",
        "mau-01",
        "phieu-danh-gia",
        "bien-ban",
        "bao-cao-ket-qua",
        "mau-04",
        "giay-moi/le-hoang-phuc",
    ] {
        for ext in ["docx", "pdf"] {
            assert!(out.join(format!("{f}.{ext}")).exists(), "{f}.{ext}");
        }
    }
    // 13 self-reviews: 16 members less the exempted, the suspended and the one admitted in
    // September (QĐ 366 Điều 5: neither reviewed nor rated)
    let reviews = std::fs::read_dir(out.join("mau-02")).unwrap().count();
    assert_eq!(reviews, 26);
    assert!(!out.join("mau-02/truong-bao-an.pdf").exists());
    assert!(!out.join("mau-02/vu-thi-hoa.pdf").exists());
    assert!(!out.join("mau-02/mai-van-tam.pdf").exists());
    // no 2019 documents: Mẫu 03 of HD 43 is the upper level's re-rating decision
    assert!(!out.join("mau-03-chi-bo.pdf").exists());
    assert!(!out.join("mau-03-dang-vien.pdf").exists());
    assert_eq!(
        std::fs::read_dir(out.join("phieu-213")).unwrap().count(),
        16
    );
}

#[test]
fn mau_01_is_the_collectives_report_with_its_score() {
    let (_t, out) = build_kind("mau-01");
    let base = out.join("mau-01");
    label(&base, "Mẫu 01-HD KĐ.ĐG 2025");
    both(
        &base,
        &[
            // a superior's name too long for its column: two lines broken between words, the
            // party title beside the first; the issuer's too
            "ĐẢNG BỘ TRƯỜNG CAO ĐẲNG",
            "KỸ THUẬT THỦ ĐỨC",
            "CHI BỘ KHOA",
            "CÔNG NGHỆ THÔNG TIN",
            "TP. Hồ Chí Minh, ngày 10 tháng 12 năm 2026",
            "BÁO CÁO",
            "kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể năm 2026",
            "-----",
            "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại địa phương (cơ quan, đơn vị); tập thể Chi bộ Khoa Công nghệ thông tin kiểm điểm, tự đánh giá, xếp loại chất lượng với các nội dung chủ yếu sau:",
            "A. NỘI DUNG KIỂM ĐIỂM",
            "I. Ưu điểm, kết quả đạt được",
            "1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.",
            "Chi bộ duy trì nghiêm nguyên tắc tập trung dân chủ",
            "2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội nhiệm kỳ, kế hoạch, chương trình công tác năm, được cấp có thẩm quyền giao, phê duyệt và các nhiệm vụ phát sinh, đột xuất được cấp có thẩm quyền giao.",
            "3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; xây dựng tổ chức bộ máy tinh gọn, hoạt động hiệu năng, hiệu lực, hiệu quả;",
            "công tác kiểm tra, giám sát, kỷ luật đảng và công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức, cá nhân.",
            "4. Trách nhiệm của tập thể lãnh đạo, quản lý trong triển khai thực hiện các chủ trương, đường lối, nghị quyết, văn bản chỉ đạo của Đảng, của cấp trên; thực hiện nhiệm vụ chính trị của địa phương, tổ chức, cơ quan, đơn vị.",
            "II. Hạn chế, khuyết điểm và nguyên nhân",
            "- Hạn chế, khuyết điểm.",
            "Còn 01 đảng viên vi phạm quy chế thi",
            "- Nguyên nhân của hạn chế, khuyết điểm.",
            "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
            "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "V. Trách nhiệm của tập thể, cá nhân",
            "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "I. Đánh giá theo các nhóm tiêu chí",
            "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với tập thể được quy định tại Phụ lục 1, Quy định số 366-QĐ/TW, các tập thể tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:",
            // 27 + 61 = 88
            "1. Nhóm tiêu chí chung: 27/30",
            "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 61/70",
            "Tổng điểm: 88/100",
            "II. Đề xuất xếp loại mức chất lượng",
            "□ Hoàn thành xuất sắc nhiệm vụ",
            "■ Hoàn thành tốt nhiệm vụ",
            "□ Hoàn thành nhiệm vụ",
            "□ Không hoàn thành nhiệm vụ",
            "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ trong đó thể hiện sản phẩm tiến độ, chất lượng cụ thể - theo hướng dẫn của các cấp ủy, tổ chức đảng)",
            "T/M CHI BỘ",
            "BÍ THƯ",
            "Phạm Quốc Việt",
        ],
    );
    for text in [
        pdf_text(&base.with_extension("pdf")),
        docx_text(&base.with_extension("docx")),
    ] {
        assert!(text.contains("Số 10-BC/CB"));
    }
    // filled in: the form's guidance is not printed; no 2019 per-criterion levels
    neither(
        &base,
        &[
            "Kiểm điểm rõ từng hạn chế",
            "Tự đánh giá về cấp độ thực hiện",
            "VII.",
        ],
    );
}

#[test]
fn a_2b_self_review_scores_row_by_row_on_the_upper_committees_table() {
    let (_t, out) = build_kind("mau-02");
    let base = out.join("mau-02/vo-thi-thu-trang");
    label(&base, "Mẫu 2B-HD KĐ.ĐG 2025");
    both(
        &base,
        &[
            "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
            "Năm 2026",
            "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)",
            "Họ và tên: Võ Thị Thu Trang",
            "Ngày sinh: 02/09/1987",
            "Đơn vị công tác: Khoa Công nghệ thông tin, Trường Cao đẳng Kỹ thuật Thủ Đức",
            "Chi bộ: Khoa Công nghệ thông tin",
            "A. NỘI DUNG KIỂM ĐIỂM",
            "1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc. Liên hệ các biểu hiện về suy thoái, \"tự diễn biến\", \"tự chuyển hoá\".",
            "2. Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm, gắn với hiệu quả, tiến độ, chất lượng công việc.",
            "Giảng dạy 620 giờ",
            "3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu của cá nhân theo quy định.",
            "1. Hạn chế, khuyết điểm.",
            "2. Nguyên nhân của hạn chế, khuyết điểm.",
            "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với cá nhân không giữ chức vụ lãnh đạo, quản lý được quy định tại Phụ lục 4, Quy định 366-QĐ/TW, cá nhân tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:",
            // the table: 18,5 + 6,5 + 2 = 27 of 30; 48 + 15 = 63 of 70; 90 of 100
            "TT Tiêu chí Điểm tối đa Điểm tự chấm",
            "I Nhóm tiêu chí chung 30 27",
            "1 Chính trị tư tưởng; đạo đức, lối sống; ý thức tổ chức kỷ luật 20 18,5",
            "2 Năng lực chuyên môn, khả năng đáp ứng yêu cầu nhiệm vụ; tinh thần, thái độ, đổi mới sáng tạo 8 6,5",
            "3 Tự phê bình và phê bình; khắc phục hạn chế, khuyết điểm 2 2",
            "II Nhóm tiêu chí về kết quả thực hiện nhiệm vụ 70 63",
            "1 Kết quả thực hiện nhiệm vụ giảng dạy, nghiên cứu khoa học, phục vụ theo kế hoạch năm học 50 48",
            "2 Kết quả thực hiện nhiệm vụ phát sinh, đột xuất được giao 20 15",
            "Tổng điểm 100 90",
            "1. Nhóm tiêu chí chung: 27/30",
            "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 63/70",
            "Tổng điểm: 90/100",
            "II. Đề xuất xếp loại mức chất lượng",
            "■ Hoàn thành xuất sắc nhiệm vụ",
            "□ Hoàn thành tốt nhiệm vụ",
            "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ",
            "NGƯỜI TỰ KIỂM ĐIỂM",
            "Võ Thị Thu Trang",
            // the form's alternatives chosen by the data: the cell has a chi ủy, its upper
            // level is named
            "- Nhận xét, đánh giá của chi ủy:",
            "Hoàn thành xuất sắc nhiệm vụ giảng dạy",
            // the ballot: 7 "xuất sắc" of 11 voters
            "- Chi bộ đề xuất xếp loại mức chất lượng:",
            "Hoàn thành xuất sắc nhiệm vụ",
            "T/M CHI ỦY",
            "- Đảng ủy Trường Cao đẳng Kỹ thuật Thủ Đức xếp loại mức chất lượng:",
            "T/M ĐẢNG ỦY",
        ],
    );
    // 2B and 2C drop the posts of the 2019 identity block and its per-criterion boxes
    neither(
        &base,
        &[
            "Chức vụ Đảng",
            "Chức vụ chính quyền",
            "Tự đánh giá về cấp độ thực hiện",
            "VII.",
        ],
    );

    // a member who wrote nothing yet gets the form's guidance over lines to write on
    let blank = out.join("mau-02/do-minh-quang");
    both(
        &blank,
        &[
            "III. Kết quả khắc phục những hạn chế",
            "Kiểm điểm rõ từng hạn chế, khuyết điểm (đã được khắc phục; đang khắc phục, mức độ khắc phục; chưa được khắc phục); những khó khăn, vướng mắc (nếu có); trách nhiệm của cá nhân.",
            "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "Giải trình từng vấn đề được gợi ý kiểm điểm, nêu nguyên nhân, xác định trách nhiệm của cá nhân đối với từng vấn đề được gợi ý kiểm điểm.",
            // 17 + 7 + 1 = 25; 44 + 14 = 58; 83
            "Tổng điểm: 83/100",
        ],
    );
}

#[test]
fn leaders_write_2a_and_members_outside_the_system_2c() {
    let (_t, out) = build_kind("mau-02");
    let leader = out.join("mau-02/pham-quoc-viet");
    label(&leader, "Mẫu 2A-HD KĐ.ĐG 2025");
    both(
        &leader,
        &[
            "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
            "(Cá nhân giữ chức vụ lãnh đạo, quản lý)",
            "Họ và tên: Phạm Quốc Việt",
            "Chức vụ Đảng: Bí thư Chi bộ",
            "Chức vụ chính quyền: Trưởng khoa",
            "1. Về phẩm chất chính trị",
            "3. Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành;",
            "4. Trách nhiệm trong công việc; tinh thần năng động, đổi mới sáng tạo",
            "5. Trách nhiệm nêu gương của bản thân và gia đình;",
            "6. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu của cá nhân theo quy định.",
            "tại Phụ lục 3, Quy định 366-QĐ/TW",
            // 27 + 62 = 89, "tốt" (70 to < 90)
            "Tổng điểm: 89/100",
            "■ Hoàn thành tốt nhiệm vụ",
        ],
    );
    // a student (2C by the job the data gives), and a private firm's engineer (2C by default)
    for who in ["ly-nhat-minh", "cao-trung-hieu"] {
        let base = out.join(format!("mau-02/{who}"));
        label(&base, "Mẫu 2C-HD KĐ.ĐG 2025");
        both(
            &base,
            &[
                "(Đảng viên không làm việc trong hệ thống chính trị)",
                "2. Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ chính trị được cấp ủy, chi bộ phân công.",
                "đối với đảng viên không làm việc trong hệ thống chính trị được quy định tại Phụ lục 5, Quy định 366-QĐ/TW",
            ],
        );
        // 2C has no enclosure line in the reproduction the research read
        neither(&base, &["(Gửi kèm Phụ lục"]);
    }
}

#[test]
fn the_ballot_shows_each_members_own_score_and_level() {
    let (_t, out) = build_kind("phieu-danh-gia");
    let base = out.join("phieu-danh-gia");
    both(
        &base,
        &[
            "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
            "TT Họ và tên Chức vụ Điểm Tự nhận",
            "HTXSNV HTTNV HTNV KHTNV",
            // Vietnamese name order: Dũng, Hạnh, Hiếu, Khánh, Linh, Minh, Nga, Phương, Quang, Trang, Tuấn, Việt
            "1 Lê Văn Dũng Chi ủy viên 86 HTTNV",
            "2 Nguyễn Thị Hạnh Phó Bí thư 92 HTXSNV",
            "3 Cao Trung Hiếu Đảng viên 84 HTTNV",
            "4 Ngô Quốc Khánh Đảng viên 48 KHTNV",
            "5 Trần Thùy Linh Đảng viên 79 HTTNV",
            "6 Lý Nhật Minh Đảng viên 86 HTTNV",
            "7 Phan Thị Nga Đảng viên 80 HTTNV",
            "8 Bùi Thị Phương Đảng viên 81 HTTNV",
            "9 Đỗ Minh Quang Đảng viên 83 HTTNV",
            "10 Võ Thị Thu Trang Đảng viên 90 HTXSNV",
            "11 Hoàng Anh Tuấn Đảng viên 67 HTNV",
            "12 Phạm Quốc Việt Bí thư 89 HTTNV",
            "Đảng viên không đánh giá, xếp loại tại hội nghị",
            "1 Trương Bảo An Đảng viên Mới kết nạp ngày 10/09/2026, chưa đủ 6 tháng.",
            "2 Vũ Thị Hòa Đảng viên Miễn công tác và sinh hoạt đảng.",
            "3 Đặng Thanh Sơn Đảng viên Vắng mặt (công tác nước ngoài theo quyết định của Hiệu trưởng); đánh giá, xếp loại sau khi kiểm điểm bổ sung.",
            "4 Mai Văn Tâm Đảng viên Đình chỉ sinh hoạt đảng.",
            "Ghi chú: HTXSNV – hoàn thành xuất sắc nhiệm vụ;",
            "Điểm: điểm đảng viên tự chấm (tối đa 100).",
            // what the voters should know, under the table (no room for a notes column)
            "Lưu ý: Ngô Quốc Khánh (bị kỷ luật trong năm); Trần Thùy Linh (nghỉ thai sản); Bùi Thị Phương (dự bị); Hoàng Anh Tuấn (nghỉ ốm 4 tháng).",
        ],
    );
}

#[test]
fn the_minutes_count_the_meeting_and_give_every_score() {
    let (_t, out) = build_kind("bien-ban");
    both(
        &out.join("bien-ban"),
        &[
            "BIÊN BẢN",
            "-----",
            "Vào lúc 8 giờ, thứ Sáu, ngày 18/12/2026, tại Phòng họp Khoa Công nghệ thông tin",
            // 16 members: 14 official, 2 probationary (Phương, An)
            "- Tổng số đảng viên của chi bộ: 16 đ/c (chính thức: 14 đ/c; dự bị: 2 đ/c).",
            "- Miễn công tác và sinh hoạt đảng: 1 đ/c (đ/c Vũ Thị Hòa).",
            "- Đình chỉ sinh hoạt đảng: 1 đ/c (đ/c Mai Văn Tâm).",
            // 16 − 2 not active − 1 absent = 13 present; less the 2 probationary: 11 voters
            "- Có mặt: 13 đ/c (đảng viên chính thức có mặt, có quyền biểu quyết: 11 đ/c).",
            "- Vắng: 1 đ/c; trong đó có lý do: 1 đ/c (đ/c Đặng Thanh Sơn – công tác nước ngoài theo quyết định của Hiệu trưởng); không có lý do: 0 đ/c.",
            // the members rated before the cell (QĐ 366 Điều 12.2)
            "2. Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên",
            "Từng đảng viên trình bày bản kiểm điểm cá nhân (Mẫu 2A, Mẫu 2B, Mẫu 2C)",
            "Đồng chí Phạm Quốc Việt, Bí thư Chi bộ:",
            "- Tự chấm: 89/100 điểm (nhóm tiêu chí chung 27/30; nhóm tiêu chí về kết quả thực hiện nhiệm vụ 62/70).",
            "Đồng chí Nguyễn Thị Hạnh, Phó Bí thư Chi bộ:",
            "- Tự chấm: 92/100 điểm (nhóm tiêu chí chung 28/30; nhóm tiêu chí về kết quả thực hiện nhiệm vụ 64/70).",
            // 8 of 11: 72,73%; 3 of 11: 27,27%
            "Hoàn thành xuất sắc nhiệm vụ: 8 phiếu (72,73%); Hoàn thành tốt nhiệm vụ: 3 phiếu (27,27%)",
            "- Chi bộ đề xuất xếp loại: Hoàn thành xuất sắc nhiệm vụ.",
            "- Đồng chí Đặng Thanh Sơn vắng mặt",
            // present, not reviewed: named, with why
            "- Đồng chí Trương Bảo An, đảng viên dự bị, có mặt, không kiểm điểm, đánh giá, xếp loại: mới kết nạp ngày 10/09/2026, chưa đủ 6 tháng",
            // 2 "xuất sắc" of 9 "tốt" is above 20 %: the decision that allows 25 % is cited
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ (2 đ/c) bằng 22,22% số đảng viên hoàn thành tốt nhiệm vụ (9 đ/c), trong tỷ lệ 25% được cho theo Quyết định số 45-QĐ/ĐU",
            "3. Đánh giá, xếp loại chất lượng chi bộ",
            "Chi bộ tự chấm: 88/100 điểm (nhóm tiêu chí chung 27/30; nhóm tiêu chí về kết quả thực hiện nhiệm vụ 61/70).",
            "Chi bộ tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.",
            // 10 of 11: 90,91%; 1 of 11: 9,09%
            "Hoàn thành tốt nhiệm vụ: 10 phiếu (90,91%); Hoàn thành nhiệm vụ: 1 phiếu (9,09%)",
            "NGƯỜI GHI BIÊN BẢN",
            "CHỦ TRÌ HỘI NGHỊ",
        ],
    );
}

#[test]
fn the_report_gives_the_levels_and_every_members_score() {
    let (_t, out) = build_kind("bao-cao-ket-qua");
    both(
        &out.join("bao-cao-ket-qua"),
        &[
            "Kính gửi: Ban Tổ chức Đảng ủy Trường Cao đẳng Kỹ thuật Thủ Đức",
            "Chi bộ tự chấm: 88/100 điểm",
            "Chi bộ đề nghị cấp trên công nhận chi bộ đạt mức “Hoàn thành tốt nhiệm vụ”.",
            // 16 members, 3 not rated (An, Hòa, Tâm), 13 rated
            "Tổng số đảng viên của chi bộ: 16 đ/c; không đánh giá, xếp loại: 3 đ/c; được đánh giá, xếp loại: 13 đ/c.",
            // 2/13 = 15,38; 9/13 = 69,23; 1/13 = 7,69
            "1 Hoàn thành xuất sắc nhiệm vụ 2 15,38",
            "2 Hoàn thành tốt nhiệm vụ 9 69,23",
            "3 Hoàn thành nhiệm vụ 1 7,69",
            "4 Không hoàn thành nhiệm vụ 1 7,69",
            "Cộng (đảng viên được đánh giá, xếp loại) 13 100",
            // 11/13 = 84,62
            "Hoàn thành tốt nhiệm vụ trở lên: 11 đ/c, đạt 84,62% số đảng viên được xếp loại; trong đó hoàn thành xuất sắc nhiệm vụ: 2 đ/c, đạt 15,38%.",
            "bằng 22,22% số đảng viên hoàn thành tốt nhiệm vụ (9 đ/c), trong tỷ lệ 25% được cho theo Quyết định số 45-QĐ/ĐU",
            "Điểm tự chấm (nhóm tiêu chí chung tối đa 30, nhóm tiêu chí về kết quả thực hiện nhiệm vụ tối đa 70, tổng 100) và mức xếp loại của từng đảng viên:",
            "TT Họ và tên Mẫu Chung Nhiệm vụ Tổng Xếp loại",
            "1 Lê Văn Dũng 2B 26 60 86 HTTNV",
            "2 Nguyễn Thị Hạnh 2A 28 64 92 HTXSNV",
            "3 Cao Trung Hiếu 2C 25 59 84 HTTNV",
            "4 Ngô Quốc Khánh 2B 20 28 48 KHTNV",
            "10 Đặng Thanh Sơn 2B 25 57 82 HTTNV",
            "11 Võ Thị Thu Trang 2B 27 63 90 HTXSNV",
            "13 Phạm Quốc Việt 2A 27 62 89 HTTNV",
            "Đảng viên không đánh giá, xếp loại:",
            "- Đồng chí Trương Bảo An: mới kết nạp ngày 10/09/2026, chưa đủ 6 tháng.",
            "- Bản kiểm điểm, tự đánh giá, xếp loại cá nhân của 13 đảng viên (Mẫu 2A: 2; Mẫu 2B: 9; Mẫu 2C: 2);",
            "T/M CHI BỘ",
        ],
    );
}

#[test]
fn mau_04_lists_the_files_sent_upward() {
    let (_t, out) = build_kind("mau-04");
    let base = out.join("mau-04");
    label(&base, "Mẫu 04-HD KĐ.ĐG 2025");
    both(
        &base,
        &[
            "DANH MỤC",
            "hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm 2026",
            "Kèm theo Báo cáo số 12-BC/CB ngày 28/12/2026 của Chi bộ Khoa Công nghệ thông tin",
            "TT Tên tài liệu Số lượng",
            // the form's order: the collective's report, the minutes, (the prompts,) the results
            // with their scoring appendix; then the self-reviews and the residence notes
            "1 Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể (Mẫu 01) 01",
            "2 Biên bản hội nghị kiểm điểm 01",
            "3 Báo cáo kết quả đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2026 (kèm theo phụ lục chấm điểm với từng đối tượng theo các tiêu chí của Quy định số 366-QĐ/TW) 01",
            // 2 + 9 + 2 = 13 self-reviews; 8 members with a residence
            "4 Bản kiểm điểm, tự đánh giá, xếp loại cá nhân (Mẫu 2A: 2; Mẫu 2B: 9; Mẫu 2C: 2) 13",
            "5 Bản nhận xét của chi ủy nơi cư trú (Quy định 213-QĐ/TW) 08",
            "T/M CHI BỘ",
            "BÍ THƯ",
            "Phạm Quốc Việt",
        ],
    );
}

#[test]
fn the_plan_invitation_and_residence_request_of_2026() {
    let (_t, out) = build(&fixture_2025());
    both(
        &out.join("ke-hoach"),
        &[
            "KỸ THUẬT THỦ ĐỨC",
            "KẾ HOẠCH",
            "tổ chức kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2026",
            "-----",
            "- Căn cứ Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị",
            "1. Mục đích, yêu cầu",
            "3. Thời gian",
            // a one-day period; weekdays computed: 11/12/2026 and 18/12/2026 are Fridays
            "+ Gửi dự thảo báo cáo kiểm điểm tập thể chi bộ đến đảng viên (đ/c Hạnh, thứ Sáu 11/12/2026)",
            "+ Tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chi bộ, đảng viên (sáng thứ Sáu 18/12/2026)",
            "4. Phân công",
            "đạt kết quả tốt.",
            // the sign-off row by row: "Nơi nhận" beside the authority, the items beside the title
            "Nơi nhận:",
            "T/M CHI BỘ",
            "- Ban Tổ chức Đảng ủy Trường;",
            "BÍ THƯ",
            "- Lưu Chi bộ.",
            "Phạm Quốc Việt",
        ],
    );
    both(
        &out.join("giay-moi/le-hoang-phuc"),
        &[
            "GIẤY MỜI",
            "Đồng chí: Lê Hoàng Phúc",
            "T/M CHI BỘ",
            "Phạm Quốc Việt",
        ],
    );
    both(
        &out.join("phieu-213/ly-nhat-minh"),
        &[
            "PHIẾU XIN Ý KIẾN",
            "Lý Nhật Minh",
            "NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ",
        ],
    );
}

#[test]
fn the_draft_of_mau_01_goes_to_the_members_marked_as_hd_05_marks_a_draft() {
    let (_t, out) = build(&fixture_2025());
    let draft = out.join("mau-01-du-thao");
    both(
        &draft,
        &[
            // sent three working days before the meeting, dated the day it is sent (beside the
            // issuer's name); the mark under the blank number
            "TP. Hồ Chí Minh, ngày 11 tháng 12 năm 2026",
            "*",
            "Số",
            "Dự thảo",
            "BÁO CÁO",
            "kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể năm 2026",
            "A. NỘI DUNG KIỂM ĐIỂM",
        ],
    );
    neither(&out.join("mau-01"), &["Dự thảo"]);
    // 14 pt italic, not bold, in both outputs
    let xml = zip_part(&draft.with_extension("docx"), "word/document.xml");
    let at = xml.find(">Dự thảo<").unwrap();
    let run = &xml[xml[..at].rfind("<w:r>").unwrap()..at];
    assert!(run.contains("<w:i ") || run.contains("<w:i/>"), "{run}");
    assert!(!run.contains("<w:b "), "{run}");
    let runs = pdf_font_runs(&draft.with_extension("pdf"));
    let mark = runs.iter().find(|r| r.text.contains("Dự thảo")).unwrap();
    assert!(
        mark.font.contains("Italic") && !mark.font.contains("Bold"),
        "{}",
        mark.font
    );
    assert!(
        run.contains("w:val=\"28\"") || !run.contains("<w:sz "),
        "14 pt: {run}"
    );
}
