//! Every element of every part of every .docx hoso writes has its children in the order the
//! standard requires (ECMA-376 Part 1, the table in `wml_order.rs`): Word refuses a file that
//! breaks it ("unreadable content") even where LibreOffice opens it. Checked here on any machine,
//! without the schema validator CI also runs.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::*;
use crate::wml_order::ORDER;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Where the children of `el` (in `context`) break the standard's order, against every
/// alternative the standard has for that element there; `None` when one alternative holds, or
/// when the table does not know the element (then it has no children the standard orders).
fn violation(context: &str, el: roxmltree::Node) -> Option<String> {
    let name = el.tag_name().name();
    let rows: Vec<&&[&[&str]]> = ORDER
        .iter()
        .filter(|(c, e, _)| *c == context && *e == name)
        .map(|(_, _, r)| r)
        .collect();
    if rows.is_empty() {
        return None;
    }
    let children: Vec<&str> = el
        .children()
        .filter(|c| c.is_element() && c.tag_name().namespace() == Some(W))
        .map(|c| c.tag_name().name())
        .collect();
    let mut why = String::new();
    for ranks in rows {
        let mut last = 0;
        let mut ok = true;
        for child in &children {
            match ranks.iter().position(|r| r.contains(child)) {
                Some(r) if r >= last => last = r,
                Some(_) => {
                    why = format!(
                        "w:{child} out of order in w:{name} (in w:{context}): {children:?}"
                    );
                    ok = false;
                    break;
                }
                None => {
                    why = format!("w:{child} not allowed in w:{name} (in w:{context})");
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return None;
        }
    }
    Some(why)
}

/// Every violation in the XML part `xml`.
fn violations(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("the part is well-formed XML");
    let mut out = Vec::new();
    for el in doc.descendants().filter(|n| n.is_element()) {
        if el.tag_name().namespace() != Some(W) {
            continue;
        }
        let context = match el.parent_element() {
            Some(p) if p.tag_name().namespace() == Some(W) => p.tag_name().name(),
            Some(_) => continue,
            None => "",
        };
        out.extend(violation(context, el));
    }
    out
}

/// The violations of every WordprocessingML part of the .docx at `path`.
fn docx_violations(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/") && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    let mut out = Vec::new();
    for n in names {
        let mut xml = String::new();
        zip.by_name(&n).unwrap().read_to_string(&mut xml).unwrap();
        out.extend(violations(&xml).into_iter().map(|v| format!("{n}: {v}")));
    }
    out
}

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

#[test]
fn every_element_of_every_docx_has_its_children_in_the_standards_order() {
    let mut checked = 0;
    let mut bad = Vec::new();
    let mut keep = Vec::new();
    for data in [fixture(), fixture_2025()] {
        let (tmp, out) = build(&data);
        for docx in docx_under(&out) {
            checked += 1;
            for v in docx_violations(&docx) {
                bad.push(format!("{}: {v}", docx.display()));
            }
        }
        keep.push(tmp);
    }
    // the members' slips carry pictures
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(fixture_2025(), tmp.path().join("chi-bo.yaml")).unwrap();
    let o = hoso(tmp.path(), &["serve", "chi-bo.yaml", "--links", "phieu"]);
    assert!(o.status.success(), "{}", stderr(&o));
    bad.extend(docx_violations(&tmp.path().join("phieu.docx")));
    checked += 1;
    assert!(checked > 60, "{checked} files");
    assert!(
        bad.is_empty(),
        "{} violations:\n{}",
        bad.len(),
        bad[..bad.len().min(20)].join("\n")
    );
}

#[test]
fn the_check_catches_a_child_out_of_order() {
    let ok = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:keepNext/><w:spacing/><w:jc w:val="both"/></w:pPr></w:p></w:body></w:document>"#
    );
    assert!(violations(&ok).is_empty(), "{:?}", violations(&ok));
    let bad = ok.replace("<w:keepNext/><w:spacing/>", "<w:spacing/><w:keepNext/>");
    assert_eq!(violations(&bad).len(), 1);
    let unknown = ok.replace("<w:keepNext/>", "<w:keepNext/><w:b/>");
    assert_eq!(violations(&unknown).len(), 1);
}
