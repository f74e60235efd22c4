//! The district summary as a workbook (`tong-hop.xlsx`), for the upper level that reads it in
//! Excel: one sheet per review year (and regulation), a header frozen above real numbers,
//! shares as numbers shown as percentages, totals as formulas; a sheet of the cells whose data
//! has errors.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use crate::data::Rating;
use crate::data::district::{FailedCell, Group};

/// The columns before the levels, with their widths (characters).
const FIRST: [(&str, f64); 8] = [
    ("TT", 5.0),
    ("Đơn vị cấp trên", 30.0),
    ("Chi bộ", 36.0),
    ("Quy định", 10.0),
    ("Tổng số đảng viên", 11.0),
    ("Được kiểm điểm", 11.0),
    ("Được xếp loại", 11.0),
    ("Chưa có kết quả", 11.0),
];

/// An Excel column name: 0 → "A", 27 → "AB".
fn column(mut i: u16) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

/// A sheet's name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(g: &Group) -> String {
    let name = format!("Năm {} ({})", g.year, g.regulation);
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    clean
}

fn header(ws: &mut Worksheet, bold: &Format) -> Result<u16, XlsxError> {
    let mut col = 0u16;
    for (title, width) in FIRST {
        ws.write_with_format(0, col, title, bold)?;
        ws.set_column_width(col, width)?;
        col += 1;
    }
    for l in Rating::ALL {
        ws.write_with_format(0, col, format!("{} (số lượng)", l.short()), bold)?;
        ws.set_column_width(col, 12.0)?;
        ws.write_with_format(0, col + 1, format!("{} (tỷ lệ)", l.short()), bold)?;
        ws.set_column_width(col + 1, 12.0)?;
        col += 2;
    }
    ws.write_with_format(0, col, "Chi bộ xếp loại", bold)?;
    ws.set_column_width(col, 16.0)?;
    ws.set_row_height(0, 45)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(col + 1)
}

fn group_sheet(wb: &mut Workbook, g: &Group) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let number = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("[$-42A]#,##0");
    let percent = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("[$-42A]0.00%");
    let total_text = text.clone().set_bold();
    let total_number = number.clone().set_bold();
    let total_percent = percent.clone().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(g))?;
    header(ws, &bold)?;
    let rated_col = 6u16;
    let first_row = 1u32;
    for (i, r) in g.rows.iter().enumerate() {
        let row = first_row + i as u32;
        ws.write_with_format(row, 0, (i + 1) as u32, &number)?;
        ws.write_with_format(row, 1, &r.upper, &text)?;
        ws.write_with_format(row, 2, &r.cell, &text)?;
        ws.write_with_format(row, 3, &r.regulation, &text)?;
        ws.write_with_format(row, 4, r.members, &number)?;
        ws.write_with_format(row, 5, r.reviewed, &number)?;
        ws.write_with_format(row, 6, r.rated, &number)?;
        ws.write_with_format(row, 7, r.pending, &number)?;
        for (k, n) in r.levels.iter().enumerate() {
            let col = 8 + 2 * k as u16;
            ws.write_with_format(row, col, *n, &number)?;
            let share = if r.rated == 0 {
                0.0
            } else {
                f64::from(*n) / f64::from(r.rated)
            };
            ws.write_with_format(row, col + 1, share, &percent)?;
        }
        let level = r
            .cell_level
            .map_or(String::new(), |l| Rating::ALL[l].short().to_string());
        ws.write_with_format(row, 16, level, &text)?;
    }
    // the totals: formulas over the rows, so that a cell corrected by hand is counted; each with
    // its value, for a reader that does not compute formulas when it opens the file
    let t = crate::data::district::totals(&g.rows);
    let total = first_row + g.rows.len() as u32;
    let (top, bottom) = (first_row + 1, total);
    ws.write_with_format(total, 0, "", &total_text)?;
    ws.write_with_format(total, 1, "", &total_text)?;
    ws.write_with_format(
        total,
        2,
        format!("Cộng năm {} ({} chi bộ)", g.year, g.rows.len()),
        &total_text,
    )?;
    ws.write_with_format(total, 3, "", &total_text)?;
    let sum = |c: u16, value: u32| {
        Formula::new(format!("=SUM({0}{top}:{0}{bottom})", column(c))).set_result(value.to_string())
    };
    for (c, value) in [
        (4u16, t.members),
        (5, t.reviewed),
        (6, t.rated),
        (7, t.pending),
    ] {
        ws.write_formula_with_format(total, c, sum(c, value), &total_number)?;
    }
    let rated = format!("{}{}", column(rated_col), total + 1);
    for k in 0..4u16 {
        let col = 8 + 2 * k;
        let n = t.levels[k as usize];
        ws.write_formula_with_format(total, col, sum(col, n), &total_number)?;
        let count = format!("{}{}", column(col), total + 1);
        let share = if t.rated == 0 {
            0.0
        } else {
            f64::from(n) / f64::from(t.rated)
        };
        ws.write_formula_with_format(
            total,
            col + 1,
            Formula::new(format!("=IF({rated}=0,0,{count}/{rated})")).set_result(share.to_string()),
            &total_percent,
        )?;
    }
    ws.write_with_format(total, 16, "", &total_text)?;
    Ok(())
}

fn failed_sheet(wb: &mut Workbook, failed: &[FailedCell]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let ws = wb.add_worksheet();
    ws.set_name("Chi bộ có lỗi")?;
    for (c, (t, w)) in [
        ("Chi bộ", 36.0),
        ("Tệp dữ liệu", 40.0),
        ("Lỗi đầu tiên", 80.0),
    ]
    .into_iter()
    .enumerate()
    {
        ws.write_with_format(0, c as u16, t, &bold)?;
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, f) in failed.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_with_format(row, 0, f.name.clone().unwrap_or_default(), &text)?;
        ws.write_with_format(row, 1, &f.input, &text)?;
        ws.write_with_format(row, 2, &f.error, &text)?;
    }
    Ok(())
}

/// The workbook of `groups` and `failed`, dated `date` (the same inputs give the same bytes),
/// as the bytes of an .xlsx file.
pub fn workbook(
    groups: &[Group],
    failed: &[FailedCell],
    date: chrono::NaiveDate,
) -> Result<Vec<u8>, String> {
    use chrono::Datelike;
    let mut wb = Workbook::new();
    let built = (|| -> Result<Vec<u8>, XlsxError> {
        let when =
            ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
        wb.set_properties(&DocProperties::new().set_creation_datetime(&when));
        for g in groups {
            group_sheet(&mut wb, g)?;
        }
        if !failed.is_empty() || groups.is_empty() {
            failed_sheet(&mut wb, failed)?;
        }
        wb.save_to_buffer()
    })();
    built.map_err(|e| format!("không tạo được bảng tính tong-hop.xlsx: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column(0), "A");
        assert_eq!(column(16), "Q");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
    }
}
