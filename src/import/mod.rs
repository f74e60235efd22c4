//! `hoso nhap`: members from a spreadsheet (.xlsx, .xls, .ods, .csv) into a cell's data file —
//! added, or updated where the file already has them (by id, else by name and birth date) —
//! by editing the file's text, so that every other byte of it, comments included, stays. Every
//! problem is reported at once, located as sheet!cell, and then nothing is written.

mod columns;
mod person;
mod table;
mod yaml_text;

use std::collections::HashSet;
use std::path::Path;

pub use yaml_text::scalar;

use columns::{Field, fold};
use person::Person;
use yaml_text::{Entry, List};

/// Why an import wrote nothing.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the spreadsheet or in what it would make of the file, each located.
    Problems(Vec<String>),
    /// A file that could not be read or written.
    Io(String),
}

/// What an import did, or would do with `--xem`.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The sheet read.
    pub sheet: String,
    /// The members added: name and id.
    pub added: Vec<(String, String)>,
    /// The members updated: name and the fields changed.
    pub updated: Vec<(String, Vec<&'static str>)>,
    /// How many rows matched a member with nothing to change.
    pub unchanged: usize,
    /// What the clerk should look at.
    pub notes: Vec<String>,
    /// The data file's new text.
    pub text: String,
    /// Whether the file was written.
    pub written: bool,
}

/// The keys of an entry in the order the starter writes them: a key the import adds goes
/// after the last of those before it that the entry has.
const ORDER: [&str; 12] = [
    "ma",
    "ho_ten",
    "ngay_sinh",
    "gioi_tinh",
    "chuc_vu_dang",
    "loai",
    "ngay_vao_dang",
    "nghe_nghiep",
    "chuc_vu_chinh_quyen",
    "chuc_vu_doan_the",
    "don_vi",
    "cu_tru",
];

/// The fields a member new to the file must have, and the column that gives each.
const NEEDED: [(&str, Field); 3] = [
    ("gioi_tinh", Field::GioiTinh),
    ("ngay_vao_dang", Field::NgayVaoDang),
    ("loai", Field::Loai),
];

/// A member already in the file.
struct Existing {
    entry: Entry,
    ma: String,
    name: String,
    birth: Option<chrono::NaiveDate>,
}

/// Imports the members of `sheet` into the data file `into` (`overrides`: the clerk's
/// `--cot ten_truong=COT`); writes the file unless `preview`.
pub fn run(
    sheet: &Path,
    into: &Path,
    overrides: &[String],
    preview: bool,
) -> Result<Outcome, Failure> {
    let mut problems = Vec::new();
    let mut given = Vec::new();
    for o in overrides {
        match columns::parse_override(o) {
            Ok(g) => given.push(g),
            Err(e) => problems.push(e),
        }
    }
    let text = read_data_file(into)?;
    let tables = table::read(sheet).map_err(Failure::Io)?;
    let Some((table, cols)) = first_with_headers(&tables, &given, sheet, &mut problems) else {
        return Err(Failure::Problems(located(sheet, problems)));
    };
    for f in [Field::HoTen, Field::NgaySinh] {
        if cols.get(f).is_none() {
            problems.push(format!(
                "trang «{}»: thiếu cột «{}» (hoặc chỉ cột bằng --cot {}=COT).",
                table.sheet,
                f.header(),
                f.key()
            ));
        }
    }
    let ls = yaml_text::lines(&text);
    let list = yaml_text::list(&ls).map_err(|e| Failure::Problems(vec![located_in(into, &e)]))?;
    let year = ls
        .iter()
        .find(|l| l.starts_with("nam:"))
        .and_then(|l| yaml_text::value_on(l))
        .and_then(|v| v.parse::<i32>().ok());
    let read = person::read(table, &cols, year);
    problems.extend(read.errors);
    let mut notes = read.notes;

    let existing: Vec<Existing> = list
        .entries
        .iter()
        .map(|e| {
            let get = |k: &str| {
                e.line_of(k)
                    .and_then(|l| yaml_text::value_on(&ls[l]))
                    .unwrap_or_default()
            };
            Existing {
                entry: e.clone(),
                ma: get("ma"),
                name: get("ho_ten"),
                birth: crate::vn::date::parse(&get("ngay_sinh")),
            }
        })
        .collect();

    let plan = match_rows(&read.people, &existing, table, &cols, into, &mut problems);
    if !problems.is_empty() {
        return Err(Failure::Problems(located(sheet, problems)));
    }

    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut edits: Vec<(usize, Edit)> = Vec::new();
    let mut outcome = Outcome {
        sheet: table.sheet.clone(),
        ..Outcome::default()
    };
    let mut ids: HashSet<String> = existing.iter().map(|e| e.ma.clone()).collect();
    let mut new_entries: Vec<String> = Vec::new();
    for (p, found) in &plan {
        match found {
            Some(e) => {
                let changed = update(p, e, &ls, list.indent, eol, &mut edits, &mut notes);
                if changed.is_empty() {
                    outcome.unchanged += 1;
                } else {
                    outcome.updated.push((p.name.clone(), changed));
                }
            }
            None => {
                let ma = p.ma.clone().unwrap_or_else(|| new_id(&p.name, &ids));
                ids.insert(ma.clone());
                new_entries.extend(entry_lines(p, &ma, &list, eol));
                outcome.added.push((p.name.clone(), ma));
            }
        }
    }
    if !outcome.added.is_empty() && cols.get(Field::ChucVuDang).is_none() {
        notes.push(format!(
            "bảng không có cột «{}»: người mới được ghi «chuc_vu_dang: dang_vien»; sửa cho bí thư, phó bí thư, chi ủy viên.",
            Field::ChucVuDang.header()
        ));
    }
    if !new_entries.is_empty() {
        edits.extend(insert_entries(&ls, &list, &text, new_entries, eol));
    }
    let new_text = apply(ls, edits);

    no_new_errors(into, &text, &new_text)?;
    outcome.notes = notes;
    outcome.written = !preview && new_text != text;
    if outcome.written {
        crate::starter::write_file(into, &new_text).map_err(|e| Failure::Io(format!("{e:#}")))?;
    }
    outcome.text = new_text;
    Ok(outcome)
}

/// The data file's text; a missing file says how to make one.
fn read_data_file(into: &Path) -> Result<String, Failure> {
    match std::fs::read(into) {
        Ok(b) => String::from_utf8(b)
            .map_err(|_| Failure::Io(format!("{} không phải văn bản UTF-8.", into.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Failure::Io(format!(
            "chưa có {}: tạo tệp bằng «hoso init {}» rồi nhập danh sách vào.",
            into.display(),
            into.display()
        ))),
        Err(e) => Err(Failure::Io(format!(
            "không đọc được {}: {}.",
            into.display(),
            crate::messages::io_error(&e)
        ))),
    }
}

/// The first sheet with a row of headers, and its columns; else why none has, in `problems`.
fn first_with_headers<'a>(
    tables: &'a [table::Table],
    given: &[(Field, String)],
    sheet: &Path,
    problems: &mut Vec<String>,
) -> Option<(&'a table::Table, columns::Columns)> {
    let mut header_problems = Vec::new();
    for t in tables {
        match columns::find(t, given) {
            Ok(c) => return Some((t, c)),
            Err(e) => header_problems.extend(e),
        }
    }
    problems.extend(header_problems);
    if tables.is_empty() {
        problems.push(format!(
            "{}: bảng tính không có trang nào.",
            sheet.display()
        ));
    }
    None
}

/// Each row with the member it updates, or none for a new one; two rows of one person, and a
/// new one without what a new member needs, are problems.
fn match_rows<'a>(
    people: &'a [Person],
    existing: &'a [Existing],
    table: &table::Table,
    cols: &columns::Columns,
    into: &Path,
    problems: &mut Vec<String>,
) -> Vec<(&'a Person, Option<&'a Existing>)> {
    // each row: the member it updates, or a new one; two rows of one person are an error
    let mut seen: Vec<(String, chrono::NaiveDate, u32)> = Vec::new();
    let mut plan: Vec<(&Person, Option<&Existing>)> = Vec::new();
    for p in people {
        let key = fold(&p.name);
        if let Some((_, _, row)) = seen.iter().find(|(n, b, _)| *n == key && *b == p.birth) {
            problems.push(format!(
                "{}: {} (sinh {}) đã có ở dòng {row}; xóa một dòng.",
                table::address(&table.sheet, p.row, cols.get(Field::HoTen).unwrap_or(0)),
                p.name,
                p.birth.format("%d/%m/%Y")
            ));
            continue;
        }
        seen.push((key.clone(), p.birth, p.row));
        let found = match &p.ma {
            Some(ma) => existing.iter().find(|e| e.ma == *ma),
            None => existing
                .iter()
                .find(|e| fold(&e.name) == key && e.birth == Some(p.birth)),
        };
        if found.is_none() {
            let has = |k: &str| p.fields.iter().any(|(f, _)| *f == k);
            for (key, field) in NEEDED {
                // the kind of membership follows from the admission date when that is missing
                if has(key) || key == "loai" && !has("ngay_vao_dang") {
                    continue;
                }
                problems.push(match cols.get(field) {
                    Some(c) => format!(
                        "{}: thiếu {} của {}, người chưa có trong {}.",
                        table::address(&table.sheet, p.row, c),
                        columns::noun(table, cols, field),
                        p.name,
                        file_name(into)
                    ),
                    None => format!(
                        "{}: {} chưa có trong {}; để thêm cần cột «{}».",
                        table::address(&table.sheet, p.row, cols.get(Field::HoTen).unwrap_or(0)),
                        p.name,
                        file_name(into),
                        field.header()
                    ),
                });
            }
        }
        plan.push((p, found));
    }
    plan
}

/// The edit that puts the new members' lines in the list (after `dang_vien: []` opened into a
/// block, at the list's end, or in a new `dang_vien:` at the end of the file).
fn insert_entries(
    ls: &[String],
    list: &List,
    text: &str,
    new_entries: Vec<String>,
    eol: &str,
) -> Vec<(usize, Edit)> {
    match list.key_line {
        Some(k) if list.empty_flow => {
            let comment = &ls[k]["dang_vien:".len()..];
            let comment = comment.trim().trim_start_matches("[]").trim();
            let head = if comment.is_empty() {
                format!("dang_vien:{eol}")
            } else {
                format!("dang_vien: {comment}{eol}")
            };
            vec![(k, Edit::Replace(head)), (k + 1, Edit::Insert(new_entries))]
        }
        Some(_) => vec![(list.insert_at, Edit::Insert(new_entries))],
        None => {
            let mut block = Vec::new();
            if !text.is_empty() && !text.ends_with('\n') {
                block.push(eol.to_string());
            }
            block.push(format!("dang_vien:{eol}"));
            block.extend(new_entries);
            vec![(ls.len(), Edit::Insert(block))]
        }
    }
}

/// The file must read as it did, with the members added: an edit that broke its structure, or
/// members the rules refuse, are problems, and nothing is written.
fn no_new_errors(into: &Path, text: &str, new_text: &str) -> Result<(), Failure> {
    let name = into.display().to_string();
    let before = crate::data::load::load_str(&name, text)
        .err()
        .map_or(0, |d| errors(&d));
    if let Err(diags) = crate::data::load::load_str(&name, new_text)
        && errors(&diags) > before
    {
        let report = crate::diag::report(&diags);
        return Err(Failure::Problems(vec![format!(
            "sau khi nhập, {} có lỗi mà trước đó không có; chưa ghi gì:\n{report}",
            file_name(into)
        )]));
    }
    Ok(())
}

fn errors(d: &[crate::diag::Diagnostic]) -> usize {
    d.iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
}

/// Each problem prefixed by the spreadsheet's file name.
fn located(sheet: &Path, problems: Vec<String>) -> Vec<String> {
    problems
        .into_iter()
        .map(|p| format!("{}: {p}", file_name(sheet)))
        .collect()
}

fn located_in(file: &Path, problem: &str) -> String {
    format!("{}: {problem}", file_name(file))
}

/// A change to the file's lines: a line replaced, or lines put before one.
enum Edit {
    Replace(String),
    Insert(Vec<String>),
}

/// The lines with the edits made (each at a line of the original), joined.
fn apply(mut ls: Vec<String>, mut edits: Vec<(usize, Edit)>) -> String {
    // from the bottom up, so that each edit's line is still where it was; at one line the
    // replacement first, then what goes before it, the last planned first (so that what was
    // planned first ends up first: a member's added keys, then the new members)
    let mut edits: Vec<(usize, usize, Edit)> = edits
        .drain(..)
        .enumerate()
        .map(|(i, (l, e))| (l, i, e))
        .collect();
    edits.sort_by_key(|(l, i, e)| {
        (
            std::cmp::Reverse(*l),
            matches!(e, Edit::Insert(_)),
            std::cmp::Reverse(*i),
        )
    });
    for (l, _, e) in edits {
        match e {
            Edit::Replace(s) => ls[l] = s,
            Edit::Insert(new) => {
                let at = l.min(ls.len());
                ls.splice(at..at, new);
            }
        }
    }
    ls.concat()
}

/// The fields of `p` that differ from entry `e`, edited into `edits`.
fn update(
    p: &Person,
    e: &Existing,
    ls: &[String],
    indent: usize,
    eol: &str,
    edits: &mut Vec<(usize, Edit)>,
    notes: &mut Vec<String>,
) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let pad = " ".repeat(indent);
    for (key, value) in &p.fields {
        // a name matched by its letters keeps the file's spelling (uỷ or ủy, the clerk's)
        if *key == "ho_ten" && p.ma.is_none() {
            continue;
        }
        match e.entry.line_of(key) {
            Some(l) => {
                let old = yaml_text::value_on(&ls[l]).unwrap_or_default();
                let same = match (crate::vn::date::parse(&old), crate::vn::date::parse(value)) {
                    (Some(a), Some(b)) => a == b,
                    _ => crate::vn::text::squeeze(&old) == *value,
                };
                if same {
                    continue;
                }
                match yaml_text::with_value(&ls[l], value) {
                    Some(line) => {
                        edits.push((l, Edit::Replace(line)));
                        changed.push(*key);
                    }
                    None => notes.push(format!(
                        "giữ nguyên «{key}» của {}: giá trị viết nhiều dòng, sửa tay nếu cần.",
                        e.name
                    )),
                }
            }
            None => {
                let rank = ORDER.iter().position(|k| k == key).unwrap_or(ORDER.len());
                let after = ORDER[..rank]
                    .iter()
                    .rev()
                    .find_map(|k| e.entry.line_of(k))
                    .unwrap_or(e.entry.start);
                edits.push((
                    after + 1,
                    Edit::Insert(vec![format!(
                        "{pad}{key}: {}{eol}",
                        yaml_text::scalar(value)
                    )]),
                ));
                changed.push(*key);
            }
        }
    }
    // a residence already written stays (it may say more than the sheet)
    if let Some(r) = &p.residence
        && e.entry.line_of("cu_tru").is_none()
    {
        edits.push((e.entry.end, Edit::Insert(residence_lines(r, indent, eol))));
        changed.push("cu_tru");
    }
    changed
}

fn residence_lines(r: &[String; 3], indent: usize, eol: &str) -> Vec<String> {
    let pad = " ".repeat(indent);
    vec![
        format!("{pad}cu_tru:{eol}"),
        format!("{pad}  dia_chi: {}{eol}", yaml_text::scalar(&r[0])),
        format!("{pad}  chi_bo: {}{eol}", yaml_text::scalar(&r[1])),
        format!("{pad}  dang_uy: {}{eol}", yaml_text::scalar(&r[2])),
    ]
}

/// A new member's entry, indented as the list's others.
fn entry_lines(p: &Person, ma: &str, list: &List, eol: &str) -> Vec<String> {
    let dash = " ".repeat(list.dash);
    let pad = " ".repeat(list.indent);
    let mut out = vec![format!("{dash}- ma: {}{eol}", yaml_text::scalar(ma))];
    let mut fields = p.fields.clone();
    if !fields.iter().any(|(k, _)| *k == "chuc_vu_dang") {
        fields.push(("chuc_vu_dang", "dang_vien".into()));
    }
    fields.sort_by_key(|(k, _)| ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()));
    for (k, v) in fields {
        out.push(format!("{pad}{k}: {}{eol}", yaml_text::scalar(&v)));
    }
    if let Some(r) = &p.residence {
        out.extend(residence_lines(r, list.indent, eol));
    }
    out
}

/// An id for a new member not among `taken`: the given name («nam»), else the last two words
/// («van-nam»), else the given name numbered («nam-2»).
fn new_id(name: &str, taken: &HashSet<String>) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let given = crate::vn::text::slug(words.last().copied().unwrap_or("dv"));
    let two = crate::vn::text::slug(&words[words.len().saturating_sub(2)..].join(" "));
    for c in [given.clone(), two] {
        if !c.is_empty() && !taken.contains(&c) {
            return c;
        }
    }
    (2..)
        .map(|n| format!("{given}-{n}"))
        .find(|c| !taken.contains(c))
        .unwrap_or(given)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_given_name_then_two_words_then_numbered() {
        let mut taken = HashSet::new();
        assert_eq!(new_id("Nguyễn Văn Nam", &taken), "nam");
        taken.insert("nam".to_string());
        assert_eq!(new_id("Trần Văn Nam", &taken), "van-nam");
        taken.insert("van-nam".to_string());
        assert_eq!(new_id("Lê Văn Nam", &taken), "nam-2");
        assert_eq!(new_id("Đỗ Đức", &taken), "duc");
    }
}
