//! `hoso init` (a starter file, or next year's from last year's) and `hoso schema`.

use std::path::Path;
use std::process::ExitCode;

/// `hoso schema [--out FILE]`: the JSON Schema, printed or written.
pub fn schema(out: Option<&Path>) -> ExitCode {
    let Some(path) = out else {
        print!("{}", hoso::schema::json());
        return ExitCode::SUCCESS;
    };
    match hoso::starter::write_file(path, &hoso::schema::json()) {
        Ok(()) => {
            println!("đã ghi {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `hoso init FILE [--nam N] [--tu OLD]`: a starter file, or the new year's from last year's.
pub fn init(file: &Path, force: bool, nam: Option<i32>, tu: Option<&Path>) -> ExitCode {
    let Some(old) = tu else {
        return match hoso::starter::write(
            file,
            force,
            nam.unwrap_or_else(hoso::starter::default_year),
        ) {
            Ok(()) => {
                println!(
                    "đã tạo {}: sửa dữ liệu cho đúng chi bộ, rồi chạy «hoso build {} --out ho-so».",
                    file.display(),
                    file.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("lỗi: {e:#}");
                ExitCode::from(2)
            }
        };
    };
    match hoso::next_year::write(old, file, force, nam) {
        Ok(notes) => {
            println!(
                "đã tạo {} từ {}: chi bộ, đảng viên và kết quả năm trước đã chép sang.",
                file.display(),
                old.display()
            );
            for n in &notes {
                println!("cần xem: {n}");
            }
            println!("chạy «hoso check {}» để xem còn thiếu gì.", file.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::from(2)
        }
    }
}
