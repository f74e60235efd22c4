//! The members' rating ballot (Phiếu đánh giá, xếp loại chất lượng đảng viên): the members to
//! be rated in Vietnamese name order, a column per level to tick, and below them the members
//! not rated with the reason. Handed out unsigned at the meeting. No central form exists; the
//! columns follow common practice (research §3.3 c).

use super::{Docs, common};
use crate::data::tally::{self, Standing};
use crate::data::{Dossier, Member, Membership, Rating};
use crate::doc::{Block, Cell, Document, ParaKind, Run, Title};
use crate::vn;

/// What the voters should know beside the name: probationary, long sick leave, discipline.
fn note(d: &Dossier, m: &Member) -> String {
    let mut n = Vec::new();
    if m.membership == Membership::Probationary {
        n.push("Dự bị".to_string());
    }
    if m.sick_months >= d.regulation.thresholds.sick_leave_months {
        n.push(format!("Nghỉ ốm {} tháng", m.sick_months));
    }
    if m.maternity {
        n.push("Nghỉ thai sản".to_string());
    }
    if m.discipline.is_some() {
        n.push("Bị kỷ luật trong năm".to_string());
    }
    n.join("; ")
}

/// The ballot, when the data describes the meeting, written to `kind` (the regulation names it:
/// "mau-03-dang-vien" beside HD 21's Mẫu 03, "phieu-danh-gia" under HD 43, whose Mẫu 03 is
/// another document).
pub fn build_all<'a>(d: &'a Dossier, kind: &'a str) -> Docs<'a> {
    Box::new(d.meeting.iter().map(move |_| build(d, kind)))
}

/// Who is rated on the ballot, by name; who is not, with why (an absent member is rated after
/// a later review, not here).
fn on_the_ballot(d: &Dossier) -> (Vec<&Member>, Vec<(&Member, String)>) {
    let mut rated: Vec<&Member> = Vec::new();
    let mut not_rated: Vec<(&Member, String)> = Vec::new();
    for m in &d.members {
        match (tally::standing(d, m), tally::absence(d, m)) {
            // an absent member is rated after a later review, not on this ballot
            (Standing::Rated, Some(a)) => not_rated.push((
                m,
                format!(
                    "Vắng mặt{}; đánh giá, xếp loại sau khi kiểm điểm bổ sung",
                    a.reason
                        .as_ref()
                        .map_or(" không có lý do".to_string(), |r| format!(
                            " ({})",
                            r.trim_end_matches('.')
                        ))
                ),
            )),
            (Standing::Rated, None) => rated.push(m),
            (s, _) => not_rated.push((m, s.reason().unwrap_or_default().to_string())),
        }
    }
    vn::collate::sort_by_name(&mut rated, |m| &m.full_name);
    vn::collate::sort_by_name(&mut not_rated, |(m, _)| &m.full_name);
    (rated, not_rated)
}

/// The table's two header rows (the levels under «Mức xếp loại», by their abbreviations so that
/// the heading stays one line), and how many columns it has.
fn header(scored: bool) -> (Vec<Vec<Cell>>, usize) {
    let mut heads = vec![
        Cell::centred("TT").bold().span(1, 2),
        Cell::centred("Họ và tên").bold().span(1, 2),
        Cell::centred("Chức vụ").bold().span(1, 2),
    ];
    if scored {
        heads.push(Cell::centred("Điểm").bold().span(1, 2));
    }
    heads.extend([
        Cell::centred("Tự nhận").bold().span(1, 2),
        Cell::centred("Mức xếp loại").bold().span(4, 1),
    ]);
    if !scored {
        heads.push(Cell::centred("Ghi chú").bold().span(1, 2));
    }
    let columns = heads.iter().map(|c| c.colspan).sum::<usize>();
    // level columns headed by their abbreviations (spelt out below the table), so that the
    // heading stays one line in every column
    let header = vec![
        heads,
        Rating::ALL
            .iter()
            .map(|r| Cell::centred(r.short()))
            .collect(),
    ];
    (header, columns)
}

/// Builds the ballot.
pub fn build(d: &Dossier, kind: &str) -> Document {
    let date = tally::review_date(d);
    let (rated, not_rated) = on_the_ballot(d);

    // A regulation that rates by score shows each member's own score beside their own level;
    // the notes then go under the table, which has no room left for them on one line.
    let scored = d.regulation.scoring.is_some();
    let (header, columns) = header(scored);
    let mut rows: Vec<Vec<Cell>> = rated
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut row = vec![
                Cell::centred((i + 1).to_string()),
                Cell::text(&m.listed_name),
                Cell::text(m.post.short()),
            ];
            if scored {
                row.push(Cell::centred(
                    m.review
                        .score
                        .as_ref()
                        .map_or(String::new(), |s| s.total().text()),
                ));
            }
            row.push(Cell::centred(
                m.review.rating_party.map_or("", Rating::short),
            ));
            row.extend(Rating::ALL.iter().map(|_| Cell::centred("")));
            if !scored {
                row.push(Cell::text(note(d, m)));
            }
            row
        })
        .collect();
    if !not_rated.is_empty() {
        rows.push(vec![
            Cell::text("Đảng viên không đánh giá, xếp loại tại hội nghị")
                .bold()
                .span(columns, 1),
        ]);
        for (i, (m, reason)) in not_rated.iter().enumerate() {
            rows.push(vec![
                Cell::centred((i + 1).to_string()),
                Cell::text(&m.listed_name),
                Cell::text(m.post.short()),
                Cell::text(format!("{reason}.")).span(columns - 3, 1),
            ]);
        }
    }
    let mut widths = if scored {
        // millimetres of the 165 mm line: "HTXSNV" needs 17 at 11 pt (bold: 18), and 19 where
        // Word and LibreOffice set it (their cell's borders take from its width)
        vec![7.0, 34.0, 20.0, 12.0, 19.0, 18.25, 18.25, 18.25, 18.25]
    } else {
        vec![7.0, 34.0, 20.0, 17.5, 17.5, 17.5, 17.5, 17.5, 16.5]
    };
    common::fit_numbers(&mut widths, 0, 1, rated.len().max(not_rated.len()), true);
    let blocks = vec![
        Block::Paragraph {
            kind: ParaKind::Plain,
            runs: vec![Run {
                text: "(Đánh dấu X vào một ô mức xếp loại đối với mỗi đảng viên; phiếu không ghi tên người bỏ phiếu)".into(),
                italic: true,
                ..Run::default()
            }],
        },
        Block::Table {
            widths,
            header,
            rows,
            compact: true,
        },
        common::levels_legend(),
    ];
    let mut blocks = blocks;
    if scored {
        blocks.push(Block::plain(vec![Run {
            text: "Điểm: điểm đảng viên tự chấm (tối đa 100).".into(),
            italic: true,
            ..Run::default()
        }]));
        let notes: Vec<String> = rated
            .iter()
            .map(|m| (m, note(d, m)))
            .filter(|(_, n)| !n.is_empty())
            .map(|(m, n)| format!("{} ({})", m.listed_name, n.to_lowercase()))
            .collect();
        if !notes.is_empty() {
            blocks.push(Block::plain(vec![Run {
                text: format!("Lưu ý: {}.", notes.join("; ")),
                italic: true,
                ..Run::default()
            }]));
        }
    }
    common::document(
        d,
        kind.to_string(),
        format!(
            "Phiếu đánh giá, xếp loại chất lượng đảng viên năm {}",
            d.year
        ),
        common::Issue {
            kind,
            doc_type: None,
            number: None,
            date,
        },
        Title {
            kind: "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN".into(),
            summary: Some(format!("Năm {}", d.year)),
            subtitle: None,
        },
        blocks,
    )
}
