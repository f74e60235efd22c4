//! `hoso archive`: the district's batch build of every cell's file and the summary.

use std::path::PathBuf;
use std::process::ExitCode;

use hoso::diag;

use super::fail;

/// `hoso archive`: builds, shows progress, then reports every failed cell's errors by file.
pub fn run(
    inputs: &[PathBuf],
    out: PathBuf,
    jobs: Option<usize>,
    force: bool,
    unit: Option<PathBuf>,
) -> ExitCode {
    use std::io::IsTerminal;
    let progress = hoso::archive::progress::Progress::new(std::io::stderr().is_terminal());
    let opts = hoso::archive::ArchiveOptions {
        out: out.clone(),
        jobs,
        force,
        unit,
    };
    let result = hoso::archive::run(inputs, &opts, &|e| progress.event(e));
    progress.finish();
    let report = match result {
        Ok(r) => r,
        Err(f) => return fail(f),
    };
    for n in &report.notes {
        eprintln!("chú ý: {n}");
    }
    for (input, n) in &report.warnings {
        eprintln!("{input}: {n} cảnh báo (chạy «hoso check {input}» để xem).");
    }
    for f in &report.failed {
        match &f.name {
            Some(n) => eprintln!("\n── {n} ({}) ──", f.input),
            None => eprintln!("\n── {} ──", f.input),
        }
        match &f.io {
            Some(e) => eprintln!("lỗi: {e}"),
            None => eprint!("{}", diag::report(&f.diagnostics)),
        }
    }
    for p in &report.summary {
        println!("đã ghi {}", p.display());
    }
    println!(
        "{} chi bộ: tạo {} ({} văn bản), không đổi {}, lỗi {}. Thư mục: {}",
        report.cells,
        report.built.len(),
        report.documents,
        report.unchanged,
        report.failed.len(),
        out.display()
    );
    if let Some(e) = &report.io_error {
        eprintln!(
            "lỗi: {e}\nlỗi: dừng giữa chừng vì không ghi được tệp; hồ sơ đã có của các chi bộ chưa ghi xong được giữ nguyên. Giải phóng chỗ trống (hoặc sửa quyền ghi) rồi chạy lại."
        );
        return ExitCode::from(2);
    }
    if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "lỗi: {}/{} chi bộ không tạo được hồ sơ; hồ sơ cũ của các chi bộ đó (nếu có) được giữ nguyên.",
            report.failed.len(),
            report.cells
        );
        ExitCode::from(1)
    }
}
