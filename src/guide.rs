//! The layout guide of Party documents as a value: Hướng dẫn 36-HD/VPTW (2018) for documents
//! dated before 27/05/2026, Hướng dẫn 05-HD/VPTW from that day. Both renderers read the sizes and
//! rules from here; the builders read the few words a guide decides (the minutes' signers).

use chrono::NaiveDate;
use serde::Serialize;

/// What separates the summary line from the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Separator {
    /// A short solid rule (HD 36 practice).
    Rule,
    /// Five hyphens "-----" (HD 05 §5.2.1).
    Hyphens,
}

/// A layout guide: every figure and rule both renderers follow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Guide {
    /// Key in the data file (`the_thuc`): "hd36", "hd05".
    pub id: &'static str,
    /// Its name as the clerk reads it.
    pub name: &'static str,
    /// Body text size.
    pub body_pt: f64,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    pub party_title_pt: f64,
    /// Header lines of the left column and the date line.
    pub header_pt: f64,
    /// Document type ("KẾ HOẠCH").
    pub doc_type_pt: f64,
    /// Summary line under the document type.
    pub summary_pt: f64,
    /// Recipient items under "Nơi nhận:" (and the form's corner label).
    pub recipient_pt: f64,
    /// Text in ruled tables.
    pub table_pt: f64,
    /// Text in wide tables of many narrow columns (the members' ballot).
    pub compact_table_pt: f64,
    /// Inner margin of a table cell, each side.
    pub cell_inset_pt: f64,
    /// Inner margin of a cell of a compact table, left and right.
    pub compact_cell_inset_pt: f64,
    /// Inner margin of a cell of a compact table, above and below: a one-line row of the ballot
    /// is 7 mm tall, room to tick by hand (11 pt + 2 × 4,5 pt).
    pub compact_cell_pad_pt: f64,
    /// Tables with at most this many body rows are kept on one page.
    pub short_table_rows: usize,
    /// Page numbers (from page 2, centred at the top).
    pub page_number_pt: f64,
    /// Distance from the top edge of the page to the top of the page number, when the guide
    /// fixes it (HD 05: 10 mm); `None`: centred in the top margin.
    pub page_number_top_mm: Option<f64>,
    /// First-line indent of body paragraphs.
    pub first_line_indent_mm: f64,
    /// Space between body paragraphs (at least 6 pt).
    pub para_spacing_pt: f64,
    /// Distance from one baseline to the next in the body ("exactly 18 pt").
    pub line_pitch_pt: f64,
    /// Distance from one baseline to the next in the header's columns: the height of the party
    /// title's line with its rule (15 pt and a rule under it, 19 pt in LibreOffice as in the PDF),
    /// so that every line of the header is as far from the next as the first is.
    pub header_pitch_pt: f64,
    /// Share of the text width given to the header's left column: the right column must hold the
    /// 14 pt date line ("TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020", 259 pt) on one line, wholly
    /// right of the page's middle.
    pub header_left_share: f64,
    /// What separates the summary from the body.
    pub separator: Separator,
    /// Length of the short rule under the summary line, when it is a rule.
    pub summary_rule_mm: f64,
    /// Thickness of rules.
    pub rule_pt: f64,
    /// Room left to sign (and stamp), in body lines.
    pub signature_room_lines: usize,
    /// The signer's title ("BÍ THƯ") in bold (HD 36 practice) or upright (HD 05 §7.1.2).
    pub signer_title_bold: bool,
    /// The body of a prose document ends with a full stop (HD 05 §6.2.2: ".", never "./.").
    pub body_ends_with_full_stop: bool,
    /// The minutes' signers: left (who kept them), right (who chaired).
    pub minutes_signers: [&'static str; 2],
}

/// Height of a line of a signature block or of "Nơi nhận", in em of its own size: Word's single
/// spacing for Times New Roman, set "exactly" in the .docx so both outputs are as tall.
pub const SIGN_LINE_EM: f64 = 1.15;
/// The font's descent (Times New Roman, Liberation Serif), which LibreOffice sets under the
/// baseline of such a line, the rest of the line above it.
pub const SIGN_DESCENT_EM: f64 = 0.216;

/// Height of a line box in em before leading (the Typst template sets text edges 0.8 em above
/// and 0.2 em below the baseline), so that leading = pitch − size.
pub const FONT_EXTENT_EM: f64 = 1.0;

/// Hướng dẫn 36-HD/VPTW (03/4/2018).
pub static HD36: Guide = HD36_VALUE;

/// Hướng dẫn 05-HD/VPTW (27/5/2026): the same sizes as HD 36 (regime-2026 §1.4), and the
/// differences it states as fixed values (§1.2).
pub static HD05: Guide = Guide {
    id: "hd05",
    name: "Hướng dẫn 05-HD/VPTW",
    page_number_top_mm: Some(10.0),
    separator: Separator::Hyphens,
    signer_title_bold: false,
    body_ends_with_full_stop: true,
    minutes_signers: ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"],
    ..HD36_VALUE
};

// A `static` cannot be the base of another static's update syntax: HD 36 is a `const` first.
const HD36_VALUE: Guide = Guide {
    id: "hd36",
    name: "Hướng dẫn 36-HD/VPTW",
    body_pt: 14.0,
    party_title_pt: 15.0,
    header_pt: 14.0,
    doc_type_pt: 16.0,
    summary_pt: 14.0,
    recipient_pt: 12.0,
    table_pt: 13.0,
    compact_table_pt: 11.0,
    cell_inset_pt: 4.0,
    compact_cell_inset_pt: 2.0,
    compact_cell_pad_pt: 4.5,
    short_table_rows: 10,
    page_number_pt: 14.0,
    page_number_top_mm: None,
    first_line_indent_mm: 10.0,
    para_spacing_pt: 6.0,
    line_pitch_pt: 18.0,
    header_pitch_pt: 19.0,
    header_left_share: 0.435,
    separator: Separator::Rule,
    summary_rule_mm: 30.0,
    rule_pt: 0.6,
    signature_room_lines: 4,
    signer_title_bold: true,
    body_ends_with_full_stop: false,
    minutes_signers: ["THƯ KÝ", "CHỦ TRÌ"],
};

/// Every guide hoso knows, oldest first.
pub static ALL: [&Guide; 2] = [&HD36, &HD05];

/// The day HD 05-HD/VPTW was signed and took effect, replacing HD 36.
pub fn hd05_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 27).expect("a real day")
}

/// The guide in force for a document dated `date`.
pub fn for_date(date: NaiveDate) -> &'static Guide {
    if date >= hd05_from() { &HD05 } else { &HD36 }
}

/// The guide with this key ("hd36", "hd05").
pub fn by_id(id: &str) -> Option<&'static Guide> {
    ALL.iter().copied().find(|g| g.id == id)
}

impl Guide {
    /// Room left to sign, in points.
    pub fn signature_room_pt(&self) -> f64 {
        self.signature_room_lines as f64 * self.line_pitch_pt
    }
    /// Leading between the lines of a paragraph, so that baselines are `line_pitch_pt` apart.
    pub fn leading_pt(&self) -> f64 {
        self.line_pitch_pt - FONT_EXTENT_EM * self.body_pt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hd05_governs_from_the_day_it_was_signed() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(for_date(day(2026, 5, 26)).id, "hd36");
        assert_eq!(for_date(day(2026, 5, 27)).id, "hd05");
        assert_eq!(for_date(day(2020, 12, 14)).id, "hd36");
        assert_eq!(by_id("hd05").unwrap().name, "Hướng dẫn 05-HD/VPTW");
        // HD 05 keeps HD 36's sizes (regime-2026 §1.4): only the rules it states differ.
        assert_eq!(HD05.body_pt, HD36.body_pt);
        assert_eq!(HD05.line_pitch_pt, 18.0);
    }
}
