//! Self-reviews members sent from the web page (`hoso serve`): one YAML file per member in a
//! folder beside the data file (`chi-bo.yaml` → `chi-bo.bai-gui/nam.yaml`), never written into
//! the clerk's own file. A submission fills what the data file leaves empty; where both have a
//! value, the data file wins and a warning names the member and the field.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::raw::{RawDossier, RawSelfReview, S};
use crate::diag::{Diagnostic, Pos, Severity};

/// The folder of submissions for the data file at `data`.
pub fn folder_for(data: &Path) -> PathBuf {
    let stem = data
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "du-lieu".into());
    data.with_file_name(format!("{stem}.bai-gui"))
}

/// The submission files of `dir` (`*.yaml` directly in it), in name order; none when it is
/// missing.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// The submission files of `dir` as one run of bytes (name, length, content of each, in name
/// order), for telling whether they changed.
pub fn fingerprint(dir: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    for p in yaml_files(dir) {
        let bytes = std::fs::read(&p).unwrap_or_default();
        out.extend_from_slice(p.file_name().unwrap_or_default().as_encoded_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(&bytes);
    }
    out
}

/// A submission file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubmission {
    /// The member's id.
    ma: S<String>,
    /// When it was sent (for people; not read).
    #[serde(default)]
    #[allow(dead_code)]
    gui_luc: Option<String>,
    /// The self-review, as in the data file.
    kiem_diem: RawSelfReview,
}

/// One member's submission, read.
pub struct Submission {
    /// Its file, as named in messages.
    pub file: String,
    /// The member's id.
    pub member: String,
    /// Where the id is written.
    pub at: Pos,
    /// What they wrote.
    pub review: RawSelfReview,
    /// A digest of the file's text: a member's documents are made again only when it changes.
    pub digest: u64,
    /// The file's text, whose words are the member's own (never respelled).
    pub text: String,
}

fn pos_of<T>(s: &S<T>) -> Pos {
    Pos {
        line: s.referenced.line(),
        column: s.referenced.column(),
    }
}

/// Parses one submission's text; `file` names it in messages.
pub fn parse(file: &str, text: &str) -> Result<Submission, Diagnostic> {
    let raw: RawSubmission = super::yaml_errors::from_str(file, text)?;
    Ok(Submission {
        file: file.to_string(),
        member: raw.ma.value.trim().to_string(),
        at: pos_of(&raw.ma),
        review: raw.kiem_diem,
        digest: {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            text.hash(&mut h);
            h.finish()
        },
        text: text.to_string(),
    })
}

/// Reads every submission in `dir` (`*.yaml` directly in it, in name order); a missing folder
/// is no submission. Files that cannot be read are errors in their own name.
pub fn read_all(dir: &Path) -> (Vec<Submission>, Vec<Diagnostic>) {
    let (mut subs, mut errors) = (Vec::new(), Vec::new());
    for p in yaml_files(dir) {
        let label = p.display().to_string();
        let text = match std::fs::read(&p) {
            Ok(b) if b.len() <= super::load::MAX_INPUT_BYTES => {
                String::from_utf8(b).map_err(|_| "tệp không phải văn bản UTF-8.".to_string())
            }
            Ok(_) => Err("tệp quá lớn.".to_string()),
            Err(e) => Err(crate::messages::io_error(&e)),
        };
        match text.map(|t| parse(&label, &t)) {
            Ok(Ok(s)) => subs.push(s),
            Ok(Err(d)) => errors.push(d),
            Err(why) => errors.push(Diagnostic::error(&label, Pos::default(), "", why)),
        }
    }
    (subs, errors)
}

/// Where a submitted value went: diagnostics on fields under `path` belong to `file`.
#[derive(Clone, Debug)]
pub struct Taken {
    /// The field path in the data ("dang_vien[3].kiem_diem.han_che").
    pub path: String,
    /// The submission's file.
    pub file: String,
}

fn warning(file: &str, pos: Pos, path: &str, message: String) -> Diagnostic {
    let mut d = Diagnostic::error(file, pos, path, message).with_hint(
        "xóa giá trị trong tệp dữ liệu nếu muốn dùng bản đảng viên gửi, hoặc bỏ qua cảnh báo này.",
    );
    d.severity = Severity::Warning;
    d
}

/// Fills what `raw` leaves empty from `subs`; returns the warnings (an unknown member, a field
/// both have) and where each taken value came from.
pub fn merge(
    raw: &mut RawDossier,
    data_file: &str,
    subs: Vec<Submission>,
) -> (Vec<Diagnostic>, Vec<Taken>) {
    let mut warnings = Vec::new();
    let mut taken = Vec::new();
    for sub in subs {
        let Some(i) = raw
            .dang_vien
            .iter()
            .position(|m| m.value.ma.value.trim() == sub.member)
        else {
            warnings.push(warning(
                &sub.file,
                sub.at,
                "ma",
                format!(
                    "không có đảng viên mã «{}» trong tệp dữ liệu; bản gửi này không được dùng.",
                    sub.member
                ),
            ));
            continue;
        };
        let m = &mut raw.dang_vien[i].value;
        let name = m.ho_ten.value.clone();
        let base = format!("dang_vien[{i}].kiem_diem");
        let Some(main) = m.kiem_diem.as_mut() else {
            m.kiem_diem = Some(sub.review);
            taken.push(Taken {
                path: base,
                file: sub.file,
            });
            continue;
        };
        let mut both = |field: &str, pos: Pos| {
            warnings.push(warning(
                data_file,
                pos,
                &format!("{base}.{field}"),
                format!(
                    "đ/c {name} đã gửi «{field}» qua trang web, nhưng tệp dữ liệu cũng có; dùng giá trị trong tệp dữ liệu."
                ),
            ));
        };
        let mut take = |field: &str| {
            taken.push(Taken {
                path: format!("{base}.{field}"),
                file: sub.file.clone(),
            });
        };
        let r = sub.review;
        macro_rules! text_field {
            ($f:ident) => {
                match (&main.$f, r.$f) {
                    (None, Some(v)) => {
                        main.$f = Some(v);
                        take(stringify!($f));
                    }
                    (Some(a), Some(b)) if a.value.trim() != b.value.trim() => {
                        both(stringify!($f), pos_of(a))
                    }
                    _ => {}
                }
            };
        }
        text_field!(han_che);
        text_field!(nguyen_nhan);
        text_field!(khac_phuc);
        text_field!(giai_trinh);
        text_field!(trach_nhiem);
        text_field!(phuong_huong);
        match (&main.tu_xep_loai_dang_vien, r.tu_xep_loai_dang_vien) {
            (None, Some(v)) => {
                main.tu_xep_loai_dang_vien = Some(v);
                take("tu_xep_loai_dang_vien");
            }
            (Some(a), Some(b)) if a.value != b.value => both("tu_xep_loai_dang_vien", pos_of(a)),
            _ => {}
        }
        match (&main.tu_cham_diem, r.tu_cham_diem) {
            (None, Some(v)) => {
                main.tu_cham_diem = Some(v);
                take("tu_cham_diem");
            }
            (Some(a), Some(_)) => both("tu_cham_diem", pos_of(&a.chung)),
            _ => {}
        }
        if main.cap_do_khac_phuc.is_none() && r.cap_do_khac_phuc.is_some() {
            main.cap_do_khac_phuc = r.cap_do_khac_phuc;
            take("cap_do_khac_phuc");
        }
        if main.tu_xep_loai_vien_chuc.is_none() && r.tu_xep_loai_vien_chuc.is_some() {
            main.tu_xep_loai_vien_chuc = r.tu_xep_loai_vien_chuc;
            take("tu_xep_loai_vien_chuc");
        }
        match (main.uu_diem.is_empty(), r.uu_diem.is_empty()) {
            (true, false) => {
                main.uu_diem = r.uu_diem;
                take("uu_diem");
            }
            (false, false) => both("uu_diem", pos_of(&main.uu_diem[0])),
            _ => {}
        }
    }
    (warnings, taken)
}

/// Gives each diagnostic about a submitted value the submission's file name.
pub fn attribute(diags: &mut [Diagnostic], taken: &[Taken]) {
    for d in diags {
        if let Some(t) = taken.iter().find(|t| {
            d.path == t.path
                || d.path.starts_with(&format!("{}.", t.path))
                || d.path.starts_with(&format!("{}[", t.path))
        }) {
            d.file = t.file.clone();
        }
    }
}
