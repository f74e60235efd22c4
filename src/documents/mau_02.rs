//! Mẫu 02: a member's self-review (Bản kiểm điểm cá nhân), prefilled with what the data knows;
//! what the member has not written is left as dotted lines. The form's wording is the
//! regulation's (`regulation::<regulation>`); this file lays it out.

use super::review_form::{
    answer, field, label, lines_to_write_on, part_b, rating_rows, sections_i_to_vi, sign_lines,
    signature, sub,
};
use super::{Docs, common};
use crate::data::tally::{self, Standing};
use crate::data::{Dossier, Member, Rating, SignOffStyle};
use crate::doc::{Block, Document, ParaKind, Run, Signature, Title};
use crate::regulation::{Identity, ReviewForm, TailBlock, TailValue};
use crate::vn;

/// The kind's id: folder name and `--only` value.
pub const KIND: &str = "mau-02";

/// The cell's name without its leading "Chi bộ" ("THPT Nguyễn Văn Tăng"), for the "Chi bộ:" line.
fn cell_short_name(name: &str) -> &str {
    // "Chi bộ" is 6 characters; the space after it may be a non-breaking one
    let mut chars = name.char_indices();
    let head: String = name.chars().take(6).collect();
    match chars.nth(6) {
        Some((at, c)) if head.to_lowercase() == "chi bộ" && c.is_whitespace() => {
            name[at..].trim_start()
        }
        _ => name,
    }
}

/// A line of the form's tail as this cell reads it: the form prints its alternatives
/// ("T/M CHI ỦY (CHI BỘ)", "Đảng ủy, chi ủy cơ sở xếp loại"); the data chooses — a cell with
/// committee members (`chi_uy_vien`) signs as its chi ủy, one without as the chi bộ; the upper
/// level is named by its own name (`chi_bo.cap_tren`, "Đảng bộ …" read as its committee, "Đảng
/// ủy …").
fn tail_text(d: &Dossier, text: &str) -> String {
    let committee = d
        .members
        .iter()
        .any(|m| m.post == crate::data::PartyPost::CommitteeMember);
    let (body, tm) = if committee {
        ("chi ủy", "T/M CHI ỦY")
    } else {
        ("chi bộ", "T/M CHI BỘ")
    };
    let upper = d.cell.upper_committee();
    text.replace("T/M CHI ỦY (CHI BỘ)", tm)
        .replace("của chi ủy (chi bộ)", &format!("của {body}"))
        .replace("của chi ủy:", &format!("của {body}:"))
        .replace(
            "Đảng ủy, chi ủy cơ sở xếp loại",
            &format!("{upper} xếp loại"),
        )
        .replace("T/M ĐẢNG ỦY (CHI ỦY)", "T/M ĐẢNG ỦY")
}

/// The identity lines the form asks for, filled from the data.
pub fn identity(d: &Dossier, m: &Member, form: &ReviewForm) -> Vec<Block> {
    form.identity
        .iter()
        .map(|line| match line {
            Identity::Name => field("Họ và tên", Some(&m.full_name)),
            Identity::BirthDate => field("Ngày sinh", Some(&vn::date::short(m.birth_date))),
            Identity::PartyPost => field("Chức vụ Đảng", Some(m.post.name())),
            Identity::GovPost => field("Chức vụ chính quyền", m.gov_post.as_deref()),
            Identity::OrgPost => field("Chức vụ đoàn thể", m.org_post.as_deref()),
            Identity::Workplace => field("Đơn vị công tác", m.workplace.as_deref()),
            Identity::Cell => field("Chi bộ", Some(cell_short_name(&d.cell.name))),
        })
        .collect()
}

/// Every member who writes a self-review, in Vietnamese name order, in `mau-02/<slug>`.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    let mut members: Vec<&Member> = d
        .members
        .iter()
        .filter(|m| tally::standing(d, m).reviewed())
        .collect();
    vn::collate::sort_by_name(&mut members, |m| &m.full_name);
    let slugs = super::unique_slugs(members.iter().map(|m| m.file_name.as_str()));
    // each self-review built when it is rendered: a cell of thousands is never all in memory
    Box::new(
        members
            .into_iter()
            .zip(slugs)
            .map(move |(m, s)| build(d, m, &s)),
    )
}

/// Builds the self-review of `m`, written to `mau-02/<slug>`.
pub fn build(d: &Dossier, m: &Member, slug: &str) -> Document {
    let forms = d.regulation.self_review;
    let form = (forms.form_of)(m.leader, m.subject);
    let r = &m.review;
    let mut b = identity(d, m, form);
    let scoring = d.regulation.scoring;
    sections_i_to_vi(scoring, form, r, &m.assessment.prompts, &mut b);
    if let Some(rating) = forms.rating {
        b.push(Block::heading(rating.heading));
        b.push(sub(rating.civil.into()));
        rating_rows(r.rating_civil, &mut b);
        b.push(sub(rating.party.into()));
        rating_rows(r.rating_party, &mut b);
    }
    if let (Some(s), Some(part)) = (scoring, &form.score) {
        let table = d.criteria_table(form.label_key);
        part_b(s, part, r.score.as_ref(), table, r.rating_party, &mut b);
    }
    let name = Some(m.full_name.clone());
    match d.sign_off {
        SignOffStyle::CellConfirms => {
            let [member, cell] = forms.confirm;
            b.push(Block::SignOff {
                recipients: None,
                countersign: Some(Signature {
                    heading: sign_lines(member),
                    name,
                }),
                signature: Signature {
                    heading: sign_lines(cell),
                    name: None,
                },
            });
        }
        SignOffStyle::Full | SignOffStyle::MemberOnly => b.push(signature(forms.signer, name)),
    }
    let tail = match d.sign_off {
        SignOffStyle::Full => forms.tail,
        SignOffStyle::MemberOnly | SignOffStyle::CellConfirms => &[],
    };

    let standing = tally::standing(d, m);
    // the level known, or nothing (lines to write on)
    let level_line = |r: Option<Rating>| {
        Some(match (&standing, r) {
            (Standing::ReviewedOnly(reason), _) => {
                format!("Không xếp loại ({}).", reason.to_lowercase())
            }
            (_, Some(r)) => r.name().to_string(),
            (_, None) => return None,
        })
    };
    let chosen = |t: &str| tail_text(d, t);
    let tail_from = b.len();
    for block in tail {
        match block {
            TailBlock::Heading(h) => b.push(Block::Paragraph {
                kind: ParaKind::Part,
                runs: vec![Run::bold(*h)],
            }),
            TailBlock::Sign(lines) => {
                let lines: Vec<(String, crate::doc::SignRole)> =
                    lines.iter().map(|(t, r)| (chosen(t), *r)).collect();
                let lines: Vec<(&str, crate::doc::SignRole)> =
                    lines.iter().map(|(t, r)| (t.as_str(), *r)).collect();
                b.push(signature(&lines, None));
            }
            TailBlock::Field(l, value) => {
                b.push(label(&chosen(l)));
                match value {
                    TailValue::Lines => answer(None, &mut b),
                    TailValue::Line => b.push(lines_to_write_on(1)),
                    TailValue::Remarks => answer(m.assessment.remarks.as_deref(), &mut b),
                    TailValue::Proposal => match level_line(tally::proposal(m, tally::voters(d))) {
                        Some(text) => b.push(Block::plain(vec![Run::plain(text)])),
                        None => b.push(lines_to_write_on(1)),
                    },
                }
            }
        }
    }
    // the parts others fill in by hand each stay whole on a page with their signature
    for block in &mut b[tail_from..] {
        if let Block::Paragraph { kind, .. } = block
            && *kind == ParaKind::Lines
        {
            *kind = ParaKind::KeptLines;
        }
    }

    let summary = form.summary.replace("{nam}", &d.year.to_string());
    let mut doc = common::document(
        d,
        format!("{KIND}/{slug}"),
        format!("Bản kiểm điểm cá nhân năm {} – {}", d.year, m.full_name),
        common::Issue {
            kind: KIND,
            doc_type: None,
            number: None,
            date: d.plan.date,
        },
        Title {
            kind: form.title.into(),
            summary: Some(summary),
            subtitle: form.subtitle.map(str::to_string),
        },
        b,
    );
    // The member dates and signs it: the day and month are left to fill in.
    doc.header.place_date = format!("{}, ngày … tháng … năm {}", d.cell.place, d.year);
    doc.member = Some(m.id.clone());
    doc.form_label = Some(d.form_labels.get(form.label_key, form.label));
    doc
}
