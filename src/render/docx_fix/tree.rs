//! The tree pass: a part parsed into a small tree, each property element's children sorted into
//! schema order, written back. Used for the small parts, and for the document part when the
//! streaming pass cannot take it.

use super::*;

pub(super) fn parse(xml: &[u8]) -> anyhow::Result<(String, El)> {
    let mut reader = Reader::from_reader(xml);
    let mut prolog = String::new();
    let mut buf = Vec::new();
    loop {
        let ev = reader.read_event_into(&mut buf)?;
        let mut root = match &ev {
            Event::Start(e) | Event::Empty(e) => element_of(e)?,
            Event::Eof => bail!("XML part has no root element"),
            _ => {
                if let Some(Node::Raw(r)) = raw_node(&ev)
                    && !r.trim().is_empty()
                {
                    prolog.push_str(&r);
                }
                buf.clear();
                continue;
            }
        };
        if matches!(ev, Event::Start(_)) {
            read_children(&mut reader, &mut root)?;
        }
        return Ok((prolog, root));
    }
}

/// Bytes of the XML as text, still escaped.
pub(super) fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// An element as its start tag gives it, without children.
pub(super) fn element_of(e: &quick_xml::events::BytesStart) -> anyhow::Result<El> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a?;
        attrs.push((text(a.key.as_ref()), text(&a.value)));
    }
    Ok(El {
        name: text(e.name().as_ref()),
        attrs,
        children: Vec::new(),
    })
}

/// What an event other than a tag is, as written (escaped); `None` for what is dropped.
pub(super) fn raw_node(ev: &Event) -> Option<Node> {
    let raw = match ev {
        Event::Text(t) => text(t),
        Event::GeneralRef(r) => format!("&{};", text(r)),
        Event::CData(c) => format!("<![CDATA[{}]]>", text(c)),
        Event::Decl(d) => format!("<?{}?>", text(d)),
        Event::PI(p) => format!("<?{}?>", text(p)),
        _ => return None,
    };
    Some(Node::Raw(raw))
}

/// Reads everything under `el`, whose start tag was just read, up to its end tag.
pub(super) fn read_children(reader: &mut Reader<&[u8]>, el: &mut El) -> anyhow::Result<()> {
    let mut stack: Vec<El> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let ev = reader.read_event_into(&mut buf)?;
        let node = match &ev {
            Event::Start(e) => {
                stack.push(element_of(e)?);
                None
            }
            Event::Empty(e) => Some(Node::El(element_of(e)?)),
            Event::End(_) => match stack.pop() {
                Some(child) => Some(Node::El(child)),
                None => return Ok(()),
            },
            Event::Eof => bail!("unbalanced XML"),
            _ => raw_node(&ev),
        };
        if let Some(n) = node {
            match stack.last_mut() {
                Some(p) => p.children.push(n),
                None => el.children.push(n),
            }
        }
        buf.clear();
    }
}

pub(super) fn write(el: &El, out: &mut String) {
    out.push('<');
    out.push_str(&el.name);
    for (k, v) in &el.attrs {
        for s in [" ", k.as_str(), "=\"", v.as_str(), "\""] {
            out.push_str(s);
        }
    }
    if el.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in &el.children {
        match c {
            Node::El(e) => write(e, out),
            Node::Raw(r) => out.push_str(r),
        }
    }
    out.push_str("</");
    out.push_str(&el.name);
    out.push('>');
}

/// Puts one element and everything under it into schema shape.
pub(super) fn normalize(el: &mut El, parent: &str) {
    // docx-rs numbers paragraphs from a thread-local counter: drop the ids so output does not
    // depend on what the thread rendered before (w14 is an ignorable namespace).
    let name = el.name.clone();
    el.attrs.retain(|(k, _)| allowed_attr(&name, k));
    for c in &mut el.children {
        if let Node::El(e) = c {
            normalize(e, &name);
        }
    }
    if name == "w:r" {
        no_break_hyphens(el);
    }
    if name == "w:trPr" {
        heading_rows(el);
    }
    if name == "w:pPr" && matches!(parent, "w:lvl" | "w:style" | "w:pPrDefault") {
        el.children
            .retain(|c| !matches!(c, Node::El(e) if NOT_IN_BASE_PPR.contains(&e.name.as_str())));
    }
    if let Some(order) = RANKS.get(name.as_str()) {
        let all_elements = el.children.iter().all(|c| match c {
            Node::El(_) => true,
            Node::Raw(r) => r.trim().is_empty(),
        });
        if all_elements {
            el.children.retain(|c| matches!(c, Node::El(_)));
            el.children.sort_by_key(|c| match c {
                Node::El(e) => rank(order, &e.name),
                Node::Raw(_) => usize::MAX,
            });
        }
    }
}

/// A table row the renderer marked as a heading row (a zero automatic height, which docx-rs
/// can write) gets Word's `w:tblHeader`, which it cannot: the row repeats at the top of each
/// page.
pub(super) fn heading_rows(row_properties: &mut El) {
    for c in &mut row_properties.children {
        if let Node::El(e) = c
            && e.name == "w:trHeight"
            && e.attrs.iter().any(|(k, v)| k == "w:val" && v == "0")
            && e.attrs.iter().any(|(k, v)| k == "w:hRule" && v == "auto")
        {
            *e = El {
                name: "w:tblHeader".into(),
                attrs: Vec::new(),
                children: Vec::new(),
            };
        }
    }
}

/// Splits each text of a run at its non-breaking hyphens (U+2011, which Times New Roman may
/// lack) and puts Word's own `w:noBreakHyphen` in their place.
pub(super) fn no_break_hyphens(run: &mut El) {
    const NB: char = '\u{2011}';
    let has = |n: &Node| {
        matches!(n, Node::El(e) if e.name == "w:t"
            && e.children.iter().any(|c| matches!(c, Node::Raw(r) if r.contains(NB))))
    };
    if !run.children.iter().any(has) {
        return;
    }
    let text_el = |s: &str| {
        Node::El(El {
            name: "w:t".into(),
            attrs: vec![("xml:space".into(), "preserve".into())],
            children: vec![Node::Raw(s.to_string())],
        })
    };
    let mut out = Vec::new();
    for c in std::mem::take(&mut run.children) {
        if !has(&c) {
            out.push(c);
            continue;
        }
        let Node::El(t) = c else { continue };
        let raw: String = t
            .children
            .iter()
            .filter_map(|n| match n {
                Node::Raw(r) => Some(r.as_str()),
                Node::El(_) => None,
            })
            .collect();
        for (i, part) in raw.split(NB).enumerate() {
            if i > 0 {
                out.push(Node::El(El {
                    name: "w:noBreakHyphen".into(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                }));
            }
            if !part.is_empty() {
                out.push(text_el(part));
            }
        }
    }
    run.children = out;
}

/// Declares the text Vietnamese in the document defaults, so that Word checks its spelling as
/// Vietnamese (the element order is put right by `fix_part`).
/// The styles part as Word reads it best: the text's language Vietnamese; one "Normal" style,
/// the renderer's, marked as the default (docx-rs writes an empty one of its own first); the
/// Vietnamese names of the headings as their aliases.
pub(super) fn styles_part(styles: &[u8]) -> Vec<u8> {
    let mut s = String::from_utf8_lossy(styles).into_owned();
    if !s.contains("<w:lang ") {
        s = s.replacen(
            "</w:rPr></w:rPrDefault>",
            "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>",
            1,
        );
    }
    const NORMAL: &str = "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">";
    if s.matches(NORMAL).count() == 2
        && let Some(first) = s.find(NORMAL)
        && let Some(len) = s[first..].find("</w:style>")
    {
        s.replace_range(first..first + len + "</w:style>".len(), "");
    }
    s = s.replacen(
        NORMAL,
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
        1,
    );
    for (id, alias) in crate::render::docx::ALIASES {
        let head = format!("<w:style w:type=\"paragraph\" w:styleId=\"{id}\">");
        if let Some(at) = s.find(&head)
            && let Some(name_end) = s[at..].find("/>")
        {
            let pos = at + name_end + 2;
            s.insert_str(pos, &format!("<w:aliases w:val=\"{alias}\"/>"));
        }
    }
    s.into_bytes()
}

pub(super) fn fix_part(xml: &[u8]) -> anyhow::Result<Vec<u8>> {
    let (prolog, mut root) = parse(xml)?;
    normalize(&mut root, "");
    let mut out = if prolog.is_empty() {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>".to_string()
    } else {
        prolog
    };
    write(&root, &mut out);
    Ok(out.into_bytes())
}
