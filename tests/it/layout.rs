//! The HD 36 layout, asserted on positions: the PDF from Typst's own layout of the plan (the same
//! layout the PDF is written from), the .docx from its XML.

use crate::common::*;
use hoso::render::pdf::{Placed, layout_lines};

const MM: f64 = 72.0 / 25.4;
const PAGE_W: f64 = 210.0 * MM;

fn plan() -> hoso::doc::Document {
    let bytes = std::fs::read(fixture()).unwrap();
    let d = hoso::data::load_bytes("f.yaml", &bytes).unwrap();
    hoso::documents::ke_hoach::build(&d)
}

fn centre(p: &Placed) -> f64 {
    p.x + p.width / 2.0
}

fn find<'a>(lines: &'a [Placed], text: &str) -> &'a Placed {
    lines
        .iter()
        .find(|l| l.text.contains(text))
        .unwrap_or_else(|| {
            panic!(
                "no line with {text:?}: {:#?}",
                lines.iter().map(|l| &l.text).collect::<Vec<_>>()
            )
        })
}

#[test]
fn pdf_header_title_margins_and_page_numbers_follow_hd36() {
    let pages = layout_lines(&plan()).unwrap();
    assert!(pages.len() >= 2, "the plan runs over more than one page");
    let p1 = &pages[0];
    let (left, right) = (30.0 * MM, PAGE_W - 15.0 * MM);
    let text_centre = (left + right) / 2.0;

    // Right column: party title, 15 pt bold, at the top margin; the date line centred under it.
    let party = find(p1, "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert!(
        party.x > PAGE_W / 2.0 - 15.0,
        "party title in the right column: x={}",
        party.x
    );
    assert!((party.size - 15.0).abs() < 0.01 && party.bold);
    let top_of_caps = party.y - 0.891 * party.size;
    assert!(
        (top_of_caps - 20.0 * MM).abs() < 4.0,
        "party title at the top margin: {top_of_caps}"
    );
    let date = find(p1, "ngày 14 tháng 12 năm 2020");
    assert_eq!(date.text, "TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020");
    assert!(date.italic && (date.size - 14.0).abs() < 0.01);
    assert!(date.y > party.y && (centre(date) - centre(party)).abs() < 2.0);

    // Left column: superior body, bold cell name, "*", number, on one axis.
    let superior = find(p1, "ĐẢNG BỘ QUẬN 9");
    let issuer = find(p1, "CHI BỘ THPT");
    // Too long for its column, the cell's name breaks into two lines of near-equal width.
    assert_eq!(issuer.text, "CHI BỘ THPT");
    let issuer_2 = find(p1, "NGUYỄN VĂN TĂNG");
    assert!(issuer_2.bold && (centre(issuer_2) - centre(issuer)).abs() < 1.0);
    let star = p1.iter().find(|l| l.text == "*").expect("a '*' line");
    let number = find(p1, "-KH/CBNVT");
    assert!(!superior.bold && issuer.bold);
    assert!(
        (superior.y - party.y).abs() < 3.0,
        "left header level with the party title"
    );
    for l in [issuer, star, number] {
        assert!(
            (centre(l) - centre(superior)).abs() < 3.0,
            "{:?} off the left axis",
            l.text
        );
        assert!(
            l.x + l.width < PAGE_W / 2.0,
            "{:?} leaves the left column",
            l.text
        );
    }
    assert!(superior.y < issuer.y && issuer.y < star.y && star.y < number.y);
    // every line of the left column as far from the next: the header's pitch, the height of
    // the party title's line with its rule (not 19 pt beside the title and 16 pt below)
    let pitch = hoso::guide::HD36.header_pitch_pt;
    for pair in [superior, issuer, issuer_2, star, number].windows(2) {
        assert!(
            (pair[1].y - pair[0].y - pitch).abs() < 0.1,
            "{:?} → {:?}: {} pt, not {pitch}",
            pair[0].text,
            pair[1].text,
            pair[1].y - pair[0].y
        );
    }
    assert!(number.text.starts_with("Số ") && !number.text.contains(':'));

    // Title: centred on the text area, below the header.
    let title = p1
        .iter()
        .find(|l| l.text == "KẾ HOẠCH")
        .expect("title line");
    assert!(title.bold && (title.size - 16.0).abs() < 0.01);
    assert!(
        (centre(title) - text_centre).abs() < 1.0,
        "title centred: {}",
        centre(title)
    );
    assert!(title.y > number.y && title.y > date.y);

    // Body: inside the margins, and justified lines reach the right margin.
    let body: Vec<&Placed> = pages
        .iter()
        .flatten()
        .filter(|l| l.y > title.y || l.size == 14.0)
        .collect();
    let min_x = body.iter().map(|l| l.x).fold(f64::MAX, f64::min);
    let max_x = body.iter().map(|l| l.x + l.width).fold(0.0, f64::max);
    assert!((min_x - left).abs() < 1.0, "left margin: {min_x} vs {left}");
    assert!(
        max_x <= right + 0.5 && right - max_x < 2.0,
        "right margin: {max_x} vs {right}"
    );
    let indented = find(p1, "Căn cứ Kế hoạch");
    assert!(
        (indented.x - (left + 10.0 * MM)).abs() < 0.5,
        "first-line indent 10 mm"
    );

    // Page numbers: none on page 1, "2" centred at the top of page 2.
    assert!(
        p1.iter()
            .all(|l| !(l.y < 20.0 * MM && l.text.trim().parse::<u32>().is_ok()))
    );
    let top2 = &pages[1][0];
    assert_eq!(top2.text, "2");
    assert!((centre(top2) - text_centre).abs() < 1.0 && top2.y < 20.0 * MM);

    // Sign-off: "Nơi nhận:" bottom left, level with "T/M CHI BỘ" bottom right.
    let last = pages.last().unwrap();
    let recv = find(last, "Nơi nhận:");
    let tm = find(last, "T/M CHI BỘ");
    let name = find(last, "Lê Thị Ly");
    assert!((recv.y - tm.y).abs() < 1.0 && recv.x < PAGE_W / 2.0 && tm.x > PAGE_W / 2.0);
    assert!(
        name.y > tm.y + 4.0 * 14.0 && name.bold,
        "room to sign above the name"
    );
    let lưu = find(last, "- Lưu Chi bộ.");
    assert!((lưu.size - 12.0).abs() < 0.01);
}

#[test]
fn docx_page_setup_header_and_fonts_follow_hd36() {
    let (_t, out) = build(&fixture());
    let path = out.join("ke-hoach.docx");
    let xml = zip_part(&path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let w = |n: roxmltree::Node, a: &str| {
        n.attributes()
            .find(|x| x.name() == a)
            .map(|x| x.value().to_string())
            .unwrap_or_default()
    };
    let sect = doc
        .descendants()
        .rfind(|n| n.has_tag_name("sectPr"))
        .unwrap();
    let pg = sect.children().find(|n| n.has_tag_name("pgSz")).unwrap();
    assert_eq!(
        (w(pg, "w").as_str(), w(pg, "h").as_str()),
        ("11906", "16838")
    );
    let mar = sect.children().find(|n| n.has_tag_name("pgMar")).unwrap();
    assert_eq!(
        ["top", "bottom", "left", "right"].map(|a| w(mar, a)),
        ["1134", "1134", "1701", "850"].map(String::from)
    );
    assert!(
        sect.children().any(|n| n.has_tag_name("titlePg")),
        "no number on page 1"
    );

    // The header is the body's first element: a two-column table without borders.
    let body = doc.descendants().find(|n| n.has_tag_name("body")).unwrap();
    let first = body.children().find(|n| n.is_element()).unwrap();
    assert!(first.has_tag_name("tbl"));
    let cells: Vec<_> = first
        .descendants()
        .filter(|n| n.has_tag_name("tc"))
        .collect();
    let cell_text = |c: roxmltree::Node| -> String { wml_text(c) };
    // Row by row: superior | party title; issuer | place and date; "*" | –; number | –.
    let texts: Vec<String> = cells.iter().map(|c| cell_text(*c)).collect();
    assert_eq!(texts.len(), 8, "{texts:?}");
    assert_eq!(
        texts[..5],
        [
            "ĐẢNG BỘ QUẬN 9",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "CHI BỘ THPT NGUYỄN VĂN TĂNG",
            "TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020",
            "*"
        ]
    );
    assert!(texts[5].is_empty() && texts[7].is_empty());
    assert!(texts[6].starts_with("Số ") && texts[6].ends_with("-KH/CBNVT"));
    // The name in one piece (Word's search finds it), no break written in: its paragraph is
    // narrowed so that Word wraps it where the PDF does ("CHI BỘ THPT" / "NGUYỄN VĂN TĂNG").
    let issuer_run = cells[2]
        .descendants()
        .find(|n| n.has_tag_name("r"))
        .unwrap();
    let parts: Vec<&str> = issuer_run
        .children()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|t| t.text())
        .collect();
    assert_eq!(parts, ["CHI BỘ THPT NGUYỄN VĂN TĂNG"]);
    // every paragraph of the left column "exactly" the header's pitch, as in the PDF
    let pitch = (hoso::guide::HD36.header_pitch_pt * 20.0)
        .round()
        .to_string();
    for c in [0, 2, 4, 6] {
        let spacing = cells[c]
            .descendants()
            .find(|n| n.has_tag_name("spacing"))
            .unwrap_or_else(|| panic!("no spacing in {:?}", texts[c]));
        assert_eq!(
            (w(spacing, "line"), w(spacing, "lineRule")),
            (pitch.clone(), "exact".to_string()),
            "{:?}",
            texts[c]
        );
    }
    assert!(!issuer_run.children().any(|n| n.has_tag_name("br")));
    let ind = cells[2]
        .descendants()
        .find(|n| n.has_tag_name("ind"))
        .expect("the name's paragraph narrowed");
    let (l, r): (i32, i32) = (
        w(ind, "left").parse().unwrap(),
        w(ind, "right").parse().unwrap(),
    );
    assert!(l == r && l > 0, "narrowed on both sides: {l} {r}");
    for b in first.descendants().filter(|n| {
        n.tag_name().namespace().is_some()
            && n.parent().is_some_and(|p| p.has_tag_name("tblBorders"))
    }) {
        assert!(
            ["nil", "none"].contains(&w(b, "val").as_str()),
            "visible header border"
        );
    }
    // Party title: 15 pt bold with a bottom rule; date: italic.
    let party_p = cells[1].children().find(|n| n.has_tag_name("p")).unwrap();
    let ppr = party_p.children().find(|n| n.has_tag_name("pPr")).unwrap();
    assert!(
        ppr.descendants()
            .any(|n| n.has_tag_name("bottom") && w(n, "val") == "single")
    );
    let rpr = party_p
        .descendants()
        .find(|n| n.has_tag_name("rPr") && n.parent().unwrap().has_tag_name("r"))
        .unwrap();
    assert!(rpr.children().any(|n| n.has_tag_name("b")));
    assert!(
        rpr.children()
            .any(|n| n.has_tag_name("sz") && w(n, "val") == "30")
    );
    let date_p = cells[3].children().find(|n| n.has_tag_name("p")).unwrap();
    assert!(date_p.descendants().any(|n| n.has_tag_name("i")));

    // Body paragraphs in the named style "Văn bản": justified, a 10 mm first-line indent, the
    // guide's line pitch; a clerk restyles them all at once in Word.
    let can_cu = doc
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .find(|p| {
            p.descendants()
                .any(|t| t.has_tag_name("t") && t.text().unwrap_or("").starts_with("Căn cứ"))
        })
        .unwrap();
    assert!(
        can_cu
            .descendants()
            .any(|n| n.has_tag_name("pStyle") && w(n, "val") == "VanBan")
    );
    let styles = zip_part(&path, "word/styles.xml");
    let sdoc = roxmltree::Document::parse(&styles).unwrap();
    let style = |id: &str| {
        sdoc.descendants()
            .find(|n| n.has_tag_name("style") && w(*n, "styleId") == id)
            .unwrap_or_else(|| panic!("style {id}"))
    };
    let van_ban = style("VanBan");
    let has = |s: roxmltree::Node, tag: &str, attr: &str, val: &str| {
        s.descendants()
            .any(|n| n.has_tag_name(tag) && w(n, attr) == val)
    };
    assert!(has(van_ban, "name", "val", "Văn bản"));
    assert!(has(style("Dong"), "name", "val", "Dòng"));
    assert!(has(van_ban, "jc", "val", "both"));
    assert!(has(van_ban, "ind", "firstLine", "567"));
    assert!(has(van_ban, "spacing", "line", "360") && has(van_ban, "spacing", "lineRule", "exact"));
    // the headings are Word's built-in ones (the navigation pane shows the outline), with a
    // Vietnamese alias; "Normal" is the default style, with widow control
    assert!(has(style("Heading1"), "aliases", "val", "Đề mục 1"));
    assert!(has(style("Heading1"), "outlineLvl", "val", "0"));
    assert!(
        has(style("Heading1"), "keepNext", "val", "true")
            || style("Heading1")
                .descendants()
                .any(|n| n.has_tag_name("keepNext"))
    );
    let normal: Vec<roxmltree::Node> = sdoc
        .descendants()
        .filter(|n| n.has_tag_name("style") && w(*n, "styleId") == "Normal")
        .collect();
    assert_eq!(normal.len(), 1, "one Normal style");
    assert_eq!(w(normal[0], "default"), "1");
    assert!(
        normal[0]
            .descendants()
            .any(|n| n.has_tag_name("widowControl"))
    );
    for (id, name) in [
        ("Heading1", "heading 1"),
        ("GachDau", "Gạch đầu dòng"),
        ("TieuDe", "Tiêu đề"),
        ("ChuKy", "Chữ ký"),
    ] {
        assert!(has(style(id), "name", "val", name), "{id}");
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("pStyle") && w(n, "val") == id),
            "a paragraph in {id}"
        );
    }

    // Times New Roman named; page number field in the header of pages 2 on.
    assert!(styles.contains("Times New Roman"));
    let rels = zip_part(&path, "word/_rels/document.xml.rels");
    let header_part = rels
        .split("Target=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .filter(|t| t.starts_with("header"))
        .map(|t| zip_part(&path, &format!("word/{t}")))
        .collect::<Vec<_>>();
    assert!(
        header_part.iter().any(|h| h.contains("PAGE")),
        "a PAGE field in a header"
    );
}

#[test]
fn recipients_are_evenly_spaced_beside_the_signature_in_both_outputs() {
    let pages = layout_lines(&plan()).unwrap();
    let last = pages.last().unwrap();
    let items: Vec<&Placed> = [
        "Nơi nhận:",
        "- Ban Tổ chức Quận ủy Quận 9;",
        "- Các đảng viên trong chi bộ;",
        "- Lưu Chi bộ.",
    ]
    .iter()
    .map(|t| find(last, t))
    .collect();
    // every row one pitch (1.15 × 14 pt) below the one before, the first item's (beside
    // "BÍ THƯ") too, whatever the size of its text (a 12 pt line sits 0.43 pt lower in its row)
    let pitch = 1.15 * 14.0;
    let title = find(last, "BÍ THƯ");
    assert!(
        (title.y - items[0].y - pitch).abs() < 0.1,
        "title one row down"
    );
    assert!(
        (items[2].y - items[0].y - 2.0 * pitch).abs() < 0.6,
        "the second item two rows down: {} {}",
        items[0].y,
        items[2].y
    );
    assert!(
        (items[3].y - items[2].y - pitch).abs() < 0.1,
        "the third item one row down"
    );

    // .docx: every line of the sign-off's rows set exactly as tall (16.1 pt), so that no row
    // is taller than another; read row by row as seen
    let (_tmp, out) = build(&fixture());
    let xml = zip_part(&out.join("ke-hoach.docx"), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let table = doc
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .find(|t| wml_text(*t).contains("Nơi nhận:"))
        .expect("the sign-off's table");
    let w = |n: roxmltree::Node, a: &str| {
        n.attribute((
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            a,
        ))
        .unwrap_or("")
        .to_string()
    };
    let rows: Vec<_> = table.children().filter(|n| n.has_tag_name("tr")).collect();
    let at = rows
        .iter()
        .position(|r| wml_text(*r).starts_with("Nơi nhận:"))
        .unwrap();
    for row in &rows[at..at + 4] {
        for s in row.descendants().filter(|n| n.has_tag_name("spacing")) {
            assert_eq!(
                (w(s, "line").as_str(), w(s, "lineRule").as_str()),
                ("322", "exact"),
                "{}",
                wml_text(*row)
            );
        }
    }
    assert_eq!(
        wml_text(rows[at + 1]),
        "- Ban Tổ chức Quận ủy Quận 9;BÍ THƯ"
    );
}
