//! Loading: YAML text → raw serde types → the checked model, with every problem reported at once.

mod meeting;
mod members;
mod plan;
mod reports;
mod scores;
mod text;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde_saphyr::Location;

use super::model::*;
use super::raw::*;
use super::yaml_errors;
use crate::diag::{Diagnostic, Pos};
use crate::regulation::{Regulation, ReviewForm};
use crate::vn;

/// Files larger than this are refused before parsing (a cell's file is a few tens of kB).
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Checks the bytes of a data file; `file` names it in diagnostics.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Dossier, Vec<Diagnostic>> {
    load_bytes_with(file, bytes, Vec::new())
}

/// Checks the bytes of a data file with the members' submissions merged in.
pub fn load_bytes_with(
    file: &str,
    bytes: &[u8],
    subs: Vec<super::submissions::Submission>,
) -> Result<Dossier, Vec<Diagnostic>> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(vec![too_large(file, bytes.len())]);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let upto = &bytes[..e.valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let column = upto.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
        vec![
            Diagnostic::error(
                file,
                Pos { line, column },
                "",
                "tệp không phải văn bản UTF-8.",
            )
            .with_hint("lưu lại tệp với bảng mã UTF-8 (Unicode)."),
        ]
    })?;
    load_str_with(file, text, subs)
}

fn too_large(file: &str, len: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        Pos::default(),
        "",
        format!("tệp quá lớn ({len} byte); giới hạn là {MAX_INPUT_BYTES} byte."),
    )
    .with_hint("một chi bộ chỉ cần một tệp vài chục kilobyte; kiểm tra xem có dán nhầm nội dung khác vào không.")
}

/// Parses and checks data given as text; `file` names it in diagnostics.
pub fn load_str(file: &str, text: &str) -> Result<Dossier, Vec<Diagnostic>> {
    load_str_with(file, text, Vec::new())
}

/// Parses and checks data given as text, with the members' submissions merged in: what they
/// sent fills what the file leaves empty, and diagnostics on a sent value name its file.
pub fn load_str_with(
    file: &str,
    text: &str,
    subs: Vec<super::submissions::Submission>,
) -> Result<Dossier, Vec<Diagnostic>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![too_large(file, text.len())]);
    }
    let mut raw = parse(file, text)?;
    let mut spelling = crate::vn::tone::Spelling::of(text);
    for s in &subs {
        spelling.keep_words_of(&s.text);
    }
    let (warnings, taken) = super::submissions::merge(&mut raw, file, subs);
    match Converter::new(file).dossier(raw) {
        Ok(mut d) => {
            d.spelling = spelling;
            super::submissions::attribute(&mut d.notices, &taken);
            d.notices.extend(warnings);
            d.submitted = taken;
            Ok(d)
        }
        Err(mut diags) => {
            super::submissions::attribute(&mut diags, &taken);
            Err(diags)
        }
    }
}

/// YAML → raw types, keeping the field path of a failure.
fn parse(file: &str, text: &str) -> Result<RawDossier, Vec<Diagnostic>> {
    yaml_errors::from_str(file, text).map_err(|d| vec![d])
}

fn level(l: RawLevel) -> Level {
    match l {
        RawLevel::XuatSac => Level::Excellent,
        RawLevel::Tot => Level::Good,
        RawLevel::TrungBinh => Level::Average,
        RawLevel::Kem => Level::Poor,
    }
}

fn rating(r: RawRating) -> Rating {
    match r {
        RawRating::HoanThanhXuatSac => Rating::Excellent,
        RawRating::HoanThanhTot => Rating::Good,
        RawRating::HoanThanh => Rating::Done,
        RawRating::KhongHoanThanh => Rating::NotDone,
    }
}

fn pos(l: &Location) -> Pos {
    Pos {
        line: l.line(),
        column: l.column(),
    }
}

fn at<T>(s: &S<T>, path: &str) -> At {
    At {
        pos: pos(&s.referenced),
        path: path.to_string(),
    }
}

/// One-line fields (names, posts, places) are at most this many characters.
const MAX_LINE_CHARS: usize = 300;
/// Running text is at most this many characters.
const MAX_PROSE_CHARS: usize = 20_000;

/// The general group's points (QĐ 366).
const GENERAL_MAX: Points = Points::whole(30);
/// The task group's points.
const TASKS_MAX: Points = Points::whole(70);

/// Whom a member's 2025 self-review is for, when the data does not say: a leader writes 2A;
/// a member whose job is outside the political system (retired, student, private firm) 2C;
/// anyone else 2B.
fn default_subject(m: &RawMember) -> Subject {
    if m.lanh_dao_quan_ly {
        return Subject::Leader;
    }
    let job = m
        .nghe_nghiep
        .as_ref()
        .map(|j| vn::text::nfc(&j.value).to_lowercase())
        .unwrap_or_default();
    let outside = [
        "hưu",
        "học sinh",
        "sinh viên",
        "tư nhân",
        "tự do",
        "kinh doanh",
    ];
    if outside.iter().any(|w| job.contains(w)) {
        Subject::Outside
    } else {
        Subject::Member
    }
}

/// Raw → model, collecting every problem instead of stopping at the first.
struct Converter<'a> {
    file: &'a str,
    /// The review's regulation, once known (`None` when the year has none).
    regulation: Option<&'static Regulation>,
    /// The criteria tables, read before the members' scores.
    criteria: Vec<(&'static str, CriteriaTable)>,
    /// Warnings about the text as written (reported with the rules' diagnostics).
    warnings: Vec<Diagnostic>,
    diags: Vec<Diagnostic>,
    ids: HashMap<String, usize>,
    /// Members in the file: no ballot can count more votes.
    member_count: usize,
}

impl<'a> Converter<'a> {
    fn new(file: &'a str) -> Self {
        Converter {
            file,
            regulation: None,
            criteria: Vec::new(),
            warnings: Vec::new(),
            diags: Vec::new(),
            ids: HashMap::new(),
            member_count: 0,
        }
    }

    pub(super) fn error(&mut self, p: Pos, path: &str, message: String, hint: Option<&str>) {
        let mut d = Diagnostic::error(self.file, p, path, message);
        d.hint = hint.map(str::to_string);
        self.diags.push(d);
    }

    pub(super) fn warn(&mut self, p: Pos, path: &str, message: String, hint: &str) {
        let mut d = Diagnostic::error(self.file, p, path, message).with_hint(hint);
        d.severity = crate::diag::Severity::Warning;
        self.warnings.push(d);
    }

    /// Every member's id, checked (lower-case ASCII, unique) and numbered, before anything that
    /// refers to members is read.
    fn register_ids(&mut self, members: &[S<RawMember>]) {
        self.member_count = members.len();
        for (i, m) in members.iter().enumerate() {
            let id = m.value.ma.value.trim().to_string();
            let path = format!("dang_vien[{i}].ma");
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
            {
                self.error(
                    pos(&m.value.ma.referenced),
                    &path,
                    format!("mã «{id}» không hợp lệ."),
                    Some("mã chỉ gồm chữ thường không dấu, chữ số, «_» hoặc «-», ví dụ «nam» hay «lan_2»."),
                );
            } else if self.ids.insert(id.clone(), i).is_some() {
                self.error(
                    pos(&m.value.ma.referenced),
                    &path,
                    format!("mã «{id}» bị trùng với một đảng viên khác."),
                    Some("mỗi đảng viên cần một mã riêng."),
                );
            }
        }
    }

    pub(super) fn dossier(mut self, raw: RawDossier) -> Result<Dossier, Vec<Diagnostic>> {
        // ids first, so references anywhere can be resolved
        self.register_ids(&raw.dang_vien);
        let year = raw.nam.value;
        if !(1930..=2100).contains(&year) {
            self.error(
                pos(&raw.nam.referenced),
                "nam",
                format!("năm {year} không hợp lệ."),
                None,
            );
        }
        let regulation = self.choose_regulation(&raw.nam, raw.quy_dinh.as_ref());
        self.regulation = regulation;
        let guide = raw.the_thuc.as_ref().map(|g| match g.value {
            RawGuide::Hd36 => &crate::guide::HD36,
            RawGuide::Hd05 => &crate::guide::HD05,
        });
        let cell = self.cell(&raw.chi_bo);
        if let Some(t) = &raw.bo_tieu_chi {
            self.criteria_tables(t);
        }
        let mut members: Vec<Member> = raw
            .dang_vien
            .iter()
            .enumerate()
            .map(|(i, m)| self.member_data(m, &format!("dang_vien[{i}]")))
            .collect();
        super::names::tell_apart(&mut members);
        if raw.dang_vien.is_empty() {
            self.error(
                Pos::default(),
                "dang_vien",
                "chi bộ chưa có đảng viên nào.".into(),
                None,
            );
        }
        let last_year = raw
            .nam_truoc
            .as_ref()
            .map(|l| self.last_year(l, year, &members));
        let plan = self.plan(&raw.ke_hoach);
        let meeting = raw.hoi_nghi.as_ref().map(|m| self.meeting(m, plan.signer));
        let form_labels = match &raw.nhan_mau {
            None => FormLabels::default(),
            Some(l) => FormLabels(
                [
                    ("mau_01", &l.mau_01),
                    ("mau_02", &l.mau_02),
                    ("mau_03", &l.mau_03),
                    ("mau_2a", &l.mau_2a),
                    ("mau_2b", &l.mau_2b),
                    ("mau_2c", &l.mau_2c),
                    ("mau_04", &l.mau_04),
                ]
                .into_iter()
                .filter_map(|(k, v)| {
                    v.as_ref()
                        .map(|v| (k, self.text(v, &format!("nhan_mau.{k}"))))
                })
                .collect(),
            ),
        };
        let collective = raw
            .bao_cao_tap_the
            .as_ref()
            .map(|r| self.collective(r, plan.signer));
        let analysis = raw.phan_tich_chat_luong.as_ref().map(|a| self.analysis(a));
        let results = raw.bao_cao_ket_qua.as_ref().map(|r| {
            let path = "bao_cao_ket_qua";
            ResultsReport {
                number: r
                    .so
                    .as_ref()
                    .and_then(|s| self.number(s, "bao_cao_ket_qua.so")),
                date: self.date(&r.ngay, "bao_cao_ket_qua.ngay"),
                to: self.text(&r.kinh_gui, "bao_cao_ket_qua.kinh_gui"),
                proposals: self.rich_list(&r.kien_nghi, "bao_cao_ket_qua.kien_nghi"),
                enclosures: self.texts(&r.tai_lieu_kem_theo, &format!("{path}.tai_lieu_kem_theo")),
                recipients: self.texts(&r.noi_nhan, &format!("{path}.noi_nhan")),
                signer: match &r.nguoi_ky {
                    Some(s) => self.member(s, "bao_cao_ket_qua.nguoi_ky"),
                    None => plan.signer,
                },
                date_at: at(&r.ngay, "bao_cao_ket_qua.ngay"),
            }
        });
        let residence_request = raw.phieu_213.as_ref().map(|r| ResidenceRequest {
            date: self.date(&r.ngay, "phieu_213.ngay"),
            date_at: at(&r.ngay, "phieu_213.ngay"),
            deadline: self.opt_date(&r.han, "phieu_213.han"),
            deadline_at: r
                .han
                .as_ref()
                .map(|h| at(h, "phieu_213.han"))
                .unwrap_or_default(),
            signer: match &r.nguoi_ky {
                Some(s) => self.member(s, "phieu_213.nguoi_ky"),
                None => plan.signer,
            },
        });
        let settings = Settings {
            quota_base: match raw.quy_tac.as_ref().and_then(|q| q.co_so_ty_le_xuat_sac) {
                Some(RawQuotaBase::TotTroLen) => QuotaBase::GoodOrBetter,
                _ => QuotaBase::GoodOnly,
            },
            outstanding: raw
                .quy_tac
                .as_ref()
                .and_then(|q| self.opt_text(&q.don_vi_xuat_sac, "quy_tac.don_vi_xuat_sac")),
        };
        let sign_off = match raw.nhan_mau.as_ref().and_then(|l| l.phan_ky_mau_2) {
            None | Some(RawSignOffStyle::DayDu) => SignOffStyle::Full,
            Some(RawSignOffStyle::CaNhan) => SignOffStyle::MemberOnly,
            Some(RawSignOffStyle::XacNhanChiBo) => SignOffStyle::CellConfirms,
        };
        if self.diags.is_empty() {
            Ok(Dossier {
                results,
                residence_request,
                settings,
                criteria: std::mem::take(&mut self.criteria),
                notices: std::mem::take(&mut self.warnings),
                submitted: Vec::new(),
                sign_off,
                file: self.file.to_string(),
                year,
                regulation: regulation.unwrap_or(crate::regulation::ALL[0]),
                guide,
                cell,
                members,
                plan,
                meeting,
                form_labels,
                collective,
                analysis,
                last_year,
                spelling: Default::default(),
            })
        } else {
            crate::diag::sort(&mut self.diags);
            Err(self.diags)
        }
    }

    /// The regulation `quy_dinh` names, else the one of the year; a year without one is an error
    /// that names the years hoso knows and the key to set, never the nearest regulation.
    pub(super) fn choose_regulation(
        &mut self,
        year: &S<i32>,
        key: Option<&S<String>>,
    ) -> Option<&'static crate::regulation::Regulation> {
        use crate::regulation;
        if let Some(k) = key {
            let id = k.value.trim();
            let found = regulation::by_id(id);
            if found.is_none() {
                self.error(
                    pos(&k.referenced),
                    "quy_dinh",
                    format!("không có quy định «{id}»."),
                    Some(&format!("các quy định hoso biết: {}.", regulation::ids())),
                );
            }
            return found;
        }
        let found = regulation::for_year(year.value);
        if found.is_none() {
            self.error(
                pos(&year.referenced),
                "nam",
                format!(
                    "hoso chưa có quy định kiểm điểm, đánh giá, xếp loại cho năm {}.",
                    year.value
                ),
                Some(&format!(
                    "hoso biết các năm {}; nếu chi bộ vẫn dùng một quy định trong số đó, ghi «quy_dinh: {}» ở đầu tệp.",
                    regulation::supported_years(),
                    regulation::ALL[regulation::ALL.len() - 1].id
                )),
            );
        }
        found
    }
}
