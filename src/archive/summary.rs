//! The district summary's figures: one row per cell, counted exactly as the cell's report of
//! results counts them, the totals, and the summary as CSV for a spreadsheet.

use serde::{Deserialize, Serialize};

use crate::data::tally::{self, share};
use crate::data::{Dossier, Rating};

/// One cell's figures.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Row {
    /// The cell's name as written.
    pub cell: String,
    /// The review's year.
    pub year: i32,
    /// The regulation applied, short ("QĐ 366").
    pub regulation: String,
    /// Members on the cell's roll.
    pub members: u32,
    /// Members who review themselves.
    pub reviewed: u32,
    /// Members rated (with a level).
    pub rated: u32,
    /// Members rated at each level, best first.
    pub levels: [u32; 4],
    /// Members to be rated whose level is not known yet.
    pub pending: u32,
    /// The cell's own level, when known (index into `Rating::ALL`).
    pub cell_level: Option<usize>,
}

/// A cell whose data has errors: its file and the first error.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FailedCell {
    /// The data file, as found.
    pub input: String,
    /// The first error, on one line ("tệp:dòng:cột: lỗi: …").
    pub error: String,
}

/// Counts a cell's figures from its data.
pub fn row(d: &Dossier) -> Row {
    let t = tally::rating_table(d);
    let mut levels = [0u32; 4];
    for (i, l) in Rating::ALL.iter().enumerate() {
        levels[i] = t.count(*l);
    }
    Row {
        cell: d.cell.name.clone(),
        year: d.year,
        regulation: d.regulation.short.to_string(),
        members: d.members.len() as u32,
        reviewed: d
            .members
            .iter()
            .filter(|m| tally::standing(d, m).reviewed())
            .count() as u32,
        rated: t.rated(),
        levels,
        pending: t.pending.len() as u32,
        cell_level: tally::cell_rating(d).and_then(|r| Rating::ALL.iter().position(|x| *x == r)),
    }
}

/// The sum of the rows; the cells at each level in `cell_levels`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Cells counted.
    pub cells: u32,
    /// Members, reviewed, rated, at each level, pending: summed.
    pub members: u32,
    /// Members who review themselves.
    pub reviewed: u32,
    /// Members rated.
    pub rated: u32,
    /// Members at each level.
    pub levels: [u32; 4],
    /// Members pending.
    pub pending: u32,
    /// Cells at each level.
    pub cell_levels: [u32; 4],
    /// Cells whose level is not known yet.
    pub cells_pending: u32,
}

/// Sums the rows.
pub fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals::default();
    for r in rows {
        t.cells += 1;
        t.members += r.members;
        t.reviewed += r.reviewed;
        t.rated += r.rated;
        t.pending += r.pending;
        for i in 0..4 {
            t.levels[i] += r.levels[i];
        }
        match r.cell_level {
            Some(i) => t.cell_levels[i] += 1,
            None => t.cells_pending += 1,
        }
    }
    t
}

/// The summary as CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese), one
/// row per cell, the totals, then the cells that failed with their first error. Shares are
/// written as the documents write them ("66,67").
pub fn csv(rows: &[Row], failed: &[FailedCell]) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut head: Vec<String> = [
        "TT",
        "Chi bộ",
        "Năm",
        "Quy định",
        "Tổng số đảng viên",
        "Được kiểm điểm",
        "Được xếp loại",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for l in Rating::ALL {
        head.push(format!("{} (số lượng)", l.short()));
        head.push(format!("{} (tỷ lệ %)", l.short()));
    }
    head.extend(
        ["Chưa có kết quả", "Chi bộ xếp loại", "Lỗi"]
            .iter()
            .map(|s| s.to_string()),
    );
    let record = |tt: String,
                  name: &str,
                  year: String,
                  reg: &str,
                  figures: [u32; 3],
                  levels: [u32; 4],
                  pending: u32,
                  level: String,
                  error: &str| {
        let mut rec = vec![tt, name.to_string(), year, reg.to_string()];
        rec.extend(figures.iter().map(|n| n.to_string()));
        for n in levels {
            rec.push(n.to_string());
            rec.push(share(n, figures[2]));
        }
        rec.extend([pending.to_string(), level, error.to_string()]);
        rec
    };
    let mut lines = vec![head];
    for (i, r) in rows.iter().enumerate() {
        lines.push(record(
            (i + 1).to_string(),
            &r.cell,
            r.year.to_string(),
            &r.regulation,
            [r.members, r.reviewed, r.rated],
            r.levels,
            r.pending,
            r.cell_level
                .map_or(String::new(), |l| Rating::ALL[l].short().to_string()),
            "",
        ));
    }
    let t = totals(rows);
    lines.push(record(
        String::new(),
        &format!("Cộng ({} chi bộ)", t.cells),
        String::new(),
        "",
        [t.members, t.reviewed, t.rated],
        t.levels,
        t.pending,
        Rating::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| t.cell_levels[*i] > 0)
            .map(|(i, l)| format!("{}: {}", l.short(), t.cell_levels[i]))
            .collect::<Vec<_>>()
            .join("; "),
        "",
    ));
    for f in failed {
        let mut rec = vec![String::new(); lines[0].len()];
        rec[1] = f.input.clone();
        if let Some(last) = rec.last_mut() {
            *last = f.error.clone();
        }
        lines.push(rec);
    }
    for l in &lines {
        // writing to a Vec cannot fail
        let _ = w.write_record(l);
    }
    w.into_inner().unwrap_or_default()
}
