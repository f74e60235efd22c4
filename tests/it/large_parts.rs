//! A large document is laid out in parts (memory holds one part's pages at a time): the parts
//! put together must be the layout of the whole, line for line, and the PDF must read as one.

use hoso::render::pdf::{Placed, layout_lines, layout_lines_in_parts};

/// The synthetic cell of `n` members in 2026 (HD 05, pages printed on both sides, QĐ 366), or
/// with its dates moved to 2020 (HD 36, HD 21's forms).
fn cell(n: usize, year: i32) -> hoso::data::Dossier {
    let mut yaml = hoso::synthetic::cell(n, 2);
    if year != 2026 {
        yaml = crate::common::shift_dates(&yaml, year - 2026).replacen(
            "nam: 2026",
            &format!("nam: {year}"),
            1,
        );
    }
    hoso::data::load_bytes("lon.yaml", yaml.as_bytes()).expect("a valid cell")
}

/// The document at `path` of the cell.
fn document(d: &hoso::data::Dossier, path: &str) -> hoso::doc::Document {
    hoso::review::build_all(d)
        .into_iter()
        .find(|doc| doc.path == path)
        .unwrap_or_else(|| panic!("no {path}"))
}

/// The widths and the number of heading rows of a document's list of members (its table of
/// more than three rows).
fn members_table(doc: &hoso::doc::Document) -> (Vec<f64>, usize) {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            hoso::doc::Block::Table {
                widths,
                header,
                rows,
                ..
            } if rows.len() > 3 => Some((widths.clone(), header.len())),
            _ => None,
        })
        .expect("a list of members")
}

fn same_lines(what: &str, whole: &[Vec<Placed>], parts: &[Vec<Placed>]) {
    assert_eq!(whole.len(), parts.len(), "{what}: page count");
    for (p, (a, b)) in whole.iter().zip(parts).enumerate() {
        let texts = |l: &[Placed]| l.iter().map(|x| x.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(a), texts(b), "{what}: the words of page {}", p + 1);
        for (x, y) in a.iter().zip(b) {
            assert!(
                (x.x - y.x).abs() < 0.01 && (x.y - y.y).abs() < 0.01,
                "{what}, page {}: {:?} at ({:.2}, {:.2}) whole, ({:.2}, {:.2}) in parts",
                p + 1,
                x.text,
                x.x,
                x.y,
                y.x,
                y.y
            );
        }
    }
}

/// Every long document of a 320-member cell, laid out 150 paragraphs or rows at a time (a dozen
/// parts for the minutes), is the whole's layout: the same words on the same pages at the same
/// places, page numbers included, under both guides.
#[test]
fn a_document_laid_out_in_parts_is_the_document_laid_out_whole() {
    for year in [2026, 2020] {
        let d = cell(320, year);
        let mut seen = Vec::new();
        let mut all = Vec::new();
        for doc in hoso::review::build_all(&d) {
            all.push(format!("{} {}", doc.path, doc.weight()));
            if doc.weight() < 300 {
                continue;
            }
            seen.push(doc.path.clone());
            let what = format!("{} {year}", doc.path);
            let whole = layout_lines(&doc).unwrap();
            let parts = layout_lines_in_parts(&doc, 150).unwrap();
            assert!(whole.len() >= 4, "{what}: {} pages", whole.len());
            same_lines(&what, &whole, &parts);
        }
        // the minutes and the ballot; in 2026 also the report of results, which lists scores
        let long = if year == 2026 { 3 } else { 2 };
        assert!(seen.len() >= long, "{year}: {seen:?} of {all:?}");
    }
}

/// The PDF of a large document is written part by part and joined: it reads as the PDF of the
/// whole, page for page, with its fonts, page count and identifier, and is the same every time.
#[test]
fn a_pdf_joined_from_parts_reads_as_the_whole() {
    let minutes = document(&cell(320, 2026), "bien-ban");
    let whole = hoso::render::pdf::render_in_parts_of(&minutes, usize::MAX).unwrap();
    let joined = hoso::render::pdf::render_in_parts_of(&minutes, 150).unwrap();
    assert!(
        joined == hoso::render::pdf::render_in_parts_of(&minutes, 150).unwrap(),
        "two joined PDFs of the minutes differ"
    );
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("whole.pdf"), tmp.path().join("joined.pdf"));
    std::fs::write(&a, &whole).unwrap();
    std::fs::write(&b, &joined).unwrap();
    let (pa, pb) = (crate::common::pdf_pages(&a), crate::common::pdf_pages(&b));
    assert!(pa.len() >= 40, "{} pages", pa.len());
    assert_eq!(pa.len(), pb.len(), "page count");
    for (i, (x, y)) in pa.iter().zip(&pb).enumerate() {
        assert_eq!(
            crate::common::squeeze(x),
            crate::common::squeeze(y),
            "page {}",
            i + 1
        );
    }
    // every page's text in the embedded fonts, as in the whole
    let fonts = |p| {
        let mut f: Vec<String> = crate::common::pdf_font_runs(p)
            .into_iter()
            .map(|r| r.font)
            .collect();
        f.sort();
        f.dedup();
        f
    };
    assert_eq!(fonts(&a), fonts(&b));
    let pdf = lopdf::Document::load(&b).unwrap();
    let xmp = pdf
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(|m| m.as_reference())
        .and_then(|id| pdf.get_object(id))
        .and_then(|o| o.as_stream())
        .map(|s| String::from_utf8_lossy(&s.content).to_string())
        .expect("XMP metadata");
    assert!(
        xmp.contains(&format!("<xmpTPg:NPages>{}</xmpTPg:NPages>", pb.len())),
        "the metadata counts the pages: {xmp}"
    );
    // the document's permanent identifier (the first of the two) is the whole's
    let whole_pdf = lopdf::Document::load(&a).unwrap();
    let first_id = |p: &lopdf::Document| {
        p.trailer
            .get(b"ID")
            .and_then(|v| v.as_array())
            .map(|a| a[0].clone())
            .ok()
    };
    assert!(first_id(&pdf).is_some());
    assert_eq!(first_id(&pdf), first_id(&whole_pdf));
}

/// A large document's .docx is built part by part (docx-rs holds kilobytes per table cell until
/// it writes): the package is the one built whole, byte for byte, however the parts fall.
#[test]
fn a_docx_built_in_parts_is_the_docx_built_whole() {
    use hoso::render::Renderer;
    let r = hoso::render::docx::DocxRenderer::new();
    for year in [2026, 2020] {
        let d = cell(320, year);
        let mut seen = 0;
        for doc in hoso::review::build_all(&d) {
            if doc.weight() < 300 && doc.path != "ke-hoach" {
                continue;
            }
            seen += 1;
            let whole = r.render_whole(&doc).unwrap();
            for per_part in [1, 7, 100] {
                let parts = r.render_in_parts_of(&doc, per_part).unwrap();
                assert!(
                    parts == whole,
                    "{} {year}: the .docx built {per_part} at a time differs from the whole",
                    doc.path
                );
            }
            // the renderer itself builds a document this long in parts
            if doc.weight() > 600 {
                assert!(r.render(&doc).unwrap() == whole, "{} {year}", doc.path);
            }
        }
        assert!(seen >= 3, "{year}: {seen}");
    }
}

/// A list of hundreds or thousands numbers its rows with three or four digits: the number
/// column widens to hold them on one line (LibreOffice broke "115" into "11" and "5" at 7 mm),
/// and stays as it was for a list under a hundred.
#[test]
fn row_numbers_of_a_long_list_fit_their_column() {
    let tt = |n: usize| {
        let (widths, _) = members_table(&document(&cell(n, 2026), "phieu-danh-gia"));
        let sum: f64 = widths.iter().sum();
        (widths[0] * 165.0 / sum, widths[1] * 165.0 / sum)
    };
    let (small, _) = tt(40);
    let (three, name) = tt(150);
    assert!((small - 7.0).abs() < 0.01, "{small}");
    // three digits of 11 pt, two cell margins of 2 pt and two points of rules: 22.5 pt
    assert!(three >= 22.5 * 25.4 / 72.0 - 0.01, "{three}");
    assert!(name >= 30.0, "{name}");
}

/// A table's heading rows repeat at the top of each page in Word and LibreOffice, as they do in
/// the PDF (`w:tblHeader`), and no other row is marked so.
#[test]
fn a_long_tables_heading_rows_repeat_in_the_docx() {
    use hoso::render::Renderer;
    let ballot = document(&cell(200, 2026), "phieu-danh-gia");
    let (_, heads) = members_table(&ballot);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("phieu.docx");
    let bytes = hoso::render::docx::DocxRenderer::new()
        .render(&ballot)
        .unwrap();
    std::fs::write(&path, bytes).unwrap();
    let xml = crate::common::zip_part(&path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let table = doc
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .max_by_key(|t| t.children().filter(|r| r.has_tag_name("tr")).count())
        .unwrap();
    let marked: Vec<bool> = table
        .children()
        .filter(|r| r.has_tag_name("tr"))
        .map(|r| r.descendants().any(|n| n.has_tag_name("tblHeader")))
        .collect();
    assert!(marked.len() > 200);
    assert!(marked[..heads].iter().all(|m| *m), "heading rows: {heads}");
    assert!(marked[heads..].iter().all(|m| !m), "a body row is marked");
    assert!(!xml.contains("w:trHeight"), "the marker is left in");
}
