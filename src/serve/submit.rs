//! Sending a self-review back: the fields of the member's form (by the year's regulation), what
//! they wrote turned into a submission file, checked with the same rules and messages as `hoso
//! check`, and saved as one file per member beside the data (the previous one kept, with its
//! time), never by editing the clerk's YAML.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::data::submissions::{self, Submission};
use crate::data::{Dossier, Level, Member, Rating};
use crate::diag::{Diagnostic, Severity};
use crate::documents::review_form as rf;
use crate::pipeline::{self, Failure};

/// What an input of the form asks for.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A text of several paragraphs.
    Text,
    /// A criterion's or the remedy's level ("xuat_sac", "tot", …).
    Level,
    /// A rating ("hoan_thanh_tot", …).
    Rating,
    /// Points (0 to `max`, one decimal).
    Points(u32),
}

/// One input of the form.
#[derive(Clone, Debug)]
pub struct Field {
    /// The heading it starts, when it is the first of a section.
    pub heading: Option<&'static str>,
    /// Its name in the form.
    pub name: String,
    /// Its label.
    pub label: String,
    /// What it asks for.
    pub kind: Kind,
    /// Its value now (from the data or an earlier submission), as the form shows it.
    pub value: String,
    /// Where it goes in the data, under the member's `kiem_diem`.
    pub path: String,
}

/// The levels of a criterion, as the data writes them and as the page names them.
pub const LEVELS: [(&str, &str); 4] = [
    ("xuat_sac", "Xuất sắc"),
    ("tot", "Tốt"),
    ("trung_binh", "Trung bình"),
    ("kem", "Kém"),
];

/// The ratings, as the data writes them.
pub const RATINGS: [&str; 4] = [
    "hoan_thanh_xuat_sac",
    "hoan_thanh_tot",
    "hoan_thanh",
    "khong_hoan_thanh",
];

fn level_key(l: Option<Level>) -> String {
    match l {
        Some(Level::Excellent) => "xuat_sac",
        Some(Level::Good) => "tot",
        Some(Level::Average) => "trung_binh",
        Some(Level::Poor) => "kem",
        None => "",
    }
    .to_string()
}

fn rating_key(r: Option<Rating>) -> String {
    r.and_then(|r| Rating::ALL.iter().position(|x| *x == r))
        .map_or(String::new(), |i| RATINGS[i].to_string())
}

/// The fields of member `m`'s self-review, filled with what the data holds now.
pub fn fields(d: &Dossier, m: &Member) -> Vec<Field> {
    let form = (d.regulation.self_review.form_of)(m);
    let r = &m.review;
    let mut out = Vec::new();
    let mut push = |heading: Option<&'static str>,
                    name: String,
                    label: String,
                    kind: Kind,
                    value: String,
                    path: String| {
        out.push(Field {
            heading,
            name,
            label,
            kind,
            value,
            path,
        })
    };
    for (i, c) in form.criteria.iter().enumerate() {
        let entry = r.criteria.get(i);
        push(
            (i == 0).then_some(rf::SECTION_I),
            format!("uu_diem_{i}"),
            format!("{}. {}", i + 1, c.text),
            Kind::Text,
            entry.and_then(|e| e.text.clone()).unwrap_or_default(),
            format!("uu_diem[{i}].noi_dung"),
        );
        if c.assessed && form.levels.is_some() {
            push(
                None,
                format!("cap_do_{i}"),
                "Tự đánh giá về cấp độ thực hiện".into(),
                Kind::Level,
                level_key(entry.and_then(|e| e.level)),
                format!("uu_diem[{i}].cap_do"),
            );
        }
    }
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    push(
        Some(rf::SECTION_II),
        "han_che".into(),
        form.shortcomings[0].into(),
        Kind::Text,
        text(&r.shortcomings),
        "han_che".into(),
    );
    push(
        None,
        "nguyen_nhan".into(),
        form.shortcomings[1].into(),
        Kind::Text,
        text(&r.causes),
        "nguyen_nhan".into(),
    );
    push(
        Some(rf::SECTION_III),
        "khac_phuc".into(),
        "Kết quả khắc phục".into(),
        Kind::Text,
        text(&r.remedy),
        "khac_phuc".into(),
    );
    if form.levels.is_some() {
        push(
            None,
            "cap_do_khac_phuc".into(),
            "Tự đánh giá về cấp độ khắc phục".into(),
            Kind::Level,
            level_key(r.remedy_level),
            "cap_do_khac_phuc".into(),
        );
    }
    push(
        Some(rf::SECTION_IV),
        "giai_trinh".into(),
        "Giải trình".into(),
        Kind::Text,
        text(&r.explanations),
        "giai_trinh".into(),
    );
    push(
        Some(form.responsibility),
        "trach_nhiem".into(),
        "Trách nhiệm của cá nhân".into(),
        Kind::Text,
        text(&r.responsibility),
        "trach_nhiem".into(),
    );
    push(
        Some(rf::SECTION_VI),
        "phuong_huong".into(),
        "Phương hướng, biện pháp".into(),
        Kind::Text,
        text(&r.direction),
        "phuong_huong".into(),
    );
    if let Some(rating) = d.regulation.self_review.rating {
        push(
            Some(rating.heading),
            "tu_xep_loai_vien_chuc".into(),
            rating.civil.into(),
            Kind::Rating,
            rating_key(r.rating_civil),
            "tu_xep_loai_vien_chuc".into(),
        );
        push(
            None,
            "tu_xep_loai_dang_vien".into(),
            rating.party.into(),
            Kind::Rating,
            rating_key(r.rating_party),
            "tu_xep_loai_dang_vien".into(),
        );
    }
    if let Some(s) = d.regulation.scoring {
        let (general, tasks) = match &r.score {
            Some(sc) => (
                sc.general.text().replace(',', "."),
                sc.tasks.text().replace(',', "."),
            ),
            None => (String::new(), String::new()),
        };
        push(
            Some(s.groups),
            "diem_chung".into(),
            format!("Nhóm tiêu chí chung (tối đa {} điểm)", s.general.1.text()),
            Kind::Points(s.general.1.0 / 10),
            general,
            "tu_cham_diem.chung".into(),
        );
        push(
            None,
            "diem_nhiem_vu".into(),
            format!(
                "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (tối đa {} điểm)",
                s.tasks.1.text()
            ),
            Kind::Points(s.tasks.1.0 / 10),
            tasks,
            "tu_cham_diem.nhiem_vu".into(),
        );
        push(
            Some(s.level),
            "tu_xep_loai_dang_vien".into(),
            "Mức chất lượng tự đề xuất".into(),
            Kind::Rating,
            rating_key(r.rating_party),
            "tu_xep_loai_dang_vien".into(),
        );
    }
    out
}

/// A YAML string: JSON's quoting, which YAML reads the same.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Points as a number: "27,5" or "27.5" → 27.5 (one decimal at most).
fn points(s: &str) -> Option<String> {
    let t = s.trim().replace(',', ".");
    let v: f64 = t.parse().ok()?;
    (v.is_finite() && v >= 0.0 && (v * 10.0 - (v * 10.0).round()).abs() < 1e-9).then(|| {
        let tenths = (v * 10.0).round() as i64;
        match tenths % 10 {
            0 => (tenths / 10).to_string(),
            t => format!("{}.{t}", tenths / 10),
        }
    })
}

/// What the member sent, as a submission file's text; or the fields that cannot be read, with
/// why.
pub fn to_yaml(
    fields: &[Field],
    form: &HashMap<String, String>,
    m: &Member,
    when: &str,
) -> Result<String, Vec<(String, String)>> {
    let get = |name: &str| {
        form.get(name)
            .map(|v| v.replace("\r\n", "\n"))
            .unwrap_or_default()
    };
    let mut errors = Vec::new();
    let mut lines = vec![
        format!(
            "# Bản tự kiểm điểm của đ/c {}, gửi qua trang web lúc {when}.",
            m.full_name
        ),
        format!("ma: {}", quoted(&m.id)),
        format!("gui_luc: {}", quoted(when)),
        "kiem_diem:".to_string(),
    ];
    // section I: one entry per criterion, in order
    let criteria: Vec<&Field> = fields
        .iter()
        .filter(|f| f.name.starts_with("uu_diem_"))
        .collect();
    let any_criterion = fields
        .iter()
        .filter(|f| {
            f.name.starts_with("uu_diem_")
                || f.name.starts_with("cap_do_") && f.name != "cap_do_khac_phuc"
        })
        .any(|f| !get(&f.name).trim().is_empty());
    if any_criterion {
        lines.push("  uu_diem:".into());
        for (i, _) in criteria.iter().enumerate() {
            let text = get(&format!("uu_diem_{i}"));
            let level = get(&format!("cap_do_{i}"));
            let mut entry = Vec::new();
            if !text.trim().is_empty() {
                entry.push(format!("noi_dung: {}", quoted(text.trim())));
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
            lines.push(format!("    - {{ {} }}", entry.join(", ")));
        }
    }
    let mut score: Vec<(String, String)> = Vec::new();
    for f in fields {
        if f.name.starts_with("uu_diem_")
            || f.name.starts_with("cap_do_") && f.name != "cap_do_khac_phuc"
        {
            continue;
        }
        let v = get(&f.name);
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match f.kind {
            Kind::Text => lines.push(format!("  {}: {}", f.name, quoted(v))),
            Kind::Level if LEVELS.iter().any(|(k, _)| *k == v) => {
                lines.push(format!("  {}: {v}", f.name))
            }
            Kind::Rating if RATINGS.contains(&v) => lines.push(format!("  {}: {v}", f.name)),
            Kind::Level | Kind::Rating => {
                errors.push((f.name.clone(), "chọn một mức trong danh sách.".into()))
            }
            Kind::Points(max) => match points(v) {
                Some(p) if p.parse::<f64>().is_ok_and(|x| x <= f64::from(max)) => {
                    score.push((f.name.clone(), p))
                }
                Some(_) => errors.push((f.name.clone(), format!("tối đa {max} điểm."))),
                None => errors.push((
                    f.name.clone(),
                    format!("điểm là một số từ 0 đến {max}, lẻ nhiều nhất một chữ số thập phân (ví dụ 27 hoặc 27,5)."),
                )),
            },
        }
    }
    match score.as_slice() {
        [] => {}
        [(a, x), (b, y)] if a == "diem_chung" && b == "diem_nhiem_vu" => {
            lines.push(format!("  tu_cham_diem: {{ chung: {x}, nhiem_vu: {y} }}"))
        }
        [(name, _)] if !errors.iter().any(|(n, _)| n.starts_with("diem_")) => {
            let other = if name == "diem_chung" {
                "diem_nhiem_vu"
            } else {
                "diem_chung"
            };
            errors.push((
                other.to_string(),
                "ghi điểm của cả hai nhóm tiêu chí.".into(),
            ));
        }
        _ => {}
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if lines.len() == 4 {
        return Err(vec![(String::new(), "chưa có nội dung nào để gửi.".into())]);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(text)
}

/// What checking a submission found: errors by field name (the empty name for the whole), and
/// notes (a field the data file already has, which wins).
#[derive(Default, Debug)]
pub struct Checked {
    /// Errors, by field name.
    pub errors: Vec<(String, String)>,
    /// Warnings to show.
    pub notes: Vec<String>,
}

/// The file of member `id`'s submission for the data file at `data`.
pub fn file_for(data: &Path, id: &str) -> PathBuf {
    submissions::folder_for(data).join(format!("{id}.yaml"))
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

/// Checks member `m`'s submission `text` against the data file at `data` as `hoso check` would
/// with it in place of their earlier one.
pub fn check(data: &Path, m: &Member, index: usize, text: &str, fields: &[Field]) -> Checked {
    let target = file_for(data, &m.id);
    let label = target.display().to_string();
    let mine = match submissions::parse(&label, text) {
        Ok(s) => s,
        Err(d) => {
            return Checked {
                errors: vec![(String::new(), d.message)],
                notes: Vec::new(),
            };
        }
    };
    let bytes = match pipeline::read_input(data) {
        Ok(b) => b,
        Err(_) => {
            return Checked {
                errors: vec![(
                    String::new(),
                    "không đọc được tệp dữ liệu của chi bộ; báo thư ký chi bộ.".into(),
                )],
                notes: Vec::new(),
            };
        }
    };
    let base = format!("dang_vien[{index}].kiem_diem");
    let member = format!("dang_vien[{index}]");
    // the data with the others' submissions, then with this one too: an error about this
    // member that only the second has is this submission's doing
    let run = |with: Option<Submission>| -> Vec<Diagnostic> {
        let (mut subs, errors) = pipeline::submissions_of(data);
        subs.retain(|s: &Submission| s.member != m.id);
        subs.extend(with);
        match pipeline::load_and_check(&data.display().to_string(), &bytes, (subs, errors)) {
            Ok(c) => c.warnings,
            Err(Failure::Data(d, _)) => d,
            Err(_) => Vec::new(),
        }
    };
    let before: Vec<(String, String)> = run(None)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.path, d.message))
        .collect();
    let diags = run(Some(mine));
    let mut out = Checked::default();
    for d in diags {
        let about_me = d.path == base || d.path.starts_with(&format!("{base}."));
        let new_about_member = (d.path == member || d.path.starts_with(&format!("{member}.")))
            && !before.contains(&(d.path.clone(), d.message.clone()));
        if d.severity == Severity::Error && (d.file == label || new_about_member) {
            let rest = d.path.strip_prefix(&format!("{base}.")).unwrap_or("");
            let mut message = d.message.clone();
            if let Some(h) = &d.hint {
                message = format!("{message} ({h})");
            }
            out.errors.push((field_of(fields, rest), message));
        } else if d.severity == Severity::Warning && about_me && d.file != label {
            out.notes.push(d.message.clone());
        }
    }
    out
}

/// Saves member `id`'s submission for the data file at `data`, whole or not at all; the earlier
/// one is kept in `cu/` under its time.
pub fn save(data: &Path, id: &str, text: &str, stamp: &str) -> Result<(), String> {
    let target = file_for(data, id);
    let dir = submissions::folder_for(data);
    let io = |what: &str, p: &Path, e: std::io::Error| {
        format!("{what} {}: {}", p.display(), crate::messages::io_error(&e))
    };
    fs::create_dir_all(dir.join("cu")).map_err(|e| io("không tạo được thư mục", &dir, e))?;
    if target.exists() {
        let old = dir.join("cu").join(format!("{id}-{stamp}.yaml"));
        if fs::hard_link(&target, &old).is_err() {
            fs::copy(&target, &old).map_err(|e| io("không chép được", &target, e))?;
        }
    }
    let tmp = dir.join(format!(".{id}.yaml.moi"));
    let written = fs::write(&tmp, text)
        .and_then(|()| fs::File::open(&tmp)?.sync_all())
        .and_then(|()| fs::rename(&tmp, &target));
    written.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io("không ghi được", &target, e)
    })
}
