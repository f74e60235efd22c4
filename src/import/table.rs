//! A spreadsheet's sheets as rows of values: .xlsx, .xls, .ods through calamine, .csv through
//! the csv crate; every value keeps its place (sheet, row, column) for messages.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing in the cell.
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number (an Excel date typed without a date format arrives as its serial).
    Number(f64),
    /// A date the spreadsheet stores as one.
    Date(NaiveDate),
}

impl Value {
    /// Whether the cell holds nothing (or only spaces).
    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// The value as the clerk sees it in the cell.
    pub fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }
}

/// A row of a sheet: its number as the spreadsheet shows it (from 1) and its cells by column
/// (from 0, column A).
#[derive(Clone, Debug)]
pub struct Row {
    /// The row's number in the spreadsheet (1 for the first).
    pub number: u32,
    /// The cells, column A first.
    pub cells: Vec<Value>,
}

impl Row {
    /// The value in column `col` (from 0).
    pub fn get(&self, col: usize) -> &Value {
        self.cells.get(col).unwrap_or(&Value::Empty)
    }
}

/// A sheet's rows that hold anything.
#[derive(Clone, Debug)]
pub struct Table {
    /// The sheet's name («Sheet1»; a CSV file's name).
    pub sheet: String,
    /// Its rows, top to bottom, empty ones left out.
    pub rows: Vec<Row>,
}

/// The letters of column `col` (0 → A, 26 → AA).
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The column of letters like «C» or «AB»; `None` for anything else.
pub fn column_of(letters: &str) -> Option<usize> {
    let s = letters.trim();
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for b in s.bytes() {
        n = n * 26 + (b.to_ascii_uppercase() - b'A' + 1) as usize;
    }
    Some(n - 1)
}

/// Where a cell is, as a spreadsheet names it: «Sheet1!C5».
pub fn address(sheet: &str, row: u32, col: usize) -> String {
    format!("{sheet}!{}{row}", column_letters(col))
}

/// Every sheet of the spreadsheet at `path`, by its extension; a message in Vietnamese when it
/// cannot be read.
pub fn read(path: &Path) -> Result<Vec<Table>, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => read_csv(path).map(|t| vec![t]),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path),
        _ => Err(format!(
            "{}: không biết đọc loại tệp này; hoso đọc bảng tính .xlsx, .xls, .ods và .csv.",
            path.display()
        )),
    }
}

fn read_workbook(path: &Path) -> Result<Vec<Table>, String> {
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| format!("không mở được bảng tính {}: {e}.", path.display()))?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("không đọc được trang «{name}» của {}: {e}.", path.display()))?;
        let Some((row0, col0)) = range.start() else {
            continue;
        };
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let mut values = vec![Value::Empty; col0 as usize];
            values.extend(cells.iter().map(value_of));
            if values.iter().any(|v| !v.is_empty()) {
                rows.push(Row {
                    number: row0 + i as u32 + 1,
                    cells: values,
                });
            }
        }
        tables.push(Table { sheet: name, rows });
    }
    Ok(tables)
}

fn value_of(d: &Data) -> Value {
    match d {
        Data::Empty | Data::Error(_) => Value::Empty,
        Data::String(s) => trimmed(s),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(if *b { "x" } else { "" }.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
                .map_or(Value::Number(dt.as_f64()), Value::Date)
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| trimmed(s), Value::Date),
        Data::DurationIso(s) => trimmed(s),
    }
}

fn trimmed(s: &str) -> Value {
    let t = s.replace('\u{a0}', " ");
    let t = t.trim();
    if t.is_empty() {
        Value::Empty
    } else {
        Value::Text(t.to_string())
    }
}

/// A CSV file (UTF-8, with or without a byte-order mark; separated by commas, semicolons or
/// tabs, whichever its first line uses most).
fn read_csv(path: &Path) -> Result<Table, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("không đọc được {}: {e}.", path.display()))?;
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = std::str::from_utf8(body).map_err(|_| {
        format!(
            "{}: tệp CSV không phải UTF-8; trong Excel lưu bằng «CSV UTF-8 (Comma delimited)».",
            path.display()
        )
    })?;
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}.", path.display()))?;
        let number = record.position().map_or(0, |p| p.line() as u32);
        let cells: Vec<Value> = record.iter().map(trimmed).collect();
        if cells.iter().any(|v| !v.is_empty()) {
            rows.push(Row { number, cells });
        }
    }
    let sheet = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("csv")
        .to_string();
    Ok(Table { sheet, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        for c in [0, 5, 25, 26, 51, 52, 700] {
            assert_eq!(column_of(&column_letters(c)), Some(c));
        }
        assert_eq!(column_of("b"), Some(1));
        assert_eq!(column_of("Họ tên"), None);
        assert_eq!(address("DS", 7, 2), "DS!C7");
    }
}
