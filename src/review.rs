//! What the review under each regulation consists of: the documents it produces, in the order a
//! clerk files them, and the rules its data must keep. The one place that ties a regulation
//! (pure data, `crate::regulation`) to the document builders and the rules, so that imports run
//! one way: data → regulation → rules and documents → review → pipeline → commands.
//!
//! Adding a regulation: its data file under `src/regulation/`, then one `Review` here naming the
//! kinds and rules it has (most are shared), and one line in `ALL`.

use crate::data::Dossier;
use crate::diag::Diagnostic;
use crate::doc::Document;
use crate::documents::{self, Docs};
use crate::regulation::{Regulation, hd21_2019, hd43_2025};
use crate::rules::{self, Rule, rating, scoring, timetable};

/// A kind of document a review produces.
pub struct Kind {
    /// Its id: file or folder name and `--only` value ("mau-02").
    pub id: &'static str,
    /// Builds every document of the kind (none when the data does not describe it), one at a
    /// time as they are asked for.
    pub build: fn(&Dossier) -> Docs<'_>,
}

/// A regulation's review: its documents and the rules it adds to the ones every review follows.
pub struct Review {
    /// The regulation.
    pub regulation: &'static Regulation,
    /// The documents, in the order a clerk files them.
    pub kinds: &'static [Kind],
    /// The rules it adds to `rules::COMMON`.
    pub rules: &'static [Rule],
}

impl Review {
    /// The ids of its document kinds.
    pub fn kind_ids(&self) -> Vec<&'static str> {
        self.kinds.iter().map(|k| k.id).collect()
    }
}

/// Every review hoso knows, oldest first: one per regulation of `regulation::ALL`.
pub static ALL: [&Review; 2] = [&HD21, &HD43];

/// The review of `r`.
pub fn of(r: &Regulation) -> &'static Review {
    ALL.iter()
        .copied()
        .find(|x| x.regulation.id == r.id)
        .expect("every regulation of regulation::ALL has its review in review::ALL")
}

/// Every rule of the data's review (the common ones and its regulation's), every problem,
/// sorted by line.
pub fn check(d: &Dossier) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = rules::COMMON
        .iter()
        .chain(of(d.regulation).rules)
        .flat_map(|rule| rule(d))
        .collect();
    out.extend(d.notices.iter().cloned());
    crate::diag::sort(&mut out);
    out
}

/// The documents of the data's review, in the order a clerk files them, each built when it is
/// asked for: all of them, or those of the kind `only`; every one spelled as the data spells.
pub fn documents<'a>(d: &'a Dossier, only: Option<&'a str>) -> impl Iterator<Item = Document> + 'a {
    of(d.regulation)
        .kinds
        .iter()
        .filter(move |k| only.is_none_or(|o| o == k.id))
        .flat_map(move |k| (k.build)(d))
        .map(move |doc| documents::finish(d, doc))
}

/// Every document of the data's review, built at once (for tests and small cells).
pub fn build_all(d: &Dossier) -> Vec<Document> {
    documents(d, None).collect()
}

/// HD 21's members' ballot, beside the cell's Mẫu 03.
const BALLOT_HD21: &str = "mau-03-dang-vien";

/// HD 43's members' ballot: HD 43's own Mẫu 03 is the upper level's re-rating decision, so the
/// ballot is not named after it.
const BALLOT_HD43: &str = "phieu-danh-gia";

fn ballot_hd21(d: &Dossier) -> Docs<'_> {
    documents::phieu_danh_gia::build_all(d, BALLOT_HD21)
}

fn ballot_hd43(d: &Dossier) -> Docs<'_> {
    documents::phieu_danh_gia::build_all(d, BALLOT_HD43)
}

/// A kind of `documents`' module `m` (its `KIND` and `build_all`).
macro_rules! kind {
    ($m:ident) => {
        Kind {
            id: documents::$m::KIND,
            build: documents::$m::build_all,
        }
    };
}

/// The review of 2019–2022 (HD 21-HD/BTCTW).
pub static HD21: Review = Review {
    regulation: &hd21_2019::HD21,
    kinds: &[
        kind!(ke_hoach),
        kind!(mau_01),
        kind!(mau_03),
        Kind {
            id: BALLOT_HD21,
            build: ballot_hd21,
        },
        kind!(bien_ban),
        kind!(bao_cao_ket_qua),
        kind!(mau_02),
        kind!(giay_moi),
        kind!(phieu_213),
    ],
    rules: &[
        rating::excellent_quota,
        rating::secretary_not_above_cell,
        rating::discipline_means_not_done,
        rating::sick_leave_caps_the_level,
        rating::sick_leave_self_rating,
        rating::committee_discipline_and_the_cell,
        scoring::forms_of_another_regulation,
    ],
};

/// The review from 2025 (QĐ 366-QĐ/TW, HD 43-HD/BTCTW).
pub static HD43: Review = Review {
    regulation: &hd43_2025::HD43,
    kinds: &[
        kind!(ke_hoach),
        kind!(mau_01),
        Kind {
            id: documents::mau_01::DRAFT_KIND,
            build: documents::mau_01::build_drafts,
        },
        Kind {
            id: BALLOT_HD43,
            build: ballot_hd43,
        },
        kind!(bien_ban),
        kind!(bao_cao_ket_qua),
        kind!(mau_04),
        kind!(mau_02),
        kind!(giay_moi),
        kind!(phieu_213),
    ],
    rules: &[
        rating::excellent_quota,
        rating::committee_discipline_and_the_cell,
        scoring::level_follows_the_score,
        scoring::excellent_needs_its_conditions,
        scoring::discipline_in_the_year,
        scoring::rated_members_score_themselves,
        scoring::forms_of_another_regulation,
        timetable::draft_report_three_working_days_ahead,
        timetable::meeting_by_the_end_of_the_year,
        timetable::file_sent_up_by_february,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_regulation_has_one_review() {
        for r in crate::regulation::ALL {
            assert_eq!(of(r).regulation.id, r.id);
        }
        assert_eq!(ALL.len(), crate::regulation::ALL.len());
    }
}
