//! Biên bản: the minutes of the review meeting. Attendance is counted from the members and the
//! absences, each vote's shares computed from the ballots, never typed. Its wording lives here.

use super::Docs;
use super::common::{self, comrade_with_post, in_meeting_order, item, vote_line};
use crate::data::tally::{self, Attendance, Standing};
use crate::data::{Dossier, Meeting, Member, MemberRef, Minutes};
use crate::doc::{Block, Document, ParaKind, Run, SignLine, SignRole, Signature, Title};
use crate::vn;

/// The kind's id: file name and `--only` value.
pub const KIND: &str = "bien-ban";

/// Document-type abbreviation in the number ("Số 01-BB/CB").
pub const DOC_TYPE: &str = "BB";

/// "2 đ/c (đ/c Hùng – đi công tác; đ/c Dũng – ốm)", or "0 đ/c".
fn counted(names: &[String]) -> String {
    if names.is_empty() {
        "0 đ/c".to_string()
    } else {
        format!("{} đ/c ({})", names.len(), names.join("; "))
    }
}

fn named(d: &Dossier, refs: &[MemberRef]) -> Vec<String> {
    refs.iter()
        .map(|r| format!("đ/c {}", d.member(*r).listed_name))
        .collect()
}

/// The attendance paragraphs.
fn attendance(d: &Dossier, meeting: &Meeting, a: &Attendance, b: &mut Vec<Block>) {
    b.push(item(format!(
        "- Tổng số đảng viên của chi bộ: {} đ/c (chính thức: {} đ/c; dự bị: {} đ/c).",
        a.total, a.official, a.probationary
    )));
    if !a.exempted.is_empty() {
        b.push(item(format!(
            "- Miễn công tác và sinh hoạt đảng: {}.",
            counted(&named(d, &a.exempted))
        )));
    }
    if !a.suspended.is_empty() {
        b.push(item(format!(
            "- Đình chỉ sinh hoạt đảng: {}.",
            counted(&named(d, &a.suspended))
        )));
    }
    b.push(item(format!(
        "- Có mặt: {} đ/c (đảng viên chính thức có mặt, có quyền biểu quyết: {} đ/c).",
        a.present, a.official_present
    )));
    let excused: Vec<String> = a
        .excused
        .iter()
        .map(|(r, why)| {
            format!(
                "đ/c {} – {}",
                d.member(*r).listed_name,
                why.trim_end_matches('.')
            )
        })
        .collect();
    if a.absent() == 0 {
        b.push(item("- Vắng: 0 đ/c."));
    } else {
        b.push(item(format!(
            "- Vắng: {} đ/c; trong đó có lý do: {}; không có lý do: {}.",
            a.absent(),
            counted(&excused),
            counted(&named(d, &a.unexcused))
        )));
    }
    for g in &meeting.guests {
        let mut who = format!("Đồng chí {}", g.name);
        for extra in [&g.post, &g.body].into_iter().flatten() {
            who.push_str(", ");
            who.push_str(extra);
        }
        b.push(item(format!("- Khách mời: {who}.")));
    }
    b.push(item(format!(
        "- Chủ trì: {}.",
        comrade_with_post(d.member(meeting.chair))
    )));
    b.push(item(format!(
        "- Thư ký: {}.",
        meeting.secretary.map_or(
            "……………………………………".to_string(),
            |s| { comrade_with_post(d.member(s)) }
        )
    )));
}

/// One member's part of the proceedings, kept on one page: self-rating, opinions, the
/// committee's remarks, the vote.
fn member_review(d: &Dossier, m: &Member, a: &Attendance, out: &mut Vec<Block>) {
    let mut b = Vec::new();
    member_lines(d, m, a, &mut b);
    let last = b.len().saturating_sub(1);
    for (i, mut block) in b.into_iter().enumerate() {
        if let Block::Paragraph { kind, .. } = &mut block
            && *kind == ParaKind::Item
            && i < last
        {
            *kind = ParaKind::KeptItem;
        }
        out.push(block);
    }
}

fn member_lines(d: &Dossier, m: &Member, a: &Attendance, b: &mut Vec<Block>) {
    // a probationary member is marked so
    let heading = match (m.membership, m.post) {
        (crate::data::Membership::Official, _) => comrade_with_post(m),
        (_, crate::data::PartyPost::Member) => {
            format!("Đồng chí {}, đảng viên dự bị", m.listed_name)
        }
        _ => format!("{} (dự bị)", comrade_with_post(m)),
    };
    b.push(Block::Paragraph {
        kind: crate::doc::ParaKind::Item,
        runs: vec![Run::bold(format!("{heading}:"))],
    });
    let standing = tally::standing(d, m);
    // a member who is not rated proposes no level and scores nothing
    let rated = !matches!(standing, Standing::ReviewedOnly(_));
    if let Some(s) = d.regulation.scoring
        && rated
    {
        b.push(item(format!(
            "- Tự chấm: {}.",
            m.review.score.as_ref().map_or("……………………".to_string(), |x| {
                common::score_text(s, x)
            })
        )));
    }
    if rated {
        b.push(item(format!(
            "- Tự nhận mức xếp loại: {}.",
            m.review.rating_party.map_or("……………………", |r| r.name())
        )));
    }
    for o in &m.assessment.opinions {
        b.push(item(format!("- Ý kiến góp ý: {}", common::text(d, o))));
    }
    if let Some(r) = &m.assessment.remarks {
        b.push(item(format!("- Chi ủy nhận xét: {r}")));
    }
    if let Standing::ReviewedOnly(reason) = &standing {
        b.push(item(format!(
            "- Không biểu quyết xếp loại: {}.",
            reason.to_lowercase()
        )));
        return;
    }
    match &m.assessment.votes {
        Some(v) => b.push(item(format!(
            "- Kết quả biểu quyết ({} đ/c chính thức có mặt): {}.",
            a.official_present,
            vote_line(v, a.official_present)
        ))),
        None => b.push(item("- Kết quả biểu quyết: ……………………")),
    }
    if let Some(r) = tally::proposal(m, a.official_present) {
        b.push(item(format!("- Chi bộ đề xuất xếp loại: {}.", r.name())));
    }
}

/// II.2: each member present reviewed in the meeting's order, the absent, those present but not
/// reviewed (named, so that the counts agree), and the quota's decision when cited.
fn the_members(d: &Dossier, meeting: &Meeting, a: &tally::Attendance) -> Vec<Block> {
    let mut b = Vec::new();
    b.push(Block::heading(
        "2. Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên",
    ));
    let forms: Vec<String> = super::bao_cao_ket_qua::files(d)
        .reviews
        .1
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    b.push(Block::body(format!(
        "Từng đảng viên trình bày bản kiểm điểm cá nhân ({}); hội nghị góp ý, chi ủy nhận xét; đảng viên chính thức có mặt bỏ phiếu kín đề xuất mức xếp loại.",
        forms.join(", ")
    )));
    let reviewed = d
        .members
        .iter()
        .filter(|m| tally::standing(d, m).reviewed())
        .filter(|m| !tally::absent(d, m));
    for m in in_meeting_order(reviewed) {
        member_review(d, m, a, &mut b);
    }
    for ab in &meeting.absences {
        let m = d.member(ab.member);
        match tally::standing(d, m) {
            Standing::Rated => b.push(item(format!(
                "- Đồng chí {} vắng mặt: chi bộ kiểm điểm, đánh giá, xếp loại bổ sung khi đồng chí hoàn thành kiểm điểm.",
                m.listed_name
            ))),
            Standing::ReviewedOnly(_) => b.push(item(format!(
                "- Đồng chí {} vắng mặt: chi bộ kiểm điểm bổ sung khi đồng chí hoàn thành kiểm điểm.",
                m.listed_name
            ))),
            Standing::Excluded(_) => {}
        }
    }
    // present but not reviewed this year (admitted less than six months ago under QĐ 366):
    // named, so that the count of those present and of those reviewed agree
    for m in d.members.iter().filter(|m| {
        m.activity == crate::data::Activity::Active
            && !tally::absent(d, m)
            && matches!(tally::standing(d, m), Standing::Excluded(_))
    }) {
        let standing = tally::standing(d, m);
        let reason = standing.reason().unwrap_or_default().to_lowercase();
        b.push(item(format!(
            "- Đồng chí {}{}, có mặt, không kiểm điểm, đánh giá, xếp loại: {} ({}).",
            m.listed_name,
            if m.membership == crate::data::Membership::Probationary {
                ", đảng viên dự bị"
            } else {
                ""
            },
            reason.trim_end_matches('.'),
            d.regulation.cite
        )));
    }
    if let Some(note) = common::quota_note(d) {
        b.push(Block::body(note));
    }
    b
}

/// The minutes, when the data describes them.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    Box::new(
        d.meeting
            .iter()
            .filter_map(move |m| m.minutes.as_ref().map(|minutes| build(d, m, minutes))),
    )
}

/// Builds the minutes.
pub fn build(d: &Dossier, meeting: &Meeting, minutes: &Minutes) -> Document {
    let a = tally::attendance_at(d, meeting);
    let mut b = vec![Block::body(format!(
        "Vào lúc {}, {}, ngày {}, tại {}, {} tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}.",
        vn::date::time(meeting.start),
        vn::date::weekday(meeting.date),
        vn::date::short(meeting.date),
        meeting.place.trim_end_matches('.'),
        d.cell.name,
        d.year
    ))];
    b.push(Block::heading("I. THÀNH PHẦN"));
    attendance(d, meeting, &a, &mut b);

    b.push(Block::heading("II. NỘI DUNG"));
    b.push(Block::heading("1. Kiểm điểm tập thể chi bộ"));
    let reporter = d.collective.as_ref().map_or(d.plan.signer, |c| c.signer);
    b.push(Block::body(format!(
        "{}, trình bày báo cáo kiểm điểm tập thể chi bộ năm {} (Mẫu 01). Hội nghị thảo luận, góp ý:",
        comrade_with_post(d.member(reporter)),
        d.year
    )));
    if minutes.discussion.is_empty() {
        b.push(item("- ……………………………………………………………"));
    }
    // an item that starts with a member is "Đ/c Nam …", capitalised
    for t in &minutes.discussion {
        b.push(item(format!(
            "- {}",
            common::capitalize(&common::text(d, t))
        )));
    }

    // the members are rated before the cell: QĐ 366 Điều 12.2 (all members and subordinate
    // bodies before the party organisation), and the 2019 minutes' order alike (each member's
    // vote, then the cell's)
    b.extend(the_members(d, meeting, &a));

    b.push(Block::heading("3. Đánh giá, xếp loại chất lượng chi bộ"));
    let claimed = d.collective.as_ref().and_then(|c| c.rating);
    if let (Some(s), Some(score)) = (
        d.regulation.scoring,
        d.collective.as_ref().and_then(|c| c.score.as_ref()),
    ) {
        b.push(Block::body(format!(
            "Chi bộ tự chấm: {}.",
            common::score_text(s, score)
        )));
    }
    b.push(Block::body(format!(
        "Chi bộ tự nhận mức xếp loại: {}.",
        claimed.map_or("……………………", |r| r.name())
    )));
    b.extend(common::cell_vote(d, meeting, &a, "Kết quả biểu quyết"));
    if let Some(t) = &minutes.superior_remarks {
        b.push(Block::heading("4. Ý kiến của đại diện cấp ủy cấp trên"));
        b.push(Block::body(common::text(d, t)));
    }
    b.push(Block::heading(if minutes.superior_remarks.is_some() {
        "5. Kết luận của chủ trì hội nghị"
    } else {
        "4. Kết luận của chủ trì hội nghị"
    }));
    match &minutes.conclusion {
        Some(t) => b.push(Block::body(common::text(d, t))),
        None => b.push(item("……………………………………………………………")),
    }
    b.push(Block::body(
        "Biên bản đã được thư ký đọc lại trước hội nghị và được hội nghị thông qua.",
    ));
    b.push(Block::body(format!(
        "Hội nghị kết thúc vào lúc {} cùng ngày.",
        meeting.end.map_or("…… giờ ……".to_string(), vn::date::time)
    )));
    let sign = |title: &str, who: Option<MemberRef>| Signature {
        heading: vec![SignLine::new(SignRole::Heading, title)],
        name: who.map(|r| d.member(r).full_name.clone()),
    };
    // who kept the minutes on the left, who chaired on the right, as the guide words them
    let [left, right] = common::guide_for(d, meeting.date).minutes_signers;
    b.push(Block::SignOff {
        recipients: None,
        countersign: Some(sign(left, meeting.secretary)),
        signature: sign(right, Some(meeting.chair)),
    });
    common::document(
        d,
        KIND.to_string(),
        format!("Biên bản hội nghị kiểm điểm năm {}", d.year),
        common::Issue {
            kind: KIND,
            doc_type: Some(DOC_TYPE),
            number: minutes.number.as_deref(),
            date: meeting.date,
        },
        Title {
            kind: "BIÊN BẢN".into(),
            summary: Some(format!(
                "hội nghị kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}",
                d.year
            )),
            subtitle: None,
        },
        b,
    )
}
