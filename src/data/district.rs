//! The district summary's figures: one row per cell, counted exactly as the cell's report of
//! results counts them; the rows grouped as the upper level reads them — one table per review
//! year (and regulation), within it by upper unit — each group with its totals (years are never
//! added together: a cell reviewed in two years would count twice); and the summary as CSV.

use serde::{Deserialize, Serialize};

use crate::data::tally::{self, share};
use crate::data::{Dossier, Rating};
use crate::vn::number::count;

/// One cell's figures.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Row {
    /// The cell's name as written.
    pub cell: String,
    /// The unit it belongs to (`chi_bo.cap_tren`: since 1/7/2025 the ward, commune or agency
    /// Party committee).
    #[serde(default)]
    pub upper: String,
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

/// A cell whose data has errors: its file, its name when it could be read, the first error.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FailedCell {
    /// The data file, as found.
    pub input: String,
    /// The cell's name, when the file could be read that far.
    #[serde(default)]
    pub name: Option<String>,
    /// The first error, without the file's name ("dòng 2, cột 1: …").
    pub error: String,
}

impl FailedCell {
    /// How a list names it: "Chi bộ Thôn Đông (du-lieu/dong.yaml)", or the file alone.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => format!("{n} ({})", self.input),
            None => self.input.clone(),
        }
    }
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
        upper: d.cell.superior.clone(),
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

/// The rows of one review year under one regulation, sorted by upper unit then cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The review's year.
    pub year: i32,
    /// The regulation applied.
    pub regulation: String,
    /// Its rows.
    pub rows: Vec<Row>,
}

/// The rows grouped by year (oldest first) and regulation; within a group by upper unit and
/// cell, in Vietnamese order.
pub fn groups(rows: &[Row]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for r in rows {
        match out
            .iter_mut()
            .find(|g| g.year == r.year && g.regulation == r.regulation)
        {
            Some(g) => g.rows.push(r.clone()),
            None => out.push(Group {
                year: r.year,
                regulation: r.regulation.clone(),
                rows: vec![r.clone()],
            }),
        }
    }
    for g in &mut out {
        g.rows.sort_by(|a, b| {
            crate::vn::collate::compare(&a.upper, &b.upper)
                .then_with(|| crate::vn::collate::compare(&a.cell, &b.cell))
        });
    }
    out.sort_by(|a, b| a.year.cmp(&b.year).then(a.regulation.cmp(&b.regulation)));
    out
}

/// The summary as CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese). For
/// each group, one row per cell (with its upper unit and year), then the group's totals; then
/// the cells whose data has errors, by name and file. Counts are plain numbers (a spreadsheet
/// reads them); shares are written as the documents write them ("66,67").
pub fn csv(groups: &[Group], failed: &[FailedCell]) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut head: Vec<String> = [
        "TT",
        "Năm",
        "Quy định",
        "Đơn vị cấp trên",
        "Chi bộ",
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
    let line = |tt: String,
                year: String,
                reg: &str,
                upper: &str,
                name: &str,
                figures: [u32; 3],
                levels: [u32; 4],
                pending: u32,
                level: String| {
        let mut rec = vec![
            tt,
            year,
            reg.to_string(),
            upper.to_string(),
            name.to_string(),
        ];
        rec.extend(figures.iter().map(|n| n.to_string()));
        for n in levels {
            rec.push(n.to_string());
            rec.push(share(n, figures[2]));
        }
        rec.extend([pending.to_string(), level, String::new()]);
        rec
    };
    let mut lines = vec![head];
    for g in groups {
        for (i, r) in g.rows.iter().enumerate() {
            lines.push(line(
                (i + 1).to_string(),
                r.year.to_string(),
                &r.regulation,
                &r.upper,
                &r.cell,
                [r.members, r.reviewed, r.rated],
                r.levels,
                r.pending,
                r.cell_level
                    .map_or(String::new(), |l| Rating::ALL[l].short().to_string()),
            ));
        }
        let t = totals(&g.rows);
        lines.push(line(
            String::new(),
            g.year.to_string(),
            &g.regulation,
            "",
            &format!("Cộng năm {} ({} chi bộ)", g.year, count(t.cells.into())),
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
        ));
    }
    for f in failed {
        let mut rec = vec![String::new(); lines[0].len()];
        rec[4] = f.label();
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
