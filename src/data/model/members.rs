//! The cell and its members: identity, posts, residence, the cell's assessment of each.

use super::*;

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

/// Page margins in millimetres: the document model's (`doc::Margins`), read from `le_trang`.
pub use crate::doc::Margins;

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
