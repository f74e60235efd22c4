//! The counts the reports print: members per level, those not rated and why, the share of «xuất
//! sắc» against its quota.

use super::*;

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
