//! What the ballots decide: a level needs more than half of the voters; the cell's and each
//! member's level.

use super::*;

/// The level a ballot gives: the best level that, with the levels above it, has more than half
/// of the `voters`; `None` when no level reaches it.
pub fn ballot_result(v: &Votes, voters: u32) -> Option<Rating> {
    let mut cumulative = 0;
    for r in Rating::ALL {
        cumulative += v.of(r);
        if voters > 0 && cumulative * 2 > voters {
            return Some(r);
        }
    }
    None
}

/// Why a ballot gives no level: its ballots, by level, against the half of those who vote
/// (the count runs from the highest level down, so only too few ballots leave no majority).
pub fn no_majority_reason(v: &Votes, voters: u32) -> String {
    if voters == 0 {
        return "không có đảng viên chính thức có mặt để biểu quyết".into();
    }
    format!(
        "chỉ có {} phiếu (xuất sắc {}, tốt {}, hoàn thành {}, không hoàn thành {}), không quá nửa của {voters} đảng viên chính thức có mặt (cần ít nhất {} phiếu)",
        v.total(),
        v.of(Rating::Excellent),
        v.of(Rating::Good),
        v.of(Rating::Done),
        v.of(Rating::NotDone),
        voters / 2 + 1
    )
}

/// Who votes at the meeting: the official members present (none without a meeting).
pub fn voters(d: &Dossier) -> u32 {
    attendance(d).map_or(0, |a| a.official_present)
}

/// The level the cell proposes for a member: as written, else the ballot's result among
/// `voters`.
pub fn proposal(m: &Member, voters: u32) -> Option<Rating> {
    let a = &m.assessment;
    a.proposed
        .or_else(|| a.votes.as_ref().and_then(|v| ballot_result(v, voters)))
}

/// The member's level for the report: decided, else the cell's proposal.
pub fn rating_of(d: &Dossier, m: &Member) -> Option<Rating> {
    m.assessment.decided.or_else(|| proposal(m, voters(d)))
}

/// The level the meeting's ballot proposes for the cell, when it voted and a level has a majority.
pub fn cell_ballot_result(d: &Dossier) -> Option<Rating> {
    let v = d.meeting.as_ref()?.cell_votes.as_ref()?;
    ballot_result(v, voters(d))
}

/// The cell's level for the rules: the meeting's ballot, else the level the collective report
/// claims.
pub fn cell_rating(d: &Dossier) -> Option<Rating> {
    cell_ballot_result(d).or(d.collective.as_ref().and_then(|c| c.rating))
}
