//! The streaming pass over the document part: only the property elements are held as trees, the
//! text between them copied as it comes, so a part of hundreds of thousands of runs is put right in
//! one pass.

use super::*;

/// Elements of the document part whose children are put right one at a time, each written and
/// dropped before the next is read (with its parent): a tree of the whole text of a 5,000-member
/// ballot would take several hundred MB.
pub(super) const STREAMED: &[(&str, &str)] = &[
    ("", "w:document"),
    ("w:document", "w:body"),
    ("w:body", "w:tbl"),
];

/// An element of `STREAMED` being written: its start tag is written with its first child.
pub(super) struct Open {
    name: String,
    start: Option<String>,
    rank: usize,
}

/// `fix_part` of the document part, one body element (or table row) at a time; `None` when the
/// part is not as docx-rs writes it (text between blocks, blocks out of order), which
/// `fix_part` then puts right whole.
pub(super) fn fix_document(xml: &[u8]) -> anyhow::Result<Option<Vec<u8>>> {
    let mut reader = Reader::from_reader(xml);
    let mut prolog = String::new();
    let mut out = String::with_capacity(xml.len());
    let mut open: Vec<Open> = Vec::new();
    let mut buf = Vec::new();
    // a child of the innermost open element: its parent's start tag written, its order checked
    fn place(open: &mut [Open], name: &str, out: &mut String) -> bool {
        let Some(parent) = open.last_mut() else {
            return true;
        };
        if let Some(s) = parent.start.take() {
            out.push_str(&s);
            out.push('>');
        }
        match RANKS.get(parent.name.as_str()) {
            Some(order) => {
                let r = rank(order, name);
                let in_order = r >= parent.rank;
                parent.rank = r;
                in_order
            }
            None => true,
        }
    }
    loop {
        let ev = reader.read_event_into(&mut buf)?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let el = element_of(e)?;
                let parent = open.last().map_or("", |o| o.name.as_str());
                let streamed =
                    matches!(ev, Event::Start(_)) && STREAMED.contains(&(parent, el.name.as_str()));
                let parent = parent.to_string();
                if !place(&mut open, &el.name, &mut out) {
                    return Ok(None);
                }
                if streamed {
                    let mut el = el;
                    el.attrs.retain(|(k, _)| allowed_attr(&el.name, k));
                    let mut start = String::new();
                    write(&el, &mut start);
                    // "<name attrs/>" without its "/>"
                    start.truncate(start.len() - 2);
                    open.push(Open {
                        name: el.name,
                        start: Some(start),
                        rank: 0,
                    });
                } else {
                    let mut el = el;
                    if matches!(ev, Event::Start(_)) {
                        read_children(&mut reader, &mut el)?;
                    }
                    normalize(&mut el, &parent);
                    write(&el, &mut out);
                }
            }
            Event::End(_) => {
                let Some(o) = open.pop() else {
                    bail!("unbalanced XML");
                };
                match o.start {
                    Some(s) => {
                        out.push_str(&s);
                        out.push_str("/>");
                    }
                    None => {
                        out.push_str("</");
                        out.push_str(&o.name);
                        out.push('>');
                    }
                }
            }
            Event::Text(t) if open.is_empty() => {
                let t = text(t);
                if !t.trim().is_empty() {
                    prolog.push_str(&t);
                }
            }
            Event::Text(t) => {
                let ordered = RANKS.contains_key(open.last().map_or("", |o| o.name.as_str()));
                // text between the blocks: left to the tree, which keeps or drops it
                if !ordered || !text(t).trim().is_empty() {
                    return Ok(None);
                }
            }
            Event::Decl(d) if open.is_empty() => prolog.push_str(&format!("<?{}?>", text(d))),
            Event::Comment(_) | Event::DocType(_) => {}
            Event::Eof => break,
            _ => return Ok(None),
        }
        buf.clear();
    }
    if !open.is_empty() || out.is_empty() {
        return Ok(None);
    }
    let mut all = if prolog.is_empty() {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>".to_string()
    } else {
        prolog
    };
    all.push_str(&out);
    Ok(Some(all.into_bytes()))
}
