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
    fn percentages_are_rounded_half_up_with_a_decimal_comma() {
        // worked by hand: 2/3 = 66,666…; 1/6 = 16,666…; 5/7 = 71,428…; 1/8 = 12,5;
        // 1/200 = 0,5; 1/16 = 6,25; 1/3 = 33,333…; 7/7 = 100; 0/9 = 0;
        // 1/1600 = 0,0625 → 0,06; 1/800 = 0,125 → 0,13 (half up)
        let cases = [
            (2, 3, "66,67%"),
            (1, 6, "16,67%"),
            (5, 7, "71,43%"),
            (1, 8, "12,5%"),
            (1, 200, "0,5%"),
            (1, 16, "6,25%"),
            (1, 3, "33,33%"),
            (7, 7, "100%"),
            (0, 9, "0%"),
            (1, 1600, "0,06%"),
            (1, 800, "0,13%"),
            (3, 0, "—"),
        ];
        for (n, base, want) in cases {
            assert_eq!(percent(n, base), want, "{n}/{base}");
        }
        // the column form drops the sign
        assert_eq!(share(1, 13), "7,69");
        assert_eq!(share(13, 13), "100");
        assert_eq!(share(2, 0), "—");
    }

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
