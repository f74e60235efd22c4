//! `hoso init`: the commented starter file for a new cell, for the year under review: under
//! QĐ 366 and HD 43 (reviews from 2025), or the 2019 forms of HD 21 (reviews of 2019–2022).

use std::path::Path;

use anyhow::{Result, bail};
use chrono::Datelike;

/// The starter of the 2025 forms, written for the review of 2026.
pub const STARTER: &str = include_str!("../templates/khoi-tao.yaml");

/// The starter of the 2019 forms, written for the review of 2020.
pub const STARTER_2020: &str = include_str!("../templates/khoi-tao-2020.yaml");

/// Each regulation's starter and the year it is written for.
fn template(regulation: &str) -> Option<(&'static str, i32)> {
    match regulation {
        "hd43-2025" => Some((STARTER, 2026)),
        "hd21-2019" => Some((STARTER_2020, 2020)),
        _ => None,
    }
}

/// The date and time now in Vietnam (UTC+7).
pub fn now() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
        + 7 * 3600;
    chrono::DateTime::from_timestamp(secs, 0).map_or(chrono::NaiveDateTime::MIN, |t| t.naive_utc())
}

/// The review year a new file is for: this year, or last year in January (the review of a year
/// ends in January at the latest).
pub fn default_year() -> i32 {
    let today = crate::vn::date::today();
    if today.month() == 1 {
        today.year() - 1
    } else {
        today.year()
    }
}

/// The starter for the review of `year`: its regulation's template with the template's year
/// (and the next, where the review's papers run into January) moved to `year`. The dates of
/// the regulations it cites and the members' earlier dates stay as they are.
pub fn starter(year: i32) -> Result<String> {
    let Some((text, written_for)) = crate::regulation::for_year(year).and_then(|r| template(r.id))
    else {
        bail!(
            "không có tệp mẫu cho năm {year}: hoso biết các năm {}.",
            crate::regulation::supported_years()
        );
    };
    Ok(shift_years(text, written_for, year - written_for))
}

/// `text` with every four-digit year `from` or `from + 1` moved by `by`.
fn shift_years(text: &str, from: i32, by: i32) -> String {
    if by == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !chars[i - 1].is_ascii_digit();
        let year: String = chars[i..].iter().take(4).collect();
        let whole = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        match year.parse::<i32>() {
            Ok(y) if at_word_start && whole && year.len() == 4 && (y == from || y == from + 1) => {
                out.push_str(&(y + by).to_string());
                i += 4;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// Writes the starter for `year` to `path`, and the JSON Schema it points to beside it; an
/// existing data file is kept unless `force`.
pub fn write(path: &Path, force: bool, year: i32) -> Result<()> {
    refuse_to_overwrite(path, force)?;
    write_with_schema(path, &starter(year)?)
}

/// An error when `path` exists and `force` is not given: a data file is never written over.
pub fn refuse_to_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "{} đã có; không ghi đè (dùng --force nếu muốn thay).",
            path.display()
        );
    }
    Ok(())
}

/// Writes a new data file and, beside it, the JSON Schema its first line points to.
pub fn write_with_schema(path: &Path, text: &str) -> Result<()> {
    write_file(path, text)?;
    write_file(
        &path.with_file_name(crate::schema::FILE_NAME),
        &crate::schema::json(),
    )
}

/// Writes `text` to `path` whole or not at all, flushed to the disk.
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    if path.file_name().is_none() {
        bail!("{} không phải tên tệp.", path.display());
    }
    crate::output::durable::write(path, text.as_bytes()).map_err(|e| {
        anyhow::anyhow!(
            "không ghi được {}: {}.",
            path.display(),
            crate::messages::io_error(&e)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_the_review_move_and_the_others_stay() {
        let text =
            "nam: 2026\nngay: 18/12/2026, den 05/01/2027; QĐ 366 ngày 30/8/2025; sinh 1975; 20260";
        assert_eq!(
            shift_years(text, 2026, 1),
            "nam: 2027\nngay: 18/12/2027, den 05/01/2028; QĐ 366 ngày 30/8/2025; sinh 1975; 20260"
        );
        assert_eq!(shift_years(text, 2026, 0), text);
    }

    #[test]
    fn a_year_without_a_regulation_has_no_starter() {
        assert!(starter(2024).unwrap_err().to_string().contains("năm 2024"));
        assert!(starter(2021).unwrap().contains("nam: 2021"));
        assert!(starter(2027).unwrap().contains("nam: 2027"));
    }
}
