//! The binary's commands, one file each: each turns its arguments into a call of the library and
//! its outcome into what the clerk reads and an exit status. Not part of the library.

pub mod archive;
pub mod build;
pub mod import;
pub mod init;
pub mod serve;

use std::process::ExitCode;

use hoso::diag;
use hoso::pipeline::Failure;

/// Prints a failure and gives its exit status: 1 for bad data, 2 for anything else.
pub fn fail(f: Failure) -> ExitCode {
    match f {
        Failure::Data(diags, applied) => {
            if let Some(line) = applied {
                println!("{line}");
            }
            eprint!("{}", diag::report(&diags));
            ExitCode::from(1)
        }
        Failure::Io(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::from(2)
        }
        Failure::Usage(m) => {
            eprintln!("lỗi: {m}");
            ExitCode::from(2)
        }
    }
}

/// What `--help` says, under the commands, of the regulations and layout guides hoso knows and
/// how each is chosen: from the lists themselves, so that it never falls behind them.
pub fn known() -> String {
    let regs: Vec<String> = hoso::regulation::ALL
        .iter()
        .map(|r| format!("  {}: {} [quy_dinh: {}]", r.years_text(), r.name, r.id))
        .collect();
    let from = hoso::vn::date::short(hoso::guide::hd05_from());
    format!(
        "Quy định áp dụng theo năm kiểm điểm («nam»), hoặc theo khóa «quy_dinh» của tệp dữ liệu:\n{}\n\
         Thể thức văn bản theo ngày của từng văn bản, hoặc theo khóa «the_thuc»:\n  \
         trước {from}: {} [the_thuc: {}]\n  từ {from}: {} [the_thuc: {}]",
        regs.join("\n"),
        hoso::guide::HD36.name,
        hoso::guide::HD36.id,
        hoso::guide::HD05.name,
        hoso::guide::HD05.id,
    )
}

/// A usage error in Vietnamese (clap's own are in English), with what clap found.
pub fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let suggestion = match (
        get(ContextKind::SuggestedSubcommand),
        get(ContextKind::SuggestedArg),
    ) {
        (s, _) if !s.is_empty() => format!(" Có phải ý bạn là «{s}»?"),
        (_, a) if !a.is_empty() => format!(" Có phải ý bạn là «{a}»?"),
        _ => String::new(),
    };
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}."),
        ErrorKind::UnknownArgument => format!("không có tùy chọn «{arg}».{suggestion}"),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh «{}»; các lệnh: init, schema, check, build, archive, serve.{suggestion}",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingSubcommand => {
            "thiếu lệnh; các lệnh: init, schema, check, build.".to_string()
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "giá trị «{}» của {arg} không hợp lệ.{suggestion}",
            get(ContextKind::InvalidValue)
        ),
        ErrorKind::ArgumentConflict => format!("tùy chọn {arg} không dùng cùng nhau được."),
        ErrorKind::TooManyValues => {
            format!("thừa giá trị ở {arg}.")
        }
        _ => "cách gọi lệnh không đúng.".to_string(),
    };
    format!("lỗi: {what}\nChạy «hoso --help» để xem cách dùng.")
}

/// The kinds `--only` takes, by regulation, from the regulations themselves (never a list that
/// can fall behind them).
pub fn only_help() -> String {
    let by_regulation: Vec<String> = hoso::review::ALL
        .iter()
        .map(|review| {
            let r = review.regulation;
            let years = if r.years.1 >= 9999 {
                format!("từ {}", r.years.0)
            } else {
                format!("{}–{}", r.years.0, r.years.1)
            };
            format!("{} ({years}): {}", r.name, review.kind_ids().join(", "))
        })
        .collect();
    format!("Chỉ tạo một loại văn bản. {}.", by_regulation.join("; "))
}
