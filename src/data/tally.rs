//! Figures derived from the data, never typed: who is reviewed and rated, attendance, ballot
//! results and percentages. The rules and the documents both read them from here.

use chrono::{Months, NaiveDate};

use super::model::*;
use crate::regulation::NewMembers;
use crate::vn::date::short;

/// Whether a member writes a self-review and is rated, as the review's regulation says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Reviewed and rated.
    Rated,
    /// Writes a self-review but is not rated; the reason.
    ReviewedOnly(String),
    /// Neither reviewed nor rated; the reason.
    Excluded(String),
}

impl Standing {
    /// Writes a self-review.
    pub fn reviewed(&self) -> bool {
        !matches!(self, Standing::Excluded(_))
    }
    /// Is rated.
    pub fn rated(&self) -> bool {
        matches!(self, Standing::Rated)
    }
    /// Why the member is not rated, if not.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Standing::Rated => None,
            Standing::ReviewedOnly(r) | Standing::Excluded(r) => Some(r),
        }
    }
}

/// The day the review is held: the meeting's, else the plan's.
pub fn review_date(d: &Dossier) -> NaiveDate {
    d.meeting.as_ref().map_or(d.plan.date, |m| m.date)
}

/// Admitted less than the regulation's months (six) before the review.
pub fn recently_admitted(d: &Dossier, m: &Member) -> bool {
    m.admitted
        .checked_add_months(Months::new(d.regulation.thresholds.months_since_admission))
        .is_some_and(|day| day > review_date(d))
}

/// A member's standing in this year's review.
pub fn standing(d: &Dossier, m: &Member) -> Standing {
    match m.activity {
        Activity::Exempted => Standing::Excluded("Miễn công tác và sinh hoạt đảng".into()),
        Activity::Suspended => Standing::Excluded("Đình chỉ sinh hoạt đảng".into()),
        Activity::Active if recently_admitted(d, m) => {
            let reason = format!(
                "Mới kết nạp ngày {}, chưa đủ {} tháng",
                short(m.admitted),
                d.regulation.thresholds.months_since_admission
            );
            match d.regulation.new_members {
                NewMembers::ReviewedNotRated => Standing::ReviewedOnly(reason),
                NewMembers::Excluded => Standing::Excluded(reason),
            }
        }
        Activity::Active => Standing::Rated,
    }
}

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

/// The day the residence committees' remarks are asked for by: as written, else the day
/// before the review.
pub fn residence_deadline(d: &Dossier) -> NaiveDate {
    let review = review_date(d);
    d.residence_request
        .as_ref()
        .and_then(|r| r.deadline)
        .unwrap_or_else(|| review.pred_opt().unwrap_or(review))
}

/// The member's absence from the meeting, when listed absent.
pub fn absence<'a>(d: &'a Dossier, m: &Member) -> Option<&'a Absence> {
    d.meeting
        .as_ref()?
        .absences
        .iter()
        .find(|a| d.member(a.member).id == m.id)
}

/// Whether the member is listed absent from the meeting.
pub fn absent(d: &Dossier, m: &Member) -> bool {
    absence(d, m).is_some()
}

/// Who was at the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendance {
    /// Members of the cell.
    pub total: u32,
    /// Official members.
    pub official: u32,
    /// Probationary members.
    pub probationary: u32,
    /// Members exempted from party activity.
    pub exempted: Vec<MemberRef>,
    /// Members suspended from party activity.
    pub suspended: Vec<MemberRef>,
    /// Present.
    pub present: u32,
    /// Official members present: the voters.
    pub official_present: u32,
    /// Absent with a reason, and the reason.
    pub excused: Vec<(MemberRef, String)>,
    /// Absent without a reason.
    pub unexcused: Vec<MemberRef>,
}

impl Attendance {
    /// Members absent.
    pub fn absent(&self) -> u32 {
        (self.excused.len() + self.unexcused.len()) as u32
    }
}

/// Attendance at the meeting, when the file describes one.
pub fn attendance(d: &Dossier) -> Option<Attendance> {
    d.meeting.as_ref().map(|m| attendance_at(d, m))
}

/// Attendance at `meeting`, counted from the members and the absences.
pub fn attendance_at(d: &Dossier, meeting: &Meeting) -> Attendance {
    // one flag per member: looking each one up in the absences made a cell of 5,000 members
    // take 20 s to check (the count is asked for once per member)
    let mut absent_flags = vec![false; d.members.len()];
    for a in &meeting.absences {
        if let Some(f) = absent_flags.get_mut(a.member.0) {
            *f = true;
        }
    }
    let absent = |i: usize| absent_flags[i];
    let mut a = Attendance {
        total: d.members.len() as u32,
        official: 0,
        probationary: 0,
        exempted: Vec::new(),
        suspended: Vec::new(),
        present: 0,
        official_present: 0,
        excused: Vec::new(),
        unexcused: Vec::new(),
    };
    for (i, m) in d.members.iter().enumerate() {
        match m.membership {
            Membership::Official => a.official += 1,
            Membership::Probationary => a.probationary += 1,
        }
        match m.activity {
            Activity::Exempted => a.exempted.push(MemberRef(i)),
            Activity::Suspended => a.suspended.push(MemberRef(i)),
            Activity::Active if absent(i) => {}
            Activity::Active => {
                a.present += 1;
                if m.membership == Membership::Official {
                    a.official_present += 1;
                }
            }
        }
    }
    for ab in &meeting.absences {
        if d.member(ab.member).activity != Activity::Active {
            continue;
        }
        match &ab.reason {
            Some(r) => a.excused.push((ab.member, r.clone())),
            None => a.unexcused.push(ab.member),
        }
    }
    a
}

/// `n` of `base` as a percentage with a decimal comma, rounded half up to two decimals and
/// without trailing zeros: 2 of 3 → "66,67%", 1 of 8 → "12,5%", 3 of 3 → "100%".
pub fn percent(n: u32, base: u32) -> String {
    match base {
        0 => share(n, base),
        _ => share(n, base) + "%",
    }
}

/// The same share without its sign, for a "Tỷ lệ (%)" column: 1 of 13 → "7,69"; "—" of nothing.
pub fn share(n: u32, base: u32) -> String {
    if base == 0 {
        return "—".to_string();
    }
    // hundredths of a percent, in integers so that no float ever rounds the wrong way
    let h = (u64::from(n) * 20_000 + u64::from(base)) / (2 * u64::from(base));
    let (whole, frac) = (h / 100, h % 100);
    match frac {
        0 => format!("{whole}"),
        f if f % 10 == 0 => format!("{whole},{}", f / 10),
        f => format!("{whole},{f:02}"),
    }
}

/// Members rated per level, and those not rated with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatingTable {
    /// Members rated at each level, best first.
    pub by_level: [Vec<MemberRef>; 4],
    /// Members to be rated whose level is not known yet.
    pub pending: Vec<MemberRef>,
    /// Members not rated, and why.
    pub not_rated: Vec<(MemberRef, String)>,
}

impl RatingTable {
    /// Members rated.
    pub fn rated(&self) -> u32 {
        self.by_level.iter().map(|v| v.len() as u32).sum()
    }
    /// Members rated at `r`.
    pub fn count(&self, r: Rating) -> u32 {
        self.by_level[r as usize].len() as u32
    }
}

/// The share of "xuất sắc" against the base the quota is counted on, as the rules count it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcellentShare {
    /// Members rated "xuất sắc".
    pub excellent: u32,
    /// The base: those rated "tốt" (or "tốt" and better, as the settings say).
    pub base: u32,
    /// The base in words ("hoàn thành tốt nhiệm vụ").
    pub base_name: &'static str,
    /// The share allowed, in percent.
    pub percent: u32,
    /// The decision that allows an outstanding unit more, when there is one and the regulation
    /// knows of it.
    pub decision: Option<String>,
}

/// The share of "xuất sắc" of `d` and what is allowed.
pub fn excellent_share(d: &Dossier) -> ExcellentShare {
    let t = rating_table(d);
    let excellent = t.count(Rating::Excellent);
    let (base, base_name) = match d.settings.quota_base {
        crate::data::QuotaBase::GoodOnly => (t.count(Rating::Good), "hoàn thành tốt nhiệm vụ"),
        crate::data::QuotaBase::GoodOrBetter => (
            t.count(Rating::Good) + excellent,
            "hoàn thành tốt nhiệm vụ trở lên",
        ),
    };
    let thresholds = &d.regulation.thresholds;
    // an outstanding unit, by the competent level's decision, may rate more (QĐ 366: 25 %)
    let (percent, decision) = match (
        &d.settings.outstanding,
        thresholds.outstanding_quota_percent,
    ) {
        (Some(decision), Some(p)) => (p, Some(decision.clone())),
        _ => (thresholds.excellent_quota_percent, None),
    };
    ExcellentShare {
        excellent,
        base,
        base_name,
        percent,
        decision,
    }
}

/// The cell's members by level, in the file's order.
pub fn rating_table(d: &Dossier) -> RatingTable {
    let mut t = RatingTable {
        by_level: Default::default(),
        pending: Vec::new(),
        not_rated: Vec::new(),
    };
    let voters = voters(d); // counted once, not once per member
    for (i, m) in d.members.iter().enumerate() {
        match standing(d, m) {
            Standing::Rated => match m.assessment.decided.or_else(|| proposal(m, voters)) {
                Some(r) => t.by_level[r as usize].push(MemberRef(i)),
                None => t.pending.push(MemberRef(i)),
            },
            s => t
                .not_rated
                .push((MemberRef(i), s.reason().unwrap_or_default().to_string())),
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_rounded_half_up_with_a_decimal_comma() {
        // worked by hand: 2/3 = 66,666…; 1/6 = 16,666…; 5/7 = 71,428…; 1/8 = 12,5;
        // 1/200 = 0,5; 1/16 = 6,25; 1/3 = 33,333…; 7/7 = 100; 0/9 = 0;
        // 1/1600 = 0,0625 → 0,06; 1/800 = 0,125 → 0,13 (half up)
        let cases = [
            (2, 3, "66,67%"),
            (1, 6, "16,67%"),
            (5, 7, "71,43%"),
            (1, 8, "12,5%"),
            (1, 200, "0,5%"),
            (1, 16, "6,25%"),
            (1, 3, "33,33%"),
            (7, 7, "100%"),
            (0, 9, "0%"),
            (1, 1600, "0,06%"),
            (1, 800, "0,13%"),
            (3, 0, "—"),
        ];
        for (n, base, want) in cases {
            assert_eq!(percent(n, base), want, "{n}/{base}");
        }
        // the column form drops the sign
        assert_eq!(share(1, 13), "7,69");
        assert_eq!(share(13, 13), "100");
        assert_eq!(share(2, 0), "—");
    }

    #[test]
    fn a_ballot_gives_the_best_level_with_a_cumulative_majority() {
        // 11 voters: 3 excellent + 4 good = 7 > 5,5 → good
        assert_eq!(ballot_result(&Votes([3, 4, 4, 0]), 11), Some(Rating::Good));
        // 6 of 11 for excellent alone → excellent
        assert_eq!(
            ballot_result(&Votes([6, 5, 0, 0]), 11),
            Some(Rating::Excellent)
        );
        // exactly half is not a majority: 5 of 10 excellent, then 5 good → good
        assert_eq!(ballot_result(&Votes([5, 5, 0, 0]), 10), Some(Rating::Good));
        // too few ballots for any majority
        assert_eq!(ballot_result(&Votes([1, 1, 1, 0]), 11), None);
        assert_eq!(ballot_result(&Votes([0, 0, 0, 0]), 0), None);
    }
}
