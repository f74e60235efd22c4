//! Figures derived from the data, never typed: who is reviewed and rated, attendance, ballot
//! results, the counts per level. The rules and the documents both read them from here; how a
//! share is written ("66,67%") is `vn::number`'s.

mod ballot;
mod figures;
mod standing;

pub use ballot::*;
pub use figures::*;
pub use standing::*;

use chrono::{Months, NaiveDate};

use super::model::*;
use crate::regulation::NewMembers;
use crate::vn::date::short;
pub use crate::vn::number::{percent, share};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ballot_gives_the_best_level_with_a_cumulative_majority() {
        // 11 voters: 3 excellent + 4 good = 7 > 5,5 → good
        assert_eq!(ballot_result(&Votes([3, 4, 4, 0]), 11), Some(Rating::Good));
        // 6 of 11 for excellent alone → excellent
        assert_eq!(
            ballot_result(&Votes([6, 5, 0, 0]), 11),
            Some(Rating::Excellent)
        );
        // exactly half is not a majority: 5 of 10 excellent, then 5 good → good
        assert_eq!(ballot_result(&Votes([5, 5, 0, 0]), 10), Some(Rating::Good));
        // too few ballots for any majority
        assert_eq!(ballot_result(&Votes([1, 1, 1, 0]), 11), None);
        assert_eq!(ballot_result(&Votes([0, 0, 0, 0]), 0), None);
    }
}
