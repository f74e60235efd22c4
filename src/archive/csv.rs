//! The district summary as CSV, beside its .docx, PDF and workbook.

use crate::data::Rating;
use crate::data::district::{FailedCell, Group, totals};
use crate::data::tally::share;
use crate::vn::number::count;

/// The summary as CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese). For
/// each group, one row per cell (with its upper unit and year), then the group's totals; then
/// the cells whose data has errors, by name and file. Counts are plain numbers (a spreadsheet
/// reads them); shares are written as the documents write them ("66,67").
pub fn summary(groups: &[Group], failed: &[FailedCell]) -> Vec<u8> {
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
