//! The .docx breaks pages where the PDF does: every document of both fixtures, rendered by
//! LibreOffice, has the PDF's number of pages, and each page starts with the same words.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{build, fixture, fixture_2025, pdf_pages, require};

/// The first words of each page, without its page number (written first or last, as each
/// program likes), dotted lines and boxes.
fn page_starts(pdf: &Path) -> Vec<String> {
    pdf_pages(pdf)
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut words: Vec<&str> = text
                .split_whitespace()
                .filter(|w| {
                    !w.chars()
                        .all(|c| matches!(c, '.' | '…' | '_' | '-' | '–' | '□' | '■'))
                })
                .collect();
            let number = (i + 1).to_string();
            if i > 0
                && let Some(at) = words.iter().position(|w| *w == number)
            {
                words.remove(at);
            }
            words.into_iter().take(4).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The labels of the parts of a self-review another body fills in, each kept with its line and
/// the signature under it: the PDF keeps each such part whole by its own measure, the .docx by
/// Word's paragraph settings (`keepNext` down to the signature), and the two may start a page
/// one such part apart.
const PARTS_OTHERS_FILL: [&str; 7] = [
    "Nhận xét, đánh giá",
    "Chi bộ đề xuất",
    "Đảng ủy, chi ủy",
    "Mức xếp loại",
    "T/M CHI",
    "T/M ĐẢNG",
    "THỦ TRƯỞNG",
];

/// Whether two documents break pages alike: as many pages, each starting with the same words,
/// or both with a part another body fills in (see `PARTS_OTHERS_FILL`).
fn alike(a: &[String], b: &[String]) -> bool {
    let part = |s: &str| PARTS_OTHERS_FILL.iter().any(|p| s.starts_with(p));
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || part(x) && part(y))
}

/// Every .docx under `dir`, with its path relative to it.
fn docx_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(docx_files(&path));
        } else if path.extension().is_some_and(|e| e == "docx") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn docx_and_pdf_break_pages_alike_in_every_document_of_both_fixtures() {
    let mut differ = Vec::new();
    let mut checked = 0;
    for data in [fixture(), fixture_2025()] {
        let (tmp, out) = build(&data);
        // flat names, one LibreOffice run for all, with its own profile
        let flat = tmp.path().join("lo-in");
        let lo = tmp.path().join("lo-out");
        std::fs::create_dir_all(&flat).unwrap();
        let mut pairs = Vec::new();
        for docx in docx_files(&out) {
            let rel = docx.strip_prefix(&out).unwrap().with_extension("");
            let name = rel.to_string_lossy().replace('/', "__");
            std::fs::copy(&docx, flat.join(format!("{name}.docx"))).unwrap();
            pairs.push((
                rel,
                docx.with_extension("pdf"),
                lo.join(format!("{name}.pdf")),
            ));
        }
        let inputs: Vec<PathBuf> = pairs
            .iter()
            .map(|(rel, _, _)| {
                flat.join(format!("{}.docx", rel.to_string_lossy().replace('/', "__")))
            })
            .collect();
        let status = Command::new(require("soffice", "libreoffice-writer-nogui"))
            .arg(format!(
                "-env:UserInstallation=file://{}",
                tmp.path().join("lo-profile").display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&lo)
            .args(&inputs)
            .output()
            .expect("LibreOffice (soffice) is installed: apt install libreoffice-writer-nogui");
        assert!(status.status.success(), "soffice failed");
        for (rel, pdf, lo_pdf) in pairs {
            assert!(
                lo_pdf.exists(),
                "LibreOffice did not convert {}",
                rel.display()
            );
            let (a, b) = (page_starts(&pdf), page_starts(&lo_pdf));
            checked += 1;
            if !alike(&a, &b) {
                differ.push(format!(
                    "{} ({}): PDF {} trang {:?}\n    LibreOffice {} trang {:?}",
                    rel.display(),
                    data.file_name().unwrap().to_string_lossy(),
                    a.len(),
                    a,
                    b.len(),
                    b
                ));
            }
        }
    }
    assert!(checked > 60, "only {checked} documents checked");
    assert!(
        differ.is_empty(),
        "{} of {checked} documents break pages differently:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
