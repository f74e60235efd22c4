//! Who is reviewed and who is rated, as the review's regulation says; who was absent from the
//! meeting.

use super::*;

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
