//! What is written and reported: self-reviews and their scores, the collective report, the analysis
//! sheet, the year's tasks, last year's outcomes, the report of results and the residence requests.

use super::*;

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
