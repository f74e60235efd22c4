//! Which column of a member list holds what: found by the Vietnamese headers clerks write
//! («Họ và tên» or «Họ tên», «Ngày kết nạp» or «Ngày vào Đảng»…), loosely (case, marks and
//! punctuation aside), or named by the clerk with `--cot ten_truong=COT`.

use super::table::{Table, column_of};

/// A member's field a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `ma`: the member's id in the data file.
    Ma,
    /// `ho_ten`.
    HoTen,
    /// `ngay_sinh`.
    NgaySinh,
    /// `gioi_tinh`.
    GioiTinh,
    /// `ngay_vao_dang`.
    NgayVaoDang,
    /// The date membership became full (gives `loai`).
    NgayChinhThuc,
    /// `loai`: «chính thức» or «dự bị».
    Loai,
    /// `chuc_vu_dang`.
    ChucVuDang,
    /// `chuc_vu_chinh_quyen`.
    ChucVuChinhQuyen,
    /// `chuc_vu_doan_the`.
    ChucVuDoanThe,
    /// `nghe_nghiep`.
    NgheNghiep,
    /// `don_vi`.
    DonVi,
    /// `cu_tru.dia_chi`.
    NoiCuTru,
    /// `cu_tru.chi_bo`.
    ChiBoCuTru,
    /// `cu_tru.dang_uy`.
    DangUyCuTru,
}

impl Field {
    /// Every field, in the order a member's entry lists them.
    pub const ALL: [Field; 15] = [
        Field::Ma,
        Field::HoTen,
        Field::NgaySinh,
        Field::GioiTinh,
        Field::ChucVuDang,
        Field::Loai,
        Field::NgayVaoDang,
        Field::NgayChinhThuc,
        Field::NgheNghiep,
        Field::ChucVuChinhQuyen,
        Field::ChucVuDoanThe,
        Field::DonVi,
        Field::NoiCuTru,
        Field::ChiBoCuTru,
        Field::DangUyCuTru,
    ];

    /// The name `--cot` takes (the data file's key where there is one).
    pub fn key(self) -> &'static str {
        match self {
            Field::Ma => "ma",
            Field::HoTen => "ho_ten",
            Field::NgaySinh => "ngay_sinh",
            Field::GioiTinh => "gioi_tinh",
            Field::NgayVaoDang => "ngay_vao_dang",
            Field::NgayChinhThuc => "ngay_chinh_thuc",
            Field::Loai => "loai",
            Field::ChucVuDang => "chuc_vu_dang",
            Field::ChucVuChinhQuyen => "chuc_vu_chinh_quyen",
            Field::ChucVuDoanThe => "chuc_vu_doan_the",
            Field::NgheNghiep => "nghe_nghiep",
            Field::DonVi => "don_vi",
            Field::NoiCuTru => "noi_cu_tru",
            Field::ChiBoCuTru => "chi_bo_cu_tru",
            Field::DangUyCuTru => "dang_uy_cu_tru",
        }
    }

    /// The header a clerk would write, for messages.
    pub fn header(self) -> &'static str {
        self.headers()[0]
    }

    /// The headers that name this field, the usual one first.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Ma => &["Mã", "Mã đảng viên"],
            Field::HoTen => &[
                "Họ và tên",
                "Họ tên",
                "Họ và tên đảng viên",
                "Tên đảng viên",
            ],
            Field::NgaySinh => &["Ngày sinh", "Ngày tháng năm sinh", "Sinh ngày"],
            Field::GioiTinh => &["Giới tính", "Nam/Nữ", "Giới"],
            Field::NgayVaoDang => &[
                "Ngày vào Đảng",
                "Ngày kết nạp",
                "Ngày kết nạp Đảng",
                "Ngày kết nạp vào Đảng",
                "Ngày vào đảng",
            ],
            Field::NgayChinhThuc => &[
                "Ngày chính thức",
                "Ngày công nhận chính thức",
                "Ngày chuyển chính thức",
                "Ngày đảng viên chính thức",
            ],
            Field::Loai => &[
                "Loại đảng viên",
                "Loại",
                "Chính thức/Dự bị",
                "Đảng viên chính thức/dự bị",
            ],
            Field::ChucVuDang => &["Chức vụ Đảng", "Chức vụ trong Đảng", "Chức vụ cấp ủy"],
            Field::ChucVuChinhQuyen => &[
                "Chức vụ chính quyền",
                "Chức vụ",
                "Chức vụ công tác",
                "Chức danh",
                "Chức vụ chuyên môn",
            ],
            Field::ChucVuDoanThe => &["Chức vụ đoàn thể"],
            Field::NgheNghiep => &["Nghề nghiệp", "Nghề"],
            Field::DonVi => &[
                "Đơn vị công tác",
                "Đơn vị",
                "Nơi công tác",
                "Cơ quan",
                "Cơ quan, đơn vị",
                "Nơi làm việc",
            ],
            Field::NoiCuTru => &[
                "Nơi cư trú",
                "Địa chỉ",
                "Địa chỉ cư trú",
                "Chỗ ở hiện nay",
                "Nơi ở",
                "Nơi ở hiện nay",
            ],
            Field::ChiBoCuTru => &["Chi bộ nơi cư trú", "Chi bộ cư trú"],
            Field::DangUyCuTru => &["Đảng ủy nơi cư trú", "Đảng ủy cư trú"],
        }
    }

    /// The field `--cot` names by `key`.
    pub fn by_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key.trim())
    }
}

/// A header as compared: lower case, without marks or punctuation («Họ và tên» → «ho va ten»).
pub fn fold(s: &str) -> String {
    crate::vn::text::slug(s).replace('-', " ")
}

/// The field a header names: one of its headers exactly, else the longest that begins it
/// («Họ và tên đảng viên (ghi đầy đủ)» is «Họ và tên»).
fn field_of(header: &str) -> Option<Field> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    let exact = Field::ALL
        .into_iter()
        .find(|f| f.headers().iter().any(|a| fold(a) == h));
    exact.or_else(|| {
        Field::ALL
            .into_iter()
            .flat_map(|f| f.headers().iter().map(move |a| (f, fold(a))))
            .filter(|(_, a)| h.starts_with(&format!("{a} ")))
            .max_by_key(|(_, a)| a.len())
            .map(|(f, _)| f)
    })
}

/// Where the columns are: the header row's index in the table and each found field's column.
#[derive(Debug)]
pub struct Columns {
    /// The index (in `Table::rows`) of the row of headers, if the sheet has one.
    pub header: Option<usize>,
    /// The index of the first row of members.
    pub first: usize,
    /// Each field found and its column (from 0).
    pub of: Vec<(Field, usize)>,
}

impl Columns {
    /// The column of `f`, if the sheet has one.
    pub fn get(&self, f: Field) -> Option<usize> {
        self.of.iter().find(|(g, _)| *g == f).map(|(_, c)| *c)
    }
}

/// A header row found (if any) and the columns it names.
type Found = (Option<usize>, Vec<(Field, usize)>);

/// A clerk's `--cot ten_truong=COT` (COT a column's letters or its header).
pub fn parse_override(s: &str) -> Result<(Field, String), String> {
    let Some((key, col)) = s.split_once('=') else {
        return Err(format!(
            "--cot «{s}»: viết ten_truong=COT, ví dụ «--cot ngay_vao_dang=E» hoặc «--cot \"ho_ten=Họ tên đảng viên\"»."
        ));
    };
    let Some(field) = Field::by_key(key) else {
        let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
        return Err(format!(
            "--cot «{s}»: không có trường «{}»; các trường: {}.",
            key.trim(),
            keys.join(", ")
        ));
    };
    Ok((field, col.trim().to_string()))
}

/// The row of headers of `table` (among its first 30 rows, the one naming most fields, at least
/// «Họ và tên» and one other) and the columns of the fields, `overrides` first.
pub fn find(table: &Table, overrides: &[(Field, String)]) -> Result<Columns, Vec<String>> {
    let scan = table.rows.len().min(30);
    let mut best: Option<Found> = None;
    for (i, row) in table.rows[..scan].iter().enumerate() {
        let mut found: Vec<(Field, usize)> = Vec::new();
        for (c, v) in row.cells.iter().enumerate() {
            if let super::table::Value::Text(t) = v
                && let Some(f) = field_of(t)
                && !found.iter().any(|(g, _)| *g == f)
            {
                found.push((f, c));
            }
        }
        let named = found.iter().any(|(f, _)| *f == Field::HoTen)
            || overrides.iter().any(|(f, _)| *f == Field::HoTen);
        if named && found.len() >= 2 && best.as_ref().is_none_or(|(_, b)| found.len() > b.len()) {
            best = Some((Some(i), found));
        }
    }
    // headers nobody would guess, all named by the clerk: the row naming one of them, else
    // (columns named by their letters) the rows from the first with a date of birth
    if best.is_none() && !overrides.is_empty() {
        best = named_by_clerk(table, overrides, scan);
    }
    let Some((header, mut of)) = best else {
        return Err(vec![format!(
            "trang «{}»: không thấy hàng tiêu đề (cần ít nhất cột «{}» và «{}»); đặt tên cột cho đúng, hoặc chỉ cột bằng --cot, ví dụ «--cot ho_ten=B».",
            table.sheet,
            Field::HoTen.header(),
            Field::NgaySinh.header()
        )]);
    };
    let mut errors = Vec::new();
    let heads = header.map(|h| &table.rows[h]);
    for (field, col) in overrides {
        let at = column_of(col).or_else(|| {
            let want = fold(col);
            heads?
                .cells
                .iter()
                .position(|v| fold(&v.shown()) == want && !want.is_empty())
        });
        match at {
            Some(c) => {
                of.retain(|(f, k)| f != field && *k != c);
                of.push((*field, c));
            }
            None => errors.push(format!(
                "--cot {}={col}: hàng tiêu đề của trang «{}» không có cột «{col}».",
                field.key(),
                table.sheet
            )),
        }
    }
    if errors.is_empty() {
        Ok(Columns {
            header,
            first: header.map_or(0, |h| h + 1),
            of,
        })
    } else {
        Err(errors)
    }
}

/// The header row of a sheet whose columns the clerk named: the first row holding one of the
/// headers named (`Some(None)` when every column is named by its letters: the sheet has no
/// header row, or the clerk's letters point past it, and the members start at the first row
/// with a date of birth).
fn named_by_clerk(table: &Table, overrides: &[(Field, String)], scan: usize) -> Option<Found> {
    let texts: Vec<String> = overrides
        .iter()
        .filter(|(_, c)| column_of(c).is_none())
        .map(|(_, c)| fold(c))
        .collect();
    if let Some(i) = table.rows[..scan].iter().position(|r| {
        r.cells.iter().any(|v| {
            texts
                .iter()
                .any(|t| !t.is_empty() && fold(&v.shown()) == *t)
        })
    }) {
        return Some((Some(i), Vec::new()));
    }
    let birth = overrides
        .iter()
        .find(|(f, _)| *f == Field::NgaySinh)
        .and_then(|(_, c)| column_of(c))?;
    let first = table.rows[..scan]
        .iter()
        .position(|r| super::person::date_of(r.get(birth)).is_some())?;
    Some((first.checked_sub(1), Vec::new()))
}

/// A field as the sheet's own header names it, inside a sentence («ngày kết nạp»); the usual
/// header when the sheet has no column for it.
pub fn noun(table: &Table, cols: &Columns, f: Field) -> String {
    let h = cols
        .get(f)
        .and_then(|c| cols.header.map(|h| table.rows[h].get(c).shown()))
        .unwrap_or_else(|| f.header().to_string());
    let mut cs = h.chars();
    cs.next()
        .map(|c| c.to_lowercase().chain(cs).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_loosely() {
        assert_eq!(field_of("HỌ VÀ TÊN"), Some(Field::HoTen));
        assert_eq!(field_of("Họ, tên"), Some(Field::HoTen));
        assert_eq!(field_of("Ngày kết nạp"), Some(Field::NgayVaoDang));
        assert_eq!(field_of("Ngày, tháng, năm sinh"), Some(Field::NgaySinh));
        assert_eq!(field_of("Chức vụ Đảng"), Some(Field::ChucVuDang));
        assert_eq!(field_of("Chức vụ"), Some(Field::ChucVuChinhQuyen));
        assert_eq!(field_of("Đảng uỷ nơi cư trú"), Some(Field::DangUyCuTru));
        assert_eq!(
            field_of("Họ và tên đảng viên (ghi đầy đủ)"),
            Some(Field::HoTen)
        );
        assert_eq!(field_of("STT"), None);
        assert_eq!(field_of("Ghi chú"), None);
    }
}
