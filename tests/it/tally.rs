//! The figures of `data::tally` against counts made by hand on a small cell: five members whose
//! attendance, membership and levels are set one by one, so that each figure can be read off.

use crate::common::*;
use hoso::data::tally;
use hoso::data::{Absence, Activity, At, Dossier, MemberRef, Membership, Rating};

/// The 2020 fixture cut to its first five members, all official, active and present, none
/// rated.
fn five() -> Dossier {
    let bytes = std::fs::read(fixture()).unwrap();
    let mut d = hoso::data::load_bytes("d.yaml", &bytes).unwrap();
    d.members.truncate(5);
    for m in &mut d.members {
        m.membership = Membership::Official;
        m.activity = Activity::Active;
        m.assessment.decided = None;
        m.assessment.proposed = None;
        m.assessment.votes = None;
    }
    d.meeting.as_mut().unwrap().absences.clear();
    d
}

fn absence(i: usize, reason: Option<&str>) -> Absence {
    Absence {
        member: MemberRef(i),
        reason: reason.map(String::from),
        at: At::default(),
    }
}

#[test]
fn attendance_is_counted_member_by_member() {
    let mut d = five();
    // 0: probationary, present; 1: absent with a reason; 2: absent without; 3: exempted (and
    // listed absent: not counted as absent); 4: suspended
    d.members[0].membership = Membership::Probationary;
    d.members[3].activity = Activity::Exempted;
    d.members[4].activity = Activity::Suspended;
    d.meeting.as_mut().unwrap().absences = vec![
        absence(1, Some("ốm")),
        absence(2, None),
        absence(3, Some("miễn sinh hoạt")),
    ];
    let a = tally::attendance(&d).unwrap();
    assert_eq!((a.total, a.official, a.probationary), (5, 4, 1));
    assert_eq!(a.exempted, vec![MemberRef(3)]);
    assert_eq!(a.suspended, vec![MemberRef(4)]);
    // present: only member 0, who is probationary: no voter
    assert_eq!((a.present, a.official_present), (1, 0));
    assert_eq!(a.excused, vec![(MemberRef(1), "ốm".to_string())]);
    assert_eq!(a.unexcused, vec![MemberRef(2)]);
    assert_eq!(a.absent(), 2);

    // everyone back: five present, four of them voters
    d.meeting.as_mut().unwrap().absences.clear();
    d.members[3].activity = Activity::Active;
    d.members[4].activity = Activity::Active;
    let a = tally::attendance(&d).unwrap();
    assert_eq!((a.present, a.official_present, a.absent()), (5, 4, 0));
    assert!(a.excused.is_empty() && a.unexcused.is_empty());
}

#[test]
fn the_rating_table_and_the_excellent_share_count_what_was_decided() {
    let mut d = five();
    let levels = [
        Rating::Excellent,
        Rating::Good,
        Rating::Good,
        Rating::Done,
        Rating::Good,
    ];
    for (m, r) in d.members.iter_mut().zip(levels) {
        m.assessment.decided = Some(r);
    }
    let t = tally::rating_table(&d);
    assert_eq!(t.rated(), 5);
    assert_eq!(
        Rating::ALL.map(|r| t.count(r)),
        [1, 3, 1, 0],
        "per level, best first"
    );
    let s = tally::excellent_share(&d);
    // the base of the quota is those rated "tốt" (HD 21: 3), not the five rated
    assert_eq!((s.excellent, s.base), (1, 3));
    assert_eq!(s.percent, d.regulation.thresholds.excellent_quota_percent);
    assert_eq!(s.decision, None);
    // counted on "tốt" and better when the settings say so: 3 + 1
    d.settings.quota_base = hoso::data::QuotaBase::GoodOrBetter;
    assert_eq!(tally::excellent_share(&d).base, 4);
    d.settings.quota_base = hoso::data::QuotaBase::GoodOnly;

    // one fewer rated: the sum follows
    d.members[4].assessment.decided = None;
    let t = tally::rating_table(&d);
    assert_eq!(t.rated(), 4);
    assert_eq!(t.count(Rating::Good), 2);
}

#[test]
fn shares_are_written_with_a_decimal_comma_and_no_sign_in_a_column() {
    // worked by hand: 2/3 = 66,666… → 66,67; 1/8 = 12,5; 3/4 = 75; 1/200 = 0,5; 0/5 = 0
    assert_eq!(tally::share(2, 3), "66,67");
    assert_eq!(tally::share(1, 8), "12,5");
    assert_eq!(tally::share(3, 4), "75");
    assert_eq!(tally::share(1, 200), "0,5");
    assert_eq!(tally::share(0, 5), "0");
    assert_eq!(tally::share(1, 0), "—");
    // the percentage form adds the sign, except where there is no base
    assert_eq!(tally::percent(1, 8), "12,5%");
    assert_eq!(tally::percent(0, 5), "0%");
    assert_eq!(tally::percent(0, 0), "—");
}

/// Who is rated: an active member of long standing; not one admitted a month before the review
/// (HD 21: reviewed, not rated), nor an exempted or suspended one (neither).
#[test]
fn standing_follows_activity_and_admission() {
    let mut d = five();
    let review = tally::review_date(&d);
    d.members[1].admitted = review - chrono::Days::new(30);
    d.members[2].activity = Activity::Exempted;
    d.members[3].activity = Activity::Suspended;
    let s: Vec<_> = d.members.iter().map(|m| tally::standing(&d, m)).collect();
    assert!(s[0].rated() && s[0].reviewed() && s[0].reason().is_none());
    assert!(!s[1].rated() && s[1].reviewed(), "{:?}", s[1]);
    assert!(s[1].reason().unwrap().starts_with("Mới kết nạp"));
    for x in &s[2..4] {
        assert!(!x.rated() && !x.reviewed(), "{x:?}");
    }
    assert!(s[4].rated());
}
