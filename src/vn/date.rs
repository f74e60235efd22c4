//! Dates as Vietnamese documents write them: input parsing, the date line, weekdays.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

/// Parses a date written `18/12/2020`, `18-12-2020` or `2020-12-18`; `None` when impossible.
pub fn parse(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parses a time of day written `7:30`, `07:30`, `7h30`, `7g30` or `7 giờ 30`; `None` when impossible.
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let s = input
        .trim()
        .to_lowercase()
        .replace("giờ", ":")
        .replace("phút", "");
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (h, m) = match s.split_once([':', 'h', 'g']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (s.as_str(), "0"),
    };
    if h.is_empty()
        || !h.bytes().all(|b| b.is_ascii_digit())
        || !m.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A time as documents write it: "7 giờ 30 phút", "14 giờ".
pub fn time(t: NaiveTime) -> String {
    match t.minute() {
        0 => format!("{} giờ", t.hour()),
        m => format!("{} giờ {m:02} phút", t.hour()),
    }
}

/// The weekday as running text writes it (NĐ 30 Phụ lục II): "thứ Hai" … "thứ Bảy", "Chủ nhật".
pub fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// The short numeric form used in running text: "18/12/2020".
pub fn short(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// The short form with its computed weekday: "thứ Sáu 18/12/2020".
pub fn with_weekday(date: NaiveDate) -> String {
    format!("{} {}", weekday(date), short(date))
}

/// Day as the date line writes it: two digits ("05", "14").
fn day_padded(day: u32) -> String {
    format!("{day:02}")
}

/// Month as the date line writes it: 01 and 02 padded, the others not ("01", "02", "3", "12").
fn month_padded(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// "ngày 05 tháng 01 năm 2021": the long form of HD 36 with its zero-padding rule.
pub fn long(date: NaiveDate) -> String {
    format!(
        "ngày {} tháng {} năm {}",
        day_padded(date.day()),
        month_padded(date.month()),
        date.year()
    )
}

/// The header's place and date line: "TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020".
pub fn place_line(place: &str, date: NaiveDate) -> String {
    format!("{place}, {}", long(date))
}

/// Today's date in Vietnam (UTC+7).
pub fn today() -> chrono::NaiveDate {
    // Vietnam's time (UTC+7), from the system clock
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
        + 7 * 3600;
    chrono::DateTime::from_timestamp(secs, 0).map_or(chrono::NaiveDate::MIN, |t| t.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_both_orders_and_refuses_impossible_dates() {
        assert_eq!(parse("18/12/2020"), Some(d(2020, 12, 18)));
        assert_eq!(parse("2020-12-18"), Some(d(2020, 12, 18)));
        assert_eq!(parse(" 5/1/2021 "), Some(d(2021, 1, 5)));
        assert_eq!(parse("31/02/2020"), None);
        assert_eq!(parse("29/02/2021"), None);
        assert_eq!(parse("29/02/2020"), Some(d(2020, 2, 29)));
        assert_eq!(parse("18/12/20"), None);
        assert_eq!(parse("hôm qua"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn times_parse_and_print() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_time("7:30"), Some(t(7, 30)));
        assert_eq!(parse_time("07h30"), Some(t(7, 30)));
        assert_eq!(parse_time("14 giờ"), Some(t(14, 0)));
        assert_eq!(parse_time("7 giờ 05 phút"), Some(t(7, 5)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("sáng"), None);
        assert_eq!(time(t(7, 30)), "7 giờ 30 phút");
        assert_eq!(time(t(14, 0)), "14 giờ");
    }

    #[test]
    fn weekday_is_computed() {
        assert_eq!(with_weekday(d(2020, 12, 18)), "thứ Sáu 18/12/2020");
        assert_eq!(with_weekday(d(2020, 12, 19)), "thứ Bảy 19/12/2020");
        assert_eq!(with_weekday(d(2020, 12, 20)), "Chủ nhật 20/12/2020");
        assert_eq!(with_weekday(d(2020, 12, 25)), "thứ Sáu 25/12/2020");
    }

    #[test]
    fn long_form_pads_days_and_only_january_and_february() {
        assert_eq!(long(d(2021, 1, 5)), "ngày 05 tháng 01 năm 2021");
        assert_eq!(long(d(2018, 2, 20)), "ngày 20 tháng 02 năm 2018");
        assert_eq!(long(d(2018, 4, 3)), "ngày 03 tháng 4 năm 2018");
        assert_eq!(long(d(2020, 12, 14)), "ngày 14 tháng 12 năm 2020");
        assert_eq!(
            place_line("TP. Hồ Chí Minh", d(2020, 12, 14)),
            "TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020"
        );
    }
}
