//! The HD 36-HD/VPTW numbers (sizes, spacing, proportions) that both renderers use.

use serde::Serialize;

/// Body text size.
pub const BODY_PT: f64 = 14.0;
/// "ĐẢNG CỘNG SẢN VIỆT NAM".
pub const PARTY_TITLE_PT: f64 = 15.0;
/// Header lines of the left column and the date line.
pub const HEADER_PT: f64 = 14.0;
/// Document type ("KẾ HOẠCH").
pub const DOC_TYPE_PT: f64 = 16.0;
/// Summary line under the document type.
pub const SUMMARY_PT: f64 = 14.0;
/// Recipient items under "Nơi nhận:".
pub const RECIPIENT_PT: f64 = 12.0;
/// Text in ruled tables.
pub const TABLE_PT: f64 = 13.0;
/// Text in wide tables of many narrow columns (the members' ballot).
pub const COMPACT_TABLE_PT: f64 = 11.0;
/// Inner margin of a table cell, each side.
pub const CELL_INSET_PT: f64 = 4.0;
/// Inner margin of a cell of a compact table.
pub const COMPACT_CELL_INSET_PT: f64 = 2.0;
/// Tables with at most this many body rows are kept on one page.
pub const SHORT_TABLE_ROWS: usize = 10;
/// Page numbers (from page 2, centred at the top).
pub const PAGE_NUMBER_PT: f64 = 14.0;
/// First-line indent of body paragraphs.
pub const FIRST_LINE_INDENT_MM: f64 = 10.0;
/// Space between body paragraphs (HD 36: at least 6 pt).
pub const PARA_SPACING_PT: f64 = 6.0;
/// Distance from one baseline to the next in the body ("exactly 18 pt").
pub const LINE_PITCH_PT: f64 = 18.0;
/// Share of the text width given to the header's left column: the right column must hold the
/// 14 pt date line ("TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020", 259 pt) on one line, wholly
/// right of the page's middle.
pub const HEADER_LEFT_SHARE: f64 = 0.435;
/// Length of the short rule under the summary line.
pub const SUMMARY_RULE_MM: f64 = 30.0;
/// Thickness of rules.
pub const RULE_PT: f64 = 0.6;
/// Room left to sign (and stamp), in body lines.
pub const SIGNATURE_ROOM_LINES: usize = 4;
/// Height of a line box in em before leading (the template sets text edges 0.8 em above and
/// 0.2 em below the baseline), so that leading = pitch − size.
pub const FONT_EXTENT_EM: f64 = 1.0;

/// The numbers above as the Typst template reads them.
#[derive(Clone, Debug, Serialize)]
pub struct TypstStyle {
    body_pt: f64,
    party_title_pt: f64,
    header_pt: f64,
    doc_type_pt: f64,
    summary_pt: f64,
    recipient_pt: f64,
    table_pt: f64,
    compact_table_pt: f64,
    short_table_rows: usize,
    cell_inset_pt: f64,
    compact_cell_inset_pt: f64,
    page_number_pt: f64,
    first_line_indent_mm: f64,
    leading_pt: f64,
    par_spacing_pt: f64,
    header_left_share: f64,
    summary_rule_mm: f64,
    rule_pt: f64,
    signature_room_pt: f64,
}

impl TypstStyle {
    /// The HD 36 style.
    pub fn hd36() -> Self {
        let leading = LINE_PITCH_PT - FONT_EXTENT_EM * BODY_PT;
        TypstStyle {
            body_pt: BODY_PT,
            party_title_pt: PARTY_TITLE_PT,
            header_pt: HEADER_PT,
            doc_type_pt: DOC_TYPE_PT,
            summary_pt: SUMMARY_PT,
            recipient_pt: RECIPIENT_PT,
            table_pt: TABLE_PT,
            compact_table_pt: COMPACT_TABLE_PT,
            short_table_rows: SHORT_TABLE_ROWS,
            cell_inset_pt: CELL_INSET_PT,
            compact_cell_inset_pt: COMPACT_CELL_INSET_PT,
            page_number_pt: PAGE_NUMBER_PT,
            first_line_indent_mm: FIRST_LINE_INDENT_MM,
            leading_pt: leading,
            par_spacing_pt: leading + PARA_SPACING_PT,
            header_left_share: HEADER_LEFT_SHARE,
            summary_rule_mm: SUMMARY_RULE_MM,
            rule_pt: RULE_PT,
            signature_room_pt: SIGNATURE_ROOM_LINES as f64 * LINE_PITCH_PT,
        }
    }
}
