//! The district's summary (`hoso archive`): a report of the Organisation Board listing each
//! cell's figures — members, reviewed, rated, each level with its share, the cell's own level,
//! the regulation applied — then the totals and the cells whose data could not be used.

use chrono::NaiveDate;

use super::common::{self, item};
use crate::archive::summary::{FailedCell, Row, totals};
use crate::archive::unit::Unit;
use crate::data::Rating;
use crate::data::tally::{percent, share};
use crate::doc::{
    Block, Cell, Document, Header, Margins, ParaKind, Run, SignLine, SignRole, Signature, Title,
};
use crate::{guide, vn};

/// File name of the summary (without extension) in the archive folder.
pub const NAME: &str = "tong-hop";

/// Dots for what the district's settings do not say, filled in by hand.
const BLANK: &str = "………………";

/// The years the rows cover: "năm 2026", or "các năm 2025, 2026".
fn years(rows: &[Row]) -> String {
    let mut ys: Vec<i32> = rows.iter().map(|r| r.year).collect();
    ys.sort_unstable();
    ys.dedup();
    match ys.as_slice() {
        [] => String::new(),
        [y] => format!(" năm {y}"),
        many => format!(
            " các năm {}",
            many.iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn head(t: &str) -> Cell {
    Cell::centred(t).bold()
}

/// The table: one row per cell, then the totals.
fn table(rows: &[Row]) -> Block {
    let mut header = vec![
        vec![
            head("TT").span(1, 3),
            head("Chi bộ").span(1, 3),
            head("Quy định").span(1, 3),
            head("Số đảng viên").span(3, 1),
            head("Kết quả xếp loại đảng viên").span(8, 1),
            head("Chi bộ xếp loại").span(1, 3),
        ],
        vec![
            head("Tổng số").span(1, 2),
            head("Được kiểm điểm").span(1, 2),
            head("Được xếp loại").span(1, 2),
        ],
        Vec::new(),
    ];
    for l in Rating::ALL {
        header[1].push(head(l.short()).span(2, 1));
        header[2].push(head("SL"));
        header[2].push(head("%"));
    }
    let level = |l: Option<usize>| l.map_or(String::new(), |i| Rating::ALL[i].short().to_string());
    let mut body: Vec<Vec<Cell>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![
                Cell::centred((i + 1).to_string()),
                Cell::text(&r.cell),
                Cell::centred(&r.regulation),
                Cell::centred(r.members.to_string()),
                Cell::centred(r.reviewed.to_string()),
                Cell::centred(r.rated.to_string()),
            ];
            for n in r.levels {
                row.push(Cell::centred(n.to_string()));
                row.push(Cell::centred(share(n, r.rated)));
            }
            row.push(Cell::centred(level(r.cell_level)));
            row
        })
        .collect();
    let t = totals(rows);
    let mut sum = vec![
        Cell::text("Cộng").bold().span(3, 1),
        Cell::centred(t.members.to_string()).bold(),
        Cell::centred(t.reviewed.to_string()).bold(),
        Cell::centred(t.rated.to_string()).bold(),
    ];
    for n in t.levels {
        sum.push(Cell::centred(n.to_string()).bold());
        sum.push(Cell::centred(share(n, t.rated)).bold());
    }
    sum.push(Cell::centred(""));
    body.push(sum);
    let mut widths = vec![
        7.0, 32.0, 12.0, 10.0, 10.0, 10.0, 7.0, 11.0, 7.0, 11.0, 7.0, 11.0, 7.0, 11.0, 16.0,
    ];
    common::fit_numbers(&mut widths, 0, 1, rows.len(), true);
    Block::Table {
        widths,
        header,
        rows: body,
        compact: true,
    }
}

/// The signature from the settings; blanks for the authority line when they give none.
fn signature(u: &Unit) -> Signature {
    let mut heading = Vec::new();
    if let Some(a) = &u.sign_authority {
        heading.push(SignLine::new(SignRole::Authority, vn::text::upper(a)));
    }
    if let Some(t) = &u.sign_title {
        heading.push(SignLine::new(SignRole::Title, vn::text::upper(t)));
    }
    if heading.is_empty() {
        heading.push(SignLine::new(SignRole::Authority, BLANK));
    }
    Signature {
        heading,
        name: u.sign_name.clone(),
    }
}

/// Builds the summary of `rows` (the cells built, in order) and `failed` (the cells whose data
/// has errors), issued as the settings `u` say on `date`.
pub fn build(u: &Unit, rows: &[Row], failed: &[FailedCell], date: NaiveDate) -> Document {
    let guide = u.guide.unwrap_or_else(|| guide::for_date(date));
    let t = totals(rows);
    let mut b = Vec::new();
    if let Some(to) = &u.to {
        b.push(Block::plain(vec![Run::plain("Kính gửi: "), Run::bold(to)]));
    }
    b.push(Block::body(format!(
        "Tổng hợp từ hồ sơ của {} chi bộ{}, kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên{} như sau:",
        t.cells,
        match failed.len() {
            0 => String::new(),
            n => format!(" ({n} chi bộ khác chưa tổng hợp được, nêu ở mục 3)"),
        },
        years(rows)
    )));
    b.push(Block::heading("1. Kết quả của từng chi bộ"));
    b.push(table(rows));
    b.push(common::levels_legend());
    let regs: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for r in crate::regulation::ALL {
            if rows.iter().any(|x| x.regulation == r.short) {
                v.push(format!("{} – {}", r.short, r.name));
            }
        }
        v
    };
    if !regs.is_empty() {
        b.push(Block::Paragraph {
            kind: ParaKind::Plain,
            runs: vec![Run {
                text: format!("Quy định: {}.", regs.join("; ")),
                italic: true,
                ..Run::default()
            }],
        });
    }
    b.push(Block::heading("2. Tổng hợp chung"));
    b.push(item(format!(
        "- Đảng viên: {} đ/c; tự kiểm điểm: {} đ/c; được đánh giá, xếp loại: {} đ/c{}.",
        t.members,
        t.reviewed,
        t.rated,
        match t.pending {
            0 => String::new(),
            n => format!("; chưa có kết quả: {n} đ/c"),
        }
    )));
    for (i, l) in Rating::ALL.iter().enumerate() {
        b.push(item(format!(
            "- {}: {} đ/c, đạt {} số đảng viên được xếp loại.",
            l.name(),
            t.levels[i],
            percent(t.levels[i], t.rated)
        )));
    }
    let cells: Vec<String> = Rating::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| t.cell_levels[*i] > 0)
        .map(|(i, l)| format!("{}: {} chi bộ", l.name().to_lowercase(), t.cell_levels[i]))
        .chain(
            (t.cells_pending > 0).then(|| format!("chưa có kết quả: {} chi bộ", t.cells_pending)),
        )
        .collect();
    if !cells.is_empty() {
        b.push(item(format!("- Chi bộ: {}.", cells.join("; "))));
    }
    if !failed.is_empty() {
        b.push(Block::heading("3. Chi bộ chưa tổng hợp được"));
        b.push(Block::body(format!(
            "Dữ liệu của {} chi bộ còn lỗi, cần sửa rồi tổng hợp lại:",
            failed.len()
        )));
        for f in failed {
            b.push(item(format!("- {}: {}", f.input, f.error)));
        }
    }
    let recipients = (!u.recipients.is_empty() || u.archive.is_some())
        .then(|| common::recipients(&u.recipients, u.archive.as_deref().unwrap_or("VT")));
    b.push(Block::SignOff {
        recipients,
        countersign: None,
        signature: signature(u),
    });
    let m = crate::data::Margins::default();
    let issuer = u.abbreviation.as_deref().unwrap_or(BLANK);
    Document {
        guide,
        kind: NAME.to_string(),
        member: None,
        form_label: None,
        path: NAME.to_string(),
        meta_title: format!("Báo cáo tổng hợp kết quả đánh giá, xếp loại{}", years(rows)),
        meta_author: u.issuer.clone().unwrap_or_default(),
        date: date.format("%Y-%m-%d").to_string(),
        margins: Margins {
            top: m.top,
            bottom: m.bottom,
            left: m.left,
            right: m.right,
            mirrored: false,
        },
        header: Header {
            superior: u
                .superior
                .as_deref()
                .map_or(BLANK.to_string(), vn::text::upper),
            issuer: u
                .issuer
                .as_deref()
                .map_or(BLANK.to_string(), vn::text::upper),
            number: Some(common::number_line(u.number.as_deref(), "BC", issuer)),
            place_date: vn::date::place_line(u.place.as_deref().unwrap_or(BLANK), date),
        },
        title: Title {
            kind: "BÁO CÁO".to_string(),
            summary: Some(format!(
                "tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên{}",
                years(rows)
            )),
        },
        blocks: common::finish(guide, b),
    }
}
