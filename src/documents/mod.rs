//! One builder per document kind: `Dossier` → `doc::Document`. No I/O, no file format here.

pub mod bao_cao_ket_qua;
pub mod bien_ban;
pub mod common;
pub mod giay_moi;
pub mod ke_hoach;
pub mod mau_01;
pub mod mau_02;
pub mod mau_03;
pub mod mau_04;
pub mod phieu_213;
pub mod phieu_danh_gia;
pub mod review_form;

use crate::data::Dossier;
use crate::doc::Document;
use crate::vn;

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

/// Every document of the cell, in the order a clerk files them: the kinds of the review's
/// regulation, each built from the data.
pub fn build_all(d: &Dossier) -> Vec<Document> {
    d.regulation
        .kinds
        .iter()
        .flat_map(|k| (k.build)(d))
        .collect()
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
