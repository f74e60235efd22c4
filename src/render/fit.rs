//! Text widths from the embedded fonts' metrics, and where a name too long for its column
//! breaks: computed once in Rust, so that the .docx and the PDF break it at the same word.

/// Width of `text` at `size_pt`, in points.
pub fn text_width(text: &str, size_pt: f64, bold: bool) -> f64 {
    let face = crate::fonts::face(bold);
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .unwrap_or(0) as u32
        })
        .sum();
    f64::from(units) / f64::from(face.units_per_em()) * size_pt
}

/// `text` (an upper-case name) as the lines of a centred header column `width_pt` wide: one
/// line when it fits; else the fewest lines (two, then three) that each fit, broken only between
/// words (never inside "CAO ĐẲNG" or a proper name when another break fits; a non-breaking space
/// in the data joins what it stands between), and of the most even widths ("CHI BỘ THPT" /
/// "NGUYỄN VĂN TĂNG").
pub fn balanced(text: &str, width_pt: f64, size_pt: f64, bold: bool) -> Vec<String> {
    use crate::vn::words::{Break, breaks};
    if text_width(text, size_pt, bold) <= width_pt {
        return vec![text.to_string()];
    }
    let (syl, quality) = breaks(text);
    if syl.len() < 2 {
        return vec![text.to_string()];
    }
    let w = |a: usize, b: usize| text_width(&syl[a..b].join(" "), size_pt, bold);
    // a little room for the renderers' own rounding
    let fits = |a: usize, b: usize| w(a, b) <= width_pt - 0.25;
    let n = syl.len();
    // (worst break, lines, widest line) of each way to cut, the best first
    let class = |b: Break| match b {
        Break::Good | Break::Fair => 0,
        Break::Poor => 1,
        Break::Never => 2,
    };
    let mut best: Option<((u8, usize, f64), Vec<usize>)> = None;
    let mut consider = |cuts: Vec<usize>| {
        let mut bounds = vec![0];
        bounds.extend(&cuts);
        bounds.push(n);
        let all_fit = bounds.windows(2).all(|p| fits(p[0], p[1]));
        let worst = cuts.iter().map(|&c| class(quality[c])).max().unwrap_or(0);
        let widest = bounds.windows(2).map(|p| w(p[0], p[1])).fold(0.0, f64::max);
        // lines that do not fit come after every way that fits
        let key = (if all_fit { worst } else { 3 + worst }, cuts.len(), widest);
        if best.as_ref().is_none_or(|(k, _)| {
            (key.0, key.1) < (k.0, k.1) || (key.0, key.1) == (k.0, k.1) && key.2 < k.2
        }) {
            best = Some((key, cuts));
        }
    };
    for a in 1..n {
        consider(vec![a]);
        for b in a + 1..n {
            consider(vec![a, b]);
        }
    }
    let cuts = best.map(|(_, c)| c).unwrap_or_default();
    let mut bounds = vec![0];
    bounds.extend(&cuts);
    bounds.push(n);
    bounds
        .windows(2)
        .map(|p| syl[p[0]..p[1]].join(" "))
        .collect()
}

/// The lines of the header's left column: the superior body's, then the issuing body's (in
/// bold), each balanced to the column's width, as both renderers lay them out row by row.
pub fn header_lines(doc: &crate::doc::Document) -> (Vec<String>, Vec<String>) {
    let g = doc.guide;
    let text_mm = 210.0 - doc.margins.left - doc.margins.right;
    let column = g.header_left_share * text_mm / 25.4 * 72.0;
    (
        balanced(&doc.header.superior, column, g.header_pt, false),
        balanced(&doc.header.issuer, column, g.header_pt, true),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header's left column: 0,435 × 165 mm ≈ 203 pt.
    fn col() -> f64 {
        0.435 * 165.0 / 25.4 * 72.0
    }

    #[test]
    fn a_long_name_breaks_into_balanced_lines_between_words() {
        assert_eq!(
            balanced("CHI BỘ THPT NGUYỄN VĂN TĂNG", col(), 14.0, true),
            ["CHI BỘ THPT", "NGUYỄN VĂN TĂNG"]
        );
        assert_eq!(
            balanced("ĐẢNG BỘ QUẬN 9", col(), 14.0, false),
            ["ĐẢNG BỘ QUẬN 9"]
        );
        assert!(text_width("ĐẢNG CỘNG SẢN VIỆT NAM", 15.0, true) > 150.0);
    }

    #[test]
    fn real_long_unit_names_never_break_inside_a_word() {
        let cases: [(&str, bool, &[&str]); 4] = [
            (
                "ĐẢNG BỘ TRƯỜNG CAO ĐẲNG KỸ THUẬT THỦ ĐỨC",
                false,
                &["ĐẢNG BỘ TRƯỜNG CAO ĐẲNG", "KỸ THUẬT THỦ ĐỨC"],
            ),
            (
                "CHI BỘ KHOA CÔNG NGHỆ THÔNG TIN",
                true,
                &["CHI BỘ KHOA", "CÔNG NGHỆ THÔNG TIN"],
            ),
            (
                "ĐẢNG BỘ CÔNG TY CỔ PHẦN CẤP NƯỚC THỪA THIÊN HUẾ",
                false,
                &["ĐẢNG BỘ CÔNG TY CỔ PHẦN", "CẤP NƯỚC THỪA THIÊN HUẾ"],
            ),
            (
                "ĐẢNG BỘ CÔNG TY CỔ PHẦN CẤP NƯỚC THỪA THIÊN HUẾ",
                true,
                &["ĐẢNG BỘ CÔNG TY CỔ PHẦN", "CẤP NƯỚC THỪA THIÊN HUẾ"],
            ),
        ];
        for (name, bold, want) in cases {
            let lines = balanced(name, col(), 14.0, bold);
            assert_eq!(lines, want, "{name}");
            for l in &lines {
                assert!(text_width(l, 14.0, bold) <= col(), "{l} fits");
            }
        }
        // the data may join words the list does not know
        assert_eq!(
            balanced(
                "CHI BỘ KHOA CÔNG\u{a0}TÁC XÃ HỘI MIỀN NÚI",
                col(),
                14.0,
                true
            )
            .iter()
            .filter(|l| l.ends_with("CÔNG") || l.starts_with("\u{a0}"))
            .count(),
            0
        );
    }
}
