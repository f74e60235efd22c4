//! The rating rules: who is rated, the "xuất sắc" quota, the secretary not above the cell,
//! discipline and sick leave, and the ballots. Each regulation lists the ones it follows and
//! gives their figures; hints cite it.

use super::{cited, diag};
use crate::data::tally::{self, Standing};
use crate::data::{At, Dossier, Member, MemberRef, Rating};
use crate::diag::{Diagnostic, Severity};

/// Where a member's level is written: the decision, else the proposal, else the ballot, else
/// the member.
pub(crate) fn level_at(m: &Member) -> &At {
    let a = &m.assessment;
    if a.decided.is_some() {
        &a.decided_at
    } else if a.proposed.is_some() {
        &a.proposed_at
    } else if a.votes.is_some() {
        &a.votes_at
    } else {
        &m.at
    }
}

/// The levels the cell gives a member, with where each was written: the decision and the
/// proposal as written, and the ballot's result among `voters` (`tally::voters`, counted once
/// by the caller, not once per member) when neither is.
pub(crate) fn cell_levels(m: &Member, voters: u32) -> Vec<(Rating, &At)> {
    let a = &m.assessment;
    let mut out: Vec<(Rating, &At)> = [(a.proposed, &a.proposed_at), (a.decided, &a.decided_at)]
        .into_iter()
        .filter_map(|(r, at)| r.map(|r| (r, at)))
        .collect();
    if out.is_empty()
        && let Some(v) = &a.votes
        && let Some(r) = tally::ballot_result(v, voters)
    {
        out.push((r, &a.votes_at));
    }
    out
}

/// At most 20 % of the members rated "tốt" (or "tốt" and above, by setting) are rated "xuất sắc".
pub fn excellent_quota(d: &Dossier) -> Vec<Diagnostic> {
    let t = tally::rating_table(d);
    let tally::ExcellentShare {
        excellent,
        base,
        base_name,
        percent,
        decision,
    } = tally::excellent_share(d);
    let decision = decision.map_or(String::new(), |x| {
        format!(" (đơn vị được cho tỷ lệ {percent}% theo {x})")
    });
    let allowed = base * percent / 100; // floor
    if excellent <= allowed {
        return Vec::new();
    }
    let over = d.member(t.by_level[Rating::Excellent as usize][allowed as usize]);
    vec![diag(
        d,
        Severity::Error,
        level_at(over),
        format!(
            "có {excellent} đảng viên hoàn thành xuất sắc nhiệm vụ, vượt {percent}% của {base} đảng viên {base_name} (tối đa {allowed}){decision}."
        ),
        &cited(
            d,
            &format!(
                "số đảng viên hoàn thành xuất sắc nhiệm vụ không quá {percent}% số hoàn thành tốt nhiệm vụ; hạ mức của đảng viên thừa, hoặc đặt «quy_tac.co_so_ty_le_xuat_sac: tot_tro_len» nếu cấp trên tính trên số tốt trở lên."
            ),
        ),
    )]
}

/// The secretary's level is not above the cell's.
pub fn secretary_not_above_cell(d: &Dossier) -> Vec<Diagnostic> {
    let Some(cell) = tally::cell_rating(d) else {
        return Vec::new();
    };
    d.members
        .iter()
        .filter(|m| m.post == crate::data::PartyPost::Secretary)
        .filter_map(|m| tally::rating_of(d, m).map(|r| (m, r)))
        .filter(|(_, r)| *r < cell)
        .map(|(m, r)| {
            diag(
                d,
                Severity::Error,
                level_at(m),
                format!(
                    "Bí thư {} được xếp «{}», cao hơn mức của chi bộ «{}».",
                    m.full_name,
                    r.name(),
                    cell.name()
                ),
                &cited(d, "mức xếp loại của người đứng đầu không cao hơn mức của tổ chức do mình lãnh đạo."),
            )
        })
        .collect()
}

/// A member disciplined in the year is rated "Không hoàn thành nhiệm vụ".
pub fn discipline_means_not_done(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let voters = tally::voters(d);
    for m in d.members.iter().filter(|m| m.discipline.is_some()) {
        for (r, at) in cell_levels(m, voters)
            .into_iter()
            .filter(|(r, _)| *r != Rating::NotDone)
        {
            out.push(diag(
                d,
                Severity::Error,
                at,
                format!(
                    "đồng chí {} bị kỷ luật trong năm nhưng được xếp «{}».",
                    m.full_name,
                    r.name()
                ),
                &cited(
                    d,
                    "đảng viên bị thi hành kỷ luật trong năm được xếp «Không hoàn thành nhiệm vụ».",
                ),
            ));
        }
        if let Some(r) = m.review.rating_party.filter(|r| *r != Rating::NotDone) {
            out.push(diag(
                d,
                Severity::Warning,
                &m.discipline_at,
                format!(
                    "đồng chí {} bị kỷ luật trong năm nhưng tự xếp loại «{}».",
                    m.full_name,
                    r.name()
                ),
                "đảng viên bị kỷ luật trong năm chỉ được xếp «Không hoàn thành nhiệm vụ»; nhắc đồng chí sửa phần tự xếp loại.",
            ));
        }
    }
    out
}

/// Sick leave of three months or more caps the level at "Hoàn thành nhiệm vụ".
pub fn sick_leave_caps_the_level(d: &Dossier) -> Vec<Diagnostic> {
    let months = d.regulation.thresholds.sick_leave_months;
    let voters = tally::voters(d);
    d.members
        .iter()
        .filter(|m| m.sick_months >= months)
        .flat_map(|m| {
            cell_levels(m, voters)
                .into_iter()
                .filter(|(r, _)| *r < Rating::Done)
                .map(move |(r, at)| {
                    diag(
                        d,
                        Severity::Error,
                        at,
                        format!(
                            "đồng chí {} nghỉ ốm {} tháng trong năm nhưng được xếp «{}».",
                            m.full_name,
                            m.sick_months,
                            r.name()
                        ),
                        &cited(d, &format!("nghỉ ốm từ {months} tháng trở lên thì không xếp loại từ «Hoàn thành tốt nhiệm vụ» trở lên.")),
                    )
                })
        })
        .collect()
}

/// Exempted and suspended members are neither reviewed nor rated; members admitted less than
/// six months before the review write a self-review but are not rated.
pub fn only_those_rated_get_a_level(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in &d.members {
        let standing = tally::standing(d, m);
        let a = &m.assessment;
        if let Standing::Excluded(reason) = &standing
            && m.has_review
        {
            out.push(diag(
                d,
                Severity::Error,
                &m.at,
                format!(
                    "đồng chí {} thuộc diện «{}» nên không kiểm điểm, nhưng có phần «kiem_diem».",
                    m.full_name,
                    reason.to_lowercase()
                ),
                &cited(d, "đảng viên được miễn hoặc bị đình chỉ sinh hoạt đảng không kiểm điểm, không xếp loại; xóa phần «kiem_diem»."),
            ));
        }
        if let Some(reason) = standing.reason() {
            let written = [
                (a.votes.is_some(), &a.votes_at),
                (a.proposed.is_some(), &a.proposed_at),
                (a.decided.is_some(), &a.decided_at),
            ];
            for (_, at) in written.into_iter().filter(|(w, _)| *w) {
                out.push(diag(
                    d,
                    Severity::Error,
                    at,
                    format!(
                        "đồng chí {} không được xếp loại ({}), nhưng ở đây có phiếu hoặc mức xếp loại.",
                        m.full_name,
                        reason.to_lowercase()
                    ),
                    &cited(d, &format!("đảng viên mới kết nạp chưa đủ {} tháng, được miễn hoặc bị đình chỉ sinh hoạt thì không xếp loại; xóa dòng này.", d.regulation.thresholds.months_since_admission)),
                ));
            }
        }
    }
    out
}

/// Only official members present vote: no ballot counts more votes than there are of them.
pub fn votes_within_the_voters(d: &Dossier) -> Vec<Diagnostic> {
    let Some(att) = tally::attendance(d) else {
        return Vec::new();
    };
    let voters = att.official_present;
    let hint = "chỉ đảng viên chính thức có mặt mới biểu quyết; đảng viên dự bị không biểu quyết. Kiểm tra lại số phiếu và danh sách vắng «hoi_nghi.vang».";
    let mut out = Vec::new();
    let mut check = |who: String, total: u32, at: &At| {
        if total > voters {
            out.push(diag(
                d,
                Severity::Error,
                at,
                format!("{who} có {total} phiếu, nhiều hơn {voters} đảng viên chính thức có mặt."),
                hint,
            ));
        }
    };
    for m in &d.members {
        if let Some(v) = &m.assessment.votes {
            check(
                format!("phiếu xếp loại đồng chí {}", m.full_name),
                v.total(),
                &m.assessment.votes_at,
            );
        }
    }
    if let Some(meeting) = &d.meeting
        && let Some(v) = &meeting.cell_votes
    {
        check(
            "phiếu xếp loại chi bộ".to_string(),
            v.total(),
            &meeting.cell_votes_at,
        );
    }
    out
}

/// A proposed level that differs from the ballot's result is flagged.
pub fn proposal_follows_the_ballot(d: &Dossier) -> Vec<Diagnostic> {
    let Some(att) = tally::attendance(d) else {
        return Vec::new();
    };
    d.members
        .iter()
        .filter_map(|m| {
            let a = &m.assessment;
            let (proposed, votes) = (a.proposed?, a.votes.as_ref()?);
            let result = tally::ballot_result(votes, att.official_present);
            (result != Some(proposed)).then(|| {
                let got = result.map_or_else(
                    || {
                        format!(
                            "chưa mức nào được quá nửa: {}",
                            tally::no_majority_reason(votes, att.official_present)
                        )
                    },
                    |r| format!("«{}»", r.name()),
                );
                diag(
                    d,
                    Severity::Warning,
                    &a.proposed_at,
                    format!(
                        "chi bộ đề xuất «{}» cho đồng chí {}, nhưng kết quả phiếu là {got}.",
                        proposed.name(),
                        m.full_name
                    ),
                    "mức đề xuất là mức có quá nửa số đảng viên chính thức có mặt tán thành (cộng dồn từ mức cao xuống); kiểm tra số phiếu hoặc mức đề xuất.",
                )
            })
        })
        .collect()
}

/// The chair and the secretary of the meeting are present and take part in party activity;
/// nobody is absent twice; exempted or suspended members are not listed as absent (they are
/// counted apart).
pub fn officers_present(d: &Dossier) -> Vec<Diagnostic> {
    let Some(meeting) = &d.meeting else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen: Vec<MemberRef> = Vec::new();
    for a in &meeting.absences {
        let m = d.member(a.member);
        let role = if a.member == meeting.chair {
            Some("chủ trì")
        } else if Some(a.member) == meeting.secretary {
            Some("thư ký")
        } else {
            None
        };
        if let Some(role) = role {
            out.push(diag(
                d,
                Severity::Error,
                &a.at,
                format!("đồng chí {} là {role} hội nghị nhưng có tên trong danh sách vắng.", m.full_name),
                "đổi người chủ trì («hoi_nghi.chu_tri») hoặc thư ký («hoi_nghi.thu_ky»), hoặc xóa đồng chí khỏi «hoi_nghi.vang».",
            ));
        }
        if seen.contains(&a.member) {
            out.push(diag(
                d,
                Severity::Error,
                &a.at,
                format!(
                    "đồng chí {} có tên hai lần trong danh sách vắng.",
                    m.full_name
                ),
                "mỗi người vắng chỉ ghi một lần.",
            ));
        }
        seen.push(a.member);
    }
    let officers = [
        ("chủ trì", Some(meeting.chair)),
        ("thư ký", meeting.secretary),
    ];
    for (role, who) in officers {
        let Some(r) = who else { continue };
        let m = d.member(r);
        if let Standing::Excluded(reason) = tally::standing(d, m) {
            out.push(diag(
                d,
                Severity::Error,
                &meeting.date_at,
                format!(
                    "đồng chí {} ({}) không thể là {role} hội nghị.",
                    m.full_name,
                    reason.to_lowercase()
                ),
                "chọn người khác ở «hoi_nghi.chu_tri» hoặc «hoi_nghi.thu_ky» (mặc định chủ trì là người ký kế hoạch).",
            ));
        }
    }
    for a in &meeting.absences {
        let m = d.member(a.member);
        if let Standing::Excluded(reason) = tally::standing(d, m) {
            out.push(diag(
                d,
                Severity::Warning,
                &a.at,
                format!(
                    "đồng chí {} ({}) không phải dự họp nên không tính là vắng.",
                    m.full_name,
                    reason.to_lowercase()
                ),
                "xóa đồng chí khỏi «hoi_nghi.vang»; biên bản ghi riêng số đảng viên miễn hoặc đình chỉ sinh hoạt.",
            ));
        }
    }
    out
}

/// Members to be rated have a level before the report of results is written.
pub fn every_rated_member_has_a_level(d: &Dossier) -> Vec<Diagnostic> {
    if d.results.is_none() {
        return Vec::new();
    }
    tally::rating_table(d)
        .pending
        .into_iter()
        .map(|r| {
            let m = d.member(r);
            diag(
                d,
                Severity::Warning,
                &m.at,
                format!("đồng chí {} chưa có mức xếp loại; báo cáo kết quả sẽ thiếu đồng chí này.", m.full_name),
                "ghi phiếu («danh_gia.phieu») hoặc mức xếp loại («danh_gia.xep_loai») của đồng chí.",
            )
        })
        .collect()
}

/// An absent member has no ballot at the meeting: their level comes from a later review.
pub fn absent_members_have_no_ballot(d: &Dossier) -> Vec<Diagnostic> {
    d.members
        .iter()
        .filter(|m| m.assessment.votes.is_some() && tally::absent(d, m))
        .map(|m| {
            diag(
                d,
                Severity::Error,
                &m.assessment.votes_at,
                format!(
                    "đồng chí {} vắng mặt tại hội nghị nhưng có phiếu xếp loại.",
                    m.full_name
                ),
                "đảng viên vắng mặt được kiểm điểm, xếp loại bổ sung: xóa «phieu» và ghi kết quả vào «xep_loai» khi đã kiểm điểm.",
            )
        })
        .collect()
}

/// An official member has passed the twelve months of probation.
pub fn official_after_probation(d: &Dossier) -> Vec<Diagnostic> {
    let review = tally::review_date(d);
    let months = d.regulation.thresholds.probation_months;
    d.members
        .iter()
        .filter(|m| m.membership == crate::data::Membership::Official)
        .filter(|m| {
            m.admitted
                .checked_add_months(chrono::Months::new(months))
                .is_some_and(|y| y > review)
        })
        .map(|m| {
            diag(
                d,
                Severity::Error,
                &m.at,
                format!(
                    "đồng chí {} vào Đảng ngày {}, chưa đủ {months} tháng dự bị mà ghi là đảng viên chính thức.",
                    m.full_name,
                    crate::vn::date::short(m.admitted)
                ),
                "đảng viên dự bị ghi «loai: du_bi» (không biểu quyết); kiểm tra lại «ngay_vao_dang».",
            )
        })
        .collect()
}

/// A member on long sick leave is told when their own self-rating is above the cap.
pub fn sick_leave_self_rating(d: &Dossier) -> Vec<Diagnostic> {
    let months = d.regulation.thresholds.sick_leave_months;
    d.members
        .iter()
        .filter(|m| m.sick_months >= months)
        .filter_map(|m| m.review.rating_party.map(|r| (m, r)))
        .filter(|(_, r)| *r < Rating::Done)
        .map(|(m, r)| {
            diag(
                d,
                Severity::Warning,
                &m.at,
                format!(
                    "đồng chí {} nghỉ ốm {} tháng nhưng tự xếp loại «{}».",
                    m.full_name,
                    m.sick_months,
                    r.name()
                ),
                format!("nghỉ ốm từ {months} tháng trở lên thì mức cao nhất là «Hoàn thành nhiệm vụ»; nhắc đồng chí sửa phần tự xếp loại.").as_str(),
            )
        })
        .collect()
}

/// A committee member disciplined at the regulation's heavy level ("cảnh cáo" or above under
/// HD 21, "khiển trách" or above under QĐ 366) makes the cell "Không hoàn thành nhiệm vụ" (the
/// discipline is free text: its words are read).
pub fn committee_discipline_and_the_cell(d: &Dossier) -> Vec<Diagnostic> {
    let Some(cell) = tally::cell_rating(d) else {
        return Vec::new();
    };
    if cell == Rating::NotDone {
        return Vec::new();
    }
    d.members
        .iter()
        .filter(|m| m.post != crate::data::PartyPost::Member)
        .filter(|m| {
            m.discipline.as_deref().is_some_and(|k| {
                let k = k.to_lowercase();
                d.regulation
                    .thresholds
                    .heavy_discipline
                    .iter()
                    .any(|w| k.contains(w))
            })
        })
        .map(|m| {
            diag(
                d,
                Severity::Warning,
                &m.discipline_at,
                format!(
                    "chi ủy viên {} bị kỷ luật «{}» nhưng chi bộ được xếp «{}».",
                    m.full_name,
                    m.discipline.as_deref().unwrap_or_default(),
                    cell.name()
                ),
                &cited(d, &format!("tập thể có thành viên lãnh đạo bị kỷ luật từ {} trở lên trong năm thì xếp «Không hoàn thành nhiệm vụ».", d.regulation.thresholds.heavy_discipline.first().copied().unwrap_or("khiển trách"))),
            )
        })
        .collect()
}

/// The cell's ballot gives a level.
pub fn cell_ballot_has_a_majority(d: &Dossier) -> Vec<Diagnostic> {
    let Some(meeting) = &d.meeting else {
        return Vec::new();
    };
    let Some(votes) = &meeting.cell_votes else {
        return Vec::new();
    };
    if tally::cell_ballot_result(d).is_some() {
        return Vec::new();
    }
    vec![diag(
        d,
        Severity::Warning,
        &meeting.cell_votes_at,
        format!(
            "phiếu xếp loại chi bộ không có mức nào được quá nửa số đảng viên chính thức có mặt: {}.",
            tally::no_majority_reason(votes, tally::voters(d))
        ),
        "kiểm tra số phiếu; biên bản và báo cáo sẽ không ghi mức chi bộ đề nghị.",
    )]
}
