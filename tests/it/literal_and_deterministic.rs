//! Text that looks like Typst markup or XML comes out literally; two builds are byte-identical.

use crate::common::*;

const TRICKY: &str =
    "Nội dung có #set text(red) và *x* và $a$ và ] và @ref và <l> và A & B < C cuối.";

#[test]
fn typst_syntax_and_xml_specials_come_out_literally() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let bad = src
        .replacen(
            "  muc_dich_yeu_cau:\n",
            &format!("  muc_dich_yeu_cau:\n    - '{TRICKY}'\n"),
            1,
        )
        .replacen("ho_ten: Lê Thị Ly", "ho_ten: 'Lê Thị #Ly]'", 1)
        .replacen(
            "ten: Chi bộ THPT Nguyễn Văn Tăng",
            "ten: 'Chi bộ <A> & $B$'",
            1,
        );
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d.yaml");
    std::fs::write(&data, bad).unwrap();
    let (_t, out) = build(&data);
    let pdf = pdf_text(&out.join("ke-hoach.pdf"));
    let docx = docx_text(&out.join("ke-hoach.docx"));
    for (what, text) in [("PDF", &pdf), ("DOCX", &docx)] {
        assert!(
            text.contains(&format!("- {TRICKY}")),
            "{what} lost the tricky line:\n{text}"
        );
        assert!(
            text.contains("Lê Thị #Ly]"),
            "{what} lost the signer's name"
        );
        assert!(
            text.contains("CHI BỘ <A> & $B$"),
            "{what} lost the cell name"
        );
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, out_a) = build(&fixture());
    let (_b, out_b) = build(&fixture());
    for name in ["ke-hoach.docx", "ke-hoach.pdf"] {
        let a = std::fs::read(out_a.join(name)).unwrap();
        let b = std::fs::read(out_b.join(name)).unwrap();
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn a_number_is_written_with_two_digits_in_hd36_form() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d.yaml");
    std::fs::write(
        &data,
        src.replacen("  so:            # để trống", "  so: 5 #", 1),
    )
    .unwrap();
    let (_t, out) = build(&data);
    for text in [
        pdf_text(&out.join("ke-hoach.pdf")),
        docx_text(&out.join("ke-hoach.docx")),
    ] {
        assert!(text.contains("Số 05-KH/CBNVT"), "{text}");
    }
}

#[test]
fn every_docx_declares_vietnamese() {
    let (_t, out) = build(&fixture());
    for d in [
        "ke-hoach.docx",
        "mau-01.docx",
        "bien-ban.docx",
        "giay-moi/tran-van-binh.docx",
    ] {
        let styles = zip_part(&out.join(d), "word/styles.xml");
        let defaults = styles
            .split("<w:rPrDefault>")
            .nth(1)
            .and_then(|s| s.split("</w:rPrDefault>").next())
            .unwrap_or_default();
        assert!(
            defaults.contains("<w:lang w:val=\"vi-VN\""),
            "{d}: {defaults}"
        );
    }
}
