//! One builder per document kind: `Dossier` → `doc::Document`. No I/O, no file format here.
//! Which kinds a regulation's review has, and the walk over them, is `crate::review`.

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
pub mod tong_hop;

use crate::data::Dossier;
use crate::doc::{Block, Document};
use crate::vn;

/// A file name's stem is at most this many bytes: far below the 255 of common file systems,
/// with room for a "-2" suffix and ".moi.docx".
pub const MAX_SLUG: usize = 80;

/// ASCII file names for people, unique within one folder by construction: a second "Nguyễn Văn
/// Nam" is "nguyen-van-nam-2", and a third person actually named "Nguyễn Văn Nam 2" then gets
/// the next free one.
pub fn unique_slugs<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = std::collections::HashSet::<String>::new();
    let mut next = std::collections::HashMap::<String, usize>::new();
    names
        .into_iter()
        .map(|n| {
            let mut base = match vn::text::slug(n) {
                s if s.is_empty() => "khong-ten".to_string(),
                s => s,
            };
            // ASCII, so any byte is a boundary; no dash left dangling at the cut
            base.truncate(MAX_SLUG);
            let base = base.trim_end_matches('-').to_string();
            let mut slug = base.clone();
            let n = next.entry(base.clone()).or_insert(1);
            while taken.contains(&slug) {
                *n += 1;
                slug = format!("{base}-{n}");
            }
            taken.insert(slug.clone());
            slug
        })
        .collect()
}

/// Documents built one at a time, as they are rendered.
pub type Docs<'a> = Box<dyn Iterator<Item = Document> + Send + 'a>;

/// `doc` with the forms' fixed wording spelled as the data spells: the tone of a final «oa»,
/// «oe», «uy» on the vowel most of the data puts it on («Đảng ủy» or «Đảng uỷ»), so that the
/// template never mixes the two on a page; every word the data writes stays as written.
pub fn finish(d: &Dossier, mut doc: Document) -> Document {
    let s = &d.spelling;
    let fix = |t: &mut String| {
        if let std::borrow::Cow::Owned(o) = s.apply(t) {
            *t = o;
        }
    };
    fix(&mut doc.meta_title);
    fix(&mut doc.header.superior);
    fix(&mut doc.header.issuer);
    fix(&mut doc.header.place_date);
    fix(&mut doc.title.kind);
    for t in [&mut doc.title.summary, &mut doc.title.subtitle]
        .into_iter()
        .flatten()
    {
        fix(t);
    }
    for b in &mut doc.blocks {
        match b {
            Block::Paragraph { runs, .. } => runs.iter_mut().for_each(|r| fix(&mut r.text)),
            Block::Table { header, rows, .. } => {
                for cell in header.iter_mut().chain(rows.iter_mut()).flatten() {
                    cell.runs.iter_mut().for_each(|r| fix(&mut r.text));
                }
            }
            Block::SignOff {
                recipients,
                countersign,
                signature,
            } => {
                recipients.iter_mut().flatten().for_each(fix);
                for sig in countersign.iter_mut().chain(std::iter::once(signature)) {
                    sig.heading.iter_mut().for_each(|l| fix(&mut l.text));
                    sig.name.iter_mut().for_each(fix);
                }
            }
            Block::PageBreak | Block::Image { .. } => {}
        }
    }
    doc
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

    #[test]
    fn a_name_that_looks_like_a_suffixed_slug_never_collides() {
        assert_eq!(
            super::unique_slugs(["Bùi Thị Thủy", "Bùi Thị Thủy", "Bùi Thị Thủy 2"]),
            ["bui-thi-thuy", "bui-thi-thuy-2", "bui-thi-thuy-2-2"]
        );
        assert_eq!(
            super::unique_slugs(["Bùi Thị Thủy 2", "Bùi Thị Thủy", "Bùi Thị Thủy"]),
            ["bui-thi-thuy-2", "bui-thi-thuy", "bui-thi-thuy-3"]
        );
        let long = "A ".repeat(5000);
        let s = super::unique_slugs([long.as_str(), long.as_str()]);
        assert!(s[0].len() <= super::MAX_SLUG && s[1].len() <= super::MAX_SLUG + 3);
        assert_ne!(s[0], s[1]);
    }
}
