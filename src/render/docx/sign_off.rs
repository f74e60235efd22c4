//! The sign-off: «Nơi nhận» or a countersignature beside the signature, line by line as the PDF
//! sets them.

use super::*;

/// A line of a sign-off, `before` points below what precedes it: exactly `SIGN_LINE_EM` of the
/// body size whatever its own (a 12 pt recipient too), so that every row of the sign-off is as
/// tall, as the PDF sets them.
pub(super) fn sign_line_spacing(body_pt: f64, before: f64) -> LineSpacing {
    LineSpacing::new()
        .before(pt_twips(before) as u32)
        .after(0)
        .line(pt_twips(crate::guide::SIGN_LINE_EM * body_pt))
        .line_rule(LineSpacingType::Exact)
}

/// "Nơi nhận" and the signature, or a countersignature and the signature, row by row as they
/// are seen (every row one line as tall as the others); see `sign-off` in the Typst template,
/// which sets the same lines at the same heights.
pub(super) fn sign_off(
    recipients: Option<&[String]>,
    countersign: Option<&Signature>,
    s: &Signature,
    g: &Geometry,
) -> Table {
    let half = g.text_width / 2;
    let above = 2.0 * g.st.para_spacing_pt;
    let body = g.st.body_pt;
    let heading = |s: &Signature| -> Vec<DocxRun> {
        s.heading
            .iter()
            .map(|l| run(&l.run(g.st), body, g))
            .collect()
    };
    let left: Vec<DocxRun> = match (countersign, recipients) {
        (Some(c), _) => heading(c),
        (None, Some(recipients)) => {
            let label = Run {
                text: "Nơi nhận:".into(),
                underline: true,
                ..Run::default()
            };
            std::iter::once(run(&label, body, g))
                .chain(
                    recipients
                        .iter()
                        .map(|r| text_run(r, g.st.recipient_pt, false, false, g)),
                )
                .collect()
        }
        (None, None) => Vec::new(),
    };
    let left_centred = countersign.is_some();
    let right = heading(s);
    let n = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    let mut rows = Vec::new();
    for i in 0..n {
        let spacing = || sign_line_spacing(body, if i == 0 { above } else { 0.0 });
        let l = left.next().map_or_else(Paragraph::new, |r| {
            let p = Paragraph::new().add_run(r);
            if left_centred {
                p.align(AlignmentType::Center)
            } else {
                p
            }
        });
        let r = right
            .next()
            .map_or_else(Paragraph::new, |r| Paragraph::new().add_run(r))
            .style("ChuKy")
            .align(AlignmentType::Center);
        rows.push([
            vec![l.line_spacing(spacing())],
            vec![r.line_spacing(spacing())],
        ]);
    }
    // Room to sign and stamp: one empty line as tall as the room.
    let room = || {
        centred(DocxRun::new()).line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(pt_twips(g.st.signature_room_pt()))
                .line_rule(LineSpacingType::Exact),
        )
    };
    rows.push([vec![room()], vec![room()]]);
    let name = |s: Option<&Signature>| {
        s.and_then(|s| s.name.as_ref()).map(|n| {
            centred(text_run(n, body, true, false, g))
                .style("ChuKy")
                .line_spacing(sign_line_spacing(body, 0.0))
        })
    };
    let names = [name(countersign), name(Some(s))];
    if names.iter().any(Option::is_some) {
        let [l, r] = names.map(|p| {
            vec![p.unwrap_or_else(|| Paragraph::new().line_spacing(sign_line_spacing(body, 0.0)))]
        });
        rows.push([l, r]);
    }
    two_column_table_at([half, g.text_width - half], rows, None)
}
