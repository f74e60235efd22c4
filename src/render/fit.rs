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

/// `text` as the lines of a centred header column `width_pt` wide: one line when it fits, else
/// two of near-equal width ("CHI BỘ THPT" / "NGUYỄN VĂN TĂNG") rather than broken where the
/// column ends.
pub fn balanced(text: &str, width_pt: f64, size_pt: f64, bold: bool) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').collect();
    if text_width(text, size_pt, bold) <= width_pt || words.len() < 2 {
        return vec![text.to_string()];
    }
    let w = |ws: &[&str]| text_width(&ws.join(" "), size_pt, bold);
    let best = (1..words.len())
        .min_by(|&a, &b| {
            let wa = w(&words[..a]).max(w(&words[a..]));
            let wb = w(&words[..b]).max(w(&words[b..]));
            wa.total_cmp(&wb)
        })
        .unwrap_or(1);
    vec![words[..best].join(" "), words[best..].join(" ")]
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

    #[test]
    fn a_long_name_breaks_into_two_balanced_lines() {
        // the header's left column: 0,435 × 165 mm ≈ 203 pt
        let col = 0.435 * 165.0 / 25.4 * 72.0;
        assert_eq!(
            balanced("CHI BỘ THPT NGUYỄN VĂN TĂNG", col, 14.0, true),
            ["CHI BỘ THPT", "NGUYỄN VĂN TĂNG"]
        );
        assert_eq!(
            balanced("ĐẢNG BỘ QUẬN 9", col, 14.0, false),
            ["ĐẢNG BỘ QUẬN 9"]
        );
        assert_eq!(
            balanced("ĐẢNG BỘ TRƯỜNG CAO ĐẲNG KỸ THUẬT THỦ ĐỨC", col, 14.0, false).len(),
            2
        );
        assert!(text_width("ĐẢNG CỘNG SẢN VIỆT NAM", 15.0, true) > 150.0);
    }
}
