//! A row of a member list read as a member: each cell turned into what the data file writes
//! (dates as 27/07/1980, «Nữ» as `nu`, «Bí thư» as `bi_thu`), every problem located at its cell.

use chrono::{Datelike, Months, NaiveDate};

use super::columns::{Columns, Field, fold};
use super::table::{Table, Value, address};

/// A member as a row of the spreadsheet gives them.
#[derive(Clone, Debug)]
pub struct Person {
    /// The row's number in the sheet.
    pub row: u32,
    /// The id the sheet gives, if it has a «Mã» column.
    pub ma: Option<String>,
    /// The full name, as the forms print it.
    pub name: String,
    /// The birth date.
    pub birth: NaiveDate,
    /// The data file's fields the row gives, each key with its value as YAML text, in the order
    /// of an entry (`cu_tru` as its three lines).
    pub fields: Vec<(&'static str, String)>,
    /// The residence (address, cell, Party committee), when the sheet gives all three.
    pub residence: Option<[String; 3]>,
}

/// What reading the rows found: the members, the problems (each at its cell), and remarks.
#[derive(Default, Debug)]
pub struct Read {
    /// The members, top to bottom.
    pub people: Vec<Person>,
    /// Problems, each naming its cell.
    pub errors: Vec<String>,
    /// What was inferred, for the clerk to confirm.
    pub notes: Vec<String>,
}

/// The members of `table` under its headers `cols`; `year` is the review's year (a member
/// admitted within twelve months of its end is probationary when the sheet does not say).
pub fn read(table: &Table, cols: &Columns, year: Option<i32>) -> Read {
    let mut out = Read::default();
    let residence_cols =
        [Field::NoiCuTru, Field::ChiBoCuTru, Field::DangUyCuTru].map(|f| cols.get(f).is_some());
    if residence_cols[0] && !residence_cols.iter().all(|b| *b) {
        out.notes.push(format!(
            "chưa nhập nơi cư trú: cần đủ ba cột «{}», «{}», «{}» (phiếu xin ý kiến nơi cư trú ghi cả chi bộ và đảng ủy nơi đó).",
            Field::NoiCuTru.header(),
            Field::ChiBoCuTru.header(),
            Field::DangUyCuTru.header()
        ));
    }
    let noun = |f: Field| super::columns::noun(table, cols, f);
    let mut probation_inferred = 0;
    for row in &table.rows[cols.first..] {
        let cell = |f: Field| cols.get(f).map(|c| (c, row.get(c)));
        // a row without a name is a title, a subtotal or a note under the list
        let Some((name_col, Value::Text(name))) = cell(Field::HoTen) else {
            continue;
        };
        if fold(name).is_empty() || name.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let at = |c: usize| address(&table.sheet, row.number, c);
        let mut errors = Vec::new();
        let name = person_name(name);
        if name.split_whitespace().count() < 2 {
            errors.push(format!(
                "{}: «{name}» chưa phải họ và tên đầy đủ.",
                at(name_col)
            ));
        }
        let mut date = |f: Field, first_year: i32, required: bool| -> Option<NaiveDate> {
            let (c, v) = cell(f)?;
            if v.is_empty() {
                if required {
                    errors.push(format!("{}: thiếu {} của {name}.", at(c), noun(f)));
                }
                return None;
            }
            match date_of(v) {
                Some(d) if (first_year..=2100).contains(&d.year()) => Some(d),
                Some(d) => {
                    errors.push(format!(
                        "{}: {} «{}» có năm {} nằm ngoài khoảng {first_year}–2100.",
                        at(c),
                        noun(f),
                        v.shown(),
                        d.year()
                    ));
                    None
                }
                None => {
                    errors.push(format!(
                        "{}: {} «{}» không phải một ngày có thật (viết 27/07/1980).",
                        at(c),
                        noun(f),
                        v.shown()
                    ));
                    None
                }
            }
        };
        let birth = date(Field::NgaySinh, 1900, true);
        let admitted = date(Field::NgayVaoDang, 1930, false);
        let full_since = date(Field::NgayChinhThuc, 1930, false);
        let mut fields: Vec<(&'static str, String)> = Vec::new();
        let ma = cell(Field::Ma)
            .map(|(_, v)| v.shown())
            .filter(|s| !s.is_empty());
        if let Some((c, v)) = cell(Field::GioiTinh)
            && !v.is_empty()
        {
            match gender(&v.shown()) {
                Some(g) => fields.push(("gioi_tinh", g.to_string())),
                None => errors.push(format!(
                    "{}: giới tính «{}» không rõ (viết «Nam» hoặc «Nữ»).",
                    at(c),
                    v.shown()
                )),
            }
        }
        if let Some((c, v)) = cell(Field::ChucVuDang) {
            match party_post(&v.shown()) {
                Some(p) => fields.push(("chuc_vu_dang", p.to_string())),
                None => errors.push(format!(
                    "{}: chức vụ Đảng «{}» không rõ (viết «Bí thư», «Phó Bí thư», «Chi ủy viên», hoặc để trống nếu là đảng viên).",
                    at(c),
                    v.shown()
                )),
            }
        }
        let kind = membership(
            cell(Field::Loai),
            cols.get(Field::NgayChinhThuc).is_some(),
            full_since,
            admitted,
            year,
            &at,
            &mut errors,
        );
        if kind == Some((PROBATIONARY, true)) {
            probation_inferred += 1;
        }
        let kind = kind.map(|(k, _)| k);
        if let Some(k) = kind {
            fields.push(("loai", k.to_string()));
        }
        if let Some(d) = admitted {
            fields.push(("ngay_vao_dang", d.format("%d/%m/%Y").to_string()));
        }
        for (f, key) in [
            (Field::NgheNghiep, "nghe_nghiep"),
            (Field::ChucVuChinhQuyen, "chuc_vu_chinh_quyen"),
            (Field::ChucVuDoanThe, "chuc_vu_doan_the"),
            (Field::DonVi, "don_vi"),
        ] {
            if let Some((_, v)) = cell(f)
                && !v.is_empty()
            {
                fields.push((key, crate::vn::text::squeeze(&v.shown())));
            }
        }
        let residence = if residence_cols.iter().all(|b| *b) {
            let parts = [Field::NoiCuTru, Field::ChiBoCuTru, Field::DangUyCuTru]
                .map(|f| cell(f).map(|(_, v)| crate::vn::text::squeeze(&v.shown())));
            let col = cols.get(Field::NoiCuTru).unwrap_or(0);
            residence(parts, &name, &at(col), &mut errors)
        } else {
            None
        };
        if errors.is_empty()
            && let Some(birth) = birth
        {
            fields.insert(0, ("ngay_sinh", birth.format("%d/%m/%Y").to_string()));
            fields.insert(0, ("ho_ten", name.clone()));
            out.people.push(Person {
                row: row.number,
                ma,
                name,
                birth,
                fields,
                residence,
            });
        }
        out.errors.extend(errors);
    }
    if probation_inferred > 0 {
        out.notes.push(format!(
            "bảng không có cột loại đảng viên hay ngày chính thức: {probation_inferred} người kết nạp chưa đủ 12 tháng đến cuối năm được ghi là dự bị, những người khác là chính thức; xem lại «loai»."
        ));
    }
    out
}

/// The residence's three parts (address, its cell, its committee): all, or none when the
/// address is empty; some without the others is an error at `at`.
fn residence(
    parts: [Option<String>; 3],
    name: &str,
    at: &str,
    errors: &mut Vec<String>,
) -> Option<[String; 3]> {
    match parts {
        [Some(a), Some(c), Some(u)] if !a.is_empty() && !c.is_empty() && !u.is_empty() => {
            Some([a, c, u])
        }
        [Some(a), ..] if a.is_empty() => None,
        _ => {
            errors.push(format!(
                "{at}: nơi cư trú của {name} cần đủ địa chỉ, chi bộ và đảng ủy nơi cư trú."
            ));
            None
        }
    }
}

/// The membership's key.
const PROBATIONARY: &str = "du_bi";

/// Full or probationary: by the sheet's word, else by the date it became full, else by the
/// admission date and the review's year (twelve months of probation; `true` with the key when
/// inferred so).
fn membership(
    word: Option<(usize, &Value)>,
    has_full_since: bool,
    full_since: Option<NaiveDate>,
    admitted: Option<NaiveDate>,
    year: Option<i32>,
    at: &dyn Fn(usize) -> String,
    errors: &mut Vec<String>,
) -> Option<(&'static str, bool)> {
    match word {
        Some((c, v)) if !v.is_empty() => {
            let k = fold(&v.shown());
            if k.contains("du bi") {
                Some((PROBATIONARY, false))
            } else if k.contains("chinh thuc") {
                Some(("chinh_thuc", false))
            } else {
                errors.push(format!(
                    "{}: loại đảng viên «{}» không rõ (viết «Chính thức» hoặc «Dự bị»).",
                    at(c),
                    v.shown()
                ));
                None
            }
        }
        _ if has_full_since => Some((
            if full_since.is_some() {
                "chinh_thuc"
            } else {
                PROBATIONARY
            },
            false,
        )),
        _ => match (admitted, year) {
            (Some(a), Some(y)) => {
                let end = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(a);
                let probation = a
                    .checked_add_months(Months::new(12))
                    .is_some_and(|f| f > end);
                Some(if probation {
                    (PROBATIONARY, true)
                } else {
                    ("chinh_thuc", true)
                })
            }
            _ => None,
        },
    }
}

/// A name as the forms print it: spaces squeezed, and a name typed in capitals («NGUYỄN VĂN
/// NAM») written with a capital to each word.
pub fn person_name(s: &str) -> String {
    let s = crate::vn::text::nfc(&crate::vn::text::squeeze(s));
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.iter().all(|c| !c.is_lowercase()) {
        s.split(' ')
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    } else {
        s
    }
}

/// A date from a cell: a date cell, an Excel serial, or text like 27/07/1980 or 1980-07-27.
pub fn date_of(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Date(d) => Some(*d),
        // Excel's day 1 is 1900-01-01, counted from 1899-12-30 because of its 1900 leap year
        Value::Number(n) if n.fract() == 0.0 && (1.0..=100_000.0).contains(n) => {
            NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(*n as u64))
        }
        Value::Text(t) => crate::vn::date::parse(t),
        _ => None,
    }
}

/// `nam` or `nu` from «Nam», «Nữ», «nu», «x»-less words.
fn gender(s: &str) -> Option<&'static str> {
    match fold(s).as_str() {
        "nam" | "m" | "male" => Some("nam"),
        "nu" | "f" | "female" => Some("nu"),
        _ => None,
    }
}

/// The data file's party post from «Bí thư», «Phó Bí thư», «Chi ủy viên»; an empty cell or
/// «Đảng viên» is a member without one.
fn party_post(s: &str) -> Option<&'static str> {
    let k = fold(s);
    match k.as_str() {
        "" | "dang vien" | "khong" => Some("dang_vien"),
        "bi thu" | "bi thu chi bo" => Some("bi_thu"),
        "pho bi thu" | "pho bi thu chi bo" => Some("pho_bi_thu"),
        "chi uy vien" | "uy vien" | "cap uy vien" | "chi uy" | "uy vien chi uy" => {
            Some("chi_uy_vien")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_as_cells_serials_or_text() {
        let d = NaiveDate::from_ymd_opt(1984, 3, 12).unwrap();
        assert_eq!(date_of(&Value::Date(d)), Some(d));
        assert_eq!(date_of(&Value::Number(30753.0)), Some(d));
        assert_eq!(date_of(&Value::Text("12/03/1984".into())), Some(d));
        assert_eq!(date_of(&Value::Text("1984-03-12".into())), Some(d));
        assert_eq!(date_of(&Value::Text("31/02/1984".into())), None);
        assert_eq!(date_of(&Value::Number(1984.5)), None);
    }

    #[test]
    fn names_in_capitals_are_written_as_names() {
        assert_eq!(person_name("  NGUYỄN  VĂN ĐỨC "), "Nguyễn Văn Đức");
        assert_eq!(person_name("Lê Thị Ly"), "Lê Thị Ly");
    }

    #[test]
    fn posts_and_genders_are_read_loosely() {
        assert_eq!(party_post("Phó Bí thư"), Some("pho_bi_thu"));
        assert_eq!(party_post("Chi uỷ viên"), Some("chi_uy_vien"));
        assert_eq!(party_post(""), Some("dang_vien"));
        assert_eq!(party_post("Tổ trưởng"), None);
        assert_eq!(gender("Nữ"), Some("nu"));
        assert_eq!(gender("NAM"), Some("nam"));
        assert_eq!(gender("?"), None);
    }
}
