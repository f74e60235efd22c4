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

/// The parts every .docx shares (styles, settings, headers…) are put right and compressed once
/// per process and copied after that: a document's bytes must not depend on what was built
/// before it. The build renders the fixture's documents in their order on several threads; here
/// they are rendered in the reverse order, in this process, after other tests' documents.
#[test]
fn a_docx_does_not_depend_on_the_documents_built_before_it() {
    use hoso::render::Renderer;
    let (_t, out) = build(&fixture());
    let bytes = std::fs::read(fixture()).unwrap();
    let d = hoso::data::load_bytes("f.yaml", &bytes).unwrap();
    let docx = hoso::render::docx::DocxRenderer::new();
    let docs = hoso::review::build_all(&d);
    assert!(docs.len() > 20, "{} documents", docs.len());
    for doc in docs.iter().rev() {
        let here = docx.render(doc).unwrap();
        let built = std::fs::read(out.join(format!("{}.docx", doc.path))).unwrap();
        assert!(here == built, "{}.docx differs from the build's", doc.path);
        // a package has no folder entries (Word writes none)
        let zip = zip::ZipArchive::new(std::io::Cursor::new(&here)).unwrap();
        let folders: Vec<&str> = zip.file_names().filter(|n| n.ends_with('/')).collect();
        assert!(folders.is_empty(), "{}: {folders:?}", doc.path);
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
