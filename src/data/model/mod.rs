//! The checked model: every date parsed, every member reference resolved, text in NFC.

mod meeting;
mod members;
mod plan;
mod reports;

pub use meeting::*;
pub use members::*;
pub use plan::*;
pub use reports::*;

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

impl Dossier {
    /// The member at `index` (indices come from the loader, so they are always valid).
    pub fn member(&self, index: MemberRef) -> &Member {
        &self.members[index.0]
    }
}

/// A reference to a member: an index into `Dossier::members`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemberRef(pub usize);

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
