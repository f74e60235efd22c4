//! `hoso nhap`: the members' list from a spreadsheet into the data file.

use std::process::ExitCode;

/// `hoso nhap`: imports, then says what changed (or would), and what to look at.
pub fn run(sheet: &std::path::Path, into: &std::path::Path, cot: &[String], xem: bool) -> ExitCode {
    match hoso::import::run(sheet, into, cot, xem) {
        Ok(o) => {
            println!("đọc trang «{}» của {}.", o.sheet, sheet.display());
            if !o.added.is_empty() {
                let names: Vec<String> = o
                    .added
                    .iter()
                    .map(|(n, ma)| format!("{n} (mã {ma})"))
                    .collect();
                println!("thêm {} đảng viên: {}.", o.added.len(), names.join(", "));
            }
            if !o.updated.is_empty() {
                let names: Vec<String> = o
                    .updated
                    .iter()
                    .map(|(n, f)| format!("{n} ({})", f.join(", ")))
                    .collect();
                println!(
                    "cập nhật {} đảng viên: {}.",
                    o.updated.len(),
                    names.join("; ")
                );
            }
            if o.unchanged > 0 {
                println!("{} đảng viên không có gì thay đổi.", o.unchanged);
            }
            for n in &o.notes {
                println!("lưu ý: {n}");
            }
            if xem {
                println!("(--xem) chưa ghi gì vào {}.", into.display());
            } else if o.written {
                println!(
                    "đã ghi {}; chạy «hoso check {}» để xem còn thiếu gì.",
                    into.display(),
                    into.display()
                );
            } else {
                println!("{} không thay đổi.", into.display());
            }
            ExitCode::SUCCESS
        }
        Err(hoso::import::Failure::Problems(ps)) => {
            for p in &ps {
                eprintln!("lỗi: {p}");
            }
            eprintln!("{} lỗi; chưa ghi gì vào {}.", ps.len(), into.display());
            ExitCode::from(1)
        }
        Err(hoso::import::Failure::Io(e)) => {
            eprintln!("lỗi: {e}");
            ExitCode::from(2)
        }
    }
}
