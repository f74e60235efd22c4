//! The first page's header (the issuing body | the party title, place and date, row by row), the
//! title under it, and the page headers (page number, form label).

use super::*;

/// Pairs two columns of paragraphs into rows.
pub(super) fn zip_rows(left: Vec<Paragraph>, right: Vec<Paragraph>) -> Vec<[Option<Paragraph>; 2]> {
    let n = left.len().max(right.len());
    let (mut l, mut r) = (left.into_iter(), right.into_iter());
    (0..n).map(|_| [l.next(), r.next()]).collect()
}

/// The issuing body's name, in one piece (Word's search finds it whole): when it takes two
/// lines, the paragraph is narrowed so that Word wraps it at the word the PDF breaks it; only
/// when no width does that is the break written in.
pub(super) fn issuer_paragraph(lines: &[String], column: i32, g: &Geometry) -> Paragraph {
    let size = g.st.header_pt;
    let run = || DocxRun::new().size(half_points(size)).bold();
    if let [first, second] = lines {
        let width = |t: &str| bold_text_twips(t, size);
        // room for the longer line and a little more; the first line and the second's first
        // word must not fit in it, the second line must
        let room = width(first).max(width(second)) + pt_twips(3.0);
        let next = second.split(' ').next().unwrap_or_default();
        if width(&format!("{first} {next}")) > room && room <= column {
            let side = (column - room) / 2;
            return centred(run().add_text(format!("{first} {second}"))).indent(
                Some(side),
                None,
                Some(side),
                None,
            );
        }
    }
    // broken by hand: a space ends the first line, so that the text alone (a search, a copy)
    // reads two words at the break
    let mut name = run();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            name = name.add_break(docx_rs::BreakType::TextWrapping);
        }
        if i + 1 < lines.len() {
            name = name.add_text(format!("{l} "));
        } else {
            name = name.add_text(l);
        }
    }
    centred(name)
}

/// A header line's spacing: "exactly" the guide's header pitch (LibreOffice sets the text in the
/// middle of such a line; the PDF's template does the same).
pub(super) fn header_pitch(g: &Geometry) -> LineSpacing {
    LineSpacing::new()
        .before(0)
        .after(0)
        .line(pt_twips(g.st.header_pitch_pt))
        .line_rule(LineSpacingType::Exact)
}

pub(super) fn header_table(doc: &Document, g: &Geometry) -> Table {
    let h = &doc.header;
    let left_w = (g.text_width as f64 * g.st.header_left_share).round() as i32;
    let right_w = g.text_width - left_w;
    // one row per line of the superior body's name, so that the party title beside its first
    // line reads where it is seen; the issuing body's name whole in one row (broken, when too
    // long, at the word the PDF breaks it), the date beside its last line
    let (superior, issuer) = crate::render::fit::header_lines(doc);
    // every line of the left column "exactly" the header's pitch, as tall as the party title's
    // line with its rule beside the first: the lines evenly spaced, as in the PDF
    let pitch = |p: Paragraph| p.line_spacing(header_pitch(g));
    let line =
        |t: &str, italic: bool| pitch(centred(text_run(t, g.st.header_pt, false, italic, g)));
    let mut left: Vec<Paragraph> = superior.iter().map(|l| line(l, false)).collect();
    left.push(pitch(issuer_paragraph(&issuer, left_w, g)));
    left.push(line("*", false));
    if let Some(n) = &h.number {
        left.push(line(n, false));
    }
    if let Some(mark) = &h.draft {
        left.push(line(mark, true));
    }
    // The rule under the party title is a bottom border on a paragraph indented to the title's width.
    let title = "ĐẢNG CỘNG SẢN VIỆT NAM";
    let room = right_w;
    let side = ((room - bold_text_twips(title, g.st.party_title_pt)) / 2 - 10).max(0);
    let party = with_border(
        centred(text_run(title, g.st.party_title_pt, true, false, g)).indent(
            Some(side),
            None,
            Some(side),
            None,
        ),
        ParagraphBorderPosition::Bottom,
        g,
    );
    let date = centred(text_run(&h.place_date, g.st.header_pt, false, true, g)).line_spacing(
        LineSpacing::new()
            .before(60)
            .after(0)
            .line(240)
            .line_rule(LineSpacingType::Auto),
    );
    let mut right = vec![party];
    right.extend((1..superior.len()).map(|_| Paragraph::new().line_spacing(tight())));
    right.push(date);
    two_column_rows(
        [left_w, right_w],
        zip_rows(left, right),
        Some(superior.len()),
    )
}

pub(super) fn title_paragraphs(doc: &Document, g: &Geometry) -> Vec<Paragraph> {
    // Each line "exactly" its size plus the gap the PDF leaves between these lines, so the title
    // stands where the PDF has it (LibreOffice puts the extra height above the text).
    let gap = g.st.leading_pt();
    let exact = |size: f64, before: f64, after: f64| {
        LineSpacing::new()
            .before(pt_twips(before) as u32)
            .after(pt_twips(after) as u32)
            .line(pt_twips(size + gap))
            .line_rule(LineSpacingType::Exact)
    };
    let kind = centred(text_run(&doc.title.kind, g.st.doc_type_pt, true, false, g))
        .style("TieuDe")
        .line_spacing(exact(g.st.doc_type_pt, TITLE_BEFORE_PT, 0.0));
    let summary = doc.title.summary.iter().flat_map(|t| t.lines()).map(|t| {
        Some(
            centred(text_run(t, g.st.summary_pt, true, false, g))
                .style("TieuDe")
                .line_spacing(exact(g.st.summary_pt, 0.0, 0.0)),
        )
    });
    // whom the form is for, under the summary: italic, not bold
    let subtitle = doc.title.subtitle.iter().map(|t| {
        Some(
            centred(text_run(t, g.st.summary_pt, false, true, g))
                .style("TieuDe")
                .line_spacing(exact(g.st.summary_pt, 0.0, 0.0)),
        )
    });
    let rule = match g.st.separator {
        // HD 05 §5.2.1: five hyphens under the summary
        Separator::Hyphens => centred(text_run("-----", g.st.summary_pt, false, false, g))
            .line_spacing(exact(g.st.summary_pt, 0.0, TITLE_AFTER_PT)),
        // The short rule: an empty, tiny paragraph with a top border, indented to its length.
        Separator::Rule => {
            let side = (g.text_width - twips(g.st.summary_rule_mm)) / 2;
            with_border(
                Paragraph::new()
                    .add_run(DocxRun::new().size(4))
                    .indent(Some(side), None, Some(side), None)
                    .line_spacing(
                        LineSpacing::new()
                            .before(pt_twips(g.st.para_spacing_pt) as u32)
                            .after(pt_twips(RULE_AFTER_PT) as u32)
                            .line(80)
                            .line_rule(LineSpacingType::Exact),
                    ),
                ParagraphBorderPosition::Top,
                g,
            )
        }
    };
    std::iter::once(Some(kind))
        .chain(summary)
        .chain(subtitle)
        .chain([Some(rule)])
        .flatten()
        .collect()
}

/// The page header of pages 2 on: the page number, centred (the first page's header is empty).
pub(super) fn page_number_header(g: &Geometry) -> DocxHeader {
    DocxHeader::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(docx_rs::PageNum::new())
            .size(half_points(g.st.page_number_pt)),
    )
}

/// The page header of page 1: the form's label in the top right corner, or nothing.
pub(super) fn form_label_header(label: Option<&str>, g: &Geometry) -> DocxHeader {
    match label {
        None => DocxHeader::new(),
        Some(l) => DocxHeader::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                // a short line that never wraps: its hyphen left as written (a non-breaking
                // one would read "01- HD" when copied out of LibreOffice's PDF)
                .add_run(
                    DocxRun::new()
                        .add_text(l)
                        .size(half_points(g.st.recipient_pt))
                        .italic(),
                ),
        ),
    }
}
