//! A member and the clerk in a real browser: headless Chromium driven over WebDriver
//! (chromedriver) opens a member's link, downloads the .docx, fills and sends the form, sees the
//! confirmation; then the clerk's page shows it. Screenshots of each page are kept in the target
//! folder (`hoso-screenshots/`) to look at.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::common::*;
use crate::serve::Server;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hoso-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_member_downloads_fills_and_sends_in_chromium_and_the_clerk_sees_it() {
    require("chromium", "chromium");
    let driver_bin = require("chromedriver", "chromium-driver");
    let tmp = tempfile::tempdir().unwrap();
    // a member under the cell's criteria table whose self-review the cell has not written
    let data = fixture_2025_unscored(tmp.path());
    let downloads = tmp.path().join("tai-ve");
    std::fs::create_dir_all(&downloads).unwrap();
    let server = Server::start(&data);
    let d = hoso::data::load_str("x", &std::fs::read_to_string(&data).unwrap()).unwrap();
    let m = d.members.iter().find(|m| m.id == "dung").unwrap();
    let link = server.link(&m.id, d.year);

    let port = free_port();
    let _driver = Driver(
        Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let shots = screenshots();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--disable-gpu", "--window-size=430,1400", "--lang=vi"],
                "prefs": {
                    "download.default_directory": downloads.to_str().unwrap(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false
                }
            }),
        );
        // chromedriver takes a moment to listen
        let started = Instant::now();
        let c = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if started.elapsed() < Duration::from_secs(20) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("chromedriver: {e}"),
            }
        };

        // the member's page
        c.goto(&link).await.unwrap();
        let title = c
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(title.contains(&m.full_name), "{title}");
        std::fs::write(
            shots.join("1-trang-dang-vien.png"),
            c.screenshot().await.unwrap(),
        )
        .unwrap();

        // the .docx, downloaded by the browser
        c.find(Locator::Css("#tai-docx"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let started = Instant::now();
        let file = loop {
            let done: Vec<PathBuf> = std::fs::read_dir(&downloads)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "docx"))
                .collect();
            if let Some(f) = done.into_iter().next() {
                break f;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the download never finished"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.contains(&m.full_name), "saved as {name}");
        assert!(squeeze(&docx_text(&file)).contains(&m.full_name));

        // fills and sends the form
        let shortcomings = "Chưa dự đủ số giờ dự giờ theo kế hoạch của khoa.";
        c.find(Locator::Css("#han_che"))
            .await
            .unwrap()
            .send_keys(shortcomings)
            .await
            .unwrap();
        c.find(Locator::Css("#phuong_huong"))
            .await
            .unwrap()
            .send_keys("Dự giờ ít nhất hai tiết mỗi tháng.")
            .await
            .unwrap();
        // one score per criterion of the cell's table; the totals are computed
        for (field, points) in [
            ("diem_chung_0", "18,5"),
            ("diem_chung_1", "7"),
            ("diem_chung_2", "1,5"),
            ("diem_nhiem_vu_0", "46"),
            ("diem_nhiem_vu_1", "14"),
        ] {
            c.find(Locator::Css(&format!("#{field}")))
                .await
                .unwrap()
                .send_keys(points)
                .await
                .unwrap();
        }
        c.find(Locator::Css(
            "#tu_xep_loai_dang_vien option[value=hoan_thanh_tot]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        c.find(Locator::Css("#gui"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let ok = c.wait().for_element(Locator::Css("#da-gui")).await.unwrap();
        assert!(
            ok.text()
                .await
                .unwrap()
                .contains("Đã nhận bản tự kiểm điểm")
        );
        std::fs::write(shots.join("2-da-gui.png"), c.screenshot().await.unwrap()).unwrap();
        assert!(hoso::serve::store::file_for(&data, &m.id).is_file());
        let total = c
            .find(Locator::Css("#tong-diem"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(total.contains("Tổng điểm 87/100"), "{total}");

        // the clerk's page shows it
        c.goto(&server.clerk).await.unwrap();
        let body = c
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            body.contains("đã mở trang: 1; đã tải: 1; đã gửi: 1"),
            "{body}"
        );
        std::fs::write(
            shots.join("3-trang-thu-ky.png"),
            c.screenshot().await.unwrap(),
        )
        .unwrap();
        c.close().await.unwrap();
    });
    // the built form prints each criterion's score
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
