//! Synthetic data for trying and measuring large runs, without real members' data:
//! `cargo run --example synthetic -- cell 1000 > chi-bo-1000.yaml` writes one cell of 1000
//! members; `cargo run --example synthetic -- district 200 25 huyen/` writes 200 cells of about
//! 25 members into `huyen/`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    match args.first().map(String::as_str) {
        Some("district") => {
            let dir = std::path::PathBuf::from(args.get(3).map_or("huyen", String::as_str));
            if let Err(e) = std::fs::create_dir_all(&dir) {
                eprintln!("lỗi: không tạo được {}: {e}", dir.display());
                std::process::exit(2);
            }
            for (name, yaml) in hoso::synthetic::district(num(1, 200), num(2, 25)) {
                if let Err(e) = std::fs::write(dir.join(&name), yaml) {
                    eprintln!("lỗi: không ghi được {name}: {e}");
                    std::process::exit(2);
                }
            }
        }
        _ => print!("{}", hoso::synthetic::cell(num(1, 200), 1)),
    }
}
