//! One builder per document kind: `Dossier` → `doc::Document`. No I/O, no file format here.

pub mod bao_cao_ket_qua;
pub mod bien_ban;
pub mod common;
pub mod form_parts;
pub mod giay_moi;
pub mod hd21_2019;
pub mod ke_hoach;
pub mod mau_01;
pub mod mau_02;
pub mod mau_03;
pub mod mau_03_dang_vien;
pub mod phieu_213;

use crate::data::Dossier;
use crate::doc::Document;
use crate::vn;

/// Every kind of document, as `--only` names them.
pub const KINDS: &[&str] = &[
    ke_hoach::KIND,
    mau_01::KIND,
    mau_02::KIND,
    mau_03::KIND,
    mau_03_dang_vien::KIND,
    bien_ban::KIND,
    bao_cao_ket_qua::KIND,
    giay_moi::KIND,
    phieu_213::KIND,
];

/// ASCII file names for people, unique within one folder: a second "Nguyễn Văn Nam" is
/// "nguyen-van-nam-2".
pub fn unique_slugs<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    names
        .into_iter()
        .map(|n| {
            let base = match vn::text::slug(n) {
                s if s.is_empty() => "khong-ten".to_string(),
                s => s,
            };
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
            }
        })
        .collect()
}

/// Every document of the cell, in the order a clerk files them.
pub fn build_all(d: &Dossier) -> Vec<Document> {
    let mut docs = vec![ke_hoach::build(d)];
    docs.extend(d.collective.as_ref().map(|r| mau_01::build(d, r)));
    docs.extend(d.analysis.as_ref().map(|a| mau_03::build(d, a)));
    if d.meeting.is_some() {
        docs.push(mau_03_dang_vien::build(d));
    }
    if let Some(meeting) = &d.meeting
        && let Some(minutes) = &meeting.minutes
    {
        docs.push(bien_ban::build(d, meeting, minutes));
    }
    docs.extend(d.results.as_ref().map(|r| bao_cao_ket_qua::build(d, r)));
    // One self-review per member who writes one, in Vietnamese name order, in mau-02/<slug>.
    let mut members: Vec<&crate::data::Member> = d
        .members
        .iter()
        .filter(|m| crate::data::tally::standing(d, m).reviewed())
        .collect();
    vn::collate::sort_by_name(&mut members, |m| &m.full_name);
    let slugs = unique_slugs(members.iter().map(|m| m.full_name.as_str()));
    docs.extend(
        members
            .iter()
            .zip(&slugs)
            .map(|(m, s)| mau_02::build(d, m, s)),
    );
    if let Some(meeting) = &d.meeting
        && let Some(inv) = &meeting.invitation
    {
        let people = giay_moi::invitees(d, meeting, inv);
        let slugs = unique_slugs(people.iter().map(|p| p.name.as_str()));
        docs.extend(
            people
                .iter()
                .zip(&slugs)
                .map(|(p, s)| giay_moi::build(d, meeting, inv, p, s)),
        );
    }
    let residents = phieu_213::recipients(d);
    let slugs = unique_slugs(residents.iter().map(|m| m.full_name.as_str()));
    for (m, s) in residents.iter().zip(&slugs) {
        if let Some(home) = &m.residence {
            docs.push(phieu_213::build(d, m, home, s));
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_stay_unique_when_names_repeat() {
        assert_eq!(
            super::unique_slugs([
                "Nguyễn Văn Nam",
                "Lê Thủy",
                "Nguyễn Văn Nam",
                "Lê Thuỷ",
                "***"
            ]),
            [
                "nguyen-van-nam",
                "le-thuy",
                "nguyen-van-nam-2",
                "le-thuy-2",
                "khong-ten"
            ]
        );
    }
}
