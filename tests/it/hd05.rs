//! Hướng dẫn 05-HD/VPTW (27/05/2026) for documents dated from that day: the seed fixture with
//! every date moved to 2026 is laid out by HD 05, each of its differences read from both outputs
//! (the .docx XML; the PDF's fonts, text and Typst's positions); the 2020 fixture keeps HD 36.

use std::path::{Path, PathBuf};

use crate::common::*;
use hoso::render::pdf::{Placed, layout_lines};

const MM: f64 = 72.0 / 25.4;

/// Builds `data` into `dir/out`, only the documents of `kind`.
fn build_kind(dir: &Path, data: &Path, kind: &str) -> PathBuf {
    let out = dir.join("out");
    let o = hoso(
        dir,
        &[
            "build",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--only",
            kind,
        ],
    );
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    out
}

/// The runs of a .docx body: (text, bold, underlined, size in half-points).
fn docx_runs(path: &Path) -> Vec<(String, bool, bool, Option<u32>)> {
    let xml = zip_part(path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    // a run without a size of its own takes "Normal"'s (the default style's)
    let styles = zip_part(path, "word/styles.xml");
    let at = styles.find("w:styleId=\"Normal\"").unwrap();
    let normal = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
    let normal_size: Option<u32> = normal
        .split("<w:sz w:val=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .and_then(|v| v.parse().ok());
    doc.descendants()
        .filter(|n| n.has_tag_name("r"))
        .map(|r| {
            let props = r.children().find(|c| c.has_tag_name("rPr"));
            let has = |name: &str| {
                props.is_some_and(|p| {
                    p.children().any(|c| {
                        c.has_tag_name(name)
                            && c.attributes()
                                .find(|a| a.name() == "val")
                                .is_none_or(|a| a.value() != "false" && a.value() != "0")
                    })
                })
            };
            let size = props
                .and_then(|p| p.children().find(|c| c.has_tag_name("sz")))
                .and_then(|s| s.attributes().find(|a| a.name() == "val"))
                .and_then(|a| a.value().parse().ok())
                .or(normal_size);
            (wml_text(r), has("b"), has("u"), size)
        })
        .collect()
}

fn run_of<'a>(
    runs: &'a [(String, bool, bool, Option<u32>)],
    text: &str,
) -> &'a (String, bool, bool, Option<u32>) {
    runs.iter()
        .find(|r| r.0 == text)
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

fn the_plan(data: &Path) -> hoso::doc::Document {
    let bytes = std::fs::read(data).unwrap();
    let d = hoso::data::load_bytes("f.yaml", &bytes).unwrap();
    hoso::documents::ke_hoach::build(&d)
}

fn find<'a>(lines: &'a [Placed], text: &str) -> &'a Placed {
    lines
        .iter()
        .find(|l| l.text == text)
        .unwrap_or_else(|| panic!("no line {text:?}"))
}

#[test]
fn check_names_the_regulation_and_the_guide_on_its_first_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_2026(tmp.path());
    for (file, guide) in [
        (
            data,
            "Hướng dẫn 05-HD/VPTW (văn bản ghi ngày từ 27/05/2026)",
        ),
        (
            fixture(),
            "Hướng dẫn 36-HD/VPTW (văn bản ghi ngày trước 27/05/2026)",
        ),
    ] {
        let o = hoso(tmp.path(), &["check", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let stdout = String::from_utf8_lossy(&o.stdout);
        let first = stdout.lines().next().unwrap();
        assert!(
            first.starts_with(
                "Quy định: Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW (mẫu năm 2019) (theo năm 2020)."
            ),
            "{first}"
        );
        assert!(first.contains(&format!("Thể thức: {guide}.")), "{first}");
    }
}

#[test]
fn the_signers_title_is_upright_and_the_authority_and_name_bold() {
    let tmp = tempfile::tempdir().unwrap();
    let out = build_kind(tmp.path(), &fixture_2026(tmp.path()), "ke-hoach");
    let runs = docx_runs(&out.join("ke-hoach.docx"));
    assert!(!run_of(&runs, "BÍ THƯ").1, "BÍ THƯ not bold in the .docx");
    assert!(
        run_of(&runs, "T/M CHI BỘ").1,
        "T/M CHI BỘ bold in the .docx"
    );
    assert!(run_of(&runs, "Lê Thị Ly").1, "the name bold in the .docx");
    let fonts = pdf_font_runs(&out.join("ke-hoach.pdf"));
    let font = |t: &str| {
        fonts
            .iter()
            .find(|r| r.text.trim() == t)
            .unwrap_or_else(|| panic!("no PDF run {t:?}: {fonts:?}"))
            .font
            .clone()
    };
    assert_eq!(font("BÍ THƯ"), "LiberationSerif");
    assert_eq!(font("T/M CHI BỘ"), "LiberationSerif-Bold");
    assert_eq!(font("Lê Thị Ly"), "LiberationSerif-Bold");

    // HD 36 (the 2020 dates) keeps the title bold
    let tmp36 = tempfile::tempdir().unwrap();
    let out36 = build_kind(tmp36.path(), &fixture(), "ke-hoach");
    assert!(run_of(&docx_runs(&out36.join("ke-hoach.docx")), "BÍ THƯ").1);
    let fonts36 = pdf_font_runs(&out36.join("ke-hoach.pdf"));
    assert!(
        fonts36
            .iter()
            .any(|r| r.text.trim() == "BÍ THƯ" && r.font == "LiberationSerif-Bold")
    );
}

#[test]
fn five_hyphens_stand_under_the_summary_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_2026(tmp.path());
    let out = build_kind(tmp.path(), &data, "ke-hoach");
    let paras = docx_paragraphs(&out.join("ke-hoach.docx"));
    let summary = paras
        .iter()
        .position(|p| p.starts_with("tổ chức kiểm điểm, đánh giá, xếp loại chất lượng"))
        .expect("summary paragraph");
    assert_eq!(paras[summary + 1], "-----");
    assert_in_order(
        "PDF",
        &pdf_text(&out.join("ke-hoach.pdf")),
        &[
            "KẾ HOẠCH",
            "tổ chức kiểm điểm, đánh giá, xếp loại chất lượng",
            "-----",
            "Căn cứ Kế hoạch",
        ],
    );
    let pages = layout_lines(&the_plan(&data)).unwrap();
    let p1 = &pages[0];
    let hyphens = find(p1, "-----");
    let centre = (30.0 * MM + (210.0 - 15.0) * MM) / 2.0;
    assert!((hyphens.x + hyphens.width / 2.0 - centre).abs() < 1.0);
    assert!(hyphens.y > find(p1, "KẾ HOẠCH").y);
    // HD 36 draws a rule instead: no hyphens in its text
    assert!(!pdf_text(&build(&fixture()).1.join("ke-hoach.pdf")).contains("-----"));
}

#[test]
fn the_body_ends_with_a_full_stop_never_slash() {
    let tmp = tempfile::tempdir().unwrap();
    // the closing paragraph written without its full stop: HD 05 puts it back
    let src = std::fs::read_to_string(fixture_2026(tmp.path())).unwrap();
    let src = src.replacen("đạt kết quả tốt.", "đạt kết quả tốt", 1);
    assert!(
        src.contains("đạt kết quả tốt\n"),
        "the fixture's closing sentence"
    );
    let data = tmp.path().join("x.yaml");
    std::fs::write(&data, src).unwrap();
    let out = build_kind(tmp.path(), &data, "ke-hoach");
    let paras = docx_paragraphs(&out.join("ke-hoach.docx"));
    let last = paras
        .iter()
        .rfind(|p| p.contains("đạt kết quả tốt"))
        .unwrap();
    assert!(last.ends_with("đạt kết quả tốt."), "{last}");
    let pdf = pdf_text(&out.join("ke-hoach.pdf"));
    assert!(pdf.contains("đạt kết quả tốt. Nơi nhận"), "{pdf}");
    for text in [docx_text(&out.join("ke-hoach.docx")), pdf] {
        assert!(!text.contains("./."));
    }
}

#[test]
fn body_lines_are_exactly_18_pt_apart_paragraphs_6_pt_and_indented_10_mm() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_2026(tmp.path());
    let out = build_kind(tmp.path(), &data, "ke-hoach");
    let xml = zip_part(&out.join("ke-hoach.docx"), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body = doc
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .find(|p| wml_text(*p).starts_with("Căn cứ Kế hoạch"))
        .unwrap();
    // set on the paragraph, else by its named style
    let styles = zip_part(&out.join("ke-hoach.docx"), "word/styles.xml");
    let sdoc = roxmltree::Document::parse(&styles).unwrap();
    let style_id = body
        .descendants()
        .find(|n| n.has_tag_name("pStyle"))
        .and_then(|n| n.attributes().find(|a| a.name() == "val"))
        .map(|a| a.value().to_string())
        .unwrap_or_default();
    let style = sdoc
        .descendants()
        .find(|n| {
            n.has_tag_name("style")
                && n.attributes()
                    .any(|a| a.name() == "styleId" && a.value() == style_id)
        })
        .expect("the paragraph's style");
    let attr = |tag: &str, name: &str| {
        [body, style]
            .iter()
            .find_map(|scope| {
                scope
                    .descendants()
                    .find(|n| n.has_tag_name(tag))
                    .and_then(|n| n.attributes().find(|a| a.name() == name))
                    .map(|a| a.value().to_string())
            })
            .unwrap_or_default()
    };
    assert_eq!(attr("spacing", "line"), "360", "exactly 18 pt");
    assert_eq!(attr("spacing", "lineRule"), "exact");
    assert!(
        attr("spacing", "before").parse::<u32>().unwrap() >= 120,
        "≥ 6 pt"
    );
    assert_eq!(attr("ind", "firstLine"), "567", "10 mm");
    // the PDF: lines of one paragraph 18 pt apart, paragraphs 24 pt, the first line 10 mm in
    let pages = layout_lines(&the_plan(&data)).unwrap();
    let body: Vec<&Placed> = pages[1].iter().filter(|l| l.size == 14.0).collect();
    let gaps: Vec<f64> = body.windows(2).map(|w| w[1].y - w[0].y).collect();
    assert!(gaps.iter().any(|g| (g - 18.0).abs() < 0.01), "{gaps:?}");
    assert!(
        gaps.iter()
            .all(|g| (g - 18.0).abs() < 0.01 || *g >= 24.0 - 0.01),
        "{gaps:?}"
    );
    let first = pages[0]
        .iter()
        .find(|l| l.text.starts_with("Căn cứ Kế hoạch"))
        .unwrap();
    assert!((first.x - 40.0 * MM).abs() < 0.5, "{}", first.x / MM);
}

#[test]
fn page_numbers_stand_10_mm_from_the_top_edge_from_page_2() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_2026(tmp.path());
    let out = build_kind(tmp.path(), &data, "ke-hoach");
    let xml = zip_part(&out.join("ke-hoach.docx"), "word/document.xml");
    assert!(
        xml.contains("w:header=\"567\""),
        "header 10 mm from the edge"
    );
    assert!(
        xml.contains("<w:titlePg"),
        "page 1 has its own (empty) header"
    );
    let pages = layout_lines(&the_plan(&data)).unwrap();
    assert!(pages.len() >= 2);
    let top = |page: &[Placed]| {
        page.iter()
            .min_by(|a, b| a.y.total_cmp(&b.y))
            .unwrap()
            .clone()
    };
    let number = top(&pages[1]);
    assert_eq!(number.text, "2");
    // the number's top edge (0.8 em above its baseline) 10 mm from the page's top edge
    let edge = number.y - 0.8 * number.size;
    assert!((edge - 10.0 * MM).abs() < 0.5, "{} mm", edge / MM);
    let centre = (30.0 * MM + (210.0 - 15.0) * MM) / 2.0;
    assert!((number.x + number.width / 2.0 - centre).abs() < 1.0);
    assert!(!top(&pages[0]).text.chars().all(|c| c.is_ascii_digit()));
}

#[test]
fn noi_nhan_is_underlined_14_pt_its_items_12_pt_the_last_ending_with_a_full_stop() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_2026(tmp.path());
    let out = build_kind(tmp.path(), &data, "ke-hoach");
    let runs = docx_runs(&out.join("ke-hoach.docx"));
    let label = run_of(&runs, "Nơi nhận:");
    assert!(label.2 && label.3 == Some(28), "{label:?}");
    let items: Vec<&(String, bool, bool, Option<u32>)> = runs
        .iter()
        .filter(|r| r.0.starts_with("- ") && r.3 == Some(24))
        .collect();
    assert!(items.len() >= 2, "{items:?}");
    let last = items.last().unwrap();
    assert!(
        last.0.starts_with("- Lưu ") && last.0.ends_with('.'),
        "{last:?}"
    );
    let pages = layout_lines(&the_plan(&data)).unwrap();
    let all: Vec<&Placed> = pages.iter().flatten().collect();
    let noi = all.iter().find(|l| l.text == "Nơi nhận:").unwrap();
    assert_eq!(noi.size, 14.0);
    let lưu = all.iter().find(|l| l.text.starts_with("- Lưu ")).unwrap();
    assert_eq!(lưu.size, 12.0);
    assert!(lưu.text.ends_with('.'));
}

#[test]
fn the_minutes_are_signed_by_who_kept_them_on_the_left_and_the_chair_on_the_right() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_2026(tmp.path());
    let out = build_kind(tmp.path(), &data, "bien-ban");
    let xml = zip_part(&out.join("bien-ban.docx"), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let last_table = doc.descendants().rfind(|n| n.has_tag_name("tbl")).unwrap();
    let first_row = last_table
        .children()
        .find(|n| n.has_tag_name("tr"))
        .unwrap();
    let cells: Vec<String> = first_row
        .children()
        .filter(|n| n.has_tag_name("tc"))
        .map(wml_text)
        .collect();
    assert_eq!(cells, ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"]);
    let bytes = std::fs::read(&data).unwrap();
    let d = hoso::data::load_bytes("f.yaml", &bytes).unwrap();
    let minutes = hoso::documents::bien_ban::build_all(&d).next().unwrap();
    let pages = layout_lines(&minutes).unwrap();
    let last = pages.last().unwrap();
    let (left, right) = (
        find(last, "NGƯỜI GHI BIÊN BẢN"),
        find(last, "CHỦ TRÌ HỘI NGHỊ"),
    );
    assert!((left.y - right.y).abs() < 0.5, "level with each other");
    assert!(left.x + left.width < 105.0 * MM && right.x > 105.0 * MM);
    assert!(!pdf_text(&out.join("bien-ban.pdf")).contains("THƯ KÝ "));
    // HD 36: "THƯ KÝ" and "CHỦ TRÌ", as before
    let text36 = pdf_text(&build(&fixture()).1.join("bien-ban.pdf"));
    assert!(text36.contains("THƯ KÝ CHỦ TRÌ"), "{text36}");
}

#[test]
fn printed_on_both_sides_the_back_pages_swap_left_and_right_margins() {
    let tmp = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(fixture_2026(tmp.path())).unwrap();
    let src = src.replacen("chi_bo:\n", "chi_bo:\n  in_hai_mat: true\n", 1);
    let data = tmp.path().join("x.yaml");
    std::fs::write(&data, src).unwrap();
    let out = build_kind(tmp.path(), &data, "ke-hoach");
    let settings = zip_part(&out.join("ke-hoach.docx"), "word/settings.xml");
    assert!(settings.contains("<w:mirrorMargins/>"), "{settings}");
    let pages = layout_lines(&the_plan(&data)).unwrap();
    let min_x = |page: &[Placed]| page.iter().map(|l| l.x).fold(f64::MAX, f64::min);
    let max_x = |page: &[Placed]| page.iter().map(|l| l.x + l.width).fold(0.0, f64::max);
    assert!(
        (min_x(&pages[0]) - 30.0 * MM).abs() < 1.0,
        "front: left 30 mm"
    );
    assert!(
        (min_x(&pages[1]) - 15.0 * MM).abs() < 1.0,
        "back: left 15 mm"
    );
    assert!(
        max_x(&pages[1]) <= (210.0 - 30.0) * MM + 0.5,
        "back: right 30 mm"
    );
    let number = pages[1].iter().find(|l| l.text == "2").unwrap();
    let centre = (15.0 * MM + (210.0 - 30.0) * MM) / 2.0;
    assert!(
        (number.x + number.width / 2.0 - centre).abs() < 1.0,
        "centred on the text"
    );
}
