//! The QĐ 213 request: the residence committee's part has its heading centred and the
//! secretary's signature line asks for a name; a reference like "213-QĐ/TW" never breaks at its
//! hyphen, in either output.

use crate::common::*;
use hoso::doc::{Block, ParaKind, Run};
use hoso::render::pdf::{Placed, layout_lines};

const MM: f64 = 72.0 / 25.4;

fn request() -> hoso::doc::Document {
    let bytes = std::fs::read(fixture()).unwrap();
    let d = hoso::data::load_bytes("f.yaml", &bytes).unwrap();
    hoso::documents::phieu_213::build_all(&d).next().unwrap()
}

#[test]
fn the_committees_part_has_a_centred_heading_and_a_name_line() {
    let pages = layout_lines(&request()).unwrap();
    let p2 = &pages[1];
    let heading = p2
        .iter()
        .find(|l| l.text == "NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ")
        .expect("the heading on page 2");
    // HD 36 text area: 30 mm to 195 mm
    let centre = heading.x + heading.width / 2.0;
    assert!(
        (centre - 112.5 * MM).abs() < 2.0,
        "heading centred on the text: {centre}"
    );
    let title = p2.iter().find(|l| l.text == "BÍ THƯ").expect("BÍ THƯ");
    let note = p2
        .iter()
        .find(|l| l.text == "(Ký, ghi rõ họ tên)")
        .expect("the note under the title");
    assert!(
        note.y > title.y && (note.x + note.width / 2.0 - (title.x + title.width / 2.0)).abs() < 2.0
    );

    let (_t, out) = build(&fixture());
    let docx = out.join("phieu-213/bui-thi-thuy.docx");
    let xml = zip_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let p = doc
        .descendants()
        .find(|n| n.has_tag_name("p") && wml_text(*n) == "NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ")
        .expect("the heading's paragraph");
    // in the named style "Giữa dòng", which centres
    fn val<'a>(n: roxmltree::Node<'a, '_>) -> Option<&'a str> {
        n.attribute((
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "val",
        ))
    }
    assert!(
        p.descendants()
            .any(|n| n.has_tag_name("pStyle") && val(n) == Some("GiuaDong")),
        "the centred heading's style"
    );
    let styles = zip_part(&docx, "word/styles.xml");
    let sdoc = roxmltree::Document::parse(&styles).unwrap();
    let style = sdoc
        .descendants()
        .find(|n| {
            n.has_tag_name("style")
                && n.attribute((
                    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "styleId",
                )) == Some("GiuaDong")
        })
        .expect("the style");
    assert!(
        style
            .descendants()
            .any(|n| n.has_tag_name("jc") && val(n) == Some("center")),
        "centred in the .docx"
    );
    assert_in_order(
        "DOCX",
        &docx_text(&docx),
        &[
            "NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ",
            "T/M CHI ỦY",
            "BÍ THƯ",
            "(Ký, ghi rõ họ tên)",
        ],
    );
    // the reference's hyphen is Word's non-breaking one
    assert!(
        xml.contains("213</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">QĐ/TW"),
        "a non-breaking hyphen in 213-QĐ/TW"
    );
}

/// The lines of a page: the texts that share a baseline, left to right.
fn lines(page: &[Placed]) -> Vec<String> {
    let mut by_y: Vec<(f64, Vec<&Placed>)> = Vec::new();
    for p in page {
        match by_y.iter_mut().find(|(y, _)| (y - p.y).abs() < 0.5) {
            Some((_, v)) => v.push(p),
            None => by_y.push((p.y, vec![p])),
        }
    }
    by_y.into_iter()
        .map(|(_, mut v)| {
            v.sort_by(|a, b| a.x.total_cmp(&b.x));
            v.iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn a_reference_never_breaks_at_its_hyphen() {
    // The reference at every offset of a line, alone and in brackets: somewhere it straddles
    // the line's end
    let mut doc = request();
    doc.blocks = (0..40)
        .map(|k| Block::Paragraph {
            kind: ParaKind::Body,
            runs: vec![Run::plain(format!(
                "{}Thực hiện Quy định số 213-QĐ/TW ngày 02/01/2020 (Quy định 213-QĐ/TW).",
                "i".repeat(k)
            ))],
        })
        .collect();
    let pages = layout_lines(&doc).unwrap();
    let all: Vec<String> = pages.iter().flat_map(|p| lines(p)).collect();
    let whole = all.iter().filter(|l| l.contains("213-QĐ/TW")).count();
    let split: Vec<&String> = all
        .iter()
        .filter(|l| l.trim_end().ends_with("213-"))
        .collect();
    assert!(split.is_empty(), "broken after the hyphen: {split:?}");
    assert_eq!(whole, 80, "each reference whole on its line: {all:#?}");
}
