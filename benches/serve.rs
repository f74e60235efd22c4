//! The members' page under load: `hoso serve` of a synthetic 200-member cell (or
//! `HOSO_BENCH_MEMBERS`), each request from its own thread on loopback. Reports, once the server
//! has rendered every form ahead: 200 downloads at once (p50, p99), then 50 sends at once, each
//! a different member (p50, p99), and the server's peak memory. A measurement, not a test:
//! nothing here fails on a figure.
//!
//! `cargo bench --bench serve` (release).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn percentile(times: &mut [Duration], q: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1;
    times[i].as_secs_f64() * 1000.0
}

fn peak_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .unwrap()
        / 1024.0
}

fn main() {
    let n: usize = std::env::var("HOSO_BENCH_MEMBERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let tmp = std::env::temp_dir().join(format!("hoso-bench-serve-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let data = tmp.join("chi-bo.yaml");
    std::fs::write(&data, hoso::synthetic::cell(n, 1)).unwrap();
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["serve", data.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (mut base, mut clerk) = (String::new(), String::new());
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(r) = line.strip_prefix("Máy chủ: ") {
            base = r.split_whitespace().next().unwrap().to_string();
        }
        if let Some(r) = line.strip_prefix("Trang của thư ký: ") {
            clerk = r.trim().to_string();
        }
        if line.starts_with("Dừng") {
            break;
        }
    }
    let (keys, _) = hoso::serve::keys::Keys::load_or_create(&data, false).unwrap();
    let links: Vec<String> = d
        .members
        .iter()
        .filter(|m| hoso::data::tally::standing(&d, m).reviewed())
        .map(|m| format!("{base}{}", hoso::serve::member_path(&keys, d.year, &m.id)))
        .collect();
    let started = Instant::now();
    loop {
        let page = agent()
            .get(&clerk)
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        let want = links.len() * 2;
        if page.contains(&format!("chuẩn bị sẵn: {want}/{want}.")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    println!(
        "{n} members: every form rendered ahead {:.1} s after start",
        started.elapsed().as_secs_f64()
    );

    // 200 downloads at once
    let mut times: Vec<Duration> = std::thread::scope(|s| {
        let hs: Vec<_> = links
            .iter()
            .cycle()
            .take(200)
            .map(|l| {
                s.spawn(move || {
                    let t = Instant::now();
                    let mut r = agent()
                        .get(&format!("{l}/ban-kiem-diem.docx"))
                        .call()
                        .unwrap();
                    assert_eq!(r.status(), 200);
                    r.body_mut().read_to_vec().unwrap();
                    t.elapsed()
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!(
        "200 downloads at once: p50 {:.0} ms, p99 {:.0} ms",
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.99)
    );

    // 50 sends at once, each a different member, each from their page
    let pages: Vec<(String, String, String)> = links
        .iter()
        .take(50)
        .map(|l| {
            let mut r = agent().get(l).call().unwrap();
            let cookie = r.headers()["set-cookie"]
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_string();
            let page = r.body_mut().read_to_string().unwrap();
            let at = page.find("name=\"csrf\" value=\"").unwrap() + 19;
            let token = page[at..].split('"').next().unwrap().to_string();
            let at = page.find("<textarea name=\"").unwrap() + 16;
            let field = page[at..].split('"').next().unwrap().to_string();
            (l.clone(), format!("{token}\n{field}"), cookie)
        })
        .collect();
    let mut times: Vec<Duration> = std::thread::scope(|s| {
        let hs: Vec<_> = pages
            .iter()
            .enumerate()
            .map(|(i, (l, token_field, cookie))| {
                s.spawn(move || {
                    let (token, field) = token_field.split_once('\n').unwrap();
                    let text = format!("Nội dung gửi thử số {i}. {}", "Một câu dài. ".repeat(40));
                    let t = Instant::now();
                    let mut r = agent()
                        .post(&format!("{l}/gui"))
                        .header("Cookie", cookie)
                        .send_form([("csrf", token), (field, text.as_str())])
                        .unwrap();
                    let body = r.body_mut().read_to_string().unwrap();
                    assert!(
                        body.contains("Đã nhận"),
                        "{}",
                        &body[..body.len().min(2000)]
                    );
                    t.elapsed()
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!(
        "50 sends at once: p50 {:.0} ms, p99 {:.0} ms",
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.99)
    );
    // the senders' forms are rendered again in the background
    std::thread::sleep(Duration::from_secs(3));
    println!("server peak memory: {:.0} MB", peak_mb(child.id()));
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&tmp);
}
