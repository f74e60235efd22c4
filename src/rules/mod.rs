//! The review's rules, checked on the loaded data. Each rule is a function returning diagnostics:
//! errors stop the build, warnings are printed and the build goes on.

pub mod rating;
pub mod timetable;

use crate::data::{At, Dossier};
use crate::diag::{Diagnostic, Severity};

/// Every rule, every problem, sorted by line.
pub fn check(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    out.extend(timetable::period_bounds(d));
    out.extend(timetable::periods_in_order(d));
    out.extend(timetable::task_dates_inside_their_period(d));
    out.extend(timetable::deadlines_before_the_meeting(d));
    out.extend(timetable::meeting_inside_the_plan(d));
    out.extend(timetable::past_dates_not_after_the_document(d));
    out.extend(timetable::reports_follow_the_meeting(d));
    out.extend(rating::excellent_quota(d));
    out.extend(rating::secretary_not_above_cell(d));
    out.extend(rating::discipline_means_not_done(d));
    out.extend(rating::sick_leave_caps_the_level(d));
    out.extend(rating::only_those_rated_get_a_level(d));
    out.extend(rating::votes_within_the_voters(d));
    out.extend(rating::proposal_follows_the_ballot(d));
    out.extend(rating::officers_present(d));
    out.extend(rating::every_rated_member_has_a_level(d));
    out.extend(rating::absent_members_have_no_ballot(d));
    out.extend(rating::official_after_probation(d));
    out.extend(rating::sick_leave_self_rating(d));
    out.extend(rating::committee_discipline_and_the_cell(d));
    out.extend(rating::cell_ballot_has_a_majority(d));
    crate::diag::sort(&mut out);
    out
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
