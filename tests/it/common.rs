//! Test harness: runs the real `hoso` binary in a fresh temp folder and reads what it wrote.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoso::diag::Diagnostic;

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The 2026 fixture (QĐ 366, HD 43, laid out by HD 05).
pub fn fixture_2025() -> PathBuf {
    root().join("fixtures/chi-bo-cntt-2026.yaml")
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

/// Builds the seed fixture with its first `from` replaced by `to` (which must change it).
pub fn build_edited(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let data = src.replacen(from, to, 1);
    assert_ne!(data, src, "the fixture has {from:?}");
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("d.yaml");
    std::fs::write(&p, data).unwrap();
    build(&p)
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

/// All the text of a PDF, whitespace squeezed, without the page numbers at the top of pages 2
/// onward (a sentence running over a page reads whole).
pub fn pdf_text(path: &Path) -> String {
    let pages: Vec<String> = pdf_pages(path)
        .into_iter()
        .enumerate()
        .map(|(i, page)| {
            let page = squeeze(&page);
            let number = (i + 1).to_string();
            match page.split_once(' ') {
                Some((first, rest)) if i > 0 && first == number => rest.to_string(),
                _ => page,
            }
        })
        .collect();
    pages.join(" ")
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
            "noBreakHyphen" => Some("-".to_string()),
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

/// `src` with the year of every date (`18/12/2020`, `1980-07-27`) moved by `years`: the same
/// data, every interval kept, dated later.
pub fn shift_dates(src: &str, years: i32) -> String {
    let shift = |y: &str| (y.parse::<i32>().unwrap() + years).to_string();
    let is_digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let parts: Vec<&str> = word.split('/').collect();
        let dashed: Vec<&str> = word.split('-').collect();
        if parts.len() == 3
            && is_digits(parts[0], 1..=2)
            && is_digits(parts[1], 1..=2)
            && is_digits(parts[2], 4..=4)
        {
            out.push_str(&format!("{}/{}/{}", parts[0], parts[1], shift(parts[2])));
        } else if dashed.len() == 3
            && is_digits(dashed[0], 4..=4)
            && is_digits(dashed[1], 2..=2)
            && is_digits(dashed[2], 2..=2)
        {
            out.push_str(&format!("{}-{}-{}", shift(dashed[0]), dashed[1], dashed[2]));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in src.chars() {
        if c.is_ascii_digit() || c == '/' || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The seed fixture with every date moved to 2026 (the meeting in December 2026): laid out by
/// Hướng dẫn 05-HD/VPTW, under the same regulation.
pub fn fixture_2026(dir: &Path) -> PathBuf {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let path = dir.join("chi-bo-2026.yaml");
    std::fs::write(&path, shift_dates(&src, 6)).unwrap();
    path
}

/// A text run of a PDF as written: the font it is set in (its base name) and its text.
#[derive(Clone, Debug)]
pub struct FontRun {
    /// 1-based page.
    pub page: u32,
    /// The font's base name, without the subset tag ("LiberationSerif-Bold").
    pub font: String,
    /// The text, decoded through the font's ToUnicode map.
    pub text: String,
}

/// Every text run of a PDF with its font, read from the content streams with lopdf.
pub fn pdf_font_runs(path: &Path) -> Vec<FontRun> {
    let doc = lopdf::Document::load(path).expect("the PDF parses");
    let mut out = Vec::new();
    for (page, id) in doc.get_pages() {
        let fonts = doc.get_page_fonts(id).unwrap();
        let named: std::collections::BTreeMap<Vec<u8>, (String, lopdf::Encoding)> = fonts
            .iter()
            .map(|(name, f)| {
                let base = f
                    .get(b"BaseFont")
                    .and_then(|b| b.as_name())
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default();
                let base = base
                    .split_once('+')
                    .map_or(base.clone(), |(_, b)| b.to_string());
                (name.clone(), (base, f.get_font_encoding(&doc).unwrap()))
            })
            .collect();
        let content = lopdf::content::Content::decode(&doc.get_page_content(id)).unwrap();
        let mut current: Option<&(String, lopdf::Encoding)> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => current = op.operands[0].as_name().ok().and_then(|n| named.get(n)),
                "Tj" | "TJ" => {
                    let Some((font, enc)) = current else { continue };
                    let mut text = String::new();
                    let items: Vec<&lopdf::Object> = match &op.operands[0] {
                        lopdf::Object::Array(a) => a.iter().collect(),
                        o => vec![o],
                    };
                    for it in items {
                        if let lopdf::Object::String(bytes, _) = it {
                            text.push_str(&lopdf::Document::decode_text(enc, bytes).unwrap());
                        }
                    }
                    out.push(FontRun {
                        page,
                        font: font.clone(),
                        text,
                    });
                }
                _ => {}
            }
        }
    }
    out
}

/// The line where `needle` (which may span lines) first starts.
pub fn line_of(text: &str, needle: &str) -> u64 {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    text[..at].matches('\n').count() as u64 + 1
}

/// Every diagnostic of loading and of the rules.
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    match hoso::data::load_str("d.yaml", text) {
        Ok(d) => hoso::review::check(&d),
        Err(e) => e,
    }
}

/// The one diagnostic whose message contains `needle`.
pub fn the_one(text: &str, needle: &str) -> Diagnostic {
    let all = diagnostics(text);
    let found: Vec<&Diagnostic> = all.iter().filter(|d| d.message.contains(needle)).collect();
    assert_eq!(found.len(), 1, "{needle:?} in {all:#?}");
    found[0].clone()
}

pub fn none_with(text: &str, needle: &str) {
    let all = diagnostics(text);
    assert!(
        all.iter().all(|d| !d.message.contains(needle)),
        "unexpected {needle:?}: {all:#?}"
    );
}

/// A valid cell of `n` members (the library's synthetic cell, for tests of large inputs); `tag`
/// is its plan's number, so that two builds of one cell differ.
pub fn generated_cell(n: usize, tag: u32) -> String {
    hoso::synthetic::cell(n, 1).replacen(
        "ke_hoach:\n  so: 1\n",
        &format!("ke_hoach:\n  so: {tag}\n"),
        1,
    )
}

/// A copy of the 2026 fixture in `dir` (as `chi-bo.yaml`) where the cell has not written Lê Văn
/// Dũng's self-review (a 2B member under the cell's criteria table): he sends it from the page.
pub fn fixture_2025_unscored(dir: &Path) -> PathBuf {
    let yaml = std::fs::read_to_string(fixture_2025()).unwrap();
    let cut = "    kiem_diem:\n      tu_cham_diem: { chung: [18, 7, 1], nhiem_vu: [45, 15] }\n      tu_xep_loai_dang_vien: hoan_thanh_tot\n";
    assert!(yaml.contains(cut), "the fixture changed");
    let data = dir.join("chi-bo.yaml");
    std::fs::write(&data, yaml.replacen(cut, "", 1)).unwrap();
    data
}

/// The path of `program`, or a failure that says what is missing and how to get it: the tests
/// that need a program outside Rust fail clearly without it, never pass silently.
pub fn require(program: &str, debian_package: &str) -> PathBuf {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "this test needs «{program}», which is not installed: run scripts/test (it installs \
                 what the tests need), or apt-get install {debian_package}"
            )
        })
}
