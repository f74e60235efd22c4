//! Large cells: `hoso build` of synthetic cells of 15, 200, 1,000 and 5,000 members (or the sizes
//! in `HOSO_BENCH_SIZES`, comma-separated), each as its own process; reports wall time, time
//! per member and peak memory. A measurement, not a test: nothing here fails on a figure.
//!
//! `cargo bench --bench large` (release), or `cargo bench --profile dev --bench large` to reuse
//! the test build.

use std::process::Command;
use std::time::Instant;

/// Runs `hoso build` on `data` into `out`; returns (seconds, peak resident memory in MB).
fn build(data: &std::path::Path, out: &std::path::Path) -> (f64, f64) {
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args([
            "build",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("hoso runs");
    assert!(status.success(), "build failed");
    let secs = started.elapsed().as_secs_f64();
    // SAFETY: an all-zero rusage is a valid value for getrusage to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: usage is valid for writing. The figure is the largest child's so far: the sizes
    // grow, so it is this one's.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    (secs, usage.ru_maxrss as f64 / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("HOSO_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![15, 200, 1000, 5000]);
    let tmp = std::env::temp_dir().join(format!("hoso-bench-large-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    println!("members   files   wall (s)   ms/member   peak (MB)");
    for n in sizes {
        let data = tmp.join(format!("chi-bo-{n}.yaml"));
        std::fs::write(&data, hoso::synthetic::cell(n, 1)).unwrap();
        let out = tmp.join(format!("out-{n}"));
        let (secs, mb) = build(&data, &out);
        let files = walk(&out);
        println!(
            "{n:>7} {files:>7} {secs:>10.1} {:>11.1} {mb:>11.0}",
            secs * 1000.0 / n as f64
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
