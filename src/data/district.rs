//! The district summary's figures: one row per cell, counted exactly as the cell's report of
//! results counts them; the rows grouped as the upper level reads them — one table per review
//! year (and regulation), within it by upper unit — each group with its totals (years are never
//! added together: a cell reviewed in two years would count twice). `hoso archive` writes them
//! (`crate::archive`), the summary document lays them out (`documents::tong_hop`).

use serde::{Deserialize, Serialize};

use crate::data::tally;
use crate::data::{Dossier, Rating};

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
