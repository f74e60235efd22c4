//! The district's archive: `hoso archive` of a synthetic district of 200 cells × about 25
//! members (or `HOSO_BENCH_DISTRICT=cells,members`), then the same with nothing changed, then
//! `hoso build` of the 2020 fixture. Reports wall time, documents per second, CPU time over wall
//! time and peak memory of each run. A measurement, not a test: nothing here fails on a figure.
//!
//! `cargo bench --bench archive` (release build).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One run's figures.
struct Run {
    wall: f64,
    cpu: f64,
    peak_mb: f64,
    stdout: String,
}

/// Runs hoso with `args` in `dir`, waiting with wait4 to read this child's own CPU time and
/// peak memory.
#[allow(clippy::zombie_processes)] // reaped by wait4, which std's wait cannot replace here
fn run(dir: &Path, args: &[&str]) -> Run {
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("hoso runs");
    let pid = child.id() as libc::pid_t;
    let out = {
        use std::io::Read;
        let mut s = String::new();
        child.stdout.expect("piped").read_to_string(&mut s).ok();
        s
    };
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child, not yet waited for; status and usage are valid for writing.
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed().as_secs_f64();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "hoso {args:?} failed ({status})"
    );
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        peak_mb: usage.ru_maxrss as f64 / 1024.0,
        stdout: out,
    }
}

/// "… tạo 200 (5400 văn bản) …" → 5400.
fn documents(stdout: &str) -> usize {
    stdout
        .split(" (")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn report(what: &str, r: &Run) {
    let docs = documents(&r.stdout);
    println!(
        "{what:<28} {:>8.2} s {:>8} văn bản {:>8.0} văn bản/s   CPU/wall {:>4.2}   peak {:>5.0} MB",
        r.wall,
        docs,
        docs as f64 / r.wall,
        r.cpu / r.wall,
        r.peak_mb
    );
}

fn main() {
    let (cells, members) = std::env::var("HOSO_BENCH_DISTRICT")
        .ok()
        .and_then(|s| {
            let (a, b) = s.split_once(',')?;
            Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
        })
        .unwrap_or((200, 25));
    let tmp = std::env::temp_dir().join(format!("hoso-bench-archive-{}", std::process::id()));
    let data = tmp.join("du-lieu");
    std::fs::create_dir_all(&data).unwrap();
    for (name, yaml) in hoso::synthetic::district(cells, members) {
        std::fs::write(data.join(name), yaml).unwrap();
    }
    let first = run(&tmp, &["archive", "du-lieu", "--out", "luu-tru"]);
    report(&format!("archive {cells}×{members}"), &first);
    let again = run(&tmp, &["archive", "du-lieu", "--out", "luu-tru"]);
    report("archive, nothing changed", &again);

    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/chi-bo-nvt-2020.yaml");
    let mut walls = Vec::new();
    for i in 0..5 {
        let out = format!("fixture-{i}");
        let r = run(&tmp, &["build", fixture.to_str().unwrap(), "--out", &out]);
        walls.push((r.wall, r));
    }
    walls.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = &walls[walls.len() / 2].1;
    println!(
        "{:<28} {:>8.2} s (median of 5)   CPU/wall {:>4.2}   peak {:>5.0} MB",
        "build, 2020 fixture",
        median.wall,
        median.cpu / median.wall,
        median.peak_mb
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
