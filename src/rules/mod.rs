//! The review's rules, checked on the loaded data. Each rule is a function returning diagnostics:
//! errors stop the build, warnings are printed and the build goes on. Which rules a regulation's
//! review checks is wired in `crate::review` (`review::check`).

pub mod consistency;
pub mod rating;
pub mod scoring;
pub mod timetable;

use crate::data::{At, Dossier};
use crate::diag::{Diagnostic, Severity};

/// A rule of the review: the data in, what is wrong with it out.
pub type Rule = fn(&Dossier) -> Vec<Diagnostic>;

/// The rules every review follows, whatever its regulation: the timetable, who takes part in
/// the meeting, the ballots.
pub const COMMON: &[Rule] = &[
    timetable::period_bounds,
    timetable::period_headings_match,
    timetable::periods_in_order,
    timetable::task_dates_inside_their_period,
    timetable::deadlines_before_the_meeting,
    timetable::meeting_inside_the_plan,
    timetable::past_dates_not_after_the_document,
    timetable::reports_follow_the_meeting,
    rating::only_those_rated_get_a_level,
    rating::votes_within_the_voters,
    rating::proposal_follows_the_ballot,
    rating::officers_present,
    rating::every_rated_member_has_a_level,
    rating::absent_members_have_no_ballot,
    rating::official_after_probation,
    rating::cell_ballot_has_a_majority,
    consistency::secretary_as_planned,
    consistency::leaders_hold_their_post,
    consistency::results_within_the_plan,
];

/// A hint that cites the review's regulation: "HD 21-HD/BTCTW: …".
fn cited(d: &Dossier, hint: &str) -> String {
    format!("{}: {hint}", d.regulation.cite)
}

/// A diagnostic of `severity` at `at`.
fn diag(d: &Dossier, severity: Severity, at: &At, message: String, hint: &str) -> Diagnostic {
    Diagnostic {
        severity,
        file: d.file.clone(),
        pos: at.pos,
        path: at.path.clone(),
        message,
        hint: Some(hint.to_string()),
    }
}
