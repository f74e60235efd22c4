//! Writing the district summary's files — `tong-hop.docx`, `.pdf`, `.csv`, `.xlsx` — from the
//! record's figures. All four are written beside and flushed first, then put in place one after
//! another, so that a full disk leaves the previous four; a file edited by hand since the last
//! run is kept and the new version goes beside it (unless forced).

use std::fs;
use std::path::{Path, PathBuf};

use super::record::SummaryRecord;
use super::xlsx;
use crate::data::district::{FailedCell, Group};
use crate::data::unit::Unit;
use crate::documents::tong_hop;
use crate::messages::io_error;
use crate::output::durable;
use crate::output::manifest::sha256;
use crate::pipeline::Failure;

/// The summary's files as bytes, by file name.
fn files(
    unit: &Unit,
    groups: &[Group],
    failed: &[FailedCell],
) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let date = unit.date.unwrap_or_else(crate::vn::date::today);
    let doc = tong_hop::build(unit, groups, failed, date);
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for r in crate::render::ALL {
        let bytes = r.render(&doc).map_err(|e| {
            Failure::Io(e.context(format!("không tạo được {}.{}", doc.path, r.extension())))
        })?;
        out.push((format!("{}.{}", tong_hop::NAME, r.extension()), bytes));
    }
    out.push((
        format!("{}.csv", tong_hop::NAME),
        super::csv::summary(groups, failed),
    ));
    out.push((
        format!("{}.xlsx", tong_hop::NAME),
        xlsx::workbook(groups, failed, date).map_err(|e| Failure::Io(anyhow::anyhow!(e)))?,
    ));
    Ok(out)
}

/// Writes the summary's files into `out`; returns what to record of them and the paths written.
pub fn write(
    out: &Path,
    unit: &Unit,
    groups: &[Group],
    failed: &[FailedCell],
    previous: Option<&SummaryRecord>,
    force: bool,
    notes: &mut Vec<String>,
) -> Result<(SummaryRecord, Vec<PathBuf>), Failure> {
    let mut rec = SummaryRecord::default();
    let mut pending = Vec::new();
    for (name, bytes) in files(unit, groups, failed)? {
        let path = out.join(&name);
        let edited = !force
            && fs::read(&path).is_ok_and(|cur| {
                previous
                    .and_then(|p| p.files.get(&name))
                    .is_none_or(|h| *h != sha256(&cur))
                    && cur != bytes
            });
        let (name, path) = if edited {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
            let new = format!("{stem}.moi.{ext}");
            notes.push(format!(
                "{} đã được sửa tay sau lần tổng hợp trước nên được giữ nguyên; bản mới ghi vào {} (dùng --force để ghi đè).",
                path.display(),
                out.join(&new).display()
            ));
            // the edited file keeps what hoso wrote there, so that it is still seen as edited
            if let Some(h) = previous.and_then(|p| p.files.get(&name)) {
                rec.files.insert(name.clone(), h.clone());
            }
            (new.clone(), out.join(new))
        } else {
            (name, path)
        };
        let p = durable::write_pending(&durable::Os, &path, 0o644, |f| {
            std::io::Write::write_all(f, &bytes)
        })
        .map_err(|e| {
            Failure::Io(anyhow::anyhow!(
                "không ghi được {}: {}",
                path.display(),
                io_error(&e)
            ))
        })?;
        rec.files.insert(name, sha256(&bytes));
        pending.push(p);
    }
    let mut written = Vec::new();
    for p in pending {
        let path = p.target().to_path_buf();
        p.put_in_place().map_err(|e| {
            Failure::Io(anyhow::anyhow!(
                "không ghi được {}: {}",
                path.display(),
                io_error(&e)
            ))
        })?;
        written.push(path);
    }
    Ok((rec, written))
}
