//! The checked model: every date parsed, every member reference resolved, text in NFC.

use chrono::{NaiveDate, NaiveTime};

use crate::diag::Pos;
use crate::guide::Guide;
use crate::regulation::Regulation;
pub use crate::regulation::scale::{Level, Points, Rating, Subject};

/// Where a value was written: position and field path, for rules that point back at the YAML.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct At {
    /// Line and column.
    pub pos: Pos,
    /// Field path, e.g. `ke_hoach.thoi_gian[1].tu`.
    pub path: String,
}

/// Everything the documents are built from.
#[derive(Clone, Debug)]
pub struct Dossier {
    /// The file it was read from, as the user named it.
    pub file: String,
    /// The year under review.
    pub year: i32,
    /// The regulation the review follows, chosen by the year or by `quy_dinh`.
    pub regulation: &'static Regulation,
    /// The layout guide the data sets for every document (`the_thuc`); `None`: each document's
    /// date chooses it.
    pub guide: Option<&'static Guide>,
    /// The party cell.
    pub cell: Cell,
    /// Members, in the file's order.
    pub members: Vec<Member>,
    /// The plan.
    pub plan: Plan,
    /// The review meeting, when the file describes it.
    pub meeting: Option<Meeting>,
    /// The forms' corner labels the file sets (the documents fall back to the regulation's own).
    pub form_labels: FormLabels,
    /// The collective report, when the file describes it.
    pub collective: Option<CollectiveReport>,
    /// The analysis and rating sheet of the cell, when the file describes it.
    pub analysis: Option<Analysis>,
    /// The report of results, when the file describes it.
    pub results: Option<ResultsReport>,
    /// The requests for residence feedback (QĐ 213), when the file asks for them.
    pub residence_request: Option<ResidenceRequest>,
    /// Settings of the rating rules.
    pub settings: Settings,
    /// The criteria tables the upper committee issued, by the form they score ("mau_2b").
    pub criteria: Vec<(&'static str, CriteriaTable)>,
    /// The sign-off of a 2025 self-review.
    pub sign_off: SignOffStyle,
    /// Warnings about the text as written (characters dropped or not printable).
    pub notices: Vec<crate::diag::Diagnostic>,
    /// Values taken from the members' submissions, and their files.
    pub submitted: Vec<super::submissions::Taken>,
    /// Last year's outcomes, carried by `hoso init --tu`.
    pub last_year: Option<LastYear>,
    /// Where the data puts the tone of «oa», «oe», «uy» («hòa» or «hoà»), for the forms' wording.
    pub spelling: crate::vn::tone::Spelling,
}

impl Dossier {
    /// The criteria table of the form with this label key, when the data gives one.
    pub fn criteria_table(&self, key: &str) -> Option<&CriteriaTable> {
        self.criteria
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t)
    }
}

/// How a 2025 self-review ends (the research has not seen the printed form: a setting).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SignOffStyle {
    /// The member signs; below, the chi ủy's remarks, the cell's proposal, the decision.
    #[default]
    Full,
    /// The member signs, nothing below.
    MemberOnly,
    /// The member (left) and the cell's confirmation (right), as Mẫu 05.
    CellConfirms,
}

/// A self-assessed score of QĐ 366: the general group (of 30) and the task group (of 70).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// The general group.
    pub general: Points,
    /// The task group.
    pub tasks: Points,
    /// The points of each row of the criteria table, when scored row by row.
    pub rows: Option<(Vec<Points>, Vec<Points>)>,
    /// Where it was written.
    pub at: At,
}

impl Score {
    /// The total, of 100.
    pub fn total(&self) -> Points {
        self.general + self.tasks
    }
}

/// A criteria table: rows of the general group and of the task group, each with its maximum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CriteriaTable {
    /// The general group's rows.
    pub general: Vec<(String, Points)>,
    /// The task group's rows.
    pub tasks: Vec<(String, Points)>,
}

/// Last year's outcomes of the cell and its members (`nam_truoc`).
#[derive(Clone, Debug, Default)]
pub struct LastYear {
    /// The year they are of.
    pub year: i32,
    /// The cell's.
    pub cell: Option<LastOutcome>,
    /// Each member's, by id.
    pub members: std::collections::BTreeMap<String, LastOutcome>,
}

/// One outcome of last year's review.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LastOutcome {
    /// The level.
    pub rating: Option<Rating>,
    /// The score (of 100).
    pub score: Option<f64>,
    /// The shortcomings pointed out, one a line.
    pub shortcomings: Vec<String>,
}

/// What the year's tasks came to, as far as the data says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Performance {
    /// Tasks given.
    pub tasks: Option<u32>,
    /// Done beyond the target.
    pub exceeded: Option<u32>,
    /// Late.
    pub late: Option<u32>,
    /// Not done.
    pub failed: Option<u32>,
    /// Shortcomings pointed out at the last review.
    pub shortcomings: Option<u32>,
    /// Of those, fixed.
    pub fixed: Option<u32>,
    /// Where it was written.
    pub at: At,
}

/// The forms' corner labels ("Mẫu 02, Phụ lục 1") the district uses instead of the
/// regulation's, by their key in `nhan_mau` ("mau_02").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormLabels(pub Vec<(&'static str, String)>);

impl FormLabels {
    /// The label set for `key`, else the regulation's `default`.
    pub fn get(&self, key: &str, default: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| default.to_string(), |(_, v)| v.clone())
    }
}

/// Settings of the rating rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// What the 20 % quota of "xuất sắc" is counted on.
    pub quota_base: QuotaBase,
    /// The decision that lets an outstanding unit rate up to 25 %, when there is one.
    pub outstanding: Option<String>,
}

/// The base of the "xuất sắc" quota.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuotaBase {
    /// Members rated "Hoàn thành tốt nhiệm vụ" only (HD 21's wording).
    #[default]
    GoodOnly,
    /// Members rated "Hoàn thành tốt nhiệm vụ" or above.
    GoodOrBetter,
}

/// The report of results to the superior's Organisation Board.
#[derive(Clone, Debug)]
pub struct ResultsReport {
    /// Number, or `None` for a gap.
    pub number: Option<String>,
    /// Date.
    pub date: NaiveDate,
    /// To whom.
    pub to: String,
    /// Proposals.
    pub proposals: Vec<Text>,
    /// Enclosed files (empty: the usual list).
    pub enclosures: Vec<String>,
    /// Recipients.
    pub recipients: Vec<String>,
    /// Who signs.
    pub signer: MemberRef,
    /// Where its date was written.
    pub date_at: At,
}

/// The requests for residence feedback (QĐ 213).
#[derive(Clone, Debug)]
pub struct ResidenceRequest {
    /// Date.
    pub date: NaiveDate,
    /// Where the date was written.
    pub date_at: At,
    /// Day the remarks are asked for by, when written.
    pub deadline: Option<NaiveDate>,
    /// Where that day was written.
    pub deadline_at: At,
    /// Who signs.
    pub signer: MemberRef,
}

/// Standing in party activity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Activity {
    /// Takes part as usual.
    #[default]
    Active,
    /// Miễn công tác và sinh hoạt đảng.
    Exempted,
    /// Đình chỉ sinh hoạt đảng.
    Suspended,
}

/// Where a member lives, for QĐ 213.
#[derive(Clone, Debug)]
pub struct Residence {
    /// Address.
    pub address: String,
    /// The residence party cell.
    pub cell: String,
    /// Its party committee.
    pub committee: String,
}

/// Ballots per rating level, best first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Votes(pub [u32; 4]);

impl Votes {
    /// Ballots for `r`.
    pub fn of(&self, r: Rating) -> u32 {
        self.0[r as usize]
    }
    /// All ballots.
    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }
}

/// How the cell assessed a member.
#[derive(Clone, Debug, Default)]
pub struct Assessment {
    /// Issues the committee asked the member to explain.
    pub prompts: Vec<String>,
    /// The committee's remarks.
    pub remarks: Option<String>,
    /// Opinions given in the meeting.
    pub opinions: Vec<Text>,
    /// The ballot.
    pub votes: Option<Votes>,
    /// Where the ballot was written.
    pub votes_at: At,
    /// The level the cell proposes, when written.
    pub proposed: Option<Rating>,
    /// Where it was written.
    pub proposed_at: At,
    /// The level decided, when written.
    pub decided: Option<Rating>,
    /// Where it was written.
    pub decided_at: At,
}

impl Dossier {
    /// The member at `index` (indices come from the loader, so they are always valid).
    pub fn member(&self, index: MemberRef) -> &Member {
        &self.members[index.0]
    }
}

/// Page margins in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    /// Top.
    pub top: f64,
    /// Bottom.
    pub bottom: f64,
    /// Left.
    pub left: f64,
    /// Right.
    pub right: f64,
    /// Printed on both sides: left and right swap on the back pages.
    pub mirrored: bool,
}

impl Default for Margins {
    /// HD 36-HD/VPTW and HD 05-HD/VPTW: 20, 20, 30, 15 mm.
    fn default() -> Self {
        Margins {
            top: 20.0,
            bottom: 20.0,
            left: 30.0,
            right: 15.0,
            mirrored: false,
        }
    }
}

/// The party cell.
#[derive(Clone, Debug)]
pub struct Cell {
    /// Name as written ("Chi bộ THPT Nguyễn Văn Tăng").
    pub name: String,
    /// Superior body as written ("Đảng bộ Quận 9").
    pub superior: String,
    /// Abbreviation in document numbers ("CB").
    pub abbreviation: String,
    /// Place on the date line.
    pub place: String,
    /// Page margins.
    pub margins: Margins,
    /// The unit's year ends late: the review may run to 15/01.
    pub late_year_end: bool,
}

impl Cell {
    /// The upper level's committee, who rates and receives: «Đảng bộ phường X» is read as its
    /// «Đảng ủy phường X»; any other name («Quận ủy Thủ Đức») as written.
    pub fn upper_committee(&self) -> String {
        let u = self.superior.trim();
        match u.strip_prefix("Đảng bộ ") {
            Some(rest) => format!("Đảng ủy {rest}"),
            None => u.to_string(),
        }
    }
}

/// A reference to a member: an index into `Dossier::members`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemberRef(pub usize);

/// Gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// Post in the party cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyPost {
    /// Bí thư.
    Secretary,
    /// Phó Bí thư.
    DeputySecretary,
    /// Chi ủy viên.
    CommitteeMember,
    /// Đảng viên.
    Member,
}

impl PartyPost {
    /// As forms and invitations name it: "Phó Bí thư Chi bộ".
    pub fn name(self) -> &'static str {
        match self {
            PartyPost::Secretary => "Bí thư Chi bộ",
            PartyPost::DeputySecretary => "Phó Bí thư Chi bộ",
            PartyPost::CommitteeMember => "Chi ủy viên",
            PartyPost::Member => "Đảng viên",
        }
    }

    /// As a table's "Chức vụ" column writes it: "Phó Bí thư".
    pub fn short(self) -> &'static str {
        match self {
            PartyPost::Secretary => "Bí thư",
            PartyPost::DeputySecretary => "Phó Bí thư",
            PartyPost::CommitteeMember => "Chi ủy viên",
            PartyPost::Member => "Đảng viên",
        }
    }

    /// As a signature block writes it: "BÍ THƯ".
    pub fn signature_title(self) -> &'static str {
        match self {
            PartyPost::Secretary => "BÍ THƯ",
            PartyPost::DeputySecretary => "PHÓ BÍ THƯ",
            PartyPost::CommitteeMember => "CHI ỦY VIÊN",
            PartyPost::Member => "ĐẢNG VIÊN",
        }
    }
}

/// Official or probationary membership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Membership {
    /// Đảng viên chính thức.
    Official,
    /// Đảng viên dự bị.
    Probationary,
}

/// A member of the cell.
#[derive(Clone, Debug)]
pub struct Member {
    /// Id used in the file.
    pub id: String,
    /// Full name.
    pub full_name: String,
    /// The name as lists print it: the full name, and the year of birth (or the date) when
    /// another member's name reads alike ("Bùi Thị Thủy (sinh 1988)").
    pub listed_name: String,
    /// What the member's files are named after: the full name, and the same mark as
    /// `listed_name` when it has one ("bui-thi-thuy-1988").
    pub file_name: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Gender.
    pub gender: Gender,
    /// Post in the cell.
    pub post: PartyPost,
    /// Official or probationary.
    pub membership: Membership,
    /// Date of admission.
    pub admitted: NaiveDate,
    /// Job.
    pub job: Option<String>,
    /// Workplace.
    pub workplace: Option<String>,
    /// Post in the administration.
    pub gov_post: Option<String>,
    /// Post in mass organisations.
    pub org_post: Option<String>,
    /// Holds a leadership or management post.
    pub leader: bool,
    /// The self-review as far as written.
    pub review: SelfReview,
    /// Exempted, suspended or active.
    pub activity: Activity,
    /// Months of sick leave in the year.
    pub sick_months: u32,
    /// On maternity leave during the year.
    pub maternity: bool,
    /// Discipline in the year.
    pub discipline: Option<String>,
    /// Where the discipline was written.
    pub discipline_at: At,
    /// Residence, for QĐ 213.
    pub residence: Option<Residence>,
    /// How the cell assessed the member.
    pub assessment: Assessment,
    /// Whom the 2025 self-review is for (2A, 2B, 2C).
    pub subject: Subject,
    /// The year's tasks, as far as the data says.
    pub performance: Option<Performance>,
    /// Disciplined, but found and reported the fault and put it right (QĐ 366 Điều 11).
    pub mitigated: bool,
    /// Whether the file writes a self-review for the member.
    pub has_review: bool,
    /// Where the member was written.
    pub at: At,
}

/// A piece of running text: literal words, or a member to be named the way the document needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    /// Words as written.
    Lit(String),
    /// A member, written `{id}` in the YAML.
    Member(MemberRef),
}

/// Running text that may name members.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text(pub Vec<Segment>);

/// Who signs on behalf of whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnBehalf {
    /// "T/M CHI BỘ".
    Cell,
    /// "T/M CHI ỦY".
    Committee,
}

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

/// The review meeting.
#[derive(Clone, Debug)]
pub struct Meeting {
    /// Day.
    pub date: NaiveDate,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: Option<NaiveTime>,
    /// Place.
    pub place: String,
    /// Guests from outside the cell.
    pub guests: Vec<Guest>,
    /// The invitations, when the file asks for them.
    pub invitation: Option<Invitation>,
    /// Who chairs.
    pub chair: MemberRef,
    /// Who keeps the minutes.
    pub secretary: Option<MemberRef>,
    /// Members absent.
    pub absences: Vec<Absence>,
    /// The ballot on the cell's level.
    pub cell_votes: Option<Votes>,
    /// Where it was written.
    pub cell_votes_at: At,
    /// The minutes, when the file describes them.
    pub minutes: Option<Minutes>,
    /// Where the meeting's date was written.
    pub date_at: At,
}

/// A member absent from the meeting.
#[derive(Clone, Debug)]
pub struct Absence {
    /// Who.
    pub member: MemberRef,
    /// The reason given, or `None` when absent without reason.
    pub reason: Option<String>,
    /// Where it was written.
    pub at: At,
}

/// The minutes of the meeting.
#[derive(Clone, Debug)]
pub struct Minutes {
    /// Number, or `None` for a gap.
    pub number: Option<String>,
    /// What was said about the collective report.
    pub discussion: Vec<Text>,
    /// The superior representative's remarks.
    pub superior_remarks: Option<Text>,
    /// The chair's conclusion.
    pub conclusion: Option<Text>,
}

/// A guest of the meeting.
#[derive(Clone, Debug)]
pub struct Guest {
    /// Full name.
    pub name: String,
    /// Post.
    pub post: Option<String>,
    /// Body.
    pub body: Option<String>,
}

/// The invitations to the meeting.
#[derive(Clone, Debug)]
pub struct Invitation {
    /// Number, or `None` for a gap.
    pub number: Option<String>,
    /// Date.
    pub date: NaiveDate,
    /// Members are invited too.
    pub members_too: bool,
    /// Who signs.
    pub signer: MemberRef,
}

/// One criterion of section I of the self-review.
#[derive(Clone, Debug, Default)]
pub struct Criterion {
    /// What the member wrote.
    pub text: Option<String>,
    /// The level they give themselves.
    pub level: Option<Level>,
}

/// A member's self-review; `None` fields are left as lines to write on.
#[derive(Clone, Debug, Default)]
pub struct SelfReview {
    /// Section I, in the form's order.
    pub criteria: Vec<Criterion>,
    /// II.1.
    pub shortcomings: Option<String>,
    /// II.2.
    pub causes: Option<String>,
    /// III.
    pub remedy: Option<String>,
    /// III, level.
    pub remedy_level: Option<Level>,
    /// IV.
    pub explanations: Option<String>,
    /// V.
    pub responsibility: Option<String>,
    /// VI.
    pub direction: Option<String>,
    /// VII.1.
    pub rating_civil: Option<Rating>,
    /// VII.2 (2019), or B.II (2025): the level proposed for oneself.
    pub rating_party: Option<Rating>,
    /// Where it was written.
    pub rating_party_at: At,
    /// B.I (2025): the self-assessed score.
    pub score: Option<Score>,
}

/// The cell's collective report (Mẫu 01).
#[derive(Clone, Debug)]
pub struct CollectiveReport {
    /// Number, or `None` for a gap.
    pub number: Option<String>,
    /// Date.
    pub date: NaiveDate,
    /// Sections I–VI.
    pub review: SelfReview,
    /// VII (2019), or B.II (2025).
    pub rating: Option<Rating>,
    /// Where it was written.
    pub rating_at: At,
    /// B.I (2025): the self-assessed score.
    pub score: Option<Score>,
    /// The year's tasks, as far as the data says.
    pub performance: Option<Performance>,
    /// Recipients.
    pub recipients: Vec<String>,
    /// Who signs.
    pub signer: MemberRef,
    /// On behalf of whom.
    pub on_behalf: OnBehalf,
}

/// The analysis and rating sheet of the cell (Mẫu 03).
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Date.
    pub date: NaiveDate,
    /// Who takes part in the assessment.
    pub assessor: Option<String>,
    /// Level of each criterion, in the form's order.
    pub levels: Vec<Level>,
    /// General remarks.
    pub remarks: Option<String>,
    /// Proposed level.
    pub proposal: Option<Rating>,
    /// Where it was written.
    pub at: At,
}
