//! Giấy mời: one invitation to the review meeting per invitee. Its wording lives here.

use super::{Docs, common};
use crate::data::{Dossier, Invitation, Meeting};
use crate::doc::{Block, Document, ParaKind, Run, Title};
use crate::vn;

/// The kind's id: folder name and `--only` value.
pub const KIND: &str = "giay-moi";

/// Document-type abbreviation in the number ("Số 03-GM/CB"; "TM" would clash with "T/M").
pub const DOC_TYPE: &str = "GM";

/// Someone invited.
#[derive(Clone, Debug, PartialEq)]
pub struct Invitee {
    /// Full name.
    pub name: String,
    /// Post, printed under the name.
    pub post: Option<String>,
    /// A guest's organisation, printed under the post.
    pub body: Option<String>,
    /// The member's id, when the invitee is a member of the cell.
    pub member: Option<String>,
    /// What the invitation's file is named after (a member's `file_name`).
    pub file_name: String,
}

/// Who is invited: the guests, then (when asked) every member taking part in party activity
/// but the one who signs the invitations, in Vietnamese name order.
pub fn invitees(d: &Dossier, meeting: &Meeting, inv: &Invitation) -> Vec<Invitee> {
    let mut out: Vec<Invitee> = meeting
        .guests
        .iter()
        .map(|g| Invitee {
            name: g.name.clone(),
            post: g.post.clone(),
            body: g.body.clone(),
            member: None,
            file_name: g.name.clone(),
        })
        .collect();
    if inv.members_too {
        let mut members: Vec<Invitee> = d
            .members
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                m.activity == crate::data::Activity::Active
                    && crate::data::MemberRef(*i) != inv.signer
            })
            .map(|(_, m)| Invitee {
                name: m.full_name.clone(),
                post: Some(m.post.name().to_string()),
                body: None,
                member: Some(m.id.clone()),
                file_name: m.file_name.clone(),
            })
            .collect();
        vn::collate::sort_by_name(&mut members, |i| &i.name);
        out.extend(members);
    }
    out
}

fn labelled(label: &str, value: &str, bold: bool) -> Block {
    Block::Paragraph {
        kind: ParaKind::Body,
        runs: vec![
            Run::plain(format!("{label}: ")),
            Run {
                text: value.to_string(),
                bold,
                ..Run::default()
            },
        ],
    }
}

/// One invitation per invitee, when the data asks for them.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    let Some(meeting) = &d.meeting else {
        return Box::new(std::iter::empty());
    };
    let Some(inv) = &meeting.invitation else {
        return Box::new(std::iter::empty());
    };
    let people = invitees(d, meeting, inv);
    let slugs = super::unique_slugs(people.iter().map(|p| p.file_name.as_str()));
    // each invitation built when it is rendered, not all at once
    Box::new(
        people
            .into_iter()
            .zip(slugs)
            .map(move |(p, s)| build(d, meeting, inv, &p, &s)),
    )
}

/// Builds the invitation of `who`, written to `giay-moi/<slug>`.
pub fn build(
    d: &Dossier,
    meeting: &Meeting,
    inv: &Invitation,
    who: &Invitee,
    slug: &str,
) -> Document {
    let mut blocks = vec![
        Block::body(format!("{} trân trọng kính mời:", d.cell.name)),
        labelled("Đồng chí", &who.name, true),
    ];
    if let Some(post) = &who.post {
        blocks.push(labelled("Chức vụ", post, false));
    }
    if let Some(body) = &who.body {
        blocks.push(labelled("Cơ quan", body, false));
    }
    blocks.push(labelled(
        "Tới dự",
        &format!(
            "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm {}.",
            d.year
        ),
        false,
    ));
    blocks.push(labelled(
        "Thời gian",
        &format!(
            "{}, {}, ngày {}.",
            vn::date::time(meeting.start),
            vn::date::weekday(meeting.date),
            vn::date::short(meeting.date)
        ),
        false,
    ));
    blocks.push(labelled(
        "Địa điểm",
        &format!("{}.", meeting.place.trim_end_matches('.')),
        false,
    ));
    blocks.push(Block::body("Rất mong đồng chí đến dự đúng giờ."));
    blocks.push(Block::SignOff {
        recipients: Some(common::recipients(
            &["Như trên".to_string()],
            &d.plan.archive,
        )),
        countersign: None,
        signature: common::signature(d, inv.signer, d.plan.on_behalf),
    });
    let mut doc = common::document(
        d,
        format!("{KIND}/{slug}"),
        format!("Giấy mời đồng chí {}", who.name),
        common::Issue {
            kind: KIND,
            doc_type: Some(DOC_TYPE),
            number: inv.number.as_deref(),
            date: inv.date,
        },
        Title {
            kind: "GIẤY MỜI".into(),
            summary: None,
            subtitle: None,
        },
        blocks,
    );
    doc.member = who.member.clone();
    doc
}
