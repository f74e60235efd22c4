//! Parts shared by every document: the header, naming members, text, recipients, signatures.

use chrono::NaiveDate;

use crate::data::{Dossier, Member, MemberRef, OnBehalf, Segment, Text};
use crate::doc::{Block, Document, Header, ParaKind, Run, SignLine, SignRole, Signature, Title};
use crate::guide::{self, Guide};
use crate::vn;

/// Dots left for a number written by hand (a gap of spaces would split the line in text tools).
const NUMBER_GAP: &str = "……";

/// "Số 05-KH/CB" (HD 36: no colon, hyphen then slash); a gap when the number is blank.
pub fn number_line(number: Option<&str>, doc_type: &str, issuer: &str) -> String {
    format!("Số {}-{doc_type}/{issuer}", number.unwrap_or(NUMBER_GAP))
}

/// The HD 36 header of a document of the cell dated `date`, numbered with `doc_type` when given.
pub fn header(d: &Dossier, doc_type: Option<(&str, Option<&str>)>, date: NaiveDate) -> Header {
    Header {
        superior: vn::text::upper(&d.cell.superior),
        issuer: vn::text::upper(&d.cell.name),
        number: doc_type.map(|(t, n)| number_line(n, t, &d.cell.abbreviation)),
        place_date: vn::date::place_line(&d.cell.place, date),
        draft: None,
    }
}

/// "đ/c Nam": how prose names a member of the cell.
pub fn comrade(m: &Member) -> String {
    format!("đ/c {}", vn::text::given_name(&m.full_name))
}

/// Several members named in prose: "đ/c Tướng, đ/c Lan".
pub fn comrades(d: &Dossier, refs: &[MemberRef]) -> String {
    refs.iter()
        .map(|r| comrade(d.member(*r)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first letter in upper case ("đ/c Ly" → "Đ/c Ly"), for the start of a line.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Running text with its member references written out.
pub fn text(d: &Dossier, t: &Text) -> String {
    t.0.iter()
        .map(|s| match s {
            Segment::Lit(l) => l.clone(),
            Segment::Member(m) => comrade(d.member(*m)),
        })
        .collect()
}

/// Recipient lines as HD 36 punctuates them: "- …;" each, then "- Lưu ….".
pub fn recipients(list: &[String], archive: &str) -> Vec<String> {
    let clean = |s: &str| {
        s.trim()
            .trim_start_matches(['-', '–', '+', '•'])
            .trim()
            .trim_end_matches([';', '.', ','])
            .trim()
            .to_string()
    };
    let mut out: Vec<String> = list.iter().map(|s| format!("- {};", clean(s))).collect();
    out.push(format!("- Lưu {}.", clean(archive)));
    out
}

/// The signature block of the cell's documents: "T/M CHI BỘ", the signer's post, their name.
pub fn signature(d: &Dossier, signer: MemberRef, on_behalf: OnBehalf) -> Signature {
    let m = d.member(signer);
    let on_behalf = match on_behalf {
        OnBehalf::Cell => "T/M CHI BỘ",
        OnBehalf::Committee => "T/M CHI ỦY",
    };
    Signature {
        heading: vec![
            SignLine::new(SignRole::Authority, on_behalf),
            SignLine::new(SignRole::Title, m.post.signature_title()),
        ],
        name: Some(m.full_name.clone()),
    }
}

/// The guide a document of the cell dated `date` follows: the data's choice, else the one in
/// force on that day.
pub fn guide_for(d: &Dossier, date: NaiveDate) -> &'static Guide {
    d.guide.unwrap_or_else(|| guide::for_date(date))
}

/// Running text of several paragraphs ("\n\n" between them, as the data keeps them) set as
/// several paragraphs of the same kind; what follows an item's first paragraph is body text.
fn split_paragraphs(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let Block::Paragraph { kind, runs } = b else {
            out.push(b);
            continue;
        };
        if !runs.iter().any(|r| r.text.contains("\n\n")) {
            out.push(Block::Paragraph { kind, runs });
            continue;
        }
        let mut paras: Vec<Vec<Run>> = vec![Vec::new()];
        for r in runs {
            for (i, part) in r.text.split("\n\n").enumerate() {
                if i > 0 {
                    paras.push(Vec::new());
                }
                if let Some(p) = paras.last_mut()
                    && !part.is_empty()
                {
                    p.push(Run {
                        text: part.to_string(),
                        ..r.clone()
                    });
                }
            }
        }
        for (i, runs) in paras.into_iter().enumerate() {
            let kind = match kind {
                ParaKind::Item if i > 0 => ParaKind::Body,
                k => k,
            };
            out.push(Block::Paragraph { kind, runs });
        }
    }
    out
}

/// Ends the body with a full stop where the guide asks for one (HD 05 §6.2.2): the last prose
/// paragraph before the sign-off, when it ends in a word rather than a mark.
fn end_with_full_stop(blocks: &mut [Block]) {
    let end = blocks
        .iter()
        .position(|b| matches!(b, Block::SignOff { .. }))
        .unwrap_or(blocks.len());
    let last = blocks[..end].iter_mut().rev().find_map(|b| match b {
        Block::Paragraph { kind, runs } => Some((*kind, runs)),
        _ => None,
    });
    if let Some((ParaKind::Body | ParaKind::Item, runs)) = last
        && let Some(run) = runs.iter_mut().rev().find(|r| !r.text.trim().is_empty())
    {
        let t = run.text.trim_end();
        let t = t.strip_suffix([';', ',']).unwrap_or(t);
        if !t.ends_with(['.', ':', '!', '?', '…']) {
            run.text = format!("{t}.");
        }
    }
}

/// The body as `guide` sets it: paragraphs of running text split, the full stop it asks for.
pub fn finish(guide: &Guide, blocks: Vec<Block>) -> Vec<Block> {
    let mut blocks = split_paragraphs(blocks);
    if guide.body_ends_with_full_stop {
        end_with_full_stop(&mut blocks);
    }
    blocks
}

/// How a document of the cell is issued: its kind, type abbreviation, number and date.
pub struct Issue<'a> {
    /// Kind of document ("ke-hoach"), also the folder or file name.
    pub kind: &'a str,
    /// Type abbreviation in the number ("KH", "GM"); `None` for forms that carry no number.
    pub doc_type: Option<&'a str>,
    /// Number, or `None` for a gap to fill by hand.
    pub number: Option<&'a str>,
    /// Date of the document.
    pub date: NaiveDate,
}

/// A document of the cell: the cell's page and header around `title` and `blocks`.
pub fn document(
    d: &Dossier,
    path: String,
    meta_title: String,
    issue: Issue,
    title: Title,
    blocks: Vec<Block>,
) -> Document {
    let guide = guide_for(d, issue.date);
    let blocks = finish(guide, blocks);
    Document {
        guide,
        kind: issue.kind.to_string(),
        member: None,
        form_label: None,
        path,
        meta_title,
        meta_author: d.cell.name.clone(),
        date: issue.date.format("%Y-%m-%d").to_string(),
        margins: d.cell.margins,
        header: header(d, issue.doc_type.map(|t| (t, issue.number)), issue.date),
        title,
        blocks,
    }
}

/// A list item of plain text ("- Có mặt: 13 đ/c …").
pub fn item(text: impl Into<String>) -> Block {
    Block::item(vec![Run::plain(text)])
}

/// "Đồng chí Lê Thị Ly, Bí thư Chi bộ": a member named in full with their post in the cell.
pub fn comrade_with_post(m: &Member) -> String {
    match m.post {
        crate::data::PartyPost::Member => format!("Đồng chí {}, đảng viên", m.listed_name),
        p => format!("Đồng chí {}, {}", m.listed_name, p.name()),
    }
}

/// The ballots of one vote, level by level with the share of the voters:
/// "Hoàn thành xuất sắc nhiệm vụ: 2 phiếu (18,18%); …".
pub fn vote_line(v: &crate::data::Votes, voters: u32) -> String {
    crate::data::Rating::ALL
        .iter()
        .map(|r| {
            format!(
                "{}: {} phiếu ({})",
                r.name(),
                v.of(*r),
                crate::data::tally::percent(v.of(*r), voters)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The cell's own vote as the minutes and the report of results tell it: the ballots, led by
/// `lead` ("Kết quả biểu quyết", "Kết quả biểu quyết của hội nghị"), and the level the cell asks
/// the upper committee to confirm when the ballots reach a majority.
pub fn cell_vote(
    d: &Dossier,
    meeting: &crate::data::Meeting,
    a: &crate::data::tally::Attendance,
    lead: &str,
) -> Vec<Block> {
    let mut b = Vec::new();
    if let Some(v) = &meeting.cell_votes {
        let present = a.official_present;
        b.push(Block::body(format!(
            "{lead} ({present} đ/c chính thức có mặt): {}.",
            vote_line(v, present)
        )));
    }
    if let Some(r) = crate::data::tally::cell_ballot_result(d) {
        b.push(Block::body(format!(
            "Chi bộ đề nghị cấp trên công nhận chi bộ đạt mức “{}”.",
            r.name()
        )));
    }
    b
}

/// A self-assessed score as prose writes it: "90/100 điểm (nhóm tiêu chí chung 27/30; nhóm tiêu
/// chí về kết quả thực hiện nhiệm vụ 63/70)".
pub fn score_text(s: &crate::regulation::Scoring, score: &crate::data::Score) -> String {
    let group = |title: &str| {
        title
            .split_once(". ")
            .map_or(title, |(_, t)| t)
            .to_lowercase()
    };
    format!(
        "{}/{} điểm ({} {}/{}; {} {}/{})",
        score.total().text(),
        s.total.1.text(),
        group(s.general.0),
        score.general.text(),
        s.general.1.text(),
        group(s.tasks.0),
        score.tasks.text(),
        s.tasks.1.text()
    )
}

/// "Ghi chú: HTXSNV – hoàn thành xuất sắc nhiệm vụ; …": the abbreviations a table uses for the
/// levels, spelt out under it.
pub fn levels_legend() -> Block {
    let names: Vec<String> = crate::data::Rating::ALL
        .iter()
        .map(|r| format!("{} – {}", r.short(), r.name().to_lowercase()))
        .collect();
    Block::Paragraph {
        kind: ParaKind::Plain,
        runs: vec![Run {
            text: format!("Ghi chú: {}.", names.join("; ")),
            italic: true,
            ..Run::default()
        }],
    }
}

/// The members to be rated, in the order the meeting takes them: the secretary, the deputy,
/// the committee, then the members, each group in Vietnamese name order.
pub fn in_meeting_order<'a>(members: impl IntoIterator<Item = &'a Member>) -> Vec<&'a Member> {
    let mut v: Vec<&Member> = members.into_iter().collect();
    vn::collate::sort_by_name(&mut v, |m| &m.full_name);
    v.sort_by_key(|m| m.post as u8); // stable: name order kept within each post
    v
}

/// Widens a table's number column (`col`, "TT") so that its largest number, `count`, stays on
/// one line in Word and LibreOffice as in the PDF (their rules take from a cell's width), under
/// either guide; the room is taken from column `from`. Widths in millimetres of the text line.
pub fn fit_numbers(widths: &mut [f64], col: usize, from: usize, count: usize, compact: bool) {
    let digits = count.max(1).to_string().len() as f64;
    let need = guide::ALL
        .iter()
        .map(|g| {
            let (size, inset) = if compact {
                (g.compact_table_pt, g.compact_cell_inset_pt)
            } else {
                (g.table_pt, g.cell_inset_pt)
            };
            // a digit is half an em; two points for the rules and what Word rounds away
            (digits * size * 0.5 + 2.0 * inset + 2.0) * 25.4 / 72.0
        })
        .fold(0.0, f64::max);
    if need > widths[col] {
        widths[from] -= need - widths[col];
        widths[col] = need;
    }
}

/// "Kính gửi: " as HD 05 sets it (PL2 row 9): italic; the addressee after it upright.
pub fn kinh_gui() -> Run {
    Run {
        text: "Kính gửi: ".into(),
        italic: true,
        ..Run::default()
    }
}

/// The share of "xuất sắc" in words where it is above the usual 20 % and a decision of the
/// competent level allows more (QĐ 366: up to 25 % for an outstanding unit), so that the upper
/// level reading it sees the decision, not a breach.
pub fn quota_note(d: &Dossier) -> Option<String> {
    let q = crate::data::tally::excellent_share(d);
    let decision = q.decision.as_ref()?;
    let usual = d.regulation.thresholds.excellent_quota_percent;
    (q.excellent * 100 > q.base * usual).then(|| {
        format!(
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ ({} đ/c) bằng {} số đảng viên {} ({} đ/c), trong tỷ lệ {}% được cho theo {} ({}: không quá {}%, đơn vị có thành tích nổi trội, đột phá không quá {}%).",
            q.excellent,
            crate::data::tally::percent(q.excellent, q.base),
            q.base_name,
            q.base,
            q.percent,
            decision,
            d.regulation.cite,
            usual,
            q.percent
        )
    })
}
