//! The plan: its periods, tasks and who does them.

use super::*;

/// The plan (Kế hoạch).
#[derive(Clone, Debug)]
pub struct Plan {
    /// Number, or `None` for a gap to fill by hand.
    pub number: Option<String>,
    /// Date of the plan.
    pub date: NaiveDate,
    /// Summary line under the title.
    pub summary: String,
    /// "Căn cứ …" paragraphs.
    pub bases: Vec<Text>,
    /// Introductory sentence.
    pub intro: Option<Text>,
    /// Purposes and requirements.
    pub purposes: Vec<Text>,
    /// Principles.
    pub principles: Vec<Text>,
    /// Timetable.
    pub periods: Vec<Period>,
    /// Assignments.
    pub assignments: Vec<Assignment>,
    /// Closing paragraph.
    pub closing: Option<Text>,
    /// Recipients.
    pub recipients: Vec<String>,
    /// Where the copy is kept ("Chi bộ").
    pub archive: String,
    /// Who signs.
    pub signer: MemberRef,
    /// On behalf of whom.
    pub on_behalf: OnBehalf,
    /// Where the plan's date was written.
    pub date_at: At,
    /// The day the draft collective report is sent to the members.
    pub draft_sent: Option<NaiveDate>,
    /// Where it was written.
    pub draft_sent_at: At,
}

/// A period of the timetable.
#[derive(Clone, Debug)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Its heading as the data writes it ("Từ 18/12/2020 – 21/12/2020"), if it does.
    pub heading: Option<String>,
    /// Where the heading was written.
    pub heading_at: At,
    /// Tasks.
    pub tasks: Vec<Task>,
    /// Where it was written.
    pub at: At,
}

/// A task of the timetable or of an assignment.
#[derive(Clone, Debug, Default)]
pub struct Task {
    /// What is done.
    pub text: Text,
    /// Who does it.
    pub people: Vec<MemberRef>,
    /// What they do ("nghiên cứu").
    pub role: Option<String>,
    /// The day it happens.
    pub on: Option<NaiveDate>,
    /// Words before the day ("dự kiến sáng").
    pub note: Option<String>,
    /// Deadline.
    pub deadline: Option<NaiveDate>,
    /// Words before the deadline ("hạn chót").
    pub deadline_label: Option<String>,
    /// Where it was written.
    pub at: At,
}

/// Who an assignment is for.
#[derive(Clone, Debug, PartialEq)]
pub enum Assignee {
    /// Named members.
    Members(Vec<MemberRef>),
    /// "Các đồng chí đảng viên".
    AllMembers,
    /// "Các đảng viên khác".
    OtherMembers,
}

/// An assignment.
#[derive(Clone, Debug)]
pub struct Assignment {
    /// Who.
    pub who: Assignee,
    /// What.
    pub tasks: Vec<Task>,
}
