//! Writes a synthetic cell of N members to standard output, for trying and measuring large
//! builds: `cargo run --example synthetic_cell -- 1000 > chi-bo-1000.yaml`.
fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    print!("{}", hoso::synthetic::cell(n, 1));
}
