//! The `hoso` command line: the arguments, and which command runs (`cmd/`, one file each).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use hoso::pipeline::BuildOptions;

mod cmd;

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

fn main() -> ExitCode {
    let parsed = Cli::command()
        .mut_subcommand("build", |c| c.mut_arg("only", |a| a.help(cmd::only_help())))
        .after_help(cmd::known())
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
            eprintln!("{}", cmd::usage_error(&e));
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Schema { out } => cmd::init::schema(out.as_deref()),
        Command::Init {
            file,
            force,
            nam,
            tu,
        } => cmd::init::init(&file, force, nam, tu.as_deref()),
        Command::Nhap {
            danh_sach,
            vao,
            cot,
            xem,
        } => cmd::import::run(&danh_sach, &vao, &cot, xem),
        Command::Check { data } => cmd::build::check(&data),
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
                cmd::build::watch(&data, &out, &opts)
            } else {
                cmd::build::build(&data, &out, &opts)
            }
        }
        Command::Archive {
            inputs,
            out,
            jobs,
            force,
            don_vi,
        } => cmd::archive::run(&inputs, out, jobs, force, don_vi),
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
            cmd::serve::run(&opts, links.as_deref())
        }
    }
}
