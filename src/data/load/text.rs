//! Scalars of the data file as the model holds them: text (NFC, trimmed, within its length), rich
//! text, numbers of documents, dates and times, references to members.

use super::*;

impl Converter<'_> {
    /// Text as written, in NFC with runs of spaces collapsed; empty text is an error.
    /// Text of one line (a name, a post, a place), in NFC with runs of whitespace collapsed;
    /// empty, over-long or unprintable text is an error.
    pub(super) fn text(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::squeeze(&self.clean(s, path));
        self.check_text(s, path, &t, MAX_LINE_CHARS);
        t
    }

    /// A unit's name: as [`Self::text`], but a non-breaking space is kept (it joins words the
    /// header must not put on two lines).
    pub(super) fn name_text(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::squeeze_keeping_nbsp(&self.clean(s, path));
        self.check_text(s, path, &t, MAX_LINE_CHARS);
        t
    }

    /// Running text that may hold several paragraphs (a blank line between them in the YAML):
    /// each paragraph on one line, paragraphs separated by "\n\n".
    pub(super) fn prose(&mut self, s: &S<String>, path: &str) -> String {
        let t = vn::text::paragraphs(&self.clean(s, path)).join("\n\n");
        self.check_text(s, path, &t, MAX_PROSE_CHARS);
        t
    }

    pub(super) fn opt_prose(&mut self, s: &Option<S<String>>, path: &str) -> Option<String> {
        s.as_ref().map(|s| self.prose(s, path))
    }

    /// The value in NFC; control characters that would make a file Word cannot open are an
    /// error, and those that reorder text in a viewer (bidirectional marks) are dropped with a
    /// warning.
    pub(super) fn clean(&mut self, s: &S<String>, path: &str) -> String {
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
    pub(super) fn check_text(&mut self, s: &S<String>, path: &str, t: &str, max: usize) {
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

    pub(super) fn opt_text(&mut self, s: &Option<S<String>>, path: &str) -> Option<String> {
        s.as_ref().map(|s| self.text(s, path))
    }

    /// Running text where `{id}` names a member.
    pub(super) fn rich(&mut self, s: &S<String>, path: &str) -> Text {
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

    /// Each item of a list read by `read`, located at `path[i]`.
    fn each<T>(
        &mut self,
        list: &[S<String>],
        path: &str,
        read: fn(&mut Self, &S<String>, &str) -> T,
    ) -> Vec<T> {
        list.iter()
            .enumerate()
            .map(|(i, s)| read(self, s, &format!("{path}[{i}]")))
            .collect()
    }

    /// A list of texts.
    pub(super) fn texts(&mut self, list: &[S<String>], path: &str) -> Vec<String> {
        self.each(list, path, Self::text)
    }

    /// A list of rich texts (with their bold and italic parts).
    pub(super) fn rich_list(&mut self, list: &[S<String>], path: &str) -> Vec<Text> {
        self.each(list, path, Self::rich)
    }

    /// A document number: digits only, written with two digits at least ("5" → "05"); empty
    /// leaves a gap to write by hand.
    pub(super) fn number(&mut self, s: &S<String>, path: &str) -> Option<String> {
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

    pub(super) fn date(&mut self, s: &S<String>, path: &str) -> NaiveDate {
        self.date_from(s, path, 1900)
    }

    /// A date not before `first_year` (1930 for admission to the Party, founded that year) nor
    /// after 2100: "12/03/0000" is a typing slip, not a date.
    pub(super) fn date_from(&mut self, s: &S<String>, path: &str, first_year: i32) -> NaiveDate {
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

    pub(super) fn time(&mut self, s: &S<String>, path: &str) -> NaiveTime {
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

    pub(super) fn opt_date(&mut self, s: &Option<S<String>>, path: &str) -> Option<NaiveDate> {
        s.as_ref().map(|s| self.date(s, path))
    }

    pub(super) fn member(&mut self, s: &S<String>, path: &str) -> MemberRef {
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

    pub(super) fn members(&mut self, list: &[S<String>], path: &str) -> Vec<MemberRef> {
        self.each(list, path, Self::member)
    }
}
