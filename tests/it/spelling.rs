//! «hòa/hoà», «ủy/uỷ»: the forms' fixed wording puts the tone of a final «oa», «oe», «uy»
//! where the data puts it, so no page mixes the two habits — and the data's own words stay.

use std::path::Path;

use hoso::vn::tone::{Placement, place, placement_of};

use crate::common::{docx_text, fixture, fixture_2025, hoso, pdf_text, stderr};

/// `text` with every word respelled to `p`.
fn respell(text: &str, p: Placement) -> String {
    let mut out = String::new();
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            out.push_str(&place(&word, p));
            word.clear();
            out.push(c);
        }
    }
    out.pop();
    out
}

/// The words of every document in `out` (PDF and .docx) toned the `p` way.
fn words_placed(out: &Path, p: Placement) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("pdf") => pdf_text(&path),
                Some("docx") => docx_text(&path),
                _ => continue,
            };
            for w in text.split(|c: char| !c.is_alphabetic()) {
                if placement_of(w) == Some(p) {
                    found.push((path.display().to_string(), w.to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn the_forms_wording_follows_the_datas_tone_placement_on_every_page() {
    for data in [fixture(), fixture_2025()] {
        let src = std::fs::read_to_string(&data).unwrap();
        for (p, other) in [
            (Placement::First, Placement::Second),
            (Placement::Second, Placement::First),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            std::fs::write(tmp.path().join("d.yaml"), respell(&src, p)).unwrap();
            let o = hoso(tmp.path(), &["build", "d.yaml", "--out", "o"]);
            assert!(o.status.success(), "{}", stderr(&o));
            let out = tmp.path().join("o");
            let mixed = words_placed(&out, other);
            assert!(
                mixed.is_empty(),
                "{} written {p:?}: {} words placed the other way, e.g. {:?}",
                data.display(),
                mixed.len(),
                &mixed[..mixed.len().min(5)]
            );
            assert!(
                words_placed(&out, p).len() > 50,
                "the fixed wording has such words"
            );
        }
    }
}

#[test]
fn a_cell_that_writes_one_word_the_other_way_mixes_only_that_word() {
    // the 2026 fixture writes «ủy» 29 times, and «hoá» once beside «hóa» once (in members'
    // texts): «hoá» stays wherever it appears, no other word is placed the second way
    let tmp = tempfile::tempdir().unwrap();
    let o = hoso(
        tmp.path(),
        &["build", fixture_2025().to_str().unwrap(), "--out", "o"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mixed = words_placed(&tmp.path().join("o"), Placement::Second);
    assert!(
        mixed.iter().all(|(_, w)| w == "hoá"),
        "{:?}",
        &mixed[..mixed.len().min(5)]
    );
    // the forms' «cấp uỷ» (HD 43's own text) printed as the cell writes it
    let first = words_placed(&tmp.path().join("o"), Placement::First);
    assert!(first.iter().any(|(_, w)| w == "ủy"));
}

#[test]
fn a_word_the_data_writes_the_other_way_is_left_as_written() {
    // a cell that writes «uỷ» everywhere but one member named «Thủy»
    let src = respell(
        &std::fs::read_to_string(fixture()).unwrap(),
        Placement::Second,
    );
    let src = src.replacen("ho_ten: Bùi Thị Thuỷ", "ho_ten: Bùi Thị Thủy", 1);
    assert!(
        src.contains("Bùi Thị Thủy"),
        "the fixture names Bùi Thị Thuỷ"
    );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &src).unwrap();
    let o = hoso(tmp.path(), &["build", "d.yaml", "--out", "o"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mixed = words_placed(&tmp.path().join("o"), Placement::First);
    assert!(!mixed.is_empty());
    assert!(
        mixed.iter().all(|(_, w)| w == "Thủy" || w == "THỦY"),
        "{mixed:?}"
    );
}
