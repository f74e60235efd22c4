//! Two members whose names differ only by the place of a tone mark ("Thuỷ", "Thủy") are told
//! apart by their year of birth wherever they are listed, and in their files' names.

use crate::common::*;

#[test]
fn names_that_read_alike_carry_the_year_of_birth() {
    // "Lê Thị Thu" (1976) becomes "Bùi Thị Thuỷ", beside "Bùi Thị Thủy" (1988)
    let (_t, out) = build_edited("    ho_ten: Lê Thị Thu\n", "    ho_ten: Bùi Thị Thuỷ\n");
    for file in [
        "mau-02/bui-thi-thuy-1976.docx",
        "mau-02/bui-thi-thuy-1988.pdf",
        "phieu-213/bui-thi-thuy-1988.pdf",
    ] {
        assert!(out.join(file).exists(), "{file}");
    }
    assert!(!out.join("mau-02/bui-thi-thuy.pdf").exists());
    for doc in ["mau-03-dang-vien", "bien-ban", "bao-cao-ket-qua"] {
        let pdf = pdf_text(&out.join(format!("{doc}.pdf")));
        let docx = docx_text(&out.join(format!("{doc}.docx")));
        for text in [&pdf, &docx] {
            assert!(text.contains("Bùi Thị Thuỷ (sinh 1976)"), "{doc}: {text}");
            // the report lists by name only those not "Hoàn thành tốt"
            assert!(
                doc == "bao-cao-ket-qua" || text.contains("Bùi Thị Thủy (sinh 1988)"),
                "{doc}: {text}"
            );
        }
    }
    // the member's own form and its signature keep the name as written
    let own = docx_text(&out.join("mau-02/bui-thi-thuy-1988.docx"));
    assert!(own.contains("Họ và tên: Bùi Thị Thủy") && !own.contains("(sinh 1988)"));
}

#[test]
fn the_reading_key_ignores_the_tone_marks_place_and_case() {
    use hoso::vn::text::reading_key;
    assert_eq!(
        reading_key("Nguyễn Thị Thuỷ"),
        reading_key("NGUYỄN THỊ THỦY")
    );
    assert_eq!(reading_key("Hoà"), reading_key("Hòa"));
    assert_ne!(reading_key("Thủy"), reading_key("Thùy"));
    assert_ne!(reading_key("Thư"), reading_key("Thu"));
}
