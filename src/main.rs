//! The `hoso` command line: argument parsing and exit codes only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use hoso::diag;
use hoso::output::Outcome;
use hoso::pipeline::{self, BuildOptions, Failure};

// Typst allocates many small objects from several threads: mimalloc is measurably faster than
// the system allocator here (see benches/archive.rs).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        /// Chỉ tạo một loại văn bản (danh sách theo quy định của năm: xem «hoso build --help»).
        #[arg(long, value_name = "LOAI")]
        only: Option<String>,
        /// Chỉ tạo văn bản của một đảng viên (theo mã).
        #[arg(long, value_name = "MA")]
        member: Option<String>,
        /// Số luồng tạo văn bản cùng lúc; không ghi thì dùng mọi nhân của máy.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Theo dõi: tạo lại mỗi khi tệp dữ liệu (hoặc bản gửi của đảng viên) được lưu, đến khi
        /// bấm Ctrl-C; lần lưu có lỗi thì giữ nguyên văn bản của lần tạo trước.
        #[arg(long = "theo-doi")]
        theo_doi: bool,
    },
    /// Tạo hồ sơ của nhiều chi bộ cùng lúc (cấp huyện): mỗi chi bộ một thư mục và một tệp .zip,
    /// kèm bảng tổng hợp tong-hop.docx, .pdf, .csv; chi bộ không đổi từ lần trước thì không tạo lại.
    Archive {
        /// Tệp dữ liệu của các chi bộ, hoặc thư mục chứa chúng (tìm mọi tệp .yaml, .yml).
        #[arg(required = true, value_name = "DU_LIEU")]
        inputs: Vec<PathBuf>,
        /// Thư mục lưu trữ.
        #[arg(long)]
        out: PathBuf,
        /// Số luồng tạo văn bản cùng lúc; không ghi thì dùng mọi nhân của máy.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Tạo lại mọi chi bộ, kể cả chi bộ không đổi; ghi đè bảng tổng hợp đã sửa tay.
        #[arg(long)]
        force: bool,
        /// Tệp thông tin đơn vị tổng hợp (tên cơ quan, số, ngày, người ký) cho bảng tổng hợp.
        #[arg(long = "don-vi", value_name = "TEP")]
        don_vi: Option<PathBuf>,
    },
    /// Mở trang web cho đảng viên: mỗi người một đường dẫn riêng để tải bản kiểm điểm đã điền sẵn
    /// (.docx, .pdf) và gửi lại bản tự kiểm điểm; thư ký có trang riêng theo dõi ai đã gửi.
    Serve {
        /// Tệp dữ liệu YAML của chi bộ.
        data: PathBuf,
        /// Địa chỉ lắng nghe; mặc định chỉ máy này (127.0.0.1:8080). Ví dụ mạng nội bộ: 0.0.0.0:8080.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Địa chỉ đảng viên dùng để mở trang, khi khác http://ADDR (ví dụ qua máy chủ HTTPS).
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Tạo khóa mới: mọi đường dẫn đã phát hết hiệu lực.
        #[arg(long = "new-key")]
        new_key: bool,
        /// Máy chủ đứng sau một máy chủ chuyển tiếp (nginx, Caddy…): địa chỉ của người dùng lấy từ
        /// tiêu đề X-Forwarded-For / Forwarded mà máy chủ đó thêm vào. Chỉ dùng khi đúng là như vậy.
        #[arg(long)]
        proxy: bool,
        /// Không mở máy chủ; ghi phiếu đường dẫn (có mã QR) của từng đảng viên ra TEP.docx và TEP.pdf.
        #[arg(long, value_name = "TEP")]
        links: Option<PathBuf>,
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
        /// Năm kiểm điểm; không ghi thì là năm nay (tháng 1 thì là năm trước). Năm quyết định
        /// mẫu biểu: 2019–2022 mẫu năm 2019, từ 2025 mẫu năm 2025.
        #[arg(long, value_name = "NAM")]
        nam: Option<i32>,
        /// Chép từ tệp dữ liệu năm trước: chi bộ, đảng viên (cùng mã, họ tên, ngày, chức vụ, nơi
        /// cư trú) và kết quả năm trước (mục «nam_truoc»); năm mới là năm sau của tệp đó (hoặc
        /// --nam). Những gì phải làm mới (hội nghị, báo cáo, phiếu) để dạng ghi chú.
        #[arg(long = "tu", value_name = "TEP_NAM_TRUOC")]
        tu: Option<PathBuf>,
    },
    /// Nhập danh sách đảng viên từ bảng tính (.xlsx, .xls, .ods, .csv) vào tệp dữ liệu: thêm
    /// người mới, cập nhật người đã có (theo mã, hoặc họ tên và ngày sinh); phần còn lại của tệp,
    /// kể cả ghi chú, giữ nguyên. Cột tìm theo tiêu đề («Họ và tên», «Ngày sinh», «Giới tính»,
    /// «Ngày vào Đảng», «Chức vụ Đảng», «Đơn vị công tác», «Nơi cư trú»…).
    Nhap {
        /// Bảng tính danh sách đảng viên.
        danh_sach: PathBuf,
        /// Tệp dữ liệu YAML của chi bộ (tạo trước bằng «hoso init»).
        #[arg(long = "vao", value_name = "TEP")]
        vao: PathBuf,
        /// Chỉ cột cho một trường khi tiêu đề khác thường: ten_truong=COT (chữ cái của cột hoặc
        /// tiêu đề của nó), ví dụ «--cot ngay_vao_dang=F»; ghi nhiều lần được.
        #[arg(long = "cot", value_name = "TRUONG=COT")]
        cot: Vec<String>,
        /// Chỉ xem sẽ thay đổi gì, không ghi.
        #[arg(long)]
        xem: bool,
    },
}

/// `hoso nhap`: imports, then says what changed (or would), and what to look at.
fn import(sheet: &std::path::Path, into: &std::path::Path, cot: &[String], xem: bool) -> ExitCode {
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

/// Prints a failure and gives its exit status: 1 for bad data, 2 for anything else.
fn fail(f: Failure) -> ExitCode {
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
fn known() -> String {
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
fn usage_error(e: &clap::Error) -> String {
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
fn only_help() -> String {
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

fn main() -> ExitCode {
    let parsed = Cli::command()
        .mut_subcommand("build", |c| c.mut_arg("only", |a| a.help(only_help())))
        .after_help(known())
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                e.exit();
            }
            eprintln!("{}", usage_error(&e));
            return ExitCode::from(2);
        }
    };
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
        Command::Init {
            file,
            force,
            nam,
            tu: Some(old),
        } => match hoso::next_year::write(&old, &file, force, nam) {
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
        },
        Command::Init {
            file,
            force,
            nam,
            tu: None,
        } => match hoso::starter::write(
            &file,
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
        },
        Command::Nhap {
            danh_sach,
            vao,
            cot,
            xem,
        } => import(&danh_sach, &vao, &cot, xem),
        Command::Check { data } => match pipeline::check(&data) {
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
        },
        Command::Build {
            data,
            out,
            force,
            only,
            member,
            jobs,
            theo_doi,
        } => {
            let opts = BuildOptions {
                force,
                only,
                member,
                jobs,
            };
            if theo_doi {
                println!(
                    "theo dõi {}: lưu tệp là văn bản trong {} được tạo lại; Ctrl-C để dừng.",
                    data.display(),
                    out.display()
                );
                hoso::watch::run(&data, &out, &opts, |result| {
                    let now = hoso::starter::now().format("%H:%M:%S");
                    match result {
                        Ok(built) => {
                            eprint!("{}", diag::report(&built.warnings));
                            for n in &built.notes {
                                eprintln!("chú ý: {n}");
                            }
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
                                    format!(
                                        " ({kept} tệp đã sửa tay được giữ, bản mới ghi bên cạnh)"
                                    )
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
                return ExitCode::SUCCESS;
            }
            match pipeline::build(&data, &out, &opts) {
                Ok(built) => {
                    eprint!("{}", diag::report(&built.warnings));
                    for n in &built.notes {
                        eprintln!("chú ý: {n}");
                    }
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
        Command::Archive {
            inputs,
            out,
            jobs,
            force,
            don_vi,
        } => archive(&inputs, out, jobs, force, don_vi),
        Command::Serve {
            data,
            addr,
            url,
            new_key,
            proxy,
            links,
        } => {
            let opts = hoso::serve::ServeOptions {
                data,
                addr,
                url,
                new_key,
                proxy,
            };
            let done = match links {
                Some(file) => write_links(&opts, &file),
                None => hoso::serve::run(&opts),
            };
            match done {
                Ok(()) => ExitCode::SUCCESS,
                Err(f) => fail(f),
            }
        }
    }
}

/// `hoso serve --links FILE`: the slips with each member's link and QR code.
fn write_links(opts: &hoso::serve::ServeOptions, file: &std::path::Path) -> Result<(), Failure> {
    let checked = pipeline::check(&opts.data)?;
    let (keys, made) = hoso::serve::keys::Keys::load_or_create(&opts.data, opts.new_key)
        .map_err(Failure::Usage)?;
    if made {
        println!(
            "đã tạo khóa {}{}; giữ kín tệp này.",
            hoso::serve::keys::key_path(&opts.data).display(),
            if opts.new_key {
                " (mọi đường dẫn cũ hết hiệu lực)"
            } else {
                ""
            }
        );
    }
    let base = opts
        .url
        .clone()
        .unwrap_or_else(|| format!("http://{}", opts.addr))
        .trim_end_matches('/')
        .to_string();
    if opts.url.is_none() && (opts.addr.ip().is_loopback() || opts.addr.ip().is_unspecified()) {
        eprintln!(
            "chú ý: đường dẫn trên phiếu là {base}, chỉ mở được trên đúng máy chạy hoso; ghi --url http://<địa chỉ máy trong mạng nội bộ>:{} để điện thoại mở được.",
            opts.addr.port()
        );
    }
    for p in hoso::serve::links::write(&checked.dossier, &keys, &base, file)? {
        println!("đã ghi {}", p.display());
    }
    Ok(())
}

/// `hoso archive`: builds, shows progress, then reports every failed cell's errors by file.
fn archive(
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
