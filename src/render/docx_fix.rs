//! Makes docx-rs output valid and deterministic. docx-rs 0.4.22 writes property elements in the
//! order it builds them, not the order ECMA-376 requires (Word refuses such files with "unreadable
//! content"), puts `w:rPr` where the schema forbids it, numbers paragraphs from a thread-local
//! counter, and stamps placeholder metadata. This pass parses every XML part into a small tree,
//! sorts the children of each property element into schema order, drops what the schema does not
//! allow there, removes the run-dependent paragraph ids, writes real metadata, and repacks the zip
//! with fixed timestamps.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::sync::{Arc, LazyLock, Mutex};

use anyhow::{Context, bail};
use quick_xml::Reader;
use quick_xml::events::Event;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// Child order of WordprocessingML elements whose children form an `xsd:sequence` (ECMA-376
/// Part 1, wml.xsd). Children not listed keep their relative order after the listed ones.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left|w:start",
            "w:bottom",
            "w:right|w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left|w:start",
            "w:bottom",
            "w:right|w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
    (
        "w:tblCellMar",
        &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"],
    ),
    (
        "w:tcMar",
        &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:lvl",
        &[
            "w:start",
            "w:numFmt",
            "w:lvlRestart",
            "w:pStyle",
            "w:isLgl",
            "w:suff",
            "w:lvlText",
            "w:lvlPicBulletId",
            "w:legacy",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
];

/// Children a `w:pPr` may not have where it is `CT_PPrBase` (in styles, numbering levels and
/// document defaults), though docx-rs writes them there.
const NOT_IN_BASE_PPR: &[&str] = &["w:rPr", "w:sectPr", "w:pPrChange"];

/// Attributes docx-rs writes that the schema does not define on that element.
const NOT_ALLOWED_ATTRS: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// A node of a parsed XML part; text and attribute values stay escaped, exactly as read.
#[derive(Debug)]
enum Node {
    El(El),
    Raw(String),
}

#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

fn parse(xml: &[u8]) -> anyhow::Result<(String, El)> {
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
fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// An element as its start tag gives it, without children.
fn element_of(e: &quick_xml::events::BytesStart) -> anyhow::Result<El> {
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
fn raw_node(ev: &Event) -> Option<Node> {
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
fn read_children(reader: &mut Reader<&[u8]>, el: &mut El) -> anyhow::Result<()> {
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

fn write(el: &El, out: &mut String) {
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

/// Each ordered element's children by name, with their rank in its sequence.
static RANKS: LazyLock<HashMap<&'static str, HashMap<&'static str, usize>>> = LazyLock::new(|| {
    ORDERS
        .iter()
        .map(|(parent, order)| {
            let ranks = order
                .iter()
                .enumerate()
                .flat_map(|(i, o)| o.split('|').map(move |n| (n, i)))
                .collect();
            (*parent, ranks)
        })
        .collect()
});

/// A child's place in its parent's sequence; children the schema does not list come last.
fn rank(ranks: &HashMap<&str, usize>, name: &str) -> usize {
    ranks.get(name).copied().unwrap_or(usize::MAX - 1)
}

/// Puts one element and everything under it into schema shape.
fn normalize(el: &mut El, parent: &str) {
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
fn heading_rows(row_properties: &mut El) {
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
fn no_break_hyphens(run: &mut El) {
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
fn styles_part(styles: &[u8]) -> Vec<u8> {
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
    for (id, alias) in super::docx::ALIASES {
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

/// Elements of the document part whose children are put right one at a time, each written and
/// dropped before the next is read (with its parent): a tree of the whole text of a 5,000-member
/// ballot would take several hundred MB.
const STREAMED: &[(&str, &str)] = &[
    ("", "w:document"),
    ("w:document", "w:body"),
    ("w:body", "w:tbl"),
];

/// An element of `STREAMED` being written: its start tag is written with its first child.
struct Open {
    name: String,
    start: Option<String>,
    rank: usize,
}

/// `fix_part` of the document part, one body element (or table row) at a time; `None` when the
/// part is not as docx-rs writes it (text between blocks, blocks out of order), which
/// `fix_part` then puts right whole.
fn fix_document(xml: &[u8]) -> anyhow::Result<Option<Vec<u8>>> {
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

/// Whether an attribute stays on `element`: not a run-dependent paragraph id, nor one the
/// schema does not define there.
fn allowed_attr(element: &str, key: &str) -> bool {
    key != "w14:paraId" && key != "w14:textId" && !NOT_ALLOWED_ATTRS.contains(&(element, key))
}

fn fix_part(xml: &[u8]) -> anyhow::Result<Vec<u8>> {
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

fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// The core properties with the document's own title, author and date.
fn core_xml(title: &str, author: &str, stamp: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy>\
<cp:revision>1</cp:revision>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified></cp:coreProperties>",
        escape(title),
        escape(author),
        escape(author)
    )
    .into_bytes()
}

/// The settings part with `<w:mirrorMargins/>` added (put in its schema place by `fix_part`).
fn mirrored(settings: &[u8]) -> anyhow::Result<Vec<u8>> {
    let text = std::str::from_utf8(settings).context("word/settings.xml không phải UTF-8")?;
    let open = text
        .find("<w:settings")
        .and_then(|i| text[i..].find('>').map(|j| i + j + 1))
        .context("word/settings.xml không có thẻ w:settings")?;
    Ok(format!("{}<w:mirrorMargins/>{}", &text[..open], &text[open..]).into_bytes())
}

/// Rewrites a .docx package produced by docx-rs; `mirror_margins` swaps left and right margins
/// on the back pages (docx-rs cannot set it).
pub fn fix_package(
    raw: &[u8],
    title: &str,
    author: &str,
    stamp: &str,
    mirror_margins: bool,
) -> anyhow::Result<Vec<u8>> {
    let mut zin =
        ZipArchive::new(Cursor::new(raw)).context("gói .docx do docx-rs tạo không đọc được")?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i)?;
        let name = f.name().to_string();
        // folder entries: a package has none (Word writes none), and each cost a deflate stream
        if name.ends_with('/') {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        parts.push((name, data));
    }
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    // [Content_Types].xml first, as Office writes it.
    parts.sort_by(|(a, _), (b, _)| {
        (a != "[Content_Types].xml", a).cmp(&(b != "[Content_Types].xml", b))
    });
    for (name, data) in parts {
        if name == "docProps/core.xml" {
            out.start_file(name, part_options())?;
            out.write_all(&core_xml(title, author, stamp))?;
        } else if name == "word/document.xml" {
            out.start_file(name.as_str(), part_options())?;
            let fixed = match fix_document(&data)? {
                Some(fixed) => fixed,
                None => fixed_part(&name, data, mirror_margins)?,
            };
            out.write_all(&fixed)?;
        } else {
            let one = recurring_part(name, data, mirror_margins)?;
            let mut zip = ZipArchive::new(Cursor::new(one.as_slice()))?;
            out.raw_copy_file(zip.by_index_raw(0)?)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// How each part is stored: the fastest deflate level (the parts are a few tens of kB, and a
/// smaller zip is not worth the time when thousands of documents are built), no timestamp.
fn part_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
}

/// The part `name` as docx-rs wrote it (`data`), put right.
fn fixed_part(name: &str, mut data: Vec<u8>, mirror_margins: bool) -> anyhow::Result<Vec<u8>> {
    if mirror_margins && name == "word/settings.xml" {
        data = mirrored(&data)?;
    }
    if name == "word/styles.xml" {
        data = styles_part(&data);
    }
    if name.starts_with("word/") && name.ends_with(".xml") {
        fix_part(&data).with_context(|| format!("phần {name} của .docx không sửa được"))
    } else {
        Ok(data)
    }
}

/// Recurring parts put right and compressed, each as a zip of that one entry, by what docx-rs
/// wrote (name, bytes, mirrored margins).
type PartCache = HashMap<(String, Vec<u8>, bool), Arc<Vec<u8>>>;

static RECURRING: LazyLock<Mutex<PartCache>> = LazyLock::new(Default::default);

/// At most this many parts are kept (a district's headers differ from cell to cell).
const MAX_RECURRING: usize = 512;

/// A zip holding only the part `name` put right, made once per process for each content: every
/// part but the document's text and metadata (styles, settings, numbering, the cell's headers…)
/// recurs from document to document, and starting a deflate stream costs more than compressing
/// a part of a few kB. A recurring part is always copied from such a zip, so the package's bytes
/// never depend on what was built before.
fn recurring_part(
    name: String,
    data: Vec<u8>,
    mirror_margins: bool,
) -> anyhow::Result<Arc<Vec<u8>>> {
    let key = (name, data, mirror_margins);
    let cache = || RECURRING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(one) = cache().get(&key) {
        return Ok(one.clone());
    }
    let fixed = fixed_part(&key.0, key.1.clone(), mirror_margins)?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(key.0.as_str(), part_options())?;
    zip.write_all(&fixed)?;
    let one = Arc::new(zip.finish()?.into_inner());
    let mut cache = cache();
    if cache.len() >= MAX_RECURRING {
        cache.clear();
    }
    cache.insert(key, one.clone());
    Ok(one)
}

#[cfg(test)]
mod tests {
    /// The document part put right one block at a time is the part put right whole, for every
    /// document of the fixtures and of a large cell (tables of hundreds of rows).
    #[test]
    fn the_document_part_streamed_is_the_part_fixed_whole() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut inputs: Vec<(String, String)> = ["chi-bo-nvt-2020.yaml", "chi-bo-cntt-2026.yaml"]
            .iter()
            .map(|f| {
                let path = format!("{root}/fixtures/{f}");
                (path.clone(), std::fs::read_to_string(&path).unwrap())
            })
            .collect();
        inputs.push(("lon.yaml".into(), crate::synthetic::cell(120, 1)));
        let mut checked = 0;
        for (name, yaml) in inputs {
            let d = crate::data::load_bytes(&name, yaml.as_bytes()).unwrap();
            for doc in crate::review::build_all(&d) {
                let raw = crate::render::docx::DocxRenderer::new()
                    .docx(&doc)
                    .build()
                    .document;
                let streamed = super::fix_document(&raw)
                    .unwrap()
                    .unwrap_or_else(|| panic!("{}: not streamed", doc.path));
                let whole = super::fix_part(&raw).unwrap();
                assert!(streamed == whole, "{}: the parts differ", doc.path);
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
