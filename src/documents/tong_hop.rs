//! The district's summary (`hoso archive`): a report of the upper level listing, for each review
//! year, each cell's figures beside its upper unit — members, reviewed, rated, each level with its
//! share, the cell's own level — with the year's totals; then the cells whose data could not be
//! used, by name and file.

use chrono::NaiveDate;

use super::common::{self, item};
use crate::data::Rating;
use crate::data::district::{FailedCell, Group, Row, Totals, totals};
use crate::data::tally::{percent, share};
use crate::data::unit::Unit;
use crate::doc::{
    Block, Cell, Document, Header, Margins, ParaKind, Run, SignLine, SignRole, Signature, Title,
};
use crate::vn::number::count;
use crate::{guide, vn};

/// File name of the summary (without extension) in the archive folder.
pub const NAME: &str = "tong-hop";

/// Dots for what the district's settings do not say, filled in by hand.
const BLANK: &str = "………………";

/// The years the groups cover: "năm 2026", or "các năm 2025, 2026".
fn years(groups: &[Group]) -> String {
    let mut ys: Vec<i32> = groups.iter().map(|g| g.year).collect();
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

/// A count as the document writes it ("4.165").
fn n(x: u32) -> String {
    count(x.into())
}

/// One group's table: one row per cell, its upper unit beside it, then the group's totals.
fn table(rows: &[Row]) -> Block {
    let mut header = vec![
        vec![
            head("TT").span(1, 3),
            head("Đơn vị cấp trên").span(1, 3),
            head("Chi bộ").span(1, 3),
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
                Cell::text(&r.upper),
                Cell::text(&r.cell),
                Cell::centred(n(r.members)),
                Cell::centred(n(r.reviewed)),
                Cell::centred(n(r.rated)),
            ];
            for x in r.levels {
                row.push(Cell::centred(n(x)));
                row.push(Cell::centred(share(x, r.rated)));
            }
            row.push(Cell::centred(level(r.cell_level)));
            row
        })
        .collect();
    let t = totals(rows);
    let mut sum = vec![
        Cell::text("Cộng").bold().span(3, 1),
        Cell::centred(n(t.members)).bold(),
        Cell::centred(n(t.reviewed)).bold(),
        Cell::centred(n(t.rated)).bold(),
    ];
    for x in t.levels {
        sum.push(Cell::centred(n(x)).bold());
        sum.push(Cell::centred(share(x, t.rated)).bold());
    }
    sum.push(Cell::centred(""));
    body.push(sum);
    let mut widths = vec![
        7.0, 22.0, 26.0, 10.0, 10.0, 10.0, 7.0, 11.0, 7.0, 11.0, 7.0, 11.0, 7.0, 11.0, 14.0,
    ];
    common::fit_numbers(&mut widths, 0, 2, rows.len(), true);
    Block::Table {
        widths,
        header,
        rows: body,
        compact: true,
    }
}

/// The paragraphs that sum up one group: members and each level with its share of those
/// rated, the cells at each level.
fn overview(t: &Totals, b: &mut Vec<Block>) {
    b.push(item(format!(
        "- Đảng viên: {} đ/c; tự kiểm điểm: {} đ/c; được đánh giá, xếp loại: {} đ/c{}.",
        n(t.members),
        n(t.reviewed),
        n(t.rated),
        match t.pending {
            0 => String::new(),
            x => format!("; chưa có kết quả: {} đ/c", n(x)),
        }
    )));
    for (i, l) in Rating::ALL.iter().enumerate() {
        b.push(item(format!(
            "- {}: {} đ/c, chiếm {} số đảng viên được xếp loại.",
            l.name(),
            n(t.levels[i]),
            percent(t.levels[i], t.rated)
        )));
    }
    let cells: Vec<String> = Rating::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| t.cell_levels[*i] > 0)
        .map(|(i, l)| {
            format!(
                "{}: {} chi bộ",
                l.name().to_lowercase(),
                n(t.cell_levels[i])
            )
        })
        .chain(
            (t.cells_pending > 0)
                .then(|| format!("chưa có kết quả: {} chi bộ", n(t.cells_pending))),
        )
        .collect();
    if !cells.is_empty() {
        b.push(item(format!("- Chi bộ: {}.", cells.join("; "))));
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

/// Builds the summary of `groups` (the cells built, by year and regulation) and `failed` (the
/// cells whose data has errors), issued as the settings `u` say on `date`. Each year has its own
/// table and totals: reviews of two years are never added together.
pub fn build(u: &Unit, groups: &[Group], failed: &[FailedCell], date: NaiveDate) -> Document {
    let guide = u.guide.unwrap_or_else(|| guide::for_date(date));
    let cells: usize = groups.iter().map(|g| g.rows.len()).sum();
    let mut b = Vec::new();
    if let Some(to) = &u.to {
        b.push(Block::plain(vec![common::kinh_gui(), Run::plain(to)]));
    }
    b.push(Block::body(format!(
        "Tổng hợp từ hồ sơ của {} chi bộ{}, kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên{} như sau:",
        count(cells as u64),
        match failed.len() {
            0 => String::new(),
            x => format!(
                " ({} chi bộ khác chưa tổng hợp được, nêu ở mục {})",
                count(x as u64),
                groups.len() + 1
            ),
        },
        years(groups)
    )));
    for (i, g) in groups.iter().enumerate() {
        let reg = crate::regulation::ALL
            .iter()
            .find(|r| r.short == g.regulation)
            .map_or(g.regulation.clone(), |r| {
                format!("{} – {}", r.short, r.name)
            });
        b.push(Block::heading(format!(
            "{}. Kết quả kiểm điểm năm {} ({})",
            i + 1,
            g.year,
            g.regulation
        )));
        b.push(table(&g.rows));
        if i == 0 {
            b.push(common::levels_legend());
        }
        b.push(Block::Paragraph {
            kind: ParaKind::Plain,
            runs: vec![Run {
                text: format!("Quy định: {reg}."),
                italic: true,
                ..Run::default()
            }],
        });
        overview(&totals(&g.rows), &mut b);
    }
    if !failed.is_empty() {
        b.push(Block::heading(format!(
            "{}. Chi bộ chưa tổng hợp được",
            groups.len() + 1
        )));
        b.push(Block::body(format!(
            "Dữ liệu của {} chi bộ còn lỗi, cần sửa rồi tổng hợp lại:",
            count(failed.len() as u64)
        )));
        for f in failed {
            b.push(item(format!("- {}: {}", f.label(), f.error)));
        }
    }
    let recipients = (!u.recipients.is_empty() || u.archive.is_some())
        .then(|| common::recipients(&u.recipients, u.archive.as_deref().unwrap_or("VT")));
    b.push(Block::SignOff {
        recipients,
        countersign: None,
        signature: signature(u),
    });
    let issuer = u.abbreviation.as_deref().unwrap_or(BLANK);
    Document {
        guide,
        kind: NAME.to_string(),
        member: None,
        form_label: None,
        path: NAME.to_string(),
        meta_title: format!(
            "Báo cáo tổng hợp kết quả đánh giá, xếp loại{}",
            years(groups)
        ),
        meta_author: u.issuer.clone().unwrap_or_default(),
        date: date.format("%Y-%m-%d").to_string(),
        margins: Margins::default(),
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
            draft: None,
        },
        title: Title {
            kind: "BÁO CÁO".to_string(),
            summary: Some(format!(
                "tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên{}",
                years(groups)
            )),
            subtitle: None,
        },
        blocks: common::finish(guide, b),
    }
}
