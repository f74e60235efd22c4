//! `hoso serve` as a cell of real members uses it: the clerk edits the file while members send,
//! a member taps "Gửi" twice or keeps two tabs, the server is killed in the middle of sends, a
//! guesser sits behind the same reverse proxy as everyone, a crowd of idle connections, user
//! text that looks like HTML, a criteria table.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::serve::{Server, agent, form_token, get, post};

fn fixture_copy(dir: &Path) -> PathBuf {
    let data = dir.join("chi-bo.yaml");
    std::fs::copy(fixture_2025(), &data).unwrap();
    data
}

/// The data file split around its member list: what comes before, each member's block, what
/// comes after.
struct Blocks {
    head: String,
    members: Vec<String>,
    tail: String,
}

impl Blocks {
    fn of(yaml: &str) -> Blocks {
        let start = yaml.find("dang_vien:\n").unwrap() + "dang_vien:\n".len();
        let end = start + yaml[start..].find("\nke_hoach:").unwrap() + 1;
        let mut members: Vec<String> = Vec::new();
        for line in yaml[start..end].split_inclusive('\n') {
            if line.starts_with("  - ma: ") || members.is_empty() {
                members.push(String::new());
            }
            members.last_mut().unwrap().push_str(line);
        }
        Blocks {
            head: yaml[..start].to_string(),
            members,
            tail: yaml[end..].to_string(),
        }
    }

    fn text(&self) -> String {
        format!("{}{}{}", self.head, self.members.concat(), self.tail)
    }
}

/// The member's id in a block.
fn id_of(block: &str) -> &str {
    block["  - ma: ".len()..].lines().next().unwrap().trim()
}

/// Writes `text` to `path` the way an editor saves: a new file renamed over the old.
fn save_as_editor(path: &Path, text: &str) {
    let tmp = path.with_extension("swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Every member's name in the fixture, by id.
fn names(data: &Path) -> HashMap<String, String> {
    let d = hoso::data::load_str("x", &std::fs::read_to_string(data).unwrap()).unwrap();
    d.members
        .iter()
        .map(|m| (m.id.clone(), m.full_name.clone()))
        .collect()
}

#[test]
fn a_member_reordered_added_or_removed_while_others_send_is_answered_with_their_own_page_only() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let original = std::fs::read_to_string(&data).unwrap();
    let all = names(&data);
    let server = Server::start(&data);
    let d = hoso::data::load_str("x", &original).unwrap();
    let senders: Vec<&hoso::data::Member> = d
        .members
        .iter()
        .filter(|m| hoso::data::tally::standing(&d, m).reviewed())
        .collect();
    let links: HashMap<String, String> = senders
        .iter()
        .map(|m| (m.id.clone(), server.link(&m.id, d.year)))
        .collect();
    // a stranger of the data: inserted at the top now and then
    let newcomer = Blocks::of(&original).members[2]
        .replacen("  - ma: dung\n", "  - ma: moi_them\n", 1)
        .replacen("Lê Văn Dũng", "Đinh Thị Mới Thêm", 1);
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        // the clerk: reorders, inserts, removes members (never the one sending) all the time
        let clerk = s.spawn(|| {
            let mut round = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let mut b = Blocks::of(&original);
                match round % 4 {
                    0 => b.members.rotate_left(1 + round % 7),
                    1 => b.members.reverse(),
                    2 => b.members.insert(0, newcomer.clone()),
                    _ => {
                        // a member who is not reviewed (nobody sends for them)
                        b.members.retain(|m| id_of(m) != "an");
                        b.members.rotate_right(3);
                    }
                }
                save_as_editor(&data, &b.text());
                round += 1;
                std::thread::sleep(Duration::from_millis(7));
            }
            round
        });
        // members send, each from their own page, many times
        let mut handles = Vec::new();
        for (k, m) in senders.iter().enumerate().take(6) {
            let link = &links[&m.id];
            let all = &all;
            handles.push(s.spawn(move || {
                for i in 0..8 {
                    let (status, headers, page) = get(link, None);
                    assert_eq!(status, 200);
                    let (token, cookie) = form_token(&page, &headers);
                    let text = format!("Lần gửi {i} của {}.", m.id);
                    // the first text the page asks for (the data decides some of them)
                    let page = String::from_utf8(page).unwrap();
                    let at = page.find("<textarea name=\"").unwrap() + "<textarea name=\"".len();
                    let field = page[at..].split('"').next().unwrap();
                    let (status, body) = post(
                        &format!("{link}/gui"),
                        Some(&cookie),
                        &[("csrf", &token), (field, &text)],
                    );
                    // the answer is the sender's page, and names nobody else
                    assert!(
                        body.contains(&format!("của đồng chí {}", m.full_name)),
                        "round {i} of {}: {status} {body}",
                        m.id
                    );
                    for (id, name) in all.iter().filter(|(id, _)| **id != m.id) {
                        assert!(
                            !body.contains(name.as_str()) && !body.contains(&format!("/m/{id}/")),
                            "{}'s answer shows {id}",
                            m.id
                        );
                    }
                    assert!(status == 200, "{status}: {body}");
                    let _ = k;
                }
            }));
        }
        let results: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let rounds = clerk.join().unwrap();
        for r in results {
            if let Err(e) = r {
                std::panic::resume_unwind(e);
            }
        }
        assert!(rounds > 20, "the clerk saved the file {rounds} times");
    });
    // every sender's last text is theirs
    for m in senders.iter().take(6) {
        let text = std::fs::read_to_string(hoso::serve::store::file_for(&data, &m.id)).unwrap();
        assert!(text.contains(&format!("ma: \"{}\"", m.id)), "{text}");
        assert!(text.contains(&format!("của {}.", m.id)), "{text}");
    }
}

/// Every text kept for member `id`: the current submission and each earlier version.
fn kept_texts(data: &Path, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    let current = hoso::serve::store::file_for(data, id);
    if let Ok(t) = std::fs::read_to_string(&current) {
        out.push(t);
    }
    let dir = current.parent().unwrap().join(hoso::serve::store::KEPT);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{id}-"))
            {
                out.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    out
}

#[test]
fn sends_of_one_member_at_once_all_succeed_and_every_version_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let link = server.link("dung", 2026);
    for n in [2, 4, 12] {
        // one page, or a tab each
        let pages: Vec<(String, String)> = (0..n)
            .map(|_| {
                let (_, headers, page) = get(&link, None);
                form_token(&page, &headers)
            })
            .collect();
        let texts: Vec<String> = (0..n)
            .map(|i| format!("Bản {i} của {n} lần gửi cùng lúc."))
            .collect();
        let results: Vec<(u16, String)> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..n)
                .map(|i| {
                    let (token, cookie) = &pages[i];
                    let text = &texts[i];
                    let link = &link;
                    s.spawn(move || {
                        post(
                            &format!("{link}/gui"),
                            Some(cookie),
                            &[("csrf", token), ("han_che", text)],
                        )
                    })
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (status, body) in &results {
            assert_eq!(*status, 200, "{body}");
            assert!(body.contains("Đã nhận bản tự kiểm điểm"));
        }
        let kept = kept_texts(&data, "dung");
        for t in &texts {
            assert!(
                kept.iter().any(|k| k.contains(t.as_str())),
                "{t} lost; kept {}",
                kept.len()
            );
        }
    }
    // no version is stored twice and none is empty
    let kept = kept_texts(&data, "dung");
    assert_eq!(kept.len(), 2 + 4 + 12);
    assert!(kept.iter().all(|k| !k.is_empty()));
    let distinct: HashSet<&String> = kept.iter().collect();
    assert_eq!(distinct.len(), kept.len());
}

#[test]
fn a_second_tab_and_an_old_page_send_and_a_refused_send_keeps_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let link = server.link("dung", 2026);
    let (_, h1, p1) = get(&link, None);
    let (first, cookie1) = form_token(&p1, &h1);
    // a second tab: its page sets the cookie again
    let (_, h2, p2) = get(&link, None);
    let (_, cookie2) = form_token(&p2, &h2);
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie2),
        &[("csrf", &first), ("han_che", "Từ thẻ thứ nhất.")],
    );
    assert_eq!(status, 200, "{body}");
    // Back, and send the old page again
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie1),
        &[("csrf", &first), ("han_che", "Gửi lại từ trang cũ.")],
    );
    assert_eq!(status, 200, "{body}");
    // without the cookie (a browser that refuses it): refused, the text given back, a fresh token
    let typed = "Một đoạn dài đồng chí vừa gõ <không được mất>.";
    let (status, body) = post(
        &format!("{link}/gui"),
        None,
        &[("csrf", &first), ("han_che", typed)],
    );
    assert_eq!(status, 403);
    assert!(
        body.contains("Một đoạn dài đồng chí vừa gõ &lt;không được mất&gt;."),
        "{body}"
    );
    assert!(body.contains("hãy bấm «Gửi» lại"), "{body}");
    let text = std::fs::read_to_string(hoso::serve::store::file_for(&data, "dung")).unwrap();
    assert!(text.contains("Gửi lại từ trang cũ."), "{text}");
}

#[test]
fn a_killed_server_loses_no_acknowledged_send_and_leaves_no_partial_file() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let ids = ["dung", "trang", "quang", "linh", "tuan"];
    let mut acknowledged: Vec<(String, String)> = Vec::new();
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut random = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut kills_during_sends = 0;
    for trial in 0..20 {
        let mut server = Server::start(&data);
        let links: Vec<(String, String)> = ids
            .iter()
            .map(|id| (id.to_string(), server.link(id, 2026)))
            .collect();
        let kill_after = Duration::from_millis(50 + random(700));
        let acked = std::sync::Mutex::new(Vec::new());
        let sent = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for (k, (id, link)) in links.iter().enumerate() {
                let acked = &acked;
                let sent = &sent;
                s.spawn(move || {
                    for i in 0..10 {
                        let Some((token, cookie, field)) = page_token(link) else {
                            return;
                        };
                        let text =
                            format!("Thử {trial}, người {k}, lần {i}:{}", " chữ".repeat(200));
                        let r = agent()
                            .post(&format!("{link}/gui"))
                            .header("Cookie", &cookie)
                            .send_form([("csrf", token.as_str()), (field.as_str(), text.as_str())]);
                        sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        match r {
                            Ok(mut r) if r.status() == 200 => {
                                let body = r.body_mut().read_to_string().unwrap_or_default();
                                if body.contains("Đã nhận") {
                                    acked.lock().unwrap().push((id.clone(), text));
                                }
                            }
                            _ => return,
                        }
                    }
                });
            }
            std::thread::sleep(kill_after);
            if sent.load(std::sync::atomic::Ordering::Relaxed) > 0 {
                kills_during_sends += 1;
            }
            server.kill();
        });
        acknowledged.extend(acked.into_inner().unwrap());
        // nothing empty or half anywhere in the submissions
        let dir = hoso::data::submissions::folder_for(&data);
        for sub in [dir.clone(), dir.join(hoso::serve::store::KEPT)] {
            for e in std::fs::read_dir(&sub).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    continue;
                }
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                if !name.ends_with(".yaml") {
                    // a temporary file of a send that was cut: never read, cleared at restart
                    assert!(name.ends_with(".hoso-tam"), "{name}");
                    continue;
                }
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(!text.is_empty(), "{name} is empty");
                hoso::data::submissions::parse(&name, &text)
                    .unwrap_or_else(|d| panic!("{name} is not whole: {}", d.message));
            }
        }
    }
    assert!(
        kills_during_sends >= 15,
        "{kills_during_sends} kills fell during sends"
    );
    assert!(
        acknowledged.len() > 20,
        "{} acknowledged",
        acknowledged.len()
    );
    for (id, text) in &acknowledged {
        assert!(
            kept_texts(&data, id)
                .iter()
                .any(|k| k.contains(text.as_str())),
            "an acknowledged send of {id} is lost"
        );
    }
    // the restarted server reads it all, and clears what the cut sends left
    let server = Server::start(&data);
    let (status, _, clerk) = get(&server.clerk, None);
    assert_eq!(status, 200);
    assert!(String::from_utf8(clerk).unwrap().contains("đã gửi: 5"));
    let leftovers = std::fs::read_dir(hoso::data::submissions::folder_for(&data))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".hoso-tam"))
        .count();
    assert_eq!(leftovers, 0);
    let o = hoso(tmp.path(), &["check", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A member page's form token and cookie, and the first text it asks for; `None` when the
/// server is gone.
fn page_token(link: &str) -> Option<(String, String, String)> {
    let mut r = agent().get(link).call().ok()?;
    let cookie = r
        .headers()
        .get("set-cookie")?
        .to_str()
        .ok()?
        .split(';')
        .next()?
        .to_string();
    let page = r.body_mut().read_to_string().ok()?;
    let at = page.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let token = page[at..].split('"').next()?.to_string();
    let at = page.find("<textarea name=\"")? + "<textarea name=\"".len();
    let field = page[at..].split('"').next()?.to_string();
    Some((token, cookie, field))
}

/// GET with extra headers: the status.
fn get_with(url: &str, headers: &[(&str, &str)]) -> u16 {
    let mut req = agent().get(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.call().unwrap().status().as_u16()
}

#[test]
fn a_guesser_behind_the_proxy_does_not_stop_a_member_with_their_link() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start_with(&data, &["--proxy", "--url", "https://chibo.example.vn"]);
    let good = server
        .link("dung", 2026)
        .replace("https://chibo.example.vn", &server.base_addr());
    let wrong = format!("{}/m/dung/{}", server.base_addr(), "A".repeat(22));
    let mut statuses = HashMap::new();
    for i in 0..100 {
        // the guesser comes through the proxy, as everybody does; some ids, some tokens
        let url = if i % 2 == 0 {
            wrong.clone()
        } else {
            format!("{}/m/nguoi{i}/{}", server.base_addr(), "B".repeat(22))
        };
        let s = get_with(&url, &[("X-Forwarded-For", "203.0.113.9")]);
        *statuses.entry(s).or_insert(0) += 1;
    }
    assert!(
        statuses.get(&429).copied().unwrap_or(0) > 80,
        "{statuses:?}"
    );
    // a member through the same proxy, from another address: served
    assert_eq!(get_with(&good, &[("X-Forwarded-For", "203.0.113.20")]), 200);
    // the member whose link the guesser hammered, from the guesser's own address: a correct
    // token is never refused
    assert_eq!(get_with(&good, &[("X-Forwarded-For", "203.0.113.9")]), 200);
    // the standard header too
    assert_eq!(
        get_with(&good, &[("Forwarded", "for=198.51.100.7;proto=https")]),
        200
    );
    // cookies are Secure when the members' address is https
    let (_, headers, _) = get(&good, None);
    assert!(headers["set-cookie"].contains("; Secure"), "{headers:?}");

    // without --proxy the forwarded header is not believed: a guesser cannot dodge the limit
    let plain = Server::start(&data);
    let wrong = format!("{}/m/dung/{}", plain.base, "C".repeat(22));
    let mut last = 0;
    for i in 0..8 {
        last = get_with(&wrong, &[("X-Forwarded-For", &format!("198.51.100.{i}"))]);
    }
    assert_eq!(last, 429);
    let (_, headers, _) = get(&plain.link("dung", 2026), None);
    assert!(!headers["set-cookie"].contains("Secure"), "{headers:?}");
}

#[test]
fn a_thousand_idle_connections_do_not_stop_a_member_and_are_closed() {
    // this test's own open files: a thousand sockets and the rest
    unsafe {
        let mut l = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut l);
        l.rlim_cur = l.rlim_max.min(8192);
        libc::setrlimit(libc::RLIMIT_NOFILE, &l);
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let addr = server.base_addr().trim_start_matches("http://").to_string();
    let idle: Vec<std::net::TcpStream> = (0..1000)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    let started = Instant::now();
    let (status, _, page) = get(&server.link("dung", 2026), None);
    assert_eq!(status, 200);
    assert!(String::from_utf8(page).unwrap().contains("Lê Văn Dũng"));
    eprintln!(
        "a member's page with 1,000 idle connections open: {} ms",
        started.elapsed().as_millis()
    );
    // a connection that never sends its request is closed by the server
    let mut one = idle.into_iter().next().unwrap();
    one.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut buf = [0u8; 16];
    let waited = Instant::now();
    let n = one.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "closed without an answer");
    assert!(waited.elapsed() < Duration::from_secs(25));
}

/// Text that is HTML if a page ever prints it unescaped.
const TAG: &str = "<hoso-x>";

#[test]
fn text_that_looks_like_html_reaches_every_page_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(fixture_2025()).unwrap();
    let yaml = yaml
        .replacen("ho_ten: Lê Văn Dũng", &format!("ho_ten: Lê Văn Dũng {TAG}"), 1)
        .replacen(
            "don_vi: Khoa Công nghệ thông tin, Trường Cao đẳng Kỹ thuật Thủ Đức\n    kiem_diem:\n      tu_cham_diem: { chung: [18",
            &format!("don_vi: Khoa {TAG} Công nghệ\n    chuc_vu_chinh_quyen: Tổ trưởng {TAG}\n    kiem_diem:\n      tu_cham_diem: {{ chung: [18"),
            1,
        );
    assert_eq!(yaml.matches(TAG).count(), 3, "the fixture changed");
    let data = tmp.path().join("chi-bo.yaml");
    std::fs::write(&data, &yaml).unwrap();
    let server = Server::start(&data);
    let link = server.link("dung", 2026);
    let (_, headers, page) = get(&link, None);
    let page = String::from_utf8(page).unwrap();
    let (token, cookie) = form_token(page.as_bytes(), &headers);
    let mut pages = vec![("member", page)];
    // sent text, echoed back on an error and after a save
    let (_, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[("csrf", &token), ("han_che", &format!("{TAG} có \u{1}"))],
    );
    pages.push(("refused", body));
    let (_, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[("csrf", &token), ("han_che", &format!("Hạn chế {TAG}"))],
    );
    pages.push(("saved", body));
    // the clerk's page names the member; a problem of the data quotes its text
    std::fs::write(
        &data,
        yaml.replacen("nam: 2026", &format!("nam: 2026\n\"{TAG}\": 1"), 1),
    )
    .unwrap();
    let (_, _, clerk) = get(&server.clerk, None);
    pages.push(("clerk", String::from_utf8(clerk).unwrap()));
    for (what, page) in &pages {
        assert!(!page.contains("<hoso-x"), "{what}: unescaped: {page}");
        assert!(
            page.contains("&lt;hoso-x&gt;"),
            "{what}: the text is not there: {page}"
        );
    }
    // the answers forbid inline script and style, and framing
    let (_, headers, _) = get(&link, None);
    let csp = &headers["content-security-policy"];
    assert!(
        csp.contains("default-src 'none'") && csp.contains("style-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let (status, headers, css) = get(&format!("{}/kieu.css", server.base), None);
    assert_eq!(status, 200);
    assert!(headers["content-type"].starts_with("text/css"));
    assert!(String::from_utf8(css).unwrap().contains("textarea"));
}

#[test]
fn a_head_is_not_an_open_or_a_download_and_what_members_did_survives_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let link = server.link("dung", 2026);
    for url in [link.clone(), format!("{link}/ban-kiem-diem.pdf")] {
        let r = agent().head(&url).call().unwrap();
        assert_eq!(r.status().as_u16(), 200);
    }
    let (_, _, clerk) = get(&server.clerk, None);
    assert!(
        String::from_utf8(clerk)
            .unwrap()
            .contains("đã mở trang: 0; đã tải: 0; đã gửi: 0")
    );
    get(&link, None);
    get(&format!("{link}/ban-kiem-diem.docx"), None);
    // written within a second or two; then the server stops
    std::thread::sleep(Duration::from_millis(2500));
    drop(server);
    let server = Server::start(&data);
    let (_, _, clerk) = get(&server.clerk, None);
    let clerk = String::from_utf8(clerk).unwrap();
    assert!(
        clerk.contains("đã mở trang: 1; đã tải: 1; đã gửi: 0"),
        "{clerk}"
    );
}

/// The clerk's page's count of documents rendered ahead: (ready, of, rendered since start).
fn readiness(server: &Server) -> (usize, usize, u64) {
    let (_, _, page) = get(&server.clerk, None);
    let page = String::from_utf8(page).unwrap();
    let at = page.find("data-da-tao=\"").unwrap() + "data-da-tao=\"".len();
    let rendered: u64 = page[at..].split('"').next().unwrap().parse().unwrap();
    let at = page.find("chuẩn bị sẵn: ").unwrap() + "chuẩn bị sẵn: ".len();
    let (ready, total) = page[at..]
        .split('.')
        .next()
        .unwrap()
        .split_once('/')
        .unwrap();
    (ready.parse().unwrap(), total.parse().unwrap(), rendered)
}

fn wait_ready(server: &Server) -> u64 {
    let started = Instant::now();
    loop {
        let (ready, total, rendered) = readiness(server);
        if ready == total {
            return rendered;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "never ready");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_send_renders_the_senders_documents_again_and_a_clerks_edit_everyones() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_copy(tmp.path());
    let server = Server::start(&data);
    let first = wait_ready(&server);
    let (_, total, _) = readiness(&server);
    assert_eq!(first, total as u64);
    let link = server.link("dung", 2026);
    let (_, headers, page) = get(&link, None);
    let (token, cookie) = form_token(&page, &headers);
    let (status, _) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[("csrf", &token), ("han_che", "Một hạn chế.")],
    );
    assert_eq!(status, 200);
    std::thread::sleep(Duration::from_millis(500));
    let after_send = wait_ready(&server);
    assert_eq!(after_send, first + 2, "only the sender's .docx and PDF");
    // and the new .docx has the text
    let (_, _, docx) = get(&format!("{link}/ban-kiem-diem.docx"), None);
    let p = tmp.path().join("a.docx");
    std::fs::write(&p, docx).unwrap();
    assert!(docx_text(&p).contains("Một hạn chế."));
    // the clerk edits the data file: everyone's
    let yaml = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, yaml.replacen("Phạm Quốc Việt", "Phạm Quốc Việtt", 1)).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let after_edit = wait_ready(&server);
    assert_eq!(after_edit, after_send + total as u64);
}

#[test]
fn a_member_with_a_criteria_table_sends_a_score_per_criterion_and_the_form_prints_them() {
    let tmp = tempfile::tempdir().unwrap();
    // the cell has not written Dũng's score: he does, criterion by criterion
    let data = fixture_2025_unscored(tmp.path());
    let server = Server::start(&data);
    let link = server.link("dung", 2026);
    let (_, headers, page) = get(&link, None);
    let page_text = String::from_utf8(page.clone()).unwrap();
    for name in [
        "diem_chung_0",
        "diem_chung_1",
        "diem_chung_2",
        "diem_nhiem_vu_0",
        "diem_nhiem_vu_1",
    ] {
        assert!(page_text.contains(&format!("name=\"{name}\"")), "{name}");
    }
    assert!(!page_text.contains("name=\"diem_chung\""));
    assert!(
        page_text.contains("(tối đa 20)"),
        "each criterion's maximum"
    );
    let (token, cookie) = form_token(&page, &headers);
    // over a criterion's maximum: said at that criterion
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[
            ("csrf", &token),
            ("diem_chung_0", "21"),
            ("diem_chung_1", "7"),
            ("diem_chung_2", "1"),
            ("diem_nhiem_vu_0", "45"),
            ("diem_nhiem_vu_1", "15"),
        ],
    );
    assert_eq!(status, 422);
    assert!(
        body.contains("<div class=\"err\">tối đa 20 điểm.</div>"),
        "{body}"
    );
    // only some criteria: the others are asked for
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[("csrf", &token), ("diem_chung_0", "18")],
    );
    assert_eq!(status, 422);
    assert_eq!(
        body.matches("ghi điểm của mọi tiêu chí").count(),
        2 * 4,
        "{body}"
    );
    let (status, body) = post(
        &format!("{link}/gui"),
        Some(&cookie),
        &[
            ("csrf", &token),
            ("diem_chung_0", "18,5"),
            ("diem_chung_1", "7"),
            ("diem_chung_2", "1.5"),
            ("diem_nhiem_vu_0", "46"),
            ("diem_nhiem_vu_1", "14"),
            ("tu_xep_loai_dang_vien", "hoan_thanh_tot"),
        ],
    );
    assert_eq!(status, 200, "{body}");
    // the totals are computed, never typed: 27 + 60 = 87
    assert!(
        body.contains("27/30") && body.contains("60/70") && body.contains("87/100"),
        "{body}"
    );
    let o = hoso(
        tmp.path(),
        &[
            "build",
            "chi-bo.yaml",
            "--out",
            "out",
            "--only",
            "mau-02",
            "--member",
            "dung",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read_dir(tmp.path().join("out/mau-02"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .unwrap();
    let text = squeeze(&pdf_text(&pdf));
    for row in ["20 18,5", "8 7", "2 1,5", "50 46", "20 14", "100 87"] {
        assert!(text.contains(row), "{row} in {text}");
    }
}
