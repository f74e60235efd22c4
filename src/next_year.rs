//! `hoso init NEW --tu OLD`: next year's file from last year's. The starter of the new year's
//! regulation (its comments, its `$schema` line, its plan moved to the new year) with last
//! year's cell and members carried over (same ids, names, dates, posts, residence), last
//! year's outcomes in a `nam_truoc` section the rules read, and the parts that must be new each
//! year (the meeting, the reports) left as the starter's commented examples. What the clerk must
//! decide (a probation that ended, a status that does not carry over, a form to confirm) is
//! listed, never changed silently.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{Datelike, Months, NaiveDate};

use crate::data::{
    Activity, Dossier, Gender, Member, Membership, PartyPost, Rating, Subject, tally,
};
use crate::import::scalar;

/// Age from which a member is reminded that they may ask to be exempted from Party work and
/// activity. No regulation fixes an age (an exemption is asked for and decided case by case), so
/// this is only when the reminder is printed; nothing is changed.
const EXEMPTION_REMINDER_AGE: i32 = 70;

/// What `init --tu` made: the new file's text and what the clerk should look at.
pub struct NextYear {
    /// The new file's text.
    pub text: String,
    /// What to decide or check, one a line.
    pub notes: Vec<String>,
}

/// The top-level sections of a YAML text: each key with the range of its lines (from the
/// comments right above it to its last indented line).
fn sections(lines: &[&str]) -> Vec<(String, std::ops::Range<usize>)> {
    let mut keys: Vec<(String, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let (k, _) = l.split_once(':')?;
            (!k.is_empty()
                && k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
            .then(|| (k.to_string(), i))
        })
        .collect();
    keys.sort_by_key(|(_, i)| *i);
    let mut out = Vec::new();
    for (n, (k, at)) in keys.iter().enumerate() {
        // the comment lines right above the key belong to it
        let mut start = *at;
        while start > 0 && lines[start - 1].starts_with('#') {
            start -= 1;
        }
        let next = keys.get(n + 1).map_or(lines.len(), |(_, i)| *i);
        let mut end = *at + 1;
        while end < next && (lines[end].starts_with(' ') || lines[end].trim().is_empty()) {
            end += 1;
        }
        // trailing blank lines and the next key's comments are not this key's
        while end > *at + 1 && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        out.push((k.clone(), start..end));
    }
    out
}

/// A section's lines (comments above it included), or nothing.
fn section<'a>(lines: &[&'a str], key: &str) -> Vec<&'a str> {
    sections(lines)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, r)| lines[r].to_vec())
        .unwrap_or_default()
}

/// The same lines without the comments above the key.
fn without_leading_comments<'a>(block: &[&'a str]) -> Vec<&'a str> {
    block
        .iter()
        .skip_while(|l| l.starts_with('#'))
        .copied()
        .collect()
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A member's entry as the starter writes one: who they are, not what they did this year.
fn entry(m: &Member, to_2025: bool, from_2025: bool) -> String {
    let mut e = String::new();
    // text quoted where YAML needs it; the one flag written as the boolean it is
    let mut line = |k: &str, v: &str| {
        let v = if k == "lanh_dao_quan_ly" {
            v.to_string()
        } else {
            scalar(v)
        };
        let _ = writeln!(e, "    {k}: {v}");
    };
    line("ma", &m.id);
    line("ho_ten", &m.full_name);
    line("ngay_sinh", &date(m.birth_date));
    line(
        "gioi_tinh",
        match m.gender {
            Gender::Male => "nam",
            Gender::Female => "nu",
        },
    );
    line(
        "chuc_vu_dang",
        match m.post {
            PartyPost::Secretary => "bi_thu",
            PartyPost::DeputySecretary => "pho_bi_thu",
            PartyPost::CommitteeMember => "chi_uy_vien",
            PartyPost::Member => "dang_vien",
        },
    );
    line(
        "loai",
        match m.membership {
            Membership::Official => "chinh_thuc",
            Membership::Probationary => "du_bi",
        },
    );
    line("ngay_vao_dang", &date(m.admitted));
    for (k, v) in [
        ("nghe_nghiep", &m.job),
        ("chuc_vu_chinh_quyen", &m.gov_post),
        ("chuc_vu_doan_the", &m.org_post),
        ("don_vi", &m.workplace),
    ] {
        if let Some(v) = v {
            line(k, v);
        }
    }
    // a 2019 file's leader flag becomes the 2025 forms' subject (Mẫu 2A); whether the others
    // write 2B or 2C follows their job unless the clerk says (they are listed to confirm)
    if to_2025 && !from_2025 {
        if m.leader {
            line("doi_tuong", "lanh_dao_quan_ly");
        }
    } else if m.leader {
        line("lanh_dao_quan_ly", "true");
    }
    // the 2025 forms by the subject the old file gave (or implied)
    if to_2025 && from_2025 {
        line(
            "doi_tuong",
            match m.subject {
                Subject::Leader => "lanh_dao_quan_ly",
                Subject::Member => "khong_giu_chuc_vu",
                Subject::Outside => "ngoai_he_thong",
            },
        );
    }
    if m.activity == Activity::Exempted {
        line("sinh_hoat_dang", "mien_sinh_hoat");
    }
    if let Some(r) = &m.residence {
        let _ = writeln!(e, "    cu_tru:");
        let _ = writeln!(e, "      dia_chi: {}", scalar(&r.address));
        let _ = writeln!(e, "      chi_bo: {}", scalar(&r.cell));
        let _ = writeln!(e, "      dang_uy: {}", scalar(&r.committee));
    }
    format!("  - {}", e.trim_start())
}

/// One outcome of last year as lines under `indent`.
fn outcome(
    out: &mut String,
    indent: &str,
    rating: Option<Rating>,
    score: Option<String>,
    shortcomings: &[String],
) {
    if let Some(r) = rating {
        let _ = writeln!(out, "{indent}muc: {}", r.key());
    }
    if let Some(s) = score {
        let _ = writeln!(out, "{indent}diem: {s}");
    }
    if !shortcomings.is_empty() {
        let _ = writeln!(out, "{indent}han_che:");
        for s in shortcomings {
            let _ = writeln!(out, "{indent}  - {}", scalar(s));
        }
    }
}

/// The shortcomings of a review's section II.1, one a paragraph.
fn shortcomings_of(text: Option<&String>) -> Vec<String> {
    text.map(|t| crate::vn::text::paragraphs(t))
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty() && p != "Không có." && p != "Không")
        .collect()
}

/// The `nam_truoc` section of the old file's outcomes.
fn last_year_section(d: &Dossier, source: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Kết quả kiểm điểm năm {}, chép từ {source} (hoso init --tu): mức xếp loại, điểm và những",
        d.year
    );
    let _ = writeln!(
        s,
        "# hạn chế đã được chỉ ra. Mức «xuất sắc» cần khắc phục hết các hạn chế này: ghi số đã khắc"
    );
    let _ = writeln!(
        s,
        "# phục ở «ket_qua.da_khac_phuc» của từng đảng viên (và của báo cáo tập thể)."
    );
    let _ = writeln!(s, "nam_truoc:");
    let _ = writeln!(s, "  nam: {}", d.year);
    let voters = tally::voters(d);
    if let Some(c) = &d.collective {
        let rating = tally::cell_rating(d).or(c.rating);
        let score = c.score.as_ref().map(|s| s.total().text().replace(',', "."));
        let short = shortcomings_of(c.review.shortcomings.as_ref());
        if rating.is_some() || score.is_some() || !short.is_empty() {
            let _ = writeln!(s, "  chi_bo:");
            outcome(&mut s, "    ", rating, score, &short);
        }
    }
    let mut members = String::new();
    for m in &d.members {
        let rating = m
            .assessment
            .decided
            .or_else(|| tally::proposal(m, voters))
            .filter(|_| tally::standing(d, m).rated());
        let score = m
            .review
            .score
            .as_ref()
            .map(|s| s.total().text().replace(',', "."));
        let short = shortcomings_of(m.review.shortcomings.as_ref());
        if rating.is_none() && score.is_none() && short.is_empty() {
            continue;
        }
        let _ = writeln!(members, "    {}:", m.id);
        outcome(&mut members, "      ", rating, score, &short);
    }
    if !members.is_empty() {
        let _ = writeln!(s, "  dang_vien:");
        s.push_str(&members);
    }
    s
}

/// Next year's file from `old` (the data file's text, already loaded as `d`), for `year`.
pub fn from_last_year(d: &Dossier, old_text: &str, source: &str, year: i32) -> Result<NextYear> {
    if year <= d.year {
        bail!("năm mới ({year}) phải sau năm của {source} ({}).", d.year);
    }
    let regulation = crate::regulation::for_year(year).ok_or_else(|| {
        anyhow::anyhow!(
            "không có quy định cho năm {year}: hoso biết các năm {}.",
            crate::regulation::supported_years()
        )
    })?;
    let starter = crate::starter::starter(year)?;
    let from_2025 = d.regulation.scoring.is_some();
    let to_2025 = regulation.scoring.is_some();
    let same_regulation = d.regulation.id == regulation.id;
    let new_lines: Vec<&str> = starter.lines().collect();
    let old_lines: Vec<&str> = old_text.lines().collect();
    let mut notes = Vec::new();

    // the starter's sample officers, for the ids its plan names
    let (secretary, deputy) = officers(d);
    let sample_committee = ["Đảng ủy phường Hòa Bình", "Đảng ủy Phường Hòa Bình"];
    let real_committee = d.cell.upper_committee();
    let adapt = |l: &str| -> String {
        let mut l = l.to_string();
        for c in sample_committee {
            l = l.replace(c, &real_committee);
        }
        // the sample ids where the plan names people
        let t = l.trim_start();
        let named = ["nguoi_ky:", "chu_tri:", "thu_ky:", "nguoi:", "- nguoi:"]
            .iter()
            .any(|k| t.starts_with(k));
        if named {
            l = l
                .replace("[hai]", &format!("[{secretary}]"))
                .replace("[minh]", &format!("[{deputy}]"))
                .replace(": hai", &format!(": {secretary}"))
                .replace(": minh", &format!(": {deputy}"));
        }
        l
    };

    let mut out = String::new();
    let secs = sections(&new_lines);
    // the starter's lines between sections (its opening comments, its commented options) stay
    let mut cursor = 0;
    for (key, range) in &secs {
        for l in &new_lines[cursor..range.start] {
            let _ = writeln!(out, "{}", adapt(l));
        }
        cursor = range.end;
        let block = &new_lines[range.clone()];
        match key.as_str() {
            "nam" => {
                for l in block {
                    let _ = writeln!(out, "{l}");
                }
            }
            "chi_bo" => {
                // the starter's comment, then last year's cell as the clerk wrote it
                for l in block.iter().take_while(|l| l.starts_with('#')) {
                    let _ = writeln!(out, "{l}");
                }
                for l in without_leading_comments(&section(&old_lines, "chi_bo")) {
                    let _ = writeln!(out, "{l}");
                }
            }
            "dang_vien" => {
                for l in block.iter().take_while(|l| l.starts_with('#')) {
                    let _ = writeln!(out, "{l}");
                }
                let _ = writeln!(
                    out,
                    "# Chép từ {source}: sửa chức vụ, nơi công tác nếu đã đổi; thêm phần tự kiểm điểm của năm {year}."
                );
                let _ = writeln!(out, "dang_vien:");
                for m in &d.members {
                    out.push_str(&entry(m, to_2025, from_2025));
                }
                // what the old year's criteria and labels were, when the forms are the same
                if same_regulation {
                    for k in ["bo_tieu_chi", "nhan_mau"] {
                        let carried = without_leading_comments(&section(&old_lines, k));
                        if !carried.is_empty() {
                            let _ = writeln!(out);
                            let _ = writeln!(
                                out,
                                "# Chép từ {source}: bỏ hoặc sửa nếu cấp trên ban hành khác cho năm {year}."
                            );
                            for l in carried {
                                let _ = writeln!(out, "{l}");
                            }
                        }
                    }
                }
            }
            // the plan is required: the starter's, moved to the new year, naming the officers
            "ke_hoach" => {
                for l in block {
                    let _ = writeln!(out, "{}", adapt(l));
                }
            }
            // what must be new each year: the starter's example, to fill in and uncomment
            _ => {
                let (comments, body): (Vec<&str>, Vec<&str>) = {
                    let n = block.iter().take_while(|l| l.starts_with('#')).count();
                    (block[..n].to_vec(), block[n..].to_vec())
                };
                for l in comments {
                    let _ = writeln!(out, "{l}");
                }
                let _ = writeln!(
                    out,
                    "# (điền cho năm {year} rồi bỏ dấu # ở đầu các dòng dưới đây)"
                );
                for l in body {
                    let l = adapt(l);
                    if l.starts_with('#') {
                        let _ = writeln!(out, "{l}");
                    } else {
                        let _ = writeln!(out, "# {l}");
                    }
                }
            }
        }
    }
    for l in &new_lines[cursor..] {
        let _ = writeln!(out, "{}", adapt(l));
    }
    // last year's outcomes are the last period's only when the new year follows the old
    if year == d.year + 1 {
        let _ = writeln!(out);
        out.push_str(&last_year_section(d, source));
    } else {
        notes.push(format!(
            "kết quả năm {} không chép vào «nam_truoc» vì năm {year} không liền sau; ghi kết quả năm {} nếu có.",
            d.year,
            year - 1
        ));
    }

    notes.extend(what_to_decide(
        d,
        year,
        source,
        from_2025,
        to_2025,
        same_regulation,
    ));
    Ok(NextYear { text: out, notes })
}

/// The ids of the cell's secretary (else its first member) and deputy (else a committee
/// member, else the secretary), for the officers the starter's plan names.
fn officers(d: &Dossier) -> (String, String) {
    let secretary = d
        .members
        .iter()
        .find(|m| m.post == PartyPost::Secretary)
        .or(d.members.first())
        .map(|m| m.id.clone())
        .unwrap_or_default();
    let deputy = d
        .members
        .iter()
        .find(|m| m.post == PartyPost::DeputySecretary)
        .or_else(|| {
            d.members
                .iter()
                .find(|m| m.post == PartyPost::CommitteeMember)
        })
        .map_or_else(|| secretary.clone(), |m| m.id.clone());
    (secretary, deputy)
}

/// What the clerk must decide in the new year's file: probations that end, suspensions and
/// exemptions, members of an age to ask for exemption, who writes which 2025 form, what was not
/// carried, and the plan to rewrite.
fn what_to_decide(
    d: &Dossier,
    year: i32,
    source: &str,
    from_2025: bool,
    to_2025: bool,
    same_regulation: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    for m in &d.members {
        if m.membership == Membership::Probationary
            && let Some(full) = m.admitted.checked_add_months(Months::new(12))
            && full <= year_end
        {
            out.push(format!(
                "{} ({}): kết nạp {}, hết 12 tháng dự bị ngày {}; khi chi bộ đã xét công nhận chính thức, sửa «loai: chinh_thuc».",
                m.full_name,
                m.id,
                date(m.admitted),
                date(full)
            ));
        }
        if m.activity == Activity::Suspended {
            out.push(format!(
                "{} ({}): năm {} bị đình chỉ sinh hoạt đảng; không chép sang năm {year} — ghi lại «sinh_hoat_dang: dinh_chi_sinh_hoat» nếu vẫn còn.",
                m.full_name, m.id, d.year
            ));
        }
        if m.activity == Activity::Exempted {
            out.push(format!(
                "{} ({}): được miễn công tác và sinh hoạt đảng năm {}; đã chép sang, bỏ nếu đồng chí sinh hoạt trở lại.",
                m.full_name, m.id, d.year
            ));
        }
        let age = year - m.birth_date.year();
        if age >= EXEMPTION_REMINDER_AGE && m.activity == Activity::Active {
            out.push(format!(
                "{} ({}): {age} tuổi trong năm {year}; nếu đồng chí xin và được miễn công tác, sinh hoạt đảng thì ghi «sinh_hoat_dang: mien_sinh_hoat».",
                m.full_name, m.id
            ));
        }
    }
    if to_2025 && !from_2025 {
        for (subject, form) in [
            (Subject::Leader, "Mẫu 2A (lãnh đạo, quản lý)"),
            (Subject::Member, "Mẫu 2B (không giữ chức vụ)"),
            (Subject::Outside, "Mẫu 2C (ngoài hệ thống chính trị)"),
        ] {
            let who: Vec<String> = d
                .members
                .iter()
                .filter(|m| m.subject == subject && m.activity == Activity::Active)
                .map(|m| format!("{} ({})", m.full_name, m.id))
                .collect();
            if !who.is_empty() {
                out.push(format!(
                    "mẫu năm 2025 sẽ dùng {form} cho: {}; xác nhận, hoặc ghi «doi_tuong» (lanh_dao_quan_ly, khong_giu_chuc_vu, ngoai_he_thong).",
                    who.join(", ")
                ));
            }
        }
        out.push(format!(
            "năm {year} theo Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW: mỗi đảng viên tự chấm điểm (…/30, …/70) và ghi kết quả thực hiện nhiệm vụ («ket_qua»); đảng viên kết nạp chưa đủ 6 tháng không kiểm điểm."
        ));
    }
    if !same_regulation {
        out.push(format!(
            "bộ tiêu chí và nhãn mẫu của {source} không chép sang vì năm {year} dùng mẫu khác."
        ));
    }
    out.push(format!(
        "kế hoạch là của tệp mẫu, đã chuyển sang năm {year}: sửa ngày, việc và người phụ trách; các phần hội nghị, báo cáo để dạng ghi chú (#) cho đến khi điền."
    ));
    out
}

/// Writes next year's file from `old` to `path` (and the schema beside it); an existing file
/// is kept unless `force`. Returns what the clerk should look at.
pub fn write(old: &Path, path: &Path, force: bool, year: Option<i32>) -> Result<Vec<String>> {
    let bytes = std::fs::read(old).map_err(|e| {
        anyhow::anyhow!(
            "không đọc được {}: {}.",
            old.display(),
            crate::messages::io_error(&e)
        )
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{} không phải văn bản UTF-8.", old.display()))?;
    let label = old.display().to_string();
    let d = crate::data::load_str(&label, &text).map_err(|diags| {
        anyhow::anyhow!(
            "{} còn lỗi, sửa trước khi chép sang năm sau:\n{}",
            old.display(),
            crate::diag::report(&diags)
        )
    })?;
    let year = year.unwrap_or(d.year + 1);
    crate::starter::refuse_to_overwrite(path, force)?;
    let source = old
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    let next = from_last_year(&d, &text, &source, year)?;
    crate::starter::write_with_schema(path, &next.text)?;
    Ok(next.notes)
}
