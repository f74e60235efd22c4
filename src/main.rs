//! The `hoso` command line: argument parsing and exit codes only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hoso::diag;
use hoso::output::Outcome;
use hoso::pipeline::{self, BuildOptions, Failure};

/// Hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên — từ một tệp YAML ra .docx và PDF.
#[derive(Parser)]
#[command(name = "hoso", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Đọc và kiểm tra tệp dữ liệu, báo mọi lỗi cùng lúc.
    Check {
        /// Tệp dữ liệu YAML của chi bộ.
        data: PathBuf,
    },
    /// Tạo mọi văn bản (.docx và .pdf) vào thư mục OUT.
    Build {
        /// Tệp dữ liệu YAML của chi bộ.
        data: PathBuf,
        /// Thư mục ghi kết quả.
        #[arg(long)]
        out: PathBuf,
        /// Ghi đè cả những tệp đã được sửa tay sau lần tạo trước.
        #[arg(long)]
        force: bool,
        /// Chỉ tạo một loại văn bản (ke-hoach, mau-01, mau-02, mau-03-chi-bo, mau-03-dang-vien,
        /// bien-ban, bao-cao-ket-qua, giay-moi, phieu-213).
        #[arg(long, value_name = "LOAI")]
        only: Option<String>,
        /// Chỉ tạo văn bản của một đảng viên (theo mã).
        #[arg(long, value_name = "MA")]
        member: Option<String>,
    },
    /// In lược đồ JSON (JSON Schema) của tệp dữ liệu, để trình soạn thảo gợi ý và kiểm tra trường.
    Schema {
        /// Ghi vào tệp thay vì in ra màn hình.
        #[arg(long, value_name = "TEP")]
        out: Option<PathBuf>,
    },
    /// Tạo tệp dữ liệu mẫu có ghi chú cho từng trường (kèm lược đồ hoso.schema.json bên cạnh).
    Init {
        /// Tên tệp cần tạo.
        #[arg(default_value = "chi-bo.yaml")]
        file: PathBuf,
        /// Ghi đè nếu tệp đã có.
        #[arg(long)]
        force: bool,
    },
}

/// Prints a failure and gives its exit status: 1 for bad data, 2 for anything else.
fn fail(f: Failure) -> ExitCode {
    match f {
        Failure::Data(diags) => {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Schema { out: None } => {
            print!("{}", hoso::schema::json());
            ExitCode::SUCCESS
        }
        Command::Schema { out: Some(path) } => {
            match hoso::starter::write_file(&path, &hoso::schema::json()) {
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
        Command::Init { file, force } => match hoso::starter::write(&file, force) {
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
        },
        Command::Check { data } => match pipeline::check(&data) {
            Ok(c) => {
                eprint!("{}", diag::report(&c.warnings));
                println!(
                    "{}: dữ liệu hợp lệ ({} đảng viên).",
                    data.display(),
                    c.dossier.members.len()
                );
                ExitCode::SUCCESS
            }
            Err(f) => fail(f),
        },
        Command::Build {
            data,
            out,
            force,
            only,
            member,
        } => {
            match pipeline::build(
                &data,
                &out,
                &BuildOptions {
                    force,
                    only,
                    member,
                },
            ) {
                Ok(built) => {
                    eprint!("{}", diag::report(&built.warnings));
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
    }
}
