//! `hoso serve` against the real server on loopback: each member's page and documents, tokens
//! that cannot be guessed or swapped, sending a self-review back (checked, saved beside the
//! data, then printed by `hoso build`), CSRF, body limit, the data edited while serving, the
//! clerk's page, and 200 members downloading at once.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hoso::serve::keys::Keys;

use crate::common::*;

/// A running `hoso serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// "http://127.0.0.1:PORT".
    pub base: String,
    /// The clerk's link.
    pub clerk: String,
    /// The data file.
    pub data: PathBuf,
    /// Where it listens ("http://127.0.0.1:PORT"), when members use another address.
    listening: Option<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `hoso serve data` on a free loopback port.
    pub fn start(data: &Path) -> Server {
        Server::start_with(data, &[])
    }

    /// Starts `hoso serve data` on a free loopback port, with `extra` arguments.
    pub fn start_with(data: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
            .args(["serve", data.to_str().unwrap(), "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let mut base = String::new();
        let mut clerk = String::new();
        let mut listening = None;
        for line in BufReader::new(out).lines() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("Máy chủ: ") {
                base = rest.split_whitespace().next().unwrap().to_string();
            }
            if let Some(rest) = line.strip_prefix("Lắng nghe: ") {
                listening = Some(rest.trim().to_string());
            }
            if let Some(rest) = line.strip_prefix("Trang của thư ký: ") {
                clerk = rest.trim().to_string();
            }
            if line.starts_with("Dừng") {
                break;
            }
        }
        assert!(base.starts_with("http"), "{base}");
        Server {
            child,
            base,
            clerk,
            data: data.to_path_buf(),
            listening,
        }
    }

    /// Where the server listens, for requests that do not go through its public address.
    pub fn base_addr(&self) -> String {
        self.listening.clone().unwrap_or_else(|| self.base.clone())
    }

    /// Kills the server at once (SIGKILL), as a power cut would stop it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The link of member `id`, made from the key file beside the data.
    pub fn link(&self, id: &str, year: i32) -> String {
        let (keys, _) = Keys::load_or_create(&self.data, false).unwrap();
        format!("{}{}", self.base, hoso::serve::member_path(&keys, year, id))
    }

    /// The server's peak resident memory, in MB.
    pub fn peak_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .unwrap()
            / 1024.0
    }
}

/// An HTTP client that reports every status as is.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

/// GET: status, headers, body.
pub fn get(url: &str, cookie: Option<&str>) -> (u16, HashMap<String, String>, Vec<u8>) {
    let mut req = agent().get(url);
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let mut r = req.call().unwrap();
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = r
        .body_mut()
        .with_config()
        .limit(50 << 20)
        .read_to_vec()
        .unwrap();
    (r.status().as_u16(), headers, body)
}

/// POST of a form: status and body.
pub fn post(url: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> (u16, String) {
    let mut req = agent().post(url);
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let mut r = req.send_form(form.iter().copied()).unwrap();
    let body = r
        .body_mut()
        .with_config()
        .limit(50 << 20)
        .read_to_string()
        .unwrap_or_default();
    (r.status().as_u16(), body)
}

/// The member page's form token and the cookie that goes with it.
pub fn form_token(page: &[u8], headers: &HashMap<String, String>) -> (String, String) {
    let page = String::from_utf8_lossy(page);
    let at = page.find("name=\"csrf\" value=\"").unwrap() + "name=\"csrf\" value=\"".len();
    let token = page[at..].split('"').next().unwrap().to_string();
    let cookie = headers["set-cookie"].split(';').next().unwrap().to_string();
    (token, cookie)
}

/// The text of a .docx given as bytes.
fn docx_bytes_text(bytes: &[u8], dir: &Path, name: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    squeeze(&docx_text(&p))
}

fn fixture_copy(dir: &Path) -> PathBuf {
    let data = dir.join("chi-bo.yaml");
    std::fs::copy(fixture_2025(), &data).unwrap();
    data
}

#[test]
fn each_member_gets_their_own_page_and_documents_and_nobody_elses() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    // the key file is its owner's only
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(hoso::serve::keys::key_path(&data))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    for m in &d.members {
        let (status, headers, page) = get(&server.link(&m.id, d.year), None);
        assert_eq!(status, 200, "{}", m.id);
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.contains(&format!("của đồng chí {}", m.full_name)),
            "{}",
            m.id
        );
        for other in d.members.iter().filter(|o| o.id != m.id) {
            assert!(
                !page.contains(&other.full_name),
                "{}'s page names {}",
                m.id,
                other.id
            );
        }
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert_eq!(headers["cache-control"], "no-store");
    }

    // a member who is not reviewed this year (admitted less than six months ago) is told so,
    // with nothing to download or send
    let (_, _, page) = get(&server.link("an", d.year), None);
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("đồng chí không kiểm điểm, đánh giá, xếp loại (mới kết nạp"),
        "{page}"
    );
    assert!(
        !page.contains("<form") && !page.contains("ban-kiem-diem.docx"),
        "{page}"
    );
    let (status, _, _) = get(
        &format!("{}/ban-kiem-diem.docx", server.link("an", d.year)),
        None,
    );
    assert_eq!(status, 404);
    let (_, _, clerk) = get(&server.clerk, None);
    let clerk = String::from_utf8(clerk).unwrap();
    assert!(
        clerk.contains("Trương Bảo An<br><span class=\"small\">không kiểm điểm: mới kết nạp"),
        "{clerk}"
    );
    assert_eq!(
        clerk.matches("đường dẫn riêng").count(),
        d.members.len() - 3,
        "{clerk}"
    );

    // a member's .docx and PDF: their name and details inside, nobody else's
    let m = &d.members[3];
    let link = server.link(&m.id, d.year);
    let (status, headers, docx) = get(&format!("{link}/ban-kiem-diem.docx"), None);
    assert_eq!(status, 200);
    assert!(headers["content-type"].contains("wordprocessingml"));
    let cd = &headers["content-disposition"];
    assert!(
        cd.starts_with("attachment; filename=\"ban-kiem-diem-"),
        "{cd}"
    );
    assert!(cd.contains("filename*=UTF-8''"), "{cd}");
    let encoded: String = m
        .full_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    assert!(cd.contains(&encoded), "{cd} names {}", m.full_name);
    let text = docx_bytes_text(&docx, tmp.path(), "a.docx");
    assert!(text.contains(&m.full_name), "{text}");
    assert!(
        text.contains(&hoso::vn::date::short(m.birth_date)),
        "{text}"
    );
    for other in d.members.iter().filter(|o| o.id != m.id) {
        assert!(
            !text.contains(&other.full_name),
            "{} in {}'s form",
            other.id,
            m.id
        );
    }
    let (status, headers, pdf) = get(&format!("{link}/ban-kiem-diem.pdf"), None);
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/pdf");
    let p = tmp.path().join("a.pdf");
    std::fs::write(&p, &pdf).unwrap();
    assert!(squeeze(&pdf_text(&p)).contains(&m.full_name));

    // another member's token with this member's id, a tampered token, an unknown path: the same 404
    let (keys, _) = Keys::load_or_create(&data, false).unwrap();
    let a = &d.members[1];
    let b = &d.members[2];
    let swapped = format!("{}/m/{}/{}", server.base, a.id, keys.member(d.year, &b.id));
    let (status, _, not_found) = get(&swapped, None);
    assert_eq!(status, 404);
    let good = keys.member(d.year, &a.id);
    let mut tampered = good.clone().into_bytes();
    tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    let (status, _, body) = get(&format!("{}/m/{}/{tampered}", server.base, a.id), None);
    assert_eq!((status, &body), (404, &not_found));
    let (status, _, body) = get(&format!("{}/khong-co", server.base), None);
    assert_eq!((status, &body), (404, &not_found));
    let (status, _, body) = get(&format!("{swapped}/ban-kiem-diem.docx"), None);
    assert_eq!((status, &body), (404, &not_found));

    // more than a few wrong tokens a minute from one address: 429 for the next wrong one, but
    // never for a good link
    for _ in 0..3 {
        get(&format!("{}/m/{}/{tampered}", server.base, a.id), None);
    }
    let (status, _, body) = get(&format!("{}/m/{}/{tampered}", server.base, a.id), None);
    assert_eq!(status, 429);
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("Thử quá nhiều lần")
    );
    let (status, _, _) = get(&server.link(&a.id, d.year), None);
    assert_eq!(status, 200, "a correct link is never refused");
}

#[test]
fn a_self_review_sent_back_is_checked_saved_beside_the_data_and_built() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    // a member whose review the data file leaves mostly empty (only the score and level)
    let m = d.members.iter().find(|m| m.id == "dung").unwrap();
    assert!(m.review.shortcomings.is_none() && m.review.direction.is_none());
    assert!(m.review.score.is_some());
    let link = server.link(&m.id, d.year);
    let saved = hoso::serve::store::file_for(&data, &m.id);

    // no form token: 403, nothing saved
    let (status, _) = post(&format!("{link}/gui"), None, &[("phuong_huong", "x")]);
    assert_eq!(status, 403);
    // a token without its cookie: 403
    let (_, headers, page) = get(&link, None);
    let (token, cookie) = form_token(&page, &headers);
    let (status, _) = post(
        &format!("{link}/gui"),
        None,
        &[("csrf", &token), ("phuong_huong", "x")],
    );
    assert_eq!(status, 403);
    // a body over the limit: 413
    let huge = "a".repeat(hoso::serve::MAX_BODY + 10);
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[("csrf", &token), ("han_che", &huge)],
    );
    assert_eq!(status, 413, "{body}");
    assert!(!saved.exists());

    // the score and level are the data file's: shown as the cell's, not asked
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("Chi ủy đã ghi: Hoàn thành tốt nhiệm vụ"),
        "{page}"
    );
    assert!(!page.contains("name=\"diem_chung"), "{page}");
    // a text with a control character: the same message as hoso check, nothing saved
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[("csrf", &token), ("han_che", "có ký tự \u{1} lạ")],
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("ký tự điều khiển") || body.contains("U+0001"),
        "{body}"
    );
    assert!(!saved.exists());

    // a valid one: saved, confirmed, and the next build prints it
    let shortcomings = "Có lúc chưa dành đủ thời gian dự giờ đồng nghiệp.";
    let direction =
        "Dự giờ ít nhất hai tiết mỗi tháng.\n\nTham gia đủ các buổi sinh hoạt chuyên môn.";
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[
            ("csrf", &token),
            ("han_che", shortcomings),
            ("phuong_huong", direction),
            ("diem_chung", "26,5"),
            ("diem_nhiem_vu", "58"),
        ],
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Đã nhận bản tự kiểm điểm"), "{body}");
    // a score sent for what the data file decides is not taken: no conflict to warn about
    assert!(!body.contains("dùng giá trị trong tệp dữ liệu"), "{body}");
    assert!(saved.is_file());
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains(shortcomings));
    assert!(!text.contains("tu_cham_diem"), "{text}");
    // the clerk's YAML is untouched
    assert_eq!(
        std::fs::read(&data).unwrap(),
        std::fs::read(fixture_2025()).unwrap()
    );

    // a second submission replaces it; the first is kept with its time
    let (_, headers, page) = get(&link, None);
    let (token, cookie) = form_token(&page, &headers);
    let (status, _) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[
            ("csrf", &token),
            ("han_che", shortcomings),
            ("phuong_huong", direction),
        ],
    );
    assert_eq!(status, 200);
    let kept: Vec<_> = std::fs::read_dir(saved.parent().unwrap().join("cu"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1);

    // the clerk's page shows it
    let (status, _, clerk) = get(&server.clerk, None);
    assert_eq!(status, 200);
    let clerk = String::from_utf8(clerk).unwrap();
    assert!(clerk.contains("đã gửi: 1"), "{clerk}");

    // check and build read it
    let o = hoso(tmp.path(), &["check", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    build_member_form(tmp.path(), &m.id);
    let docx = std::fs::read_dir(tmp.path().join("out/mau-02"))
        .unwrap()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "docx"))
        .unwrap()
        .path();
    let text = squeeze(&docx_text(&docx));
    assert!(text.contains(shortcomings), "{text}");
    assert!(
        text.contains("Tham gia đủ các buổi sinh hoạt chuyên môn."),
        "{text}"
    );
    assert!(!text.contains("26,5"), "{text}");

    // the data file says something else for a field: the data file wins, with a warning
    let yaml = std::fs::read_to_string(&data).unwrap();
    let at = yaml.find("  - ma: dung\n").unwrap();
    let at = at + yaml[at..].find("    kiem_diem:\n").unwrap() + "    kiem_diem:\n".len();
    let yaml = format!(
        "{}      han_che: Nội dung do chi ủy ghi.\n{}",
        &yaml[..at],
        &yaml[at..]
    );
    std::fs::write(&data, &yaml).unwrap();
    let o = hoso(tmp.path(), &["check", "chi-bo.yaml"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(err.matches("đã gửi «").count(), 1, "{err}");
    assert!(
        err.contains(&format!("đ/c {} đã gửi «han_che»", m.full_name)),
        "{err}"
    );
    build_member_form(tmp.path(), &m.id);
    let text = squeeze(&docx_text(&docx));
    assert!(
        text.contains("Nội dung do chi ủy ghi.") && !text.contains(shortcomings),
        "{text}"
    );
}

#[test]
fn the_data_edited_while_serving_shows_in_the_next_download_and_errors_keep_the_last_good() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    let m = &d.members[0];
    let link = server.link(&m.id, d.year);
    let (_, _, before) = get(&format!("{link}/ban-kiem-diem.docx"), None);
    assert!(docx_bytes_text(&before, tmp.path(), "1.docx").contains(&m.full_name));

    // the clerk corrects the member's name
    let yaml = std::fs::read_to_string(&data).unwrap();
    let renamed = format!("{} Sửa", m.full_name);
    std::fs::write(
        &data,
        yaml.replacen(
            &format!("ho_ten: {}", m.full_name),
            &format!("ho_ten: {renamed}"),
            1,
        ),
    )
    .unwrap();
    let (status, _, after) = get(&format!("{link}/ban-kiem-diem.docx"), None);
    assert_eq!(status, 200);
    assert!(docx_bytes_text(&after, tmp.path(), "2.docx").contains(&renamed));

    // then breaks the file: the last good version is served, the clerk's page shows the error
    std::fs::write(
        &data,
        format!(
            "{}\nkhong_co_truong: 1\n",
            std::fs::read_to_string(&data).unwrap()
        ),
    )
    .unwrap();
    let (status, _, again) = get(&format!("{link}/ban-kiem-diem.docx"), None);
    assert_eq!(status, 200);
    assert!(docx_bytes_text(&again, tmp.path(), "3.docx").contains(&renamed));
    let (_, _, clerk) = get(&server.clerk, None);
    let clerk = String::from_utf8(clerk).unwrap();
    assert!(clerk.contains("Tệp dữ liệu đang có lỗi"), "{clerk}");
    assert!(clerk.contains("khong_co_truong"), "{clerk}");
}

#[test]
fn two_hundred_members_download_their_own_files_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("lon.yaml");
    std::fs::write(&data, hoso::synthetic::cell(200, 1)).unwrap();
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    let server = Server::start(&data);
    // every member who writes a self-review (the exempted one has nothing to download)
    let links: Vec<(String, String, String)> = d
        .members
        .iter()
        .filter(|m| hoso::data::tally::standing(&d, m).reviewed())
        .map(|m| {
            (
                m.id.clone(),
                m.full_name.clone(),
                server.link(&m.id, d.year),
            )
        })
        .collect();
    assert!(links.len() >= 199);
    let names: Vec<String> = d.members.iter().map(|m| m.full_name.clone()).collect();
    // the server renders every form ahead after it starts; the crowd comes when it is done
    let want = format!("đã chuẩn bị sẵn: {0}/{0}.", links.len() * 2);
    let waiting = Instant::now();
    loop {
        let (_, _, page) = get(&server.clerk, None);
        if String::from_utf8_lossy(&page).contains(&want) {
            break;
        }
        assert!(waiting.elapsed() < Duration::from_secs(300), "never ready");
        std::thread::sleep(Duration::from_millis(200));
    }
    eprintln!(
        "serve load: ready after {:.1} s",
        waiting.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let results: Vec<(Duration, Result<(), String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = links
            .iter()
            .enumerate()
            .map(|(i, (_, name, link))| {
                let names = &names;
                let dir = tmp.path();
                s.spawn(move || {
                    let mut out = Vec::new();
                    for ext in ["docx", "pdf"] {
                        let t = Instant::now();
                        let (status, _, body) = get(&format!("{link}/ban-kiem-diem.{ext}"), None);
                        let took = t.elapsed();
                        let check = if status != 200 {
                            Err(format!("{status}"))
                        } else if ext == "docx" {
                            let text = docx_bytes_text(&body, dir, &format!("{i}.docx"));
                            // only their own name: no other member's in it
                            let own = text.contains(name.as_str());
                            let others = names
                                .iter()
                                .filter(|n| {
                                    *n != name
                                        && text.contains(n.as_str())
                                        && !name.contains(n.as_str())
                                })
                                .count();
                            if own && others == 0 {
                                Ok(())
                            } else {
                                Err(format!("{name}: own {own}, others {others}"))
                            }
                        } else if body.starts_with(b"%PDF") {
                            Ok(())
                        } else {
                            Err("not a PDF".into())
                        };
                        out.push((took, check));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let wall = started.elapsed();
    let errors: Vec<&String> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().err())
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    let mut times: Vec<Duration> = results.iter().map(|(t, _)| *t).collect();
    times.sort();
    let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    // figures for the record; a test never fails on a stopwatch
    eprintln!(
        "serve load: {} requests in {:.1} s, p50 {:.0} ms, p99 {:.0} ms, server peak {:.0} MB",
        times.len(),
        wall.as_secs_f64(),
        p(0.5).as_secs_f64() * 1000.0,
        p(0.99).as_secs_f64() * 1000.0,
        server.peak_mb()
    );
}

#[test]
fn the_slips_give_each_member_their_link_and_its_qr_code() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let o = hoso(
        tmp.path(),
        &[
            "serve",
            "chi-bo.yaml",
            "--links",
            "phieu",
            "--url",
            "http://192.168.1.5:8080/",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    let (keys, made) = Keys::load_or_create(&data, false).unwrap();
    assert!(!made, "the key was made by --links and is reused");
    let docx = tmp.path().join("phieu.docx");
    let pdf = tmp.path().join("phieu.pdf");
    let docx_text = squeeze(&docx_text(&docx));
    let pdf_text = squeeze(&pdf_text(&pdf)).replace(' ', "");
    let reviewed: Vec<&hoso::data::Member> = d
        .members
        .iter()
        .filter(|m| hoso::data::tally::standing(&d, m).reviewed())
        .collect();
    assert!(
        !docx_text.contains("Trương Bảo An"),
        "not reviewed: no slip"
    );
    for m in &reviewed {
        let link = format!(
            "http://192.168.1.5:8080{}",
            hoso::serve::member_path(&keys, d.year, &m.id)
        );
        assert!(
            docx_text.contains(&format!("Đồng chí: {}", m.full_name)),
            "{}",
            m.id
        );
        assert!(docx_text.contains(&link), "{link}");
        assert!(
            pdf_text.contains(&link.replace(' ', "")),
            "{link} in the PDF"
        );
    }
    // one QR code per member in the .docx, each read back to that member's link
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(str::to_string)
        .collect();
    assert_eq!(names.len(), reviewed.len());
    let mut decoded = Vec::new();
    for n in names {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(&n).unwrap(), &mut bytes).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "{n}: one QR code");
        decoded.push(grids[0].decode().unwrap().1);
    }
    for m in &reviewed {
        let link = format!(
            "http://192.168.1.5:8080{}",
            hoso::serve::member_path(&keys, d.year, &m.id)
        );
        assert!(decoded.contains(&link), "no QR code reads {link}");
    }
    // in the PDF, the codes are drawn as vector paths: one page holds at most three slips
    let pages = lopdf::Document::load(&pdf).unwrap().get_pages().len();
    assert!(pages >= reviewed.len() / 3, "{pages} pages");
    // the links work on the server
    let server = Server::start(&data);
    let (status, _, _) = get(&server.link(&d.members[0].id, d.year), None);
    assert_eq!(status, 200);
}

/// Builds member `id`'s self-review from `chi-bo.yaml` in `dir` into `dir/out`, as a clerk would
/// after receiving what the member sent.
fn build_member_form(dir: &std::path::Path, id: &str) {
    let o = hoso(
        dir,
        &[
            "build",
            "chi-bo.yaml",
            "--out",
            "out",
            "--only",
            "mau-02",
            "--member",
            id,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}
