//! `hoso archive`: many cells at once, one folder and zip each, the district summary, errors by
//! file, nothing rebuilt that did not change, and a run killed half-way finished by the next.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use crate::common::*;

/// Writes a synthetic district of `cells` cells into `dir/du-lieu`; returns the folder.
fn district(dir: &Path, cells: usize, members: usize) -> PathBuf {
    let data = dir.join("du-lieu");
    std::fs::create_dir_all(&data).unwrap();
    for (name, yaml) in hoso::synthetic::district(cells, members) {
        std::fs::write(data.join(name), yaml).unwrap();
    }
    data
}

/// The cell folders of the archive (not hidden), by name.
fn cell_folders(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

/// Every cell folder is one complete set: its manifest lists exactly its files with their
/// checksums; its zip, when there is one, holds the same files.
fn assert_complete(out: &Path) {
    for name in cell_folders(out) {
        let dir = out.join(&name);
        let m: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
        let listed: BTreeMap<String, String> = m["files"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        let mut found = BTreeMap::new();
        let mut stack = vec![dir.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let rel = p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned();
                    if rel != "manifest.json" {
                        found.insert(
                            rel,
                            hoso::output::manifest::sha256(&std::fs::read(&p).unwrap()),
                        );
                    }
                }
            }
        }
        assert_eq!(found, listed, "{name}: the manifest matches the files");
        let zip = out.join(format!("{name}.zip"));
        if zip.exists() {
            let mut a = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap())
                .unwrap_or_else(|e| panic!("{name}.zip opens: {e}"));
            let mut names: Vec<String> = (0..a.len())
                .map(|i| a.by_index(i).unwrap().name().to_string())
                .collect();
            names.sort();
            let mut want: Vec<String> = listed
                .keys()
                .chain(std::iter::once(&"manifest.json".to_string()))
                .map(|k| format!("{name}/{k}"))
                .collect();
            want.sort();
            assert_eq!(names, want, "{name}.zip holds the folder");
        }
    }
}

/// When each file under `out` was last written.
fn mtimes(out: &Path) -> BTreeMap<String, SystemTime> {
    let mut m = BTreeMap::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(out).unwrap().to_string_lossy().into_owned();
                m.insert(rel, e.metadata().unwrap().modified().unwrap());
            }
        }
    }
    m
}

/// The figures of a cell's report of results, read from its .docx: members, rated, and the
/// count at each level.
fn report_figures(docx: &Path) -> (u32, u32, [u32; 4]) {
    let paras = docx_paragraphs(docx);
    let text = squeeze(&paras.join("\n"));
    let number_after = |label: &str| -> u32 {
        let at = text
            .find(label)
            .unwrap_or_else(|| panic!("{label} in {}", docx.display()));
        text[at + label.len()..]
            .trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let members = number_after("Tổng số đảng viên của chi bộ:");
    let rated = number_after("được đánh giá, xếp loại:");
    let mut levels = [0; 4];
    for (i, l) in hoso::data::Rating::ALL.iter().enumerate() {
        let at = paras.iter().position(|p| p.trim() == l.name()).unwrap();
        levels[i] = paras[at + 1].trim().parse().unwrap();
    }
    (members, rated, levels)
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the CSV starts with a BOM"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_district_of_twenty_cells_two_broken_is_archived_summed_and_rebuilt_only_where_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = district(dir, 20, 9);
    // two cells broken on purpose: an unknown key, an impossible date
    let unknown = data.join("chi-bo-004.yaml");
    let text = std::fs::read_to_string(&unknown).unwrap();
    std::fs::write(
        &unknown,
        text.replacen("chi_bo:\n", "chi_bo_sai: 1\nchi_bo:\n", 1),
    )
    .unwrap();
    let unknown_line = line_of(&std::fs::read_to_string(&unknown).unwrap(), "chi_bo_sai");
    let bad_date = data.join("chi-bo-011.yaml");
    let text = std::fs::read_to_string(&bad_date).unwrap();
    let text = text.replacen(
        "hoi_nghi:\n  ngay: 18/12/2026",
        "hoi_nghi:\n  ngay: 38/12/2026",
        1,
    );
    std::fs::write(&bad_date, &text).unwrap();
    let date_line = line_of(&text, "ngay: 38/12/2026");

    let o = hoso(
        dir,
        &["archive", "du-lieu", "--out", "luu-tru", "--jobs", "2"],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("2/20 chi bộ không tạo được hồ sơ"), "{err}");
    assert!(
        err.contains(&format!(
            "du-lieu/chi-bo-004.yaml:{unknown_line}:1: lỗi [trường chi_bo_sai]"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "du-lieu/chi-bo-011.yaml:{date_line}:9: lỗi [trường hoi_nghi.ngay]"
        )),
        "{err}"
    );
    // errors grouped by file at the end: each file's heading, then its errors
    let at_004 = err
        .rfind("(du-lieu/chi-bo-004.yaml) ──")
        .expect("grouped by file, named by the cell");
    let at_011 = err
        .rfind("(du-lieu/chi-bo-011.yaml) ──")
        .expect("grouped by file, named by the cell");
    assert!(at_004 < at_011);

    let out = dir.join("luu-tru");
    let folders = cell_folders(&out);
    assert_eq!(folders.len(), 18, "{folders:?}");
    for f in &folders {
        assert!(out.join(format!("{f}.zip")).is_file(), "{f}.zip");
        assert!(out.join(f).join("bao-cao-ket-qua.docx").is_file());
    }
    assert_complete(&out);

    // the record: each cell's input, its checksum, hoso's version, its files
    let rec: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let cells = rec["cells"].as_object().unwrap();
    assert_eq!(cells.len(), 18);
    for (slug, c) in cells {
        let input = dir.join(c["input"].as_str().unwrap());
        assert_eq!(
            c["input_sha256"].as_str().unwrap(),
            hoso::output::manifest::sha256(&std::fs::read(&input).unwrap())
        );
        assert_eq!(c["hoso"].as_str().unwrap(), env!("CARGO_PKG_VERSION"));
        assert_eq!(c["status"], "da_tao");
        assert!(
            c["files"]
                .as_object()
                .unwrap()
                .contains_key("bao-cao-ket-qua.pdf"),
            "{slug}"
        );
    }
    assert_eq!(rec["failed"].as_object().unwrap().len(), 2);

    // the summary's totals are the sums of the cells' own reports
    let mut sum = (0, 0, [0u32; 4]);
    for f in &folders {
        let (m, r, l) = report_figures(&out.join(f).join("bao-cao-ket-qua.docx"));
        sum.0 += m;
        sum.1 += r;
        for (s, n) in sum.2.iter_mut().zip(l) {
            *s += n;
        }
    }
    assert!(
        sum.2[0] > 0 && sum.2[2] > 0,
        "the district is varied: {sum:?}"
    );
    let rows = csv_rows(&out.join("tong-hop.csv"));
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let total = rows
        .iter()
        .find(|r| r[4] == "Cộng năm 2026 (18 chi bộ)")
        .expect("a totals row");
    assert_eq!(total[col("Tổng số đảng viên")], sum.0.to_string());
    assert_eq!(total[col("Được xếp loại")], sum.1.to_string());
    for (i, l) in hoso::data::Rating::ALL.iter().enumerate() {
        assert_eq!(
            total[col(&format!("{} (số lượng)", l.short()))],
            sum.2[i].to_string()
        );
    }
    let failed: Vec<&Vec<String>> = rows[1..]
        .iter()
        .filter(|r| !r[col("Lỗi")].is_empty())
        .collect();
    assert_eq!(failed.len(), 2);
    assert!(
        failed[0][4].ends_with("(du-lieu/chi-bo-004.yaml)"),
        "{:?}",
        failed[0]
    );
    assert!(
        failed[0][4].starts_with("Chi bộ "),
        "by the cell's name: {:?}",
        failed[0]
    );
    assert!(failed[0][col("Lỗi")].contains(&format!("dòng {unknown_line}, cột 1")));
    // the same totals in the document, both formats
    let line = format!("Đảng viên: {} đ/c; tự kiểm điểm: ", sum.0);
    let docx = squeeze(&docx_text(&out.join("tong-hop.docx")));
    let pdf = squeeze(&pdf_text(&out.join("tong-hop.pdf")));
    for t in [&docx, &pdf] {
        assert!(t.contains(&line), "{t}");
        assert!(t.contains(&format!("được đánh giá, xếp loại: {} đ/c", sum.1)));
        assert!(t.contains("Chi bộ chưa tổng hợp được"));
        assert!(t.contains("chi-bo-011.yaml"));
    }

    // nothing changed: nothing rebuilt, not even the summary
    let before = mtimes(&out);
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("tạo 0 (0 văn bản), không đổi 18, lỗi 2"),
        "{said}"
    );
    let after = mtimes(&out);
    for (f, t) in &before {
        assert_eq!(after.get(f), Some(t), "{f} was not touched");
    }
    assert_eq!(
        before.len(),
        after.len(),
        "no file left behind (no lock file either)"
    );

    // one cell changed, the two broken ones mended: only those three rebuilt
    let changed = data.join("chi-bo-007.yaml");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(
        &changed,
        text.replace("ke_hoach:\n  so: 7", "ke_hoach:\n  so: 77"),
    )
    .unwrap();
    for (f, seed) in [("chi-bo-004.yaml", 4usize), ("chi-bo-011.yaml", 11)] {
        let n = (9 + (seed - 1) % 5).saturating_sub(2).max(3);
        std::fs::write(data.join(f), hoso::synthetic::cell(n, seed as u32)).unwrap();
    }
    let before = mtimes(&out);
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("tạo 3 ("), "{said}");
    assert!(said.contains("không đổi 17, lỗi 0"), "{said}");
    let after = mtimes(&out);
    let slug7 = cells
        .iter()
        .find(|(_, c)| c["input"].as_str().unwrap().ends_with("chi-bo-007.yaml"))
        .map(|(s, _)| s.as_str())
        .unwrap();
    assert!(after[&format!("{slug7}.zip")] > before[&format!("{slug7}.zip")]);
    for (f, t) in &before {
        let own = f.starts_with(slug7) || f.starts_with("tong-hop") || f == "manifest.json";
        if !own {
            assert_eq!(after.get(f), Some(t), "{f} was not touched");
        }
    }
    assert_eq!(cell_folders(&out).len(), 20);
    assert_complete(&out);
    let rows = csv_rows(&out.join("tong-hop.csv"));
    assert!(rows.iter().any(|r| r[4] == "Cộng năm 2026 (20 chi bộ)"));
}

#[test]
fn an_archive_killed_half_way_is_finished_by_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    district(dir, 8, 4);
    // killed while a cell's set is being put in place (the other thread goes on meanwhile)
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["archive", "du-lieu", "--out", "luu-tru", "--jobs", "2"])
        .current_dir(dir)
        .env("HOSO_TEST_PAUSE", "swap")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let err = child.stderr.take().unwrap();
    let reached = BufReader::new(err)
        .lines()
        .any(|l| l.unwrap().starts_with("hoso-test-pause"));
    assert!(reached, "the archive never reached the swap");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let out = dir.join("luu-tru");
    // every cell there is whole, none half
    assert_complete(&out);
    assert!(cell_folders(&out).len() < 8, "{:?}", cell_folders(&out));

    // killed again at an arbitrary moment, a little later
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["archive", "du-lieu", "--out", "luu-tru", "--jobs", "2"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_complete(&out);

    // the next run completes the job and leaves no staging behind
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cell_folders(&out).len(), 8);
    for f in cell_folders(&out) {
        assert!(out.join(format!("{f}.zip")).is_file());
    }
    assert_complete(&out);
    let litter: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".hoso-moi") || n.contains(".hoso-cu"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
    let rows = csv_rows(&out.join("tong-hop.csv"));
    assert!(rows.iter().any(|r| r[4] == "Cộng năm 2026 (8 chi bộ)"));
    // and a run after it has nothing left to do
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("tạo 0 (0 văn bản), không đổi 8, lỗi 0"),
        "{said}"
    );
}

#[test]
fn the_district_settings_head_the_summary_and_bad_settings_are_located() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    district(dir, 2, 3);
    std::fs::write(
        dir.join("don-vi.yaml"),
        "cap_tren: Huyện ủy Gia Lâm\nten: Ban Tổ chức\nky_hieu: BTCHU\nso: 12\ndia_danh: Gia Lâm\nngay: 20/01/2027\nnguoi_ky:\n  quyen_han: K/T Trưởng ban\n  chuc_vu: Phó Trưởng ban\n  ho_ten: Nguyễn Thị Hồng Vân\n",
    )
    .unwrap();
    let o = hoso(
        dir,
        &[
            "archive",
            "du-lieu",
            "--out",
            "luu-tru",
            "--don-vi",
            "don-vi.yaml",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.join("luu-tru");
    for t in [
        squeeze(&docx_text(&out.join("tong-hop.docx"))),
        squeeze(&pdf_text(&out.join("tong-hop.pdf"))),
    ] {
        assert_in_order(
            "summary",
            &t,
            &[
                "HUYỆN ỦY GIA LÂM",
                "BAN TỔ CHỨC",
                "BÁO CÁO",
                "tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2026",
                "Tổng hợp từ hồ sơ của 2 chi bộ",
                "K/T TRƯỞNG BAN",
                "PHÓ TRƯỞNG BAN",
                "Nguyễn Thị Hồng Vân",
            ],
        );
        assert!(t.contains("Số 12-BC/BTCHU"), "{t}");
        assert!(t.contains("Gia Lâm, ngày 20 tháng 01 năm 2027"), "{t}");
    }
    // a settings file inside the data folder is not taken for a cell
    std::fs::copy(dir.join("don-vi.yaml"), dir.join("du-lieu/don-vi.yaml")).unwrap();
    let o = hoso(
        dir,
        &[
            "archive",
            "du-lieu",
            "--out",
            "luu-tru",
            "--don-vi",
            "du-lieu/don-vi.yaml",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    std::fs::write(dir.join("sai.yaml"), "ten: Ban Tổ chức\nngay: 31/02/2027\n").unwrap();
    let o = hoso(
        dir,
        &[
            "archive", "du-lieu", "--out", "luu-tru", "--don-vi", "sai.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("sai.yaml:2:7: lỗi [trường ngay]"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.join("sai.yaml"), "ten: Ban Tổ chức\nso_hieu: 3\n").unwrap();
    let o = hoso(
        dir,
        &[
            "archive", "du-lieu", "--out", "luu-tru", "--don-vi", "sai.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("sai.yaml:2:1: lỗi [trường so_hieu]"),
        "{}",
        stderr(&o)
    );

    // no data at all, a missing input: usage errors in Vietnamese
    std::fs::create_dir_all(dir.join("rong")).unwrap();
    let o = hoso(dir, &["archive", "rong", "--out", "luu-tru"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không tìm thấy tệp dữ liệu"),
        "{}",
        stderr(&o)
    );
    let o = hoso(dir, &["archive", "khong-co", "--out", "luu-tru"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không tìm thấy tệp hay thư mục khong-co"),
        "{}",
        stderr(&o)
    );
}
