//! Every .docx is styled as Word users expect: "Normal" the default, the headings Word's own
//! "heading 1–3" (the navigation pane shows the outline), text sized and weighted by its
//! paragraph's style with runs saying only what differs, so that changing a style in Word
//! changes every paragraph of that style.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn docx_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(docx_under(&p));
        } else if p.extension().is_some_and(|x| x == "docx") {
            out.push(p);
        }
    }
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn attr<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    n.attribute((W, name)).unwrap_or("")
}

#[test]
fn headings_are_words_own_normal_is_the_default_and_runs_carry_only_differences() {
    let mut paragraphs = 0usize;
    let mut direct = 0usize;
    let mut headings = 0usize;
    let mut kept = Vec::new();
    for data in [fixture(), fixture_2025()] {
        let (tmp, out) = build(&data);
        for docx in docx_under(&out) {
            let styles = zip_part(&docx, "word/styles.xml");
            let s = roxmltree::Document::parse(&styles).unwrap();
            let style = |id: &str| {
                s.descendants()
                    .filter(|n| n.has_tag_name((W, "style")) && attr(*n, "styleId") == id)
                    .collect::<Vec<_>>()
            };
            let normal = style("Normal");
            assert_eq!(normal.len(), 1, "{}", docx.display());
            assert_eq!(attr(normal[0], "default"), "1");
            for (level, id) in ["Heading1", "Heading2", "Heading3"].iter().enumerate() {
                let h = style(id);
                assert_eq!(h.len(), 1, "{id} in {}", docx.display());
                let name = h[0]
                    .children()
                    .find(|n| n.has_tag_name((W, "name")))
                    .map(|n| attr(n, "val"));
                assert_eq!(name, Some(format!("heading {}", level + 1).as_str()));
                assert!(
                    h[0].descendants().any(|n| n.has_tag_name((W, "outlineLvl"))
                        && attr(n, "val") == level.to_string())
                );
            }
            let xml = zip_part(&docx, "word/document.xml");
            let d = roxmltree::Document::parse(&xml).unwrap();
            for p in d.descendants().filter(|n| n.has_tag_name((W, "p"))) {
                paragraphs += 1;
                let style = p
                    .descendants()
                    .find(|n| n.has_tag_name((W, "pStyle")))
                    .map(|n| attr(n, "val"))
                    .unwrap_or("");
                assert_ne!(style, "DeMuc", "no heading outside Word's heading styles");
                headings += usize::from(style.starts_with("Heading"));
                for r in p.children().filter(|n| n.has_tag_name((W, "r"))) {
                    if let Some(rpr) = r.children().find(|n| n.has_tag_name((W, "rPr"))) {
                        direct += rpr.children().filter(|n| n.is_element()).count();
                    }
                }
            }
        }
        kept.push(tmp);
    }
    let average = direct as f64 / paragraphs as f64;
    eprintln!(
        "docx styles: {direct} direct run properties over {paragraphs} paragraphs ({average:.2} each), {headings} headings"
    );
    assert!(headings > 200, "{headings}");
    // before this was styled: 2,18 each (every run carried its size); a few at most now
    assert!(
        average < 1.5,
        "{average:.2} direct run properties per paragraph"
    );
}

/// The height of the word `w` on the first page of `pdf` where it appears, in points.
fn word_height(pdf: &Path, w: &str) -> f64 {
    let html = pdf.with_extension("html");
    let ok = Command::new(require("pdftotext", "poppler-utils"))
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(&html)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let text = std::fs::read_to_string(&html).unwrap();
    let num = |s: &str, name: &str| -> f64 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..].split('"').next().unwrap().parse().unwrap()
    };
    let word = text
        .split("<word ")
        .find(|x| x.split('>').nth(1).is_some_and(|t| t.starts_with(w)))
        .unwrap_or_else(|| panic!("{w} in {}", pdf.display()));
    num(word, "yMax") - num(word, "yMin")
}

#[test]
fn changing_the_body_style_in_styles_xml_changes_every_body_paragraph() {
    let (tmp, out) = build(&fixture());
    let original = out.join("ke-hoach.docx");
    // the clerk sets "Văn bản" to 10 pt: the style's size, 20 half-points
    let changed = tmp.path().join("ke-hoach-10pt.docx");
    {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&original).unwrap()).unwrap();
        let mut w = zip::ZipWriter::new(std::fs::File::create(&changed).unwrap());
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().to_string();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
            if name == "word/styles.xml" {
                let xml = String::from_utf8(bytes).unwrap();
                let at = xml.find("w:styleId=\"VanBan\"").unwrap();
                let end = at + xml[at..].find("</w:style>").unwrap();
                let style = xml[at..end]
                    .replace("<w:sz w:val=\"28\"", "<w:sz w:val=\"20\"")
                    .replace("<w:szCs w:val=\"28\"", "<w:szCs w:val=\"20\"");
                assert_ne!(style, xml[at..end], "the style carries the size");
                bytes = format!("{}{}{}", &xml[..at], style, &xml[end..]).into_bytes();
            }
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, &bytes).unwrap();
        }
        w.finish().unwrap();
    }
    let pdfs = tmp.path().join("pdf");
    let o = Command::new(require("soffice", "libreoffice-writer-nogui"))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("lo").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdfs)
        .arg(&original)
        .arg(&changed)
        .output()
        .unwrap();
    assert!(o.status.success());
    // a word of a body paragraph ("Căn cứ …"), and a heading's, which keeps its size
    let before = word_height(&pdfs.join("ke-hoach.pdf"), "Căn");
    let after = word_height(&pdfs.join("ke-hoach-10pt.pdf"), "Căn");
    assert!(
        after < before * 0.8,
        "body text {before:.1} pt → {after:.1} pt"
    );
}
