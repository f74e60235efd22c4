//! The review meeting: votes, absences, minutes, guests, invitations.

use super::*;

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
