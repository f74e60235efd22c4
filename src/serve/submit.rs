//! Sending a self-review back: what the member wrote turned into a submission file, checked with
//! the same rules and messages as `hoso check` against the data as it is on disk now (the
//! member found by their id, never by a position in an earlier copy of the list).

use std::collections::HashMap;
use std::path::Path;

use super::fields::{Answer, Field, LEVELS, RATINGS};
use super::live::{self, Loaded};
use crate::data::Member;
use crate::data::submissions::{self, Submission};
use crate::diag::{Diagnostic, Severity};
use crate::pipeline;

/// A YAML string: JSON's quoting, which YAML reads the same.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Points as a number: "27,5" or "27.5" → 27.5 (one decimal at most), in tenths.
fn tenths(s: &str) -> Option<u32> {
    let t = s.trim().replace(',', ".");
    let v: f64 = t.parse().ok()?;
    (v.is_finite() && (0.0..1e6).contains(&v) && (v * 10.0 - (v * 10.0).round()).abs() < 1e-9)
        .then(|| (v * 10.0).round() as u32)
}

/// Tenths as YAML writes the number: 275 → "27.5".
fn number(t: u32) -> String {
    match t % 10 {
        0 => (t / 10).to_string(),
        d => format!("{}.{d}", t / 10),
    }
}

/// One group of a score as sent: its key in the data, the points of each input (in tenths),
/// the inputs.
struct Group<'a> {
    key: &'static str,
    values: Vec<Option<u32>>,
    fields: Vec<&'a Field>,
}

impl Group<'_> {
    fn new(key: &'static str) -> Self {
        Group {
            key,
            values: Vec::new(),
            fields: Vec::new(),
        }
    }
}

/// The form's values by field name, as sent (line ends as the data writes them).
pub type Form = HashMap<String, String>;

/// What the member sent, as a submission file's text; or the fields that cannot be read, with
/// why. Only the inputs the page asked for are read.
pub fn to_yaml(
    fields: &[Field],
    form: &Form,
    m: &Member,
    when: &str,
) -> Result<String, Vec<(String, String)>> {
    let get = |name: &str| {
        form.get(name)
            .map(|v| v.replace("\r\n", "\n").trim().to_string())
            .unwrap_or_default()
    };
    let asked: Vec<&Field> = fields.iter().filter(|f| f.asked()).collect();
    let mut errors = Vec::new();
    let mut body: Vec<String> = Vec::new();
    // section I: one entry per criterion, in order, when any of them is written
    let criteria: Vec<&Field> = fields
        .iter()
        .filter(|f| f.name.starts_with("uu_diem_"))
        .collect();
    let in_section_i = |f: &Field| {
        f.name.starts_with("uu_diem_")
            || f.name.starts_with("cap_do_") && f.name != "cap_do_khac_phuc"
    };
    if asked
        .iter()
        .any(|f| in_section_i(f) && !get(&f.name).is_empty())
    {
        body.push("  uu_diem:".into());
        for i in 0..criteria.len() {
            let text = get(&format!("uu_diem_{i}"));
            let level = get(&format!("cap_do_{i}"));
            let mut entry = Vec::new();
            if !text.is_empty() {
                entry.push(format!("noi_dung: {}", quoted(&text)));
            }
            if !level.is_empty() {
                if LEVELS.iter().any(|(k, _)| *k == level) {
                    entry.push(format!("cap_do: {level}"));
                } else {
                    errors.push((
                        format!("cap_do_{i}"),
                        "chọn một cấp độ trong danh sách.".into(),
                    ));
                }
            }
            body.push(format!("    - {{ {} }}", entry.join(", ")));
        }
    }
    // scores, by group: a total, or one per criterion of the table
    let mut groups = [Group::new("chung"), Group::new("nhiem_vu")];
    for f in asked.iter().filter(|f| !in_section_i(f)) {
        let v = get(&f.name);
        match f.kind {
            Answer::Points(max) => {
                let g = usize::from(f.path.starts_with("tu_cham_diem.nhiem_vu"));
                groups[g].fields.push(f);
                let p = if v.is_empty() {
                    None
                } else {
                    match tenths(&v) {
                        Some(t) if t <= max.0 => Some(t),
                        Some(_) => {
                            errors.push((f.name.clone(), format!("tối đa {} điểm.", max.text())));
                            None
                        }
                        None => {
                            errors.push((
                                f.name.clone(),
                                format!(
                                    "điểm là một số từ 0 đến {}, lẻ nhiều nhất một chữ số thập phân (ví dụ 17 hoặc 17,5).",
                                    max.text()
                                ),
                            ));
                            None
                        }
                    }
                };
                groups[g].values.push(p);
            }
            _ if v.is_empty() => {}
            Answer::Text => body.push(format!("  {}: {}", f.name, quoted(&v))),
            Answer::Level if LEVELS.iter().any(|(k, _)| *k == v) => {
                body.push(format!("  {}: {v}", f.name))
            }
            Answer::Rating if RATINGS.contains(&v.as_str()) => {
                body.push(format!("  {}: {v}", f.name))
            }
            Answer::Level | Answer::Rating => {
                errors.push((f.name.clone(), "chọn một mức trong danh sách.".into()))
            }
        }
    }
    let typed = groups
        .iter()
        .flat_map(|g| &g.values)
        .filter(|p| p.is_some())
        .count();
    let asked_points: usize = groups.iter().map(|g| g.values.len()).sum();
    if typed > 0 && errors.iter().all(|(n, _)| !n.starts_with("diem_")) {
        if typed < asked_points {
            // a score is all its parts or none: the totals are computed from them
            for g in &groups {
                for (v, f) in g.values.iter().zip(&g.fields) {
                    if v.is_none() {
                        errors.push((
                            f.name.clone(),
                            "ghi điểm của mọi tiêu chí (hoặc để trống tất cả).".into(),
                        ));
                    }
                }
            }
        } else {
            let group = |g: &Group| {
                let rows = g.fields.iter().any(|f| f.path.ends_with(']'));
                let nums: Vec<String> = g.values.iter().map(|v| number(v.unwrap_or(0))).collect();
                if rows {
                    format!("{}: [{}]", g.key, nums.join(", "))
                } else {
                    format!("{}: {}", g.key, nums.join(""))
                }
            };
            body.push(format!(
                "  tu_cham_diem: {{ {}, {} }}",
                group(&groups[0]),
                group(&groups[1])
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if body.is_empty() {
        return Err(vec![(String::new(), "chưa có nội dung nào để gửi.".into())]);
    }
    let mut lines = vec![
        format!(
            "# Bản tự kiểm điểm của đ/c {}, gửi qua trang web lúc {when}.",
            m.full_name
        ),
        format!("ma: {}", quoted(&m.id)),
        format!("gui_luc: {}", quoted(when)),
        "kiem_diem:".to_string(),
    ];
    lines.extend(body);
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(text)
}

/// What checking a submission found: errors by field name (the empty name for the whole), and
/// notes (a field the data file already has, which wins).
#[derive(Default, Clone, Debug)]
pub struct Verdict {
    /// Errors, by field name.
    pub errors: Vec<(String, String)>,
    /// Warnings to show.
    pub notes: Vec<String>,
}

impl Verdict {
    /// A verdict of one error about the whole submission.
    pub fn refused(message: impl Into<String>) -> Verdict {
        Verdict {
            errors: vec![(String::new(), message.into())],
            ..Verdict::default()
        }
    }
}

/// One send to check: the member, what they sent as a submission file, their form's inputs.
pub struct Sent<'a> {
    /// The member's id.
    pub id: &'a str,
    /// The submission file's text.
    pub text: &'a str,
    /// The inputs of their form.
    pub fields: &'a [Field],
}

/// Maps a diagnostic's path under the member's `kiem_diem` to the form's field name.
fn field_of(fields: &[Field], rest: &str) -> String {
    fields
        .iter()
        .filter(|f| {
            rest == f.path
                || rest.starts_with(&format!("{}.", f.path))
                || f.path.starts_with(&format!("{rest}."))
                || f.path.starts_with(&format!("{rest}[")) && f.name.ends_with("_0")
        })
        .map(|f| f.name.clone())
        .next()
        .unwrap_or_default()
}

/// The position of each member in the data file's list, by id, as diagnostics' paths name them.
fn positions(text: &str) -> HashMap<String, usize> {
    #[derive(serde::Deserialize)]
    struct Ids {
        #[serde(default)]
        dang_vien: Vec<Id>,
    }
    #[derive(serde::Deserialize)]
    struct Id {
        #[serde(default)]
        ma: Option<String>,
    }
    let Ok(ids) = serde_saphyr::from_str::<Ids>(text) else {
        return HashMap::new();
    };
    let mut out = HashMap::new();
    for (i, m) in ids.dang_vien.iter().enumerate() {
        if let Some(id) = &m.ma {
            out.entry(id.trim().to_string()).or_insert(i);
        }
    }
    out
}

/// Checks several members' sends at once (at most one per member) against the data file at
/// `data`, as `hoso check` would with each in place of that member's earlier one: one check
/// of the whole cell for all of them. `before` are the errors the data had already (not the
/// sends' doing). Returns a verdict for each send, and the data with every submission when all
/// of it passed every check.
pub fn check_all(
    data: &Path,
    sent: &[Sent],
    before: &[Diagnostic],
) -> (Vec<Verdict>, Option<Loaded>) {
    let mut verdicts = vec![Verdict::default(); sent.len()];
    let bytes = match pipeline::read_input(data) {
        Ok(b) => b,
        Err(_) => {
            let v = Verdict::refused("không đọc được tệp dữ liệu của chi bộ; báo thư ký chi bộ.");
            return (vec![v; sent.len()], None);
        }
    };
    let at = positions(std::str::from_utf8(&bytes).unwrap_or(""));
    let labels: Vec<String> = sent
        .iter()
        .map(|s| super::store::file_for(data, s.id).display().to_string())
        .collect();
    let mut mine = Vec::new();
    for (i, s) in sent.iter().enumerate() {
        if !at.contains_key(s.id) {
            verdicts[i] = Verdict::refused(
                "tệp dữ liệu của chi bộ vừa thay đổi và không còn tên đồng chí; báo thư ký chi bộ.",
            );
            continue;
        }
        match submissions::parse(&labels[i], s.text) {
            Ok(sub) => mine.push(sub),
            Err(d) => verdicts[i] = Verdict::refused(d.message),
        }
    }
    let (mut subs, errors) = pipeline::submissions_of(data);
    subs.retain(|s: &Submission| !sent.iter().any(|x| x.id == s.member));
    subs.extend(mine);
    let (diags, loaded) = match live::load_from(&data.display().to_string(), &bytes, (subs, errors))
    {
        Ok(l) => (l.warnings.clone(), Some(l)),
        Err(d) => (d, None),
    };
    let already = |d: &Diagnostic| {
        before
            .iter()
            .any(|b| b.severity == Severity::Error && b.path == d.path && b.message == d.message)
    };
    for d in diags {
        for (i, s) in sent.iter().enumerate() {
            let Some(index) = at.get(s.id) else {
                continue;
            };
            let base = format!("dang_vien[{index}].kiem_diem");
            let member = format!("dang_vien[{index}]");
            let about_me = d.path == base || d.path.starts_with(&format!("{base}."));
            let about_member = d.path == member || d.path.starts_with(&format!("{member}."));
            if d.severity == Severity::Error
                && (d.file == labels[i] || about_member && !already(&d))
            {
                let rest = d.path.strip_prefix(&format!("{base}.")).unwrap_or("");
                let mut message = d.message.clone();
                if let Some(h) = &d.hint {
                    message = format!("{message} ({h})");
                }
                verdicts[i].errors.push((field_of(s.fields, rest), message));
            } else if d.severity == Severity::Warning && about_me && d.file != labels[i] {
                verdicts[i].notes.push(d.message.clone());
            }
        }
    }
    let all_pass = verdicts.iter().all(|v| v.errors.is_empty());
    (verdicts, loaded.filter(|_| all_pass))
}
