//! Loading: YAML text → raw serde types → the checked model, with every problem reported at once.

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

    fn error(&mut self, p: Pos, path: &str, message: String, hint: Option<&str>) {
        let mut d = Diagnostic::error(self.file, p, path, message);
        d.hint = hint.map(str::to_string);
        self.diags.push(d);
    }

    /// Text as written, in NFC with runs of spaces collapsed; empty text is an error.
    /// Text of one line (a name, a post, a place), in NFC with runs of whitespace collapsed;
    /// empty, over-long or unprintable text is an error.
    fn text(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::squeeze(&self.clean(s, path));
        self.check_text(s, path, &t, MAX_LINE_CHARS);
        t
    }

    /// A unit's name: as [`Self::text`], but a non-breaking space is kept (it joins words the
    /// header must not put on two lines).
    fn name_text(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::squeeze_keeping_nbsp(&self.clean(s, path));
        self.check_text(s, path, &t, MAX_LINE_CHARS);
        t
    }

    /// Running text that may hold several paragraphs (a blank line between them in the YAML):
    /// each paragraph on one line, paragraphs separated by "\n\n".
    fn prose(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::paragraphs(&self.clean(s, path)).join("\n\n");
        self.check_text(s, path, &t, MAX_PROSE_CHARS);
        t
    }

    fn opt_prose(&mut self, s: &Option<S<String>>, path: &str) -> Option<String> {
        s.as_ref().map(|s| self.prose(s, path))
    }

    /// The value in NFC; control characters that would make a file Word cannot open are an
    /// error, and those that reorder text in a viewer (bidirectional marks) are dropped with a
    /// warning.
    fn clean(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::nfc(&s.value);
        if let Some(c) = t.chars().find(|c| vn::text::is_forbidden_control(*c)) {
            self.error(
                pos(&s.referenced),
                path,
                format!("có ký tự điều khiển U+{:04X} không in được.", c as u32),
                Some("xóa ký tự này (thường do dán từ phần mềm khác); chỉ dùng chữ, số, dấu câu, dấu cách và xuống dòng."),
            );
        }
        if t.chars().any(vn::text::is_bidi_control) {
            self.warn(
                pos(&s.referenced),
                path,
                "đã bỏ ký tự điều khiển hướng chữ (làm đảo thứ tự chữ khi hiển thị).".into(),
                "kiểm tra lại nội dung trường này sau khi dán từ nơi khác.",
            );
        }
        t.chars()
            .filter(|c| !vn::text::is_bidi_control(*c) && !vn::text::is_forbidden_control(*c))
            .collect()
    }

    /// Cleaned text is not empty, not too long, and printable in the embedded fonts.
    fn check_text(&mut self, s: &S<String>, path: &str, t: &str, max: usize) {
        let p = pos(&s.referenced);
        if t.is_empty() {
            self.error(
                p,
                path,
                "trường này để trống nhưng cần có nội dung.".into(),
                None,
            );
        }
        let n = t.chars().count();
        if n > max {
            self.error(
                p,
                path,
                format!("nội dung dài {n} ký tự, quá giới hạn {max} ký tự của trường này."),
                Some("kiểm tra xem có dán nhầm nội dung khác vào không."),
            );
        }
        let mut missing: Vec<char> = t.chars().filter(|c| !crate::fonts::covers(*c)).collect();
        missing.dedup();
        if !missing.is_empty() {
            let shown: Vec<String> = missing
                .iter()
                .take(5)
                .map(|c| format!("«{c}» (U+{:04X})", *c as u32))
                .collect();
            self.warn(
                p,
                path,
                format!(
                    "ký tự {} không có trong phông chữ của văn bản nên không in ra trong bản PDF.",
                    shown.join(", ")
                ),
                "bỏ các ký tự này (biểu tượng cảm xúc, ký hiệu lạ) hoặc thay bằng chữ.",
            );
        }
    }

    fn warn(&mut self, p: Pos, path: &str, message: String, hint: &str) {
        let mut d = Diagnostic::error(self.file, p, path, message).with_hint(hint);
        d.severity = crate::diag::Severity::Warning;
        self.warnings.push(d);
    }

    fn opt_text(&mut self, s: &Option<S<String>>, path: &str) -> Option<String> {
        s.as_ref().map(|s| self.text(s, path))
    }

    fn date(&mut self, s: &S<String>, path: &str) -> NaiveDate {
        self.date_from(s, path, 1900)
    }

    /// A date not before `first_year` (1930 for admission to the Party, founded that year) nor
    /// after 2100: "12/03/0000" is a typing slip, not a date.
    fn date_from(&mut self, s: &S<String>, path: &str, first_year: i32) -> NaiveDate {
        match vn::date::parse(&s.value) {
            Some(d) if !(first_year..=2100).contains(&d.year()) => {
                self.error(
                    pos(&s.referenced),
                    path,
                    format!(
                        "năm {} của ngày «{}» nằm ngoài khoảng {first_year}–2100.",
                        d.year(),
                        s.value.trim()
                    ),
                    Some("kiểm tra lại năm (viết đủ bốn chữ số, ví dụ 18/12/2020)."),
                );
                d
            }
            Some(d) => d,
            None => {
                self.error(
                    pos(&s.referenced),
                    path,
                    format!("«{}» không phải một ngày có thật.", s.value.trim()),
                    Some("viết ngày dạng 18/12/2020 hoặc 2020-12-18, và kiểm tra ngày có trong tháng đó."),
                );
                NaiveDate::MIN
            }
        }
    }

    fn time(&mut self, s: &S<String>, path: &str) -> NaiveTime {
        vn::date::parse_time(&s.value).unwrap_or_else(|| {
            self.error(
                pos(&s.referenced),
                path,
                format!("«{}» không phải một giờ hợp lệ.", s.value.trim()),
                Some("viết giờ dạng 7:30 hoặc 14:00."),
            );
            NaiveTime::MIN
        })
    }

    fn meeting(&mut self, m: &RawMeeting, default_signer: MemberRef) -> Meeting {
        let guests = m
            .khach_moi
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let path = format!("hoi_nghi.khach_moi[{i}]");
                Guest {
                    name: self.text(&g.value.ho_ten, &format!("{path}.ho_ten")),
                    post: self.opt_text(&g.value.chuc_vu, &format!("{path}.chuc_vu")),
                    body: self.opt_text(&g.value.co_quan, &format!("{path}.co_quan")),
                }
            })
            .collect();
        let invitation = m.giay_moi.as_ref().map(|g| Invitation {
            number: g
                .so
                .as_ref()
                .and_then(|s| self.number(s, "hoi_nghi.giay_moi.so")),
            date: self.date(&g.ngay, "hoi_nghi.giay_moi.ngay"),
            members_too: g.moi_ca_dang_vien,
            signer: match &g.nguoi_ky {
                Some(s) => self.member(s, "hoi_nghi.giay_moi.nguoi_ky"),
                None => default_signer,
            },
        });
        Meeting {
            date: self.date(&m.ngay, "hoi_nghi.ngay"),
            start: self.time(&m.bat_dau, "hoi_nghi.bat_dau"),
            end: m
                .ket_thuc
                .as_ref()
                .map(|s| self.time(s, "hoi_nghi.ket_thuc")),
            place: self.text(&m.dia_diem, "hoi_nghi.dia_diem"),
            guests,
            invitation,
            chair: match &m.chu_tri {
                Some(s) => self.member(s, "hoi_nghi.chu_tri"),
                None => default_signer,
            },
            secretary: m.thu_ky.as_ref().map(|s| self.member(s, "hoi_nghi.thu_ky")),
            absences: m
                .vang
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let path = format!("hoi_nghi.vang[{i}]");
                    Absence {
                        member: self.member(&a.value.ma, &format!("{path}.ma")),
                        reason: self.opt_text(&a.value.ly_do, &format!("{path}.ly_do")),
                        at: at(a, &path),
                    }
                })
                .collect(),
            cell_votes: m
                .phieu_chi_bo
                .as_ref()
                .map(|v| self.votes(v, "hoi_nghi.phieu_chi_bo")),
            cell_votes_at: m
                .phieu_chi_bo
                .as_ref()
                .map(|v| at(v, "hoi_nghi.phieu_chi_bo"))
                .unwrap_or_default(),
            minutes: m.bien_ban.as_ref().map(|b| Minutes {
                number: b
                    .so
                    .as_ref()
                    .and_then(|s| self.number(s, "hoi_nghi.bien_ban.so")),
                discussion: self.rich_list(&b.thao_luan, "hoi_nghi.bien_ban.thao_luan"),
                superior_remarks: b
                    .y_kien_cap_tren
                    .as_ref()
                    .map(|t| self.rich(t, "hoi_nghi.bien_ban.y_kien_cap_tren")),
                conclusion: b
                    .ket_luan
                    .as_ref()
                    .map(|t| self.rich(t, "hoi_nghi.bien_ban.ket_luan")),
            }),
            date_at: at(&m.ngay, "hoi_nghi.ngay"),
        }
    }

    /// Ballots per level; a count larger than the cell is an error (and could not be summed).
    fn votes(&mut self, v: &S<RawVotes>, path: &str) -> Votes {
        let r = &v.value;
        let counts = [r.xuat_sac, r.tot, r.hoan_thanh, r.khong_hoan_thanh];
        let max = self.member_count as u32;
        if let Some(&n) = counts.iter().find(|&&n| n > max) {
            self.error(
                pos(&v.referenced),
                path,
                format!("số phiếu {n} lớn hơn số đảng viên của chi bộ ({max})."),
                Some("mỗi mức ghi số phiếu bầu cho mức đó; kiểm tra lại số đã gõ."),
            );
            return Votes::default();
        }
        Votes(counts)
    }

    fn opt_date(&mut self, s: &Option<S<String>>, path: &str) -> Option<NaiveDate> {
        s.as_ref().map(|s| self.date(s, path))
    }

    fn member(&mut self, s: &S<String>, path: &str) -> MemberRef {
        let id = s.value.trim();
        match self.ids.get(id) {
            Some(&i) => MemberRef(i),
            None => {
                let known: Vec<&str> = self.ids.keys().map(String::as_str).collect();
                let hint = match yaml_errors::did_you_mean(id, &known) {
                    Some(k) => format!(
                        "có phải ý bạn là «{k}»? Mã phải trùng với trường «ma» của một đảng viên trong «dang_vien»."
                    ),
                    None => "mã phải trùng với trường «ma» của một đảng viên trong «dang_vien»."
                        .to_string(),
                };
                self.error(
                    pos(&s.referenced),
                    path,
                    format!("không có đảng viên nào mang mã «{id}»."),
                    Some(&hint),
                );
                MemberRef(0)
            }
        }
    }

    fn members(&mut self, list: &[S<String>], path: &str) -> Vec<MemberRef> {
        list.iter()
            .enumerate()
            .map(|(i, s)| self.member(s, &format!("{path}[{i}]")))
            .collect()
    }

    /// Running text where `{id}` names a member.
    fn rich(&mut self, s: &S<String>, path: &str) -> Text {
        let t = self.prose(s, path);
        let mut segs = Vec::new();
        let mut rest = t.as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let inner = &after[..close];
            let is_ref = !inner.is_empty()
                && inner
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
            if !is_ref {
                segs.push(Segment::Lit(rest[..open + 1].to_string()));
                rest = after;
                continue;
            }
            if open > 0 {
                segs.push(Segment::Lit(rest[..open].to_string()));
            }
            let id = S {
                value: inner.to_string(),
                referenced: s.referenced,
                defined: s.defined,
            };
            let m = self.member(&id, path);
            segs.push(Segment::Member(m));
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            segs.push(Segment::Lit(rest.to_string()));
        }
        // merge adjacent literals produced by lone braces
        let mut merged: Vec<Segment> = Vec::new();
        for s in segs {
            match (merged.last_mut(), s) {
                (Some(Segment::Lit(a)), Segment::Lit(b)) => a.push_str(&b),
                (_, s) => merged.push(s),
            }
        }
        Text(merged)
    }

    fn rich_list(&mut self, list: &[S<String>], path: &str) -> Vec<Text> {
        list.iter()
            .enumerate()
            .map(|(i, s)| self.rich(s, &format!("{path}[{i}]")))
            .collect()
    }

    fn dossier(mut self, raw: RawDossier) -> Result<Dossier, Vec<Diagnostic>> {
        self.member_count = raw.dang_vien.len();
        // ids first, so references anywhere can be resolved
        for (i, m) in raw.dang_vien.iter().enumerate() {
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
                enclosures: r
                    .tai_lieu_kem_theo
                    .iter()
                    .enumerate()
                    .map(|(i, s)| self.text(s, &format!("{path}.tai_lieu_kem_theo[{i}]")))
                    .collect(),
                recipients: r
                    .noi_nhan
                    .iter()
                    .enumerate()
                    .map(|(i, s)| self.text(s, &format!("{path}.noi_nhan[{i}]")))
                    .collect(),
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
    fn choose_regulation(
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

    fn cell(&mut self, c: &RawCell) -> Cell {
        let d = Margins::default();
        let mut margin = |v: &Option<S<f64>>, default: f64, name: &str| -> f64 {
            match v {
                None => default,
                Some(s) if (5.0..=60.0).contains(&s.value) => s.value,
                Some(s) => {
                    self.error(
                        pos(&s.referenced),
                        &format!("chi_bo.le_trang.{name}"),
                        format!("lề {} mm nằm ngoài khoảng cho phép.", s.value),
                        Some("lề tính bằng milimét, từ 5 đến 60; HD 36 quy định trên 20, dưới 20, trái 30, phải 15."),
                    );
                    default
                }
            }
        };
        let margins = match &c.le_trang {
            None => d,
            Some(m) => Margins {
                top: margin(&m.tren, d.top, "tren"),
                bottom: margin(&m.duoi, d.bottom, "duoi"),
                left: margin(&m.trai, d.left, "trai"),
                right: margin(&m.phai, d.right, "phai"),
                mirrored: false,
            },
        };
        let margins = Margins {
            mirrored: c.in_hai_mat,
            ..margins
        };
        let late_year_end = c.ket_thuc_nam_muon;
        let abbreviation = self.text(&c.ky_hieu, "chi_bo.ky_hieu");
        if !abbreviation
            .chars()
            .all(|ch| ch.is_uppercase() || ch.is_ascii_digit())
        {
            self.error(
                pos(&c.ky_hieu.referenced),
                "chi_bo.ky_hieu",
                format!(
                    "ký hiệu «{abbreviation}» phải viết hoa, liền, không dấu cách (ví dụ «CB»)."
                ),
                None,
            );
        }
        Cell {
            name: self.name_text(&c.ten, "chi_bo.ten"),
            superior: self.name_text(&c.cap_tren, "chi_bo.cap_tren"),
            abbreviation,
            place: self.text(&c.dia_danh, "chi_bo.dia_danh"),
            margins,
            late_year_end,
        }
    }

    fn member_data(&mut self, s: &S<RawMember>, path: &str) -> Member {
        let m = &s.value;
        let mut member = Member {
            id: m.ma.value.trim().to_string(),
            full_name: self.text(&m.ho_ten, &format!("{path}.ho_ten")),
            listed_name: String::new(),
            file_name: String::new(),
            birth_date: self.date(&m.ngay_sinh, &format!("{path}.ngay_sinh")),
            gender: match m.gioi_tinh {
                RawGender::Nam => Gender::Male,
                RawGender::Nu => Gender::Female,
            },
            post: match m.chuc_vu_dang {
                RawPartyPost::BiThu => PartyPost::Secretary,
                RawPartyPost::PhoBiThu => PartyPost::DeputySecretary,
                RawPartyPost::ChiUyVien => PartyPost::CommitteeMember,
                RawPartyPost::DangVien => PartyPost::Member,
            },
            membership: match m.loai {
                RawMembership::ChinhThuc => Membership::Official,
                RawMembership::DuBi => Membership::Probationary,
            },
            admitted: self.date_from(&m.ngay_vao_dang, &format!("{path}.ngay_vao_dang"), 1930),
            job: self.opt_text(&m.nghe_nghiep, &format!("{path}.nghe_nghiep")),
            workplace: self.opt_text(&m.don_vi, &format!("{path}.don_vi")),
            gov_post: self.opt_text(
                &m.chuc_vu_chinh_quyen,
                &format!("{path}.chuc_vu_chinh_quyen"),
            ),
            org_post: self.opt_text(&m.chuc_vu_doan_the, &format!("{path}.chuc_vu_doan_the")),
            leader: m.lanh_dao_quan_ly,
            activity: match m.sinh_hoat_dang.as_ref().map(|a| a.value) {
                None => Activity::Active,
                Some(RawActivity::MienSinhHoat) => Activity::Exempted,
                Some(RawActivity::DinhChiSinhHoat) => Activity::Suspended,
            },
            sick_months: match &m.nghi_om_thang {
                Some(n) if n.value > 12 => {
                    self.error(
                        pos(&n.referenced),
                        &format!("{path}.nghi_om_thang"),
                        format!(
                            "một năm chỉ có 12 tháng, không thể nghỉ ốm {} tháng.",
                            n.value
                        ),
                        Some("ghi tổng số tháng nghỉ ốm trong năm, từ 0 đến 12."),
                    );
                    12
                }
                Some(n) => n.value,
                None => 0,
            },
            maternity: m.nghi_thai_san,
            discipline: self.opt_text(&m.ky_luat, &format!("{path}.ky_luat")),
            discipline_at: m
                .ky_luat
                .as_ref()
                .map(|k| at(k, &format!("{path}.ky_luat")))
                .unwrap_or_default(),
            residence: m.cu_tru.as_ref().map(|r| Residence {
                address: self.text(&r.dia_chi, &format!("{path}.cu_tru.dia_chi")),
                cell: self.text(&r.chi_bo, &format!("{path}.cu_tru.chi_bo")),
                committee: self.text(&r.dang_uy, &format!("{path}.cu_tru.dang_uy")),
            }),
            assessment: m
                .danh_gia
                .as_ref()
                .map(|a| self.assessment(a, &format!("{path}.danh_gia")))
                .unwrap_or_default(),
            subject: match m.doi_tuong.as_ref().map(|s| s.value) {
                Some(RawSubject::LanhDaoQuanLy) => Subject::Leader,
                Some(RawSubject::KhongGiuChucVu) => Subject::Member,
                Some(RawSubject::NgoaiHeThong) => Subject::Outside,
                None => default_subject(m),
            },
            performance: m
                .ket_qua
                .as_ref()
                .map(|p| self.performance(p, &format!("{path}.ket_qua"))),
            mitigated: m.tu_nhan_khac_phuc,
            has_review: m.kiem_diem.is_some(),
            review: m
                .kiem_diem
                .as_ref()
                .map(|r| self.review_sections(r, &format!("{path}.kiem_diem")))
                .unwrap_or_default(),
            at: at(s, path),
        };
        // Section I has as many criteria as the member's form, and the score is checked against
        // the form's criteria table (the member decides which form).
        if let (Some(reg), Some(k)) = (self.regulation, &m.kiem_diem) {
            let form = (reg.self_review.form_of)(member.leader, member.subject);
            let path = format!("{path}.kiem_diem");
            self.criteria_count(&k.uu_diem, form, &path);
            member.review.score = k
                .tu_cham_diem
                .as_ref()
                .map(|sc| self.score(sc, form.label_key, &format!("{path}.tu_cham_diem")));
        }
        member
    }

    fn assessment(&mut self, a: &RawAssessment, path: &str) -> Assessment {
        let rated = |r: &Option<S<RawRating>>, field: &str| match r {
            Some(s) => (Some(rating(s.value)), at(s, &format!("{path}.{field}"))),
            None => (None, At::default()),
        };
        let (proposed, proposed_at) = rated(&a.de_xuat, "de_xuat");
        let (decided, decided_at) = rated(&a.xep_loai, "xep_loai");
        Assessment {
            prompts: a
                .goi_y_kiem_diem
                .iter()
                .enumerate()
                .map(|(i, s)| self.text(s, &format!("{path}.goi_y_kiem_diem[{i}]")))
                .collect(),
            remarks: self.opt_prose(&a.nhan_xet_chi_uy, &format!("{path}.nhan_xet_chi_uy")),
            opinions: self.rich_list(&a.y_kien, &format!("{path}.y_kien")),
            votes: a
                .phieu
                .as_ref()
                .map(|v| self.votes(v, &format!("{path}.phieu"))),
            votes_at: a
                .phieu
                .as_ref()
                .map(|v| at(v, &format!("{path}.phieu")))
                .unwrap_or_default(),
            proposed,
            proposed_at,
            decided,
            decided_at,
        }
    }

    fn collective(
        &mut self,
        r: &RawCollectiveReport,
        default_signer: MemberRef,
    ) -> CollectiveReport {
        let path = "bao_cao_tap_the";
        let review = match &r.kiem_diem {
            None => SelfReview::default(),
            Some(k) => {
                if k.value.tu_xep_loai_vien_chuc.is_some()
                    || k.value.tu_xep_loai_dang_vien.is_some()
                {
                    self.error(
                        pos(&k.referenced),
                        &format!("{path}.kiem_diem"),
                        "báo cáo tập thể không có mục xếp loại viên chức hay đảng viên.".into(),
                        Some("mức tập thể tự nhận ghi ở «bao_cao_tap_the.tu_xep_loai»."),
                    );
                }
                if let Some(reg) = self.regulation {
                    self.criteria_count(
                        &k.value.uu_diem,
                        reg.collective.review,
                        &format!("{path}.kiem_diem"),
                    );
                }
                self.review_sections(&k.value, &format!("{path}.kiem_diem"))
            }
        };
        CollectiveReport {
            number: r
                .so
                .as_ref()
                .and_then(|s| self.number(s, "bao_cao_tap_the.so")),
            date: self.date(&r.ngay, "bao_cao_tap_the.ngay"),
            review,
            rating: r.tu_xep_loai.as_ref().map(|s| rating(s.value)),
            rating_at: r
                .tu_xep_loai
                .as_ref()
                .map(|s| at(s, "bao_cao_tap_the.tu_xep_loai"))
                .unwrap_or_default(),
            score: r.tu_cham_diem.as_ref().map(|sc| {
                let key = self
                    .regulation
                    .map_or("mau_01", |reg| reg.collective.review.label_key);
                self.score(sc, key, "bao_cao_tap_the.tu_cham_diem")
            }),
            performance: r
                .ket_qua
                .as_ref()
                .map(|p| self.performance(p, "bao_cao_tap_the.ket_qua")),
            recipients: r
                .noi_nhan
                .iter()
                .enumerate()
                .map(|(i, s)| self.text(s, &format!("{path}.noi_nhan[{i}]")))
                .collect(),
            signer: match &r.nguoi_ky {
                Some(s) => self.member(s, "bao_cao_tap_the.nguoi_ky"),
                None => default_signer,
            },
            on_behalf: match r.thay_mat {
                Some(RawOnBehalf::ChiBo) => OnBehalf::Cell,
                _ => OnBehalf::Committee,
            },
        }
    }

    fn analysis(&mut self, a: &RawAnalysis) -> Analysis {
        let allowed = self
            .regulation
            .and_then(|r| r.analysis)
            .map_or(usize::MAX, |f| f.rows());
        if let Some(extra) = a.cap_do.get(allowed) {
            self.error(
                pos(&extra.referenced),
                &format!("phan_tich_chat_luong.cap_do[{allowed}]"),
                format!("phiếu phân tích có {allowed} tiêu chí, nhưng ở đây có {} mức.", a.cap_do.len()),
                Some("mỗi mục trong «cap_do» ứng với một tiêu chí của phiếu, theo thứ tự; xóa các mục thừa."),
            );
        }
        Analysis {
            date: self.date(&a.ngay, "phan_tich_chat_luong.ngay"),
            assessor: self.opt_text(&a.chu_the, "phan_tich_chat_luong.chu_the"),
            levels: a.cap_do.iter().map(|l| level(l.value)).collect(),
            remarks: self.opt_prose(&a.nhan_xet, "phan_tich_chat_luong.nhan_xet"),
            proposal: a.de_nghi.map(rating),
            at: at(&a.ngay, "phan_tich_chat_luong"),
        }
    }

    /// The upper committee's criteria tables: each row's maximum in points, each group summing to
    /// its maximum (30 and 70).
    fn criteria_tables(&mut self, t: &RawCriteriaTables) {
        let tables = [
            ("mau_01", &t.mau_01),
            ("mau_2a", &t.mau_2a),
            ("mau_2b", &t.mau_2b),
            ("mau_2c", &t.mau_2c),
        ];
        for (key, table) in tables {
            let Some(table) = table else { continue };
            let path = format!("bo_tieu_chi.{key}");
            let general = self.criteria_rows(&table.chung, GENERAL_MAX, &format!("{path}.chung"));
            let tasks = self.criteria_rows(&table.nhiem_vu, TASKS_MAX, &format!("{path}.nhiem_vu"));
            self.criteria.push((key, CriteriaTable { general, tasks }));
        }
    }

    fn criteria_rows(
        &mut self,
        rows: &[S<RawCriterionRow>],
        max: Points,
        path: &str,
    ) -> Vec<(String, Points)> {
        let out: Vec<(String, Points)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let p = format!("{path}[{i}]");
                let text = self.text(&r.value.noi_dung, &format!("{p}.noi_dung"));
                let points = self.points(&r.value.diem_toi_da, max, &format!("{p}.diem_toi_da"));
                (text, points)
            })
            .collect();
        let sum: Points = out.iter().map(|(_, p)| *p).sum();
        if sum != max {
            let (p, at) = match rows.first() {
                Some(r) => (pos(&r.referenced), format!("{path}[0]")),
                None => (Pos::default(), path.to_string()),
            };
            self.error(
                p,
                &at,
                format!(
                    "điểm tối đa của các tiêu chí cộng lại là {}, nhưng nhóm này có {} điểm.",
                    sum.text(),
                    max.text()
                ),
                Some("theo Quy định 366-QĐ/TW, nhóm tiêu chí chung có 30 điểm, nhóm kết quả thực hiện nhiệm vụ có 70 điểm; sửa «diem_toi_da» cho khớp."),
            );
        }
        out
    }

    /// A number of points: not negative, at most `max`, at most one decimal.
    fn points(&mut self, s: &S<f64>, max: Points, path: &str) -> Points {
        self.points_at(s.value, pos(&s.referenced), max, path)
    }

    fn points_at(&mut self, v: f64, p: Pos, max: Points, path: &str) -> Points {
        let tenths = (v * 10.0).round();
        if !v.is_finite() || v < 0.0 || (v * 10.0 - tenths).abs() > 1e-6 {
            self.error(
                p,
                path,
                format!("«{v}» không phải số điểm hợp lệ."),
                Some("điểm là số không âm, điểm lẻ ghi một chữ số thập phân, ví dụ 27 hoặc 27.5."),
            );
            return Points(0);
        }
        let points = Points(tenths as u32);
        if points > max {
            self.error(
                p,
                path,
                format!(
                    "{} điểm vượt mức tối đa {} điểm.",
                    points.text(),
                    max.text()
                ),
                None,
            );
        }
        points
    }

    /// A score of the form with label key `key`: group totals, or each row of its criteria table.
    fn score(&mut self, s: &RawScore, key: &str, path: &str) -> Score {
        let table = self
            .criteria
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone());
        let (general, general_rows) = self.group(
            &s.chung,
            table.as_ref().map(|t| t.general.as_slice()),
            GENERAL_MAX,
            key,
            &format!("{path}.chung"),
        );
        let (tasks, task_rows) = self.group(
            &s.nhiem_vu,
            table.as_ref().map(|t| t.tasks.as_slice()),
            TASKS_MAX,
            key,
            &format!("{path}.nhiem_vu"),
        );
        let rows = match (general_rows, task_rows) {
            (None, None) => None,
            (g, t) => Some((g.unwrap_or_default(), t.unwrap_or_default())),
        };
        Score {
            general,
            tasks,
            rows,
            at: at(&s.chung, path),
        }
    }

    /// One group of a score: its total, and its rows when written row by row.
    fn group(
        &mut self,
        s: &S<RawPoints>,
        table: Option<&[(String, Points)]>,
        max: Points,
        key: &str,
        path: &str,
    ) -> (Points, Option<Vec<Points>>) {
        let p = pos(&s.referenced);
        match (&s.value, table) {
            (RawPoints::Total(v), _) => (self.points_at(*v, p, max, path), None),
            (RawPoints::Rows(_), None) => {
                self.error(
                    p,
                    path,
                    "điểm từng tiêu chí chỉ ghi được khi có bộ tiêu chí của mẫu này.".into(),
                    Some(&format!(
                        "ghi điểm cả nhóm (một số), hoặc thêm bộ tiêu chí «bo_tieu_chi.{key}»."
                    )),
                );
                (Points(0), None)
            }
            (RawPoints::Rows(values), Some(rows)) => {
                if values.len() != rows.len() {
                    self.error(
                        p,
                        path,
                        format!(
                            "bộ tiêu chí «{key}» có {} tiêu chí ở nhóm này, nhưng ở đây có {} điểm.",
                            rows.len(),
                            values.len()
                        ),
                        Some("ghi điểm của từng tiêu chí, đúng thứ tự trong «bo_tieu_chi»."),
                    );
                }
                let points: Vec<Points> = values
                    .iter()
                    .zip(rows)
                    .enumerate()
                    .map(|(i, (v, (_, row_max)))| {
                        self.points_at(*v, p, *row_max, &format!("{path}[{i}]"))
                    })
                    .collect();
                (points.iter().copied().sum(), Some(points))
            }
        }
    }

    /// Last year's outcomes: of the year before, and of members of this year's list (a member
    /// who left is a warning: their outcome is not read).
    fn last_year(&mut self, r: &RawLastYear, year: i32, members: &[Member]) -> LastYear {
        if r.nam.value != year - 1 {
            self.warn(
                pos(&r.nam.referenced),
                "nam_truoc.nam",
                format!(
                    "kết quả «nam_truoc» là của năm {}, không phải năm {}.",
                    r.nam.value,
                    year - 1
                ),
                "chép kết quả của năm liền trước (hoso init --tu TỆP-NĂM-TRƯỚC).",
            );
        }
        let mut out = LastYear {
            year: r.nam.value,
            cell: r
                .chi_bo
                .as_ref()
                .map(|c| self.last_outcome(c, "nam_truoc.chi_bo")),
            members: Default::default(),
        };
        for (id, o) in &r.dang_vien {
            let path = format!("nam_truoc.dang_vien.{id}");
            if !members.iter().any(|m| m.id == *id) {
                self.warn(
                    pos(&o.referenced),
                    &path,
                    format!("không có đảng viên mã «{id}» trong danh sách năm nay."),
                    "bỏ mục này nếu đồng chí đã chuyển đi, hoặc sửa mã cho khớp với «dang_vien».",
                );
                continue;
            }
            let outcome = self.last_outcome(&o.value, &path);
            out.members.insert(id.clone(), outcome);
        }
        out
    }

    fn last_outcome(&mut self, r: &RawLastOutcome, path: &str) -> LastOutcome {
        LastOutcome {
            rating: r.muc.as_ref().map(|m| rating(m.value)),
            score: r.diem.as_ref().map(|d| d.value),
            shortcomings: r
                .han_che
                .iter()
                .enumerate()
                .map(|(i, h)| self.text(h, &format!("{path}.han_che[{i}]")))
                .collect(),
        }
    }

    /// The year's tasks: parts never more than the whole.
    fn performance(&mut self, r: &RawPerformance, path: &str) -> Performance {
        let get = |s: &Option<S<u32>>| s.as_ref().map(|s| s.value);
        let out = Performance {
            tasks: get(&r.so_nhiem_vu),
            exceeded: get(&r.vuot_muc),
            late: get(&r.cham_tien_do),
            failed: get(&r.khong_hoan_thanh),
            shortcomings: get(&r.han_che_ky_truoc),
            fixed: get(&r.da_khac_phuc),
            at: [
                &r.so_nhiem_vu,
                &r.vuot_muc,
                &r.cham_tien_do,
                &r.khong_hoan_thanh,
                &r.han_che_ky_truoc,
                &r.da_khac_phuc,
            ]
            .into_iter()
            .flatten()
            .next()
            .map(|s| at(s, path))
            .unwrap_or_default(),
        };
        if let Some(total) = out.tasks {
            for (part, name) in [
                (&r.vuot_muc, "vuot_muc"),
                (&r.cham_tien_do, "cham_tien_do"),
                (&r.khong_hoan_thanh, "khong_hoan_thanh"),
            ] {
                if let Some(s) = part
                    && s.value > total
                {
                    self.error(
                        pos(&s.referenced),
                        &format!("{path}.{name}"),
                        format!("{} nhiệm vụ, nhiều hơn tổng số {total} nhiệm vụ.", s.value),
                        None,
                    );
                }
            }
        }
        if let (Some(all), Some(s)) = (out.shortcomings, &r.da_khac_phuc)
            && s.value > all
        {
            self.error(
                pos(&s.referenced),
                &format!("{path}.da_khac_phuc"),
                format!(
                    "{} hạn chế đã khắc phục, nhiều hơn {all} hạn chế của kỳ trước.",
                    s.value
                ),
                None,
            );
        }
        out
    }

    /// Section I of a review has no more criteria than its form.
    fn criteria_count(&mut self, items: &[S<RawCriterion>], form: &ReviewForm, path: &str) {
        let allowed = form.criteria.len();
        if let Some(extra) = items.get(allowed) {
            self.error(
                pos(&extra.referenced),
                &format!("{path}.uu_diem[{allowed}]"),
                format!(
                    "mục I của bản kiểm điểm của {} chỉ có {allowed} tiêu chí, nhưng ở đây có {}.",
                    form.who,
                    items.len()
                ),
                Some("mỗi mục trong «uu_diem» ứng với một tiêu chí của mẫu, theo thứ tự; xóa các mục thừa."),
            );
        }
        // Three items for a six-item form (2A) are most likely 2B's order copied over: the third,
        // meant as the pledge, would print under «kết quả lãnh đạo, chỉ đạo, quản lý».
        if allowed == 6 && items.len() == 3 {
            self.warn(
                pos(&items[2].referenced),
                &format!("{path}.uu_diem[2]"),
                format!(
                    "mục I của bản kiểm điểm của {} có 6 tiêu chí, ở đây chỉ ghi 3; mục thứ ba in vào tiêu chí 3 «kết quả công tác lãnh đạo, chỉ đạo, quản lý», không phải tiêu chí cam kết tu dưỡng (tiêu chí 6).",
                    form.who
                ),
                "ghi đủ 6 mục theo thứ tự của Mẫu 2A: phẩm chất; thực hiện nhiệm vụ; lãnh đạo, chỉ đạo, quản lý; trách nhiệm, đổi mới sáng tạo; nêu gương; cam kết tu dưỡng (mục chưa viết để «noi_dung» trống).",
            );
        }
    }

    /// Sections I–VII of a review (a member's or the cell's).
    fn review_sections(&mut self, r: &RawSelfReview, path: &str) -> SelfReview {
        let opt = |c: &mut Self, v: &Option<S<String>>, name: &str| {
            c.opt_prose(v, &format!("{path}.{name}"))
        };
        SelfReview {
            criteria: r
                .uu_diem
                .iter()
                .enumerate()
                .map(|(i, c)| Criterion {
                    text: self
                        .opt_prose(&c.value.noi_dung, &format!("{path}.uu_diem[{i}].noi_dung")),
                    level: c.value.cap_do.map(level),
                })
                .collect(),
            shortcomings: opt(self, &r.han_che, "han_che"),
            causes: opt(self, &r.nguyen_nhan, "nguyen_nhan"),
            remedy: opt(self, &r.khac_phuc, "khac_phuc"),
            remedy_level: r.cap_do_khac_phuc.map(level),
            explanations: opt(self, &r.giai_trinh, "giai_trinh"),
            responsibility: opt(self, &r.trach_nhiem, "trach_nhiem"),
            direction: opt(self, &r.phuong_huong, "phuong_huong"),
            rating_civil: r.tu_xep_loai_vien_chuc.map(rating),
            rating_party: r.tu_xep_loai_dang_vien.as_ref().map(|s| rating(s.value)),
            rating_party_at: r
                .tu_xep_loai_dang_vien
                .as_ref()
                .map(|s| at(s, &format!("{path}.tu_xep_loai_dang_vien")))
                .unwrap_or_default(),
            score: None,
        }
    }

    fn task(&mut self, s: &S<RawTask>, path: &str) -> Task {
        match &s.value {
            RawTask::Plain(t) => {
                let t = S {
                    value: t.clone(),
                    referenced: s.referenced,
                    defined: s.defined,
                };
                Task {
                    text: self.rich(&t, path),
                    at: at(s, path),
                    ..Task::default()
                }
            }
            RawTask::Detailed(d) => Task {
                text: self.rich(&d.noi_dung, &format!("{path}.noi_dung")),
                people: self.members(&d.nguoi, &format!("{path}.nguoi")),
                role: self.opt_text(&d.vai_tro, &format!("{path}.vai_tro")),
                on: self.opt_date(&d.ngay, &format!("{path}.ngay")),
                note: self.opt_text(&d.ghi_chu, &format!("{path}.ghi_chu")),
                deadline: self.opt_date(&d.han, &format!("{path}.han")),
                deadline_label: self.opt_text(&d.nhan_han, &format!("{path}.nhan_han")),
                at: at(s, path),
            },
        }
    }

    /// A document number: digits only, written with two digits at least ("5" → "05"); empty
    /// leaves a gap to write by hand.
    fn number(&mut self, s: &S<String>, path: &str) -> Option<String> {
        let t = s.value.trim();
        if t.is_empty() {
            return None;
        }
        match t.parse::<u32>() {
            Ok(n) if t.len() <= 6 => Some(format!("{n:02}")),
            _ => {
                self.error(
                    pos(&s.referenced),
                    path,
                    format!("số văn bản «{t}» phải là một số (ví dụ «5» hoặc «05»)."),
                    Some("chỉ ghi con số; phần «-KH/…» được tạo tự động từ loại văn bản và «chi_bo.ky_hieu». Để trống nếu sẽ ghi số bằng tay."),
                );
                None
            }
        }
    }

    fn tasks(&mut self, list: &[S<RawTask>], path: &str) -> Vec<Task> {
        list.iter()
            .enumerate()
            .map(|(i, t)| self.task(t, &format!("{path}[{i}]")))
            .collect()
    }

    fn plan(&mut self, p: &RawPlan) -> Plan {
        let number = p.so.as_ref().and_then(|s| self.number(s, "ke_hoach.so"));
        let periods = p
            .thoi_gian
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("ke_hoach.thoi_gian[{i}]");
                Period {
                    from: self.date(&s.value.tu, &format!("{path}.tu")),
                    to: self.date(&s.value.den, &format!("{path}.den")),
                    heading: self.opt_text(&s.value.tieu_de, &format!("{path}.tieu_de")),
                    heading_at: s
                        .value
                        .tieu_de
                        .as_ref()
                        .map_or_else(|| at(s, &path), |h| at(h, &format!("{path}.tieu_de"))),
                    tasks: self.tasks(&s.value.viec, &format!("{path}.viec")),
                    at: at(s, &path),
                }
            })
            .collect();
        let assignments = p
            .phan_cong
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("ke_hoach.phan_cong[{i}]");
                let a = &s.value;
                let who = match (&a.nhom, a.nguoi.is_empty()) {
                    (Some(_), false) | (None, true) => {
                        self.error(
                            pos(&s.referenced),
                            &path,
                            "mỗi mục phân công cần đúng một trong hai trường «nguoi» hoặc «nhom».".into(),
                            Some("«nguoi: [nam, lan]» để giao cho từng đồng chí; «nhom: cac_dong_chi_dang_vien» hoặc «nhom: cac_dang_vien_khac» để giao cho cả nhóm."),
                        );
                        Assignee::AllMembers
                    }
                    (Some(RawGroup::CacDongChiDangVien), true) => Assignee::AllMembers,
                    (Some(RawGroup::CacDangVienKhac), true) => Assignee::OtherMembers,
                    (None, false) => Assignee::Members(self.members(&a.nguoi, &format!("{path}.nguoi"))),
                };
                Assignment { who, tasks: self.tasks(&a.viec, &format!("{path}.viec")) }
            })
            .collect();
        Plan {
            number,
            date: self.date(&p.ngay, "ke_hoach.ngay"),
            summary: self.text(&p.trich_yeu, "ke_hoach.trich_yeu"),
            bases: self.rich_list(&p.can_cu, "ke_hoach.can_cu"),
            intro: p.mo_dau.as_ref().map(|s| self.rich(s, "ke_hoach.mo_dau")),
            purposes: self.rich_list(&p.muc_dich_yeu_cau, "ke_hoach.muc_dich_yeu_cau"),
            principles: self.rich_list(&p.nguyen_tac, "ke_hoach.nguyen_tac"),
            periods,
            assignments,
            closing: p
                .ket_luan
                .as_ref()
                .map(|s| self.rich(s, "ke_hoach.ket_luan")),
            recipients: p
                .noi_nhan
                .iter()
                .enumerate()
                .map(|(i, s)| self.text(s, &format!("ke_hoach.noi_nhan[{i}]")))
                .collect(),
            archive: self
                .opt_text(&p.luu, "ke_hoach.luu")
                .unwrap_or_else(|| "Chi bộ".to_string()),
            signer: self.member(&p.nguoi_ky, "ke_hoach.nguoi_ky"),
            on_behalf: match p.thay_mat {
                Some(RawOnBehalf::ChiUy) => OnBehalf::Committee,
                _ => OnBehalf::Cell,
            },
            date_at: at(&p.ngay, "ke_hoach.ngay"),
            draft_sent: self.opt_date(&p.gui_du_thao, "ke_hoach.gui_du_thao"),
            draft_sent_at: p
                .gui_du_thao
                .as_ref()
                .map(|s| at(s, "ke_hoach.gui_du_thao"))
                .unwrap_or_default(),
        }
    }
}
