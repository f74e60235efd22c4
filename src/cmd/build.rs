//! `hoso check` and `hoso build` (once, or again at every save with `--theo-doi`).

use std::path::Path;
use std::process::ExitCode;

use hoso::diag;
use hoso::output::Outcome;
use hoso::pipeline::{self, BuildOptions, Built};

use super::fail;

/// `hoso check DATA`: every problem at once, or what the data is checked against.
pub fn check(data: &Path) -> ExitCode {
    match pipeline::check(data) {
        Ok(c) => {
            println!("{}", pipeline::applied(&c.dossier));
            eprint!("{}", diag::report(&c.warnings));
            println!(
                "{}: dữ liệu hợp lệ ({} đảng viên).",
                data.display(),
                c.dossier.members.len()
            );
            ExitCode::SUCCESS
        }
        Err(f) => fail(f),
    }
}

/// `hoso build DATA --out DIR`: the documents, once.
pub fn build(data: &Path, out: &Path, opts: &BuildOptions) -> ExitCode {
    match pipeline::build(data, out, opts) {
        Ok(built) => {
            warnings_and_notes(&built);
            for o in &built.outcomes {
                match o {
                    Outcome::Written(p) => println!("đã ghi {}", p.display()),
                    Outcome::KeptEdited { kept, new } => eprintln!(
                        "chú ý: {} đã được sửa tay sau lần tạo trước nên được giữ nguyên; bản mới ghi vào {} (dùng --force để ghi đè).",
                        kept.display(),
                        new.display()
                    ),
                }
            }
            ExitCode::SUCCESS
        }
        Err(f) => fail(f),
    }
}

/// `hoso build … --theo-doi`: builds again at every save until stopped, one line per build.
pub fn watch(data: &Path, out: &Path, opts: &BuildOptions) -> ExitCode {
    println!(
        "theo dõi {}: lưu tệp là văn bản trong {} được tạo lại; Ctrl-C để dừng.",
        data.display(),
        out.display()
    );
    hoso::watch::run(data, out, opts, |result| {
        let now = hoso::starter::now().format("%H:%M:%S");
        match result {
            Ok(built) => {
                warnings_and_notes(&built);
                let kept = built
                    .outcomes
                    .iter()
                    .filter(|o| matches!(o, Outcome::KeptEdited { .. }))
                    .count();
                println!(
                    "{now}: đã tạo {} tệp vào {}{}.",
                    built.outcomes.len(),
                    out.display(),
                    if kept > 0 {
                        format!(" ({kept} tệp đã sửa tay được giữ, bản mới ghi bên cạnh)")
                    } else {
                        String::new()
                    }
                );
            }
            Err(f) => {
                fail(f);
                eprintln!(
                    "{now}: chưa tạo lại; văn bản trong {} vẫn là của lần tạo trước.",
                    out.display()
                );
            }
        }
        let _ = std::io::Write::flush(&mut std::io::stdout());
        true
    });
    ExitCode::SUCCESS
}

/// A build's warnings and notes, on the error stream.
fn warnings_and_notes(built: &Built) {
    eprint!("{}", diag::report(&built.warnings));
    for n in &built.notes {
        eprintln!("chú ý: {n}");
    }
}
