//! The regulation of the review's year as pure data: its forms (corner labels, titles, fixed
//! wording, sections), its scales and thresholds, who is reviewed and who is rated. One module per
//! regulation; the year (or the data's `quy_dinh`) chooses one, and the `Dossier` carries it.
//! Documents and rules read the regulation from the `Dossier`, never by naming a module; which
//! documents and rules a regulation's review has is wired above them, in `crate::review`. This
//! module imports nothing of the data, the documents or the rules.

pub mod hd21_2019;
pub mod hd43_2025;
pub mod scale;

use crate::doc::SignRole;
use scale::{Level, Points, Rating, Subject};

/// What happens to members admitted less than `months_since_admission` months before the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewMembers {
    /// They write a self-review but are not rated (HD 21-HD/BTCTW).
    ReviewedNotRated,
    /// They are neither reviewed nor rated (QĐ 366-QĐ/TW Điều 5).
    Excluded,
}

/// The figures of a regulation's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// "Xuất sắc" at most this percentage of the base (those rated "tốt").
    pub excellent_quota_percent: u32,
    /// The percentage for a unit the competent level found outstanding, when the regulation
    /// allows one (QĐ 366: 25 %).
    pub outstanding_quota_percent: Option<u32>,
    /// Sick leave of this many months or more in the year changes the rating.
    pub sick_leave_months: u32,
    /// Members admitted less than this many months before the review are treated apart.
    pub months_since_admission: u32,
    /// Probation lasts this many months before a member can be official.
    pub probation_months: u32,
    /// Words of a discipline (free text) heavy enough to weigh on the leadership collective.
    pub heavy_discipline: &'static [&'static str],
}

/// A criterion of section I of a review form: its wording, and whether the form asks for a
/// level under it.
pub struct CriterionForm {
    /// The wording.
    pub text: &'static str,
    /// Whether the form asks for a level under it (HD 21's per-criterion boxes).
    pub assessed: bool,
}

/// A line of a review form's identity block ("Họ và tên: …").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identity {
    /// Họ và tên.
    Name,
    /// Ngày sinh.
    BirthDate,
    /// Chức vụ Đảng.
    PartyPost,
    /// Chức vụ chính quyền.
    GovPost,
    /// Chức vụ đoàn thể.
    OrgPost,
    /// Đơn vị công tác.
    Workplace,
    /// Chi bộ.
    Cell,
}

/// The self-assessed levels of a criterion, and the line that introduces them.
pub struct LevelBoxes {
    /// "Tự đánh giá về cấp độ thực hiện:".
    pub prompt: &'static str,
    /// The four levels, in the form's order.
    pub levels: [(Level, &'static str); 4],
}

/// A form's corner label, and its key in the data's `nhan_mau`.
#[derive(Clone, Copy, Debug)]
pub struct FormLabel {
    /// Key in `nhan_mau` ("mau_04").
    pub key: &'static str,
    /// The label ("Mẫu 04-HD KĐ.ĐG 2025").
    pub label: &'static str,
}

/// A form's label as a list names it: "Mẫu 2B" for "Mẫu 2B-HD KĐ.ĐG 2025", a district's own
/// label ("Mẫu 02, Phụ lục 1") whole.
pub fn short_label(label: &str) -> &str {
    label.split("-HD").next().unwrap_or(label).trim()
}

/// Sections I–VI of a review (Mẫu 01, Mẫu 02 and their successors), as the form words them.
pub struct ReviewForm {
    /// Key of its corner label in the data's `nhan_mau` ("mau_02").
    pub label_key: &'static str,
    /// Its corner label ("Mẫu 02-HD KĐ.ĐG 2019").
    pub label: &'static str,
    /// Whose review it is, for messages ("đảng viên", "tập thể").
    pub who: &'static str,
    /// How a list of files names it ("Bản kiểm điểm cá nhân").
    pub list_name: &'static str,
    /// The document type ("BẢN KIỂM ĐIỂM CÁ NHÂN", "BÁO CÁO").
    pub title: &'static str,
    /// The summary under it; `{nam}` stands for the year.
    pub summary: &'static str,
    /// A line under the summary naming who the form is for, when it has one.
    pub subtitle: Option<&'static str>,
    /// The identity lines, in order.
    pub identity: &'static [Identity],
    /// The opening sentence; `{tap_the}` stands for the cell's name.
    pub opening: Option<&'static str>,
    /// Section I's criteria.
    pub criteria: &'static [CriterionForm],
    /// The per-criterion level boxes, when the form has them.
    pub levels: Option<&'static LevelBoxes>,
    /// Section II's two sub-headings (shortcomings, causes).
    pub shortcomings: [&'static str; 2],
    /// Section V's heading.
    pub responsibility: &'static str,
    /// The form's guidance under sections III, IV and V, printed where nothing is written yet.
    pub guidance: Guidance,
    /// Part B, when the form scores itself (HD 43).
    pub score: Option<ScoreForm>,
}

/// What a form says to write under a section (printed in italics on a blank form).
#[derive(Clone, Copy, Debug, Default)]
pub struct Guidance {
    /// Under III (remedies).
    pub remedy: Option<&'static str>,
    /// Under IV (explanations).
    pub explanation: Option<&'static str>,
    /// Under V (responsibility).
    pub responsibility: Option<&'static str>,
}

/// Part B of a form of HD 43 that is the form's own: whose criteria it scores by.
#[derive(Clone, Copy, Debug)]
pub struct ScoreForm {
    /// "Trên cơ sở cụ thể hoá khung tiêu chí … tại Phụ lục 4, Quy định 366-QĐ/TW, …".
    pub intro: &'static str,
    /// "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ …)", when the form has it.
    pub enclosure: Option<&'static str>,
}

/// The scoring of a regulation (QĐ 366): part A and B headings, the groups, the bands.
pub struct Scoring {
    /// "A. NỘI DUNG KIỂM ĐIỂM".
    pub part_a: &'static str,
    /// "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI".
    pub part_b: &'static str,
    /// "I. Đánh giá theo các nhóm tiêu chí".
    pub groups: &'static str,
    /// "1. Nhóm tiêu chí chung" and its maximum.
    pub general: (&'static str, Points),
    /// "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ" and its maximum.
    pub tasks: (&'static str, Points),
    /// "Tổng điểm" and the maximum.
    pub total: (&'static str, Points),
    /// "II. Đề xuất xếp loại mức chất lượng".
    pub level: &'static str,
    /// The least total of each level but the last, best first (90, 70, 50).
    pub bands: [(Rating, Points); 3],
    /// How a rule cites the bands ("Quy định 366-QĐ/TW, Điều 11").
    pub cite: &'static str,
}

impl Scoring {
    /// The level a total falls in.
    pub fn band(&self, total: Points) -> Rating {
        self.bands
            .iter()
            .find(|(_, least)| total >= *least)
            .map_or(Rating::NotDone, |(r, _)| *r)
    }
    /// The band of `r` as a clerk reads it: "từ 90 điểm", "từ 70 đến dưới 90 điểm", "dưới 50 điểm".
    pub fn band_text(&self, r: Rating) -> String {
        let least = self.bands.iter().find(|(x, _)| *x == r).map(|(_, p)| *p);
        let above = self
            .bands
            .iter()
            .rev()
            .find(|(x, _)| *x < r)
            .map(|(_, p)| *p);
        match (least, above) {
            (Some(l), None) => format!("từ {} điểm", l.text()),
            (Some(l), Some(a)) => format!("từ {} đến dưới {} điểm", l.text(), a.text()),
            (None, _) => format!(
                "dưới {} điểm",
                self.bands.last().map_or(String::new(), |(_, p)| p.text())
            ),
        }
    }
}

/// A block of the part of a self-review that others fill in (the chi ủy's remarks, the cell's
/// proposal, the decision), as the form lays it out.
pub enum TailBlock {
    /// A bold heading.
    Heading(&'static str),
    /// A label, and under it what the data knows or lines to write on.
    Field(&'static str, TailValue),
    /// A signature block without a name: its lines.
    Sign(&'static [(&'static str, SignRole)]),
}

/// The end of a self-review that the cell and the upper committee fill in, the same in HD 21's
/// and HD 43's forms: the cell's proposal and signature, the upper committee's decision (written
/// by hand there, never pre-typed) and signature.
pub const CELL_PROPOSAL: TailBlock = TailBlock::Field(
    "- Chi bộ đề xuất xếp loại mức chất lượng:",
    TailValue::Proposal,
);
/// The cell's signature under its proposal (the alternatives chosen by the data when printed).
pub const CELL_SIGNS: TailBlock = TailBlock::Sign(&[
    ("T/M CHI ỦY (CHI BỘ)", SignRole::Authority),
    ("(Xác lập thời điểm, ký, ghi rõ họ tên)", SignRole::Note),
]);
/// The upper committee's decision.
pub const UPPER_DECISION: TailBlock = TailBlock::Field(
    "- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng:",
    TailValue::Line,
);
/// The upper committee's signature.
pub const UPPER_SIGNS: TailBlock = TailBlock::Sign(&[
    ("T/M ĐẢNG ỦY (CHI ỦY)", SignRole::Authority),
    ("(Xác lập thời điểm, ký, ghi rõ họ tên)", SignRole::Note),
]);

/// What the data fills in under a label of the self-review's tail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TailValue {
    /// Nothing: two lines to write on.
    Lines,
    /// Nothing: one line to write on.
    Line,
    /// The chi ủy's remarks.
    Remarks,
    /// The level the cell proposes, when the data holds it (a proposal or the ballot).
    Proposal,
}

/// The self-rating at the end of sections I–VI of a self-review (HD 21: section VII).
pub struct SelfRating {
    /// Its heading ("VII. Tự nhận mức xếp loại chất lượng").
    pub heading: &'static str,
    /// Sub-headings: the civil-service rating, then the party rating.
    pub civil: &'static str,
    /// The party rating's sub-heading.
    pub party: &'static str,
}

/// Lines of a signature block.
pub type SignLines = &'static [(&'static str, SignRole)];

/// The self-review forms of a regulation.
pub struct SelfReviewForms {
    /// The form a member writes, by whether they lead (HD 21's choice) and whom their review is
    /// for (HD 43's 2A, 2B, 2C).
    pub form_of: fn(bool, Subject) -> &'static ReviewForm,
    /// The self-rating after section VI (HD 21); HD 43's forms rate in their part B.
    pub rating: Option<&'static SelfRating>,
    /// Who signs the self-review ("NGƯỜI TỰ KIỂM ĐIỂM", "(Ký, ghi rõ họ tên)").
    pub signer: SignLines,
    /// What others fill in after the member's signature.
    pub tail: &'static [TailBlock],
    /// The member and the cell side by side (Mẫu 05's pattern), when the data asks for it.
    pub confirm: [SignLines; 2],
}

/// The collective report (Mẫu 01).
pub struct CollectiveForm {
    /// Sections I–VI (and part B, when the form scores itself).
    pub review: &'static ReviewForm,
    /// Section VII's heading (HD 21), when the form has it.
    pub rating_heading: Option<&'static str>,
    /// The line under the rating, naming what goes with the report.
    pub enclosure: Option<&'static str>,
}

/// The analysis and rating sheet of the cell (HD 21's Mẫu 03).
pub struct AnalysisForm {
    /// Key of its corner label in the data's `nhan_mau`.
    pub label_key: &'static str,
    /// Its corner label.
    pub label: &'static str,
    /// Groups of criteria (numeral, title, criteria); a group without criteria is itself rated.
    pub groups: &'static [(&'static str, &'static str, &'static [&'static str])],
    /// The level columns.
    pub levels: &'static LevelBoxes,
}

impl AnalysisForm {
    /// How many rated rows the sheet has (criteria, and groups without criteria).
    pub fn rows(&self) -> usize {
        self.groups.iter().map(|g| g.2.len().max(1)).sum()
    }
}

/// A regulation: everything the year's review follows.
pub struct Regulation {
    /// Key in the data file (`quy_dinh`): "hd21-2019".
    pub id: &'static str,
    /// Its name as the clerk reads it.
    pub name: &'static str,
    /// How a rule's hint cites it ("HD 21-HD/BTCTW").
    pub cite: &'static str,
    /// Its shortest name, for a table column ("QĐ 132").
    pub short: &'static str,
    /// The review years it governs, first and last.
    pub years: (i32, i32),
    /// Its figures.
    pub thresholds: Thresholds,
    /// What happens to members admitted recently.
    pub new_members: NewMembers,
    /// The collective report.
    pub collective: &'static CollectiveForm,
    /// The self-reviews.
    pub self_review: &'static SelfReviewForms,
    /// The cell's analysis sheet, when the regulation has one.
    pub analysis: Option<&'static AnalysisForm>,
    /// The scoring, when the regulation rates by score (QĐ 366).
    pub scoring: Option<&'static Scoring>,
    /// The corner label of the list of files sent upward (HD 43's Mẫu 04), when it has one.
    pub file_list: Option<&'static FormLabel>,
}

impl std::fmt::Debug for Regulation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Regulation({})", self.id)
    }
}

impl PartialEq for Regulation {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Every regulation hoso knows, oldest first.
pub static ALL: [&Regulation; 2] = [&hd21_2019::HD21, &hd43_2025::HD43];

/// The regulation that governs the review of `year`.
pub fn for_year(year: i32) -> Option<&'static Regulation> {
    ALL.iter()
        .copied()
        .find(|r| (r.years.0..=r.years.1).contains(&year))
}

/// The regulation with this key ("hd21-2019").
pub fn by_id(id: &str) -> Option<&'static Regulation> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// The last year of a regulation still in force.
pub const OPEN_ENDED: i32 = 9999;

/// The years hoso has a regulation for, as a clerk reads them ("2019–2022 (HD 21-HD/BTCTW)").
pub fn supported_years() -> String {
    ALL.iter()
        .map(|r| format!("{} ({})", r.years_text(), r.cite))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The keys `quy_dinh` accepts ("hd21-2019").
pub fn ids() -> String {
    ALL.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
}

impl Regulation {
    /// The years it governs, as a clerk reads them: "2019–2022", "từ 2025".
    pub fn years_text(&self) -> String {
        if self.years.1 >= OPEN_ENDED {
            format!("từ {}", self.years.0)
        } else {
            format!("{}–{}", self.years.0, self.years.1)
        }
    }
}
