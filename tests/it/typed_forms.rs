//! The .docx self-reviews and Mẫu 01 as a member types into them: lines written where the form
//! leaves dotted lines (and under each answer already written), as Word writes them — each line
//! a paragraph of the place's own style — then opened by LibreOffice. Every typed line must be
//! printed (nothing cut off by a box that cannot grow) and no page but the last left less than
//! two-thirds full (no block of typed text pushed whole onto the next page), unless a signature
//! kept whole follows.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// A line a member types: a marker and about a line of text.
fn typed(doc: usize, place: usize, line: usize) -> String {
    format!("GO{doc}x{place}x{line} đồng chí viết một dòng tự kiểm điểm dài chừng một dòng chữ in")
}

/// The XML of paragraph `p` (`<w:p …>…</w:p>`) with its text replaced by `text`.
fn paragraph_with(p: &str, text: &str) -> String {
    let ppr = match (p.find("<w:pPr>"), p.find("</w:pPr>")) {
        (Some(a), Some(b)) => &p[a..b + "</w:pPr>".len()],
        _ => "",
    };
    format!("<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// The paragraphs of the body of `xml` (top level and in cells alike), with their ranges.
fn paragraphs(xml: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(a) = xml[at..].find("<w:p>").or_else(|| xml[at..].find("<w:p ")) {
        let a = at + a;
        let Some(b) = xml[a..].find("</w:p>") else {
            break;
        };
        let b = a + b + "</w:p>".len();
        out.push((a, b));
        at = b;
    }
    out
}

/// Where a member writes in `xml`: dotted-line paragraphs (replaced by what they type), and
/// answers already written right after a heading (typed text goes after them).
fn places(xml: &str) -> Vec<(usize, usize, bool)> {
    let ps = paragraphs(xml);
    let mut out = Vec::new();
    for (k, &(a, b)) in ps.iter().enumerate() {
        let p = &xml[a..b];
        // dotted lines: by their style, or by their text (a form of any version of hoso)
        let text: String = p
            .split("<w:t")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .map(|(_, r)| r.split('<').next().unwrap_or(""))
            })
            .collect();
        let dotted = !text.trim().is_empty() && text.chars().all(|c| matches!(c, '.' | '…' | ' '));
        if p.contains("w:val=\"DongCham\"") || dotted {
            out.push((a, b, true));
        } else if p.contains("w:val=\"VanBan\"")
            && k > 0
            && ["w:val=\"Heading", "w:val=\"DeMuc"]
                .iter()
                .any(|h| xml[ps[k - 1].0..ps[k - 1].1].contains(h))
        {
            out.push((a, b, false));
        }
    }
    out
}

/// `docx` with `lines(place)` lines typed at each place, written to `to`; the markers typed.
fn type_into(docx: &Path, to: &Path, doc: usize, lines: impl Fn(usize) -> usize) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let mut markers = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let mut edited = String::new();
            let mut last = 0;
            for (place, (a, b, replace)) in places(&xml).into_iter().enumerate() {
                let n = lines(place);
                if n == 0 {
                    continue;
                }
                let p = &xml[a..b];
                let new: String = (0..n)
                    .map(|l| paragraph_with(p, &typed(doc, place, l)))
                    .collect();
                markers.extend((0..n).map(|l| format!("GO{doc}x{place}x{l} ")));
                if replace {
                    edited.push_str(&xml[last..a]);
                    edited.push_str(&new);
                } else {
                    edited.push_str(&xml[last..b]);
                    edited.push_str(&new);
                }
                last = b;
            }
            edited.push_str(&xml[last..]);
            bytes = edited.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &bytes).unwrap();
    }
    out.finish().unwrap();
    markers
}

/// Each page's lowest line, as a share of the text area from its top (0 to 1), and its text.
fn page_fill(pdf: &Path) -> Vec<(f64, String)> {
    let html = pdf.with_extension("html");
    let ok = Command::new(require("pdftotext", "poppler-utils"))
        .arg("-bbox")
        .arg(pdf)
        .arg(&html)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let text = std::fs::read_to_string(&html).unwrap();
    let attr = |s: &str, name: &str| -> f64 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut out = Vec::new();
    for page in text.split("<page ").skip(1) {
        let height = attr(page, "height");
        let (top, bottom) = (20.0 / 25.4 * 72.0, height - 20.0 / 25.4 * 72.0);
        let mut lowest: f64 = top;
        let mut words = String::new();
        for w in page.split("<word ").skip(1) {
            lowest = lowest.max(attr(w, "yMax"));
            let t = w
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("");
            words.push_str(t);
            words.push(' ');
        }
        out.push(((lowest - top) / (bottom - top), words));
    }
    out
}

/// Whether a page starting with `text` starts a signature, or what is kept with one: the line
/// the signer's body writes on, with what was typed there (up to eight lines), and its label.
fn starts_kept(text: &str) -> bool {
    let head: String = text
        .split_whitespace()
        .take(150)
        .collect::<Vec<_>>()
        .join(" ");
    [
        "T/M",
        "NGƯỜI TỰ KIỂM ĐIỂM",
        "CÁ NHÂN TỰ ĐÁNH GIÁ",
        "XÁC NHẬN",
        "Nơi nhận",
        "THỦ TRƯỞNG",
        "BÍ THƯ",
    ]
    .iter()
    .any(|k| head.contains(k))
        || starts_part_others_fill_in(text)
}

/// Whether a page starts with a part of the form another body fills in (the agency's rating, the
/// cell's) and holds its signature: such a part is kept whole on a page, so the page before it
/// may end early when text typed into it made it long.
fn starts_part_others_fill_in(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    // the page's number first, from the second page on
    let from = usize::from(
        words
            .first()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit())),
    );
    let start = words[from.min(words.len())..].join(" ");
    [
        "Đánh giá, xếp loại chất lượng công chức",
        "Đánh giá, xếp loại chất lượng đảng viên",
    ]
    .iter()
    .any(|h| start.starts_with(h))
        && ["T/M", "THỦ TRƯỞNG"].iter().any(|k| start.contains(k))
}

/// The self-reviews and collective reports to type into: (label, .docx).
fn forms(dir: &Path) -> Vec<(String, PathBuf)> {
    let (t1, out2020) = build(&fixture());
    let (t2, out2026) = build(&fixture_2025());
    // the 2026 cell without its criteria table: the same forms, scored by group
    let yaml = std::fs::read_to_string(fixture_2025()).unwrap();
    let start = yaml.find("bo_tieu_chi:\n").unwrap();
    let end = start + yaml[start..].find("\ndang_vien:").unwrap() + 1;
    let mut plain = format!("{}{}", &yaml[..start], &yaml[end..]);
    // a score by criterion becomes the group's total
    while let Some(at) = plain.find("{ chung: [") {
        let close = at + plain[at..].find('}').unwrap() + 1;
        let inner = &plain[at..close];
        let sum = |key: &str| -> f64 {
            let a = inner.find(key).unwrap() + key.len();
            let b = a + inner[a..].find(']').unwrap();
            inner[a..b]
                .split(',')
                .map(|x| x.trim().parse::<f64>().unwrap())
                .sum()
        };
        let total = format!(
            "{{ chung: {}, nhiem_vu: {} }}",
            sum("chung: ["),
            sum("nhiem_vu: [")
        );
        plain.replace_range(at..close, &total);
    }
    let data = dir.join("khong-bo-tieu-chi.yaml");
    std::fs::write(&data, plain).unwrap();
    let (t3, out_plain) = build(&data);
    let member = |out: &Path, who: &str| {
        std::fs::read_dir(out.join("mau-02"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.extension().is_some_and(|x| x == "docx") && p.to_string_lossy().contains(who)
            })
            .unwrap_or_else(|| panic!("{who}'s form"))
    };
    let mut out = vec![
        ("2019 Mẫu 02".to_string(), member(&out2020, "tran-thi-lan")),
        (
            "2019 Mẫu 02 lãnh đạo".to_string(),
            member(&out2020, "le-thi-ly"),
        ),
        ("2019 Mẫu 01".to_string(), out2020.join("mau-01.docx")),
        (
            "2025 Mẫu 2A".to_string(),
            member(&out2026, "nguyen-thi-hanh"),
        ),
        (
            "2025 Mẫu 2B, bộ tiêu chí".to_string(),
            member(&out2026, "le-van-dung"),
        ),
        ("2025 Mẫu 2C".to_string(), member(&out2026, "ly-nhat-minh")),
        (
            "2025 Mẫu 2B, không bộ tiêu chí".to_string(),
            member(&out_plain, "le-van-dung"),
        ),
        ("2025 Mẫu 01".to_string(), out2026.join("mau-01.docx")),
    ];
    // keep the builds' folders until the test ends
    for (i, (_, p)) in out.iter_mut().enumerate() {
        let kept = dir.join(format!("mau-{i}.docx"));
        std::fs::copy(&*p, &kept).unwrap();
        *p = kept;
    }
    drop((t1, t2, t3));
    out
}

#[test]
fn forms_grow_as_a_member_types_nothing_cut_off_no_page_left_mostly_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let forms = forms(tmp.path());
    let typed_dir = tmp.path().join("go");
    std::fs::create_dir_all(&typed_dir).unwrap();
    // each form as built, with 8 lines at every place, with 40 lines at its first place
    let mut cases = Vec::new();
    for (d, (label, docx)) in forms.iter().enumerate() {
        for (name, lines) in [("0", 0usize), ("8", 8), ("40", 40)] {
            let to = typed_dir.join(format!("{d}-{name}.docx"));
            let markers = type_into(docx, &to, d, |place| match lines {
                40 if place == 0 => 40,
                40 => 0,
                x => x,
            });
            assert!(
                lines == 0 || !markers.is_empty(),
                "{label}: no place to type into"
            );
            cases.push((label.clone(), name, to, markers));
        }
    }
    let pdfs = tmp.path().join("pdf");
    let status = Command::new(require("soffice", "libreoffice-writer-nogui"))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("lo").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdfs)
        .args(cases.iter().map(|c| &c.2))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut problems = Vec::new();
    let mut report = Vec::new();
    for (label, name, docx, markers) in &cases {
        let pdf = pdfs.join(docx.with_extension("pdf").file_name().unwrap());
        let text = squeeze(&pdf_pages(&pdf).join(" "));
        // every typed line printed
        let missing = markers
            .iter()
            .filter(|m| !text.contains(m.as_str()))
            .count();
        if missing > 0 {
            problems.push(format!(
                "{label} ({name} dòng): {missing} of {} typed lines not printed",
                markers.len()
            ));
        }
        let fill = page_fill(&pdf);
        for i in 0..fill.len().saturating_sub(1) {
            if fill[i].0 < 2.0 / 3.0 && !starts_kept(&fill[i + 1].1) {
                problems.push(format!(
                    "{label} ({name} dòng): page {} is {:.0}% full, the next starts {:?}",
                    i + 1,
                    fill[i].0 * 100.0,
                    fill[i + 1].1.chars().take(60).collect::<String>()
                ));
            }
        }
        report.push(format!("{label}, {name} dòng: {} trang", fill.len()));
    }
    eprintln!("typed forms:\n{}", report.join("\n"));
    // to look at them: HOSO_KEEP_TYPED=folder
    if let Some(keep) = std::env::var_os("HOSO_KEEP_TYPED") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        for (_, _, docx, _) in &cases {
            let pdf = pdfs.join(docx.with_extension("pdf").file_name().unwrap());
            std::fs::copy(docx, keep.join(docx.file_name().unwrap())).unwrap();
            std::fs::copy(&pdf, keep.join(pdf.file_name().unwrap())).unwrap();
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
