//! Tables: borderless two-column rows (header, sign-off) and the ruled tables of the body.

use super::*;

pub(super) fn borderless_cell(width: i32, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    cell
}

/// A borderless two-column table, one row per pair of paragraphs (`None`: an empty cell), so
/// that the text reads in the same order as it is seen, row by row. Its rows stay on one page.
/// The right cell of row `bottom`, if any, sits at the bottom of its row.
pub(super) fn two_column_rows(
    widths: [i32; 2],
    rows: Vec<[Option<Paragraph>; 2]>,
    bottom: Option<usize>,
) -> Table {
    let rows = rows
        .into_iter()
        .map(|[l, r]| {
            let p = |p: Option<Paragraph>| {
                vec![p.unwrap_or_else(|| Paragraph::new().line_spacing(tight()))]
            };
            [p(l), p(r)]
        })
        .collect();
    two_column_table_at(widths, rows, bottom)
}

/// A table without borders of columns `widths` wide, flush with the text, with no inner cell
/// margins: the columns' whole width is for text, as in the PDF.
pub(super) fn borderless_table(rows: Vec<TableRow>, widths: &[i32]) -> Table {
    Table::without_borders(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .width(widths.iter().sum::<i32>() as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(
            TableCellMargins::new()
                .margin_left(0, WidthType::Dxa)
                .margin_right(0, WidthType::Dxa),
        )
}

pub(super) fn two_column_table_at(
    widths: [i32; 2],
    rows: Vec<[Vec<Paragraph>; 2]>,
    bottom: Option<usize>,
) -> Table {
    let last = rows.len().saturating_sub(1);
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, [l, r])| {
            let cell = |w: i32, ps: Vec<Paragraph>| {
                let n = ps.len();
                let ps = ps
                    .into_iter()
                    .enumerate()
                    .map(|(k, p)| p.keep_next(i < last || k + 1 < n))
                    .collect();
                borderless_cell(w, ps)
            };
            let mut right = cell(widths[1], r);
            if bottom == Some(i) {
                right = right.vertical_align(docx_rs::VAlignType::Bottom);
            }
            TableRow::new(vec![cell(widths[0], l), right]).cant_split()
        })
        .collect();
    borderless_table(rows, &widths)
}

/// A ruled table: `widths` relative, merged cells as `gridSpan` and `vMerge`.
pub(super) fn ruled_table(
    widths: &[f64],
    header: &[Vec<Cell>],
    rows: &[Vec<Cell>],
    compact: bool,
    short: bool,
    g: &Geometry,
) -> Table {
    let (size, inset, pad) = if compact {
        (
            g.st.compact_table_pt,
            g.st.compact_cell_inset_pt,
            g.st.compact_cell_pad_pt,
        )
    } else {
        (g.st.table_pt, g.st.cell_inset_pt, g.st.cell_inset_pt)
    };
    // LibreOffice ignores a table's top and bottom cell margins: the room above and below the
    // text is the paragraph's, its lines exactly as far apart as the PDF's (size + leading), so
    // that rows are as tall in every renderer; the rule between rows adds its width to a row in
    // Word and LibreOffice, and takes it from the room around the text in the PDF
    let leading = g.st.leading_pt() / 2.0;
    let cell_lines = || {
        let room = pt_twips(pad - leading / 2.0 - g.st.rule_pt / 2.0).max(0) as u32;
        LineSpacing::new()
            .before(room)
            .after(room)
            .line(pt_twips(size + leading))
            .line_rule(LineSpacingType::Exact)
    };
    let total: f64 = widths.iter().sum();
    let cols: Vec<i32> = widths
        .iter()
        .map(|w| (g.text_width as f64 * w / total).round() as i32)
        .collect();
    // Columns still covered by a cell from a row above, with how many rows it still covers.
    let mut pending: Vec<(usize, usize, usize)> = Vec::new(); // (column, colspan, rows left)
    let mut out_rows = Vec::new();
    let all = header.len() + rows.len();
    for (index, row) in header.iter().chain(rows).enumerate() {
        // a short table is kept on one page: every row kept with the next
        let keep = short && index + 1 < all;
        let mut cells = Vec::new();
        let mut col = 0;
        let mut source = row.iter();
        while col < cols.len() {
            if let Some(i) = pending.iter().position(|(c, _, _)| *c == col) {
                let (_, span, _) = pending[i];
                let width: i32 = cols[col..col + span].iter().sum();
                let mut cell = TableCell::new()
                    .width(width as usize, WidthType::Dxa)
                    .vertical_merge(docx_rs::VMergeType::Continue)
                    .add_paragraph(Paragraph::new().line_spacing(cell_lines()).keep_next(keep));
                if span > 1 {
                    cell = cell.grid_span(span);
                }
                cells.push(cell);
                pending[i].2 -= 1;
                if pending[i].2 == 0 {
                    pending.remove(i);
                }
                col += span;
                continue;
            }
            let Some(c) = source.next() else { break };
            let span = c.colspan.max(1).min(cols.len() - col);
            let width: i32 = cols[col..col + span].iter().sum();
            let mut p = Paragraph::new().line_spacing(cell_lines()).keep_next(keep);
            if c.centred {
                p = p.align(AlignmentType::Center);
            }
            for run_ in &c.runs {
                p = p.add_run(run(run_, size, g));
            }
            let mut cell = TableCell::new()
                .width(width as usize, WidthType::Dxa)
                .vertical_align(match c.valign {
                    VAlign::Top => docx_rs::VAlignType::Top,
                    VAlign::Middle => docx_rs::VAlignType::Center,
                    VAlign::Bottom => docx_rs::VAlignType::Bottom,
                })
                .add_paragraph(p);
            if span > 1 {
                cell = cell.grid_span(span);
            }
            if c.rowspan > 1 {
                cell = cell.vertical_merge(docx_rs::VMergeType::Restart);
                pending.push((col, span, c.rowspan - 1));
            }
            cells.push(cell);
            col += span;
        }
        let row = TableRow::new(cells).cant_split();
        // a heading row repeats at the top of each page, as in the PDF: docx-rs cannot write
        // `w:tblHeader`, so the row is marked with a zero automatic height (no other row has a
        // height), which `docx_fix` turns into it
        out_rows.push(if index < header.len() {
            row.row_height(0.0).height_rule(docx_rs::HeightRule::Auto)
        } else {
            row
        });
    }
    let border = |p| {
        TableBorder::new(p)
            .size((g.st.rule_pt * 8.0).round() as usize)
            .color("000000")
    };
    // the same inner margins as the PDF's cells, so that both wrap the same words
    let m = pt_twips(inset) as usize;
    Table::new(out_rows)
        .set_grid(cols.iter().map(|w| *w as usize).collect())
        .width(g.text_width as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(0)
        .margins(
            TableCellMargins::new()
                .margin_left(m, WidthType::Dxa)
                .margin_right(m, WidthType::Dxa)
                .margin_top(0, WidthType::Dxa)
                .margin_bottom(0, WidthType::Dxa),
        )
        .set_borders(
            TableBorders::with_empty()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
}
