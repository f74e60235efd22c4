//! Parts of a form that must not be split across pages, wherever the page breaks: the three
//! lines of the score summary (B.I of the 2025 forms), and each part another body fills in
//! under its own signature (the 2019 forms' civil-service rating, the chi ủy's remarks, the
//! upper level's rating). A member's text of growing length sweeps the page break through them.

use crate::common::*;
use std::path::{Path, PathBuf};

/// The PDF of `member`'s self-review, built from `yaml` in `dir`.
fn self_review(dir: &Path, yaml: &str, member: &str) -> PathBuf {
    std::fs::write(dir.join("d.yaml"), yaml).unwrap();
    let o = hoso(
        dir,
        &[
            "build", "d.yaml", "--out", "o", "--only", "mau-02", "--member", member,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let folder = dir.join("o/mau-02");
    std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .unwrap()
}

/// The page (from 0) whose squeezed text contains `needle`.
fn page_of(pages: &[String], needle: &str) -> usize {
    pages
        .iter()
        .position(|p| squeeze(p).contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} on no page"))
}

/// `k` + 1 lines of text, each about one line of the page.
fn lines(k: usize) -> String {
    (0..=k)
        .map(|i| {
            format!("Tiếp tục học tập, rèn luyện, nâng cao trình độ chuyên môn, nghiệp vụ ({i}).")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds for `k` in 0..`n` lines, two at a time, and runs `check` on each self-review's pages.
fn sweep(
    n: usize,
    yaml: impl Fn(usize) -> String + Sync,
    member: &str,
    check: impl Fn(usize, &[String]) + Sync,
) {
    std::thread::scope(|s| {
        for half in 0..2 {
            let (yaml, check) = (&yaml, &check);
            s.spawn(move || {
                for k in (half..n).step_by(2) {
                    let tmp = tempfile::tempdir().unwrap();
                    let pdf = self_review(tmp.path(), &yaml(k), member);
                    check(k, &pdf_pages(&pdf));
                }
            });
        }
    });
}

#[test]
fn the_score_summary_of_a_2025_form_stays_on_one_page() {
    let src = std::fs::read_to_string(fixture_2025()).unwrap();
    let from = "phuong_huong: Dành thời gian hướng dẫn giảng viên trẻ đăng ký đề tài nghiên cứu.";
    assert!(src.contains(from));
    let seen = std::sync::Mutex::new(std::collections::BTreeSet::new());
    sweep(
        40,
        |k| src.replacen(from, &format!("phuong_huong: >-\n        {}", lines(k)), 1),
        "hanh",
        |k, pages| {
            let first = page_of(pages, "1. Nhóm tiêu chí chung:");
            let second = page_of(pages, "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ:");
            let total = page_of(pages, "Tổng điểm:");
            assert!(
                first == second && second == total,
                "{k} lines: pages {first}, {second}, {total}"
            );
            seen.lock().unwrap().insert(first);
        },
    );
    // the sweep moved the summary across a page break at least once
    assert!(seen.lock().unwrap().len() > 1, "{:?}", seen.lock().unwrap());
}

#[test]
fn each_part_others_fill_in_stays_whole_with_its_signature() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let from = "      tu_xep_loai_vien_chuc: hoan_thanh_tot\n      tu_xep_loai_dang_vien: hoan_thanh_tot\n    cu_tru:\n      dia_chi: 45 đường số 9";
    assert!(src.contains(from));
    let seen = std::sync::Mutex::new(std::collections::BTreeSet::new());
    sweep(
        40,
        |k| {
            src.replacen(
                from,
                &format!("      phuong_huong: >-\n        {}\n{from}", lines(k)),
                1,
            )
        },
        "ly",
        |k, pages| {
            for (top, signature) in [
                (
                    "Đánh giá, xếp loại chất lượng công chức, viên chức",
                    "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
                ),
                ("Chi bộ đề xuất xếp loại mức chất lượng", "T/M CHI ỦY"),
                ("xếp loại mức chất lượng:", "T/M ĐẢNG ỦY"),
            ] {
                let (a, b) = (page_of(pages, top), page_of(pages, signature));
                assert_eq!(
                    a, b,
                    "{k} lines: «{top}» on page {a}, «{signature}» on page {b}"
                );
            }
            seen.lock().unwrap().insert(page_of(
                pages,
                "Đánh giá, xếp loại chất lượng công chức, viên chức",
            ));
        },
    );
    assert!(seen.lock().unwrap().len() > 1, "{:?}", seen.lock().unwrap());
}
