//! Mẫu 03 (the cell's analysis sheet): the criteria table with merged heading cells, each
//! criterion's level ticked in its column, in both outputs.

use crate::common::*;
use hoso::render::pdf::layout_lines;

fn sheet(levels: &str) -> hoso::doc::Document {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let src = src.replacen("  cap_do: [tot, tot, tot, tot, tot, tot, tot]", levels, 1);
    let d = hoso::data::load_bytes("f.yaml", src.as_bytes()).unwrap();
    hoso::documents::mau_03::build_all(&d).next().unwrap()
}

#[test]
fn the_sheet_lists_every_criterion_in_order_in_both_outputs() {
    let (_t, out) = build(&fixture());
    let expected = [
        "PHIẾU PHÂN TÍCH CHẤT LƯỢNG",
        "và đánh giá, xếp loại tổ chức đảng năm 2020",
        "- Chủ thể tham gia đánh giá, xếp loại: Chi ủy Chi bộ THPT Nguyễn Văn Tăng",
        "- Đánh giá, xếp loại tổ chức đảng: Chi bộ THPT Nguyễn Văn Tăng",
        "CẤP ĐỘ THỰC HIỆN",
        "Về xây dựng Đảng, xây dựng hệ thống chính trị",
        "Công tác chính trị tư tưởng",
        "Công tác tổ chức, cán bộ và xây dựng đảng bộ, chi bộ",
        "Công tác kiểm tra, giám sát và kỷ luật đảng",
        "Về thực hiện nhiệm vụ được giao",
        "Kết quả khắc phục những hạn chế, yếu kém đã được chỉ ra",
        "Nhận xét chung:",
        "Chi bộ lãnh đạo nhà trường hoàn thành tốt nhiệm vụ năm học 2019 - 2020",
        "Đề nghị xếp loại mức chất lượng:",
        "■ Hoàn thành tốt nhiệm vụ",
        // signed for the cell as its report is: authority, title, name
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Lê Thị Ly",
    ];
    let pdf = pdf_text(&out.join("mau-03-chi-bo.pdf"));
    let docx = docx_text(&out.join("mau-03-chi-bo.docx"));
    assert_in_order("PDF", &pdf, &expected);
    assert_in_order("DOCX", &docx, &expected);
    assert!(!pdf.contains("ĐẠI DIỆN LÃNH ĐẠO") && !docx.contains("ĐẠI DIỆN LÃNH ĐẠO"));
    // Seven rated rows, seven ticks.
    assert_eq!(
        docx.split_whitespace().filter(|w| *w == "X").count(),
        7,
        "{docx}"
    );
    // Merged heading cells: "CẤP ĐỘ THỰC HIỆN" spans four columns, TT two rows.
    let xml = zip_part(&out.join("mau-03-chi-bo.docx"), "word/document.xml");
    assert!(xml.contains("<w:gridSpan w:val=\"4\"/>"), "no gridSpan");
    assert!(
        xml.contains("<w:vMerge w:val=\"restart\"/>")
            && xml.contains("<w:vMerge w:val=\"continue\"/>")
    );
}

#[test]
fn each_tick_sits_under_its_level() {
    let pages = layout_lines(&sheet(
        "  cap_do: [xuat_sac, tot, trung_binh, kem, tot, tot, tot]",
    ))
    .unwrap();
    let p1 = &pages[0];
    let col = |name: &str| {
        let l = p1
            .iter()
            .find(|l| l.text == name)
            .unwrap_or_else(|| panic!("no column {name}"));
        l.x + l.width / 2.0
    };
    let (xs, tot, tb, kem) = (col("Xuất"), col("Tốt"), col("Trung"), col("Kém"));
    let ticks: Vec<f64> = p1
        .iter()
        .filter(|l| l.text == "X")
        .map(|l| l.x + l.width / 2.0)
        .collect();
    assert_eq!(ticks.len(), 7);
    let expected = [xs, tot, tb, kem, tot, tot, tot];
    for (got, want) in ticks.iter().zip(expected) {
        assert!((got - want).abs() < 2.0, "tick at {got}, column at {want}");
    }
}

#[test]
fn each_tick_sits_in_the_middle_of_its_row() {
    let pages = layout_lines(&sheet("  cap_do: [tot, tot, tot, tot, tot, tot, tot]")).unwrap();
    let p1 = &pages[0];
    // a criterion of three lines: its tick level with the middle of them
    let first = p1
        .iter()
        .find(|l| l.text.starts_with("Việc cụ thể hóa"))
        .expect("the criterion's first line");
    let last = p1
        .iter()
        .find(|l| l.text.ends_with("giao") && l.y > first.y + 20.0)
        .expect("the criterion's last line");
    let tick = p1
        .iter()
        .find(|l| l.text == "X" && l.y > first.y - 1.0 && l.y < last.y + 1.0)
        .expect("a tick beside the criterion");
    let middle = (first.y + last.y) / 2.0;
    assert!(
        (tick.y - middle).abs() < 2.0,
        "tick at {}, the row's middle at {middle}",
        tick.y
    );
    // in the .docx, the mark's cell is centred in its height
    let (_t, out) = build(&fixture());
    let xml = zip_part(&out.join("mau-03-chi-bo.docx"), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let marks: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tc") && wml_text(*n) == "X")
        .collect();
    assert_eq!(marks.len(), 7);
    for m in marks {
        let v = m
            .descendants()
            .find(|n| n.has_tag_name("vAlign"))
            .and_then(|n| {
                n.attribute((
                    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "val",
                ))
            });
        assert_eq!(v, Some("center"));
    }
}
