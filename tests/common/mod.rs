//! Test harness: runs the real `hoso` binary in a fresh temp folder and reads what it wrote.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed fixture.
pub fn fixture() -> PathBuf {
    root().join("fixtures/chi-bo-nvt-2020.yaml")
}

/// Runs `hoso` with `args` in `dir`.
pub fn hoso(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("hoso runs")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Builds `data` into a fresh temp folder; returns the folder (kept alive by the TempDir).
pub fn build(data: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = hoso(
        tmp.path(),
        &[
            "build",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    (tmp, out)
}

/// Collapses whitespace (and non-breaking spaces) to single spaces.
pub fn squeeze(s: &str) -> String {
    s.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of each page of a PDF, extracted with lopdf.
pub fn pdf_pages(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).expect("text extracts"))
        .collect()
}

/// All the text of a PDF, whitespace squeezed.
pub fn pdf_text(path: &Path) -> String {
    squeeze(&pdf_pages(path).join(" "))
}

/// A part of a zip package as text.
pub fn zip_part(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).expect("the .docx is a zip");
    let mut s = String::new();
    z.by_name(name)
        .expect("part exists")
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The text of a WordprocessingML node: its w:t texts, with a space for each line break or tab.
pub fn wml_text(n: roxmltree::Node) -> String {
    n.descendants()
        .filter_map(|d| match d.tag_name().name() {
            "t" => d.text().map(String::from),
            "br" | "cr" | "tab" => Some(" ".to_string()),
            _ => None,
        })
        .collect()
}

/// The paragraphs of word/document.xml, each as its text.
pub fn docx_paragraphs(path: &Path) -> Vec<String> {
    let xml = zip_part(path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(wml_text)
        .collect()
}

/// All the text of a .docx body, whitespace squeezed.
pub fn docx_text(path: &Path) -> String {
    squeeze(&docx_paragraphs(path).join(" "))
}

/// Asserts that each expected line occurs in `text`, in order.
pub fn assert_in_order(what: &str, text: &str, expected: &[&str]) {
    let mut from = 0;
    for line in expected {
        let want = squeeze(line);
        match text[from..].find(&want) {
            Some(i) => from += i + want.len(),
            None => {
                let anywhere = text.contains(&want);
                panic!(
                    "{what}: line not found {}:\n  {want}\n--- text after the last match ---\n{}",
                    if anywhere {
                        "in order (it occurs earlier)"
                    } else {
                        "at all"
                    },
                    text[from..].chars().take(300).collect::<String>()
                );
            }
        }
    }
}
