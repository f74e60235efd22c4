//! `hoso archive` after interruptions and as the upper level reads it: the record is always the
//! truth of the folders (kills at any moment of a forced run, a full disk), every figure of the
//! summary equals what the test counts from the data itself, years never added together, the
//! workbook, a deleted or moved or doubled data file.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::*;

/// Two versions of cell `seed`: the second has one member more, so every figure moves.
fn version(seed: usize, second: bool) -> String {
    let n = 3 + seed % 3 + usize::from(second);
    hoso::synthetic::cell(n, seed as u32)
}

/// Writes every cell of the district in version `second`.
fn write_district(dir: &Path, cells: usize, second: bool) {
    std::fs::create_dir_all(dir).unwrap();
    for c in 1..=cells {
        std::fs::write(dir.join(format!("chi-bo-{c:03}.yaml")), version(c, second)).unwrap();
    }
}

/// A level's index from the words the data writes it with.
fn level(key: &str) -> usize {
    match key {
        "hoan_thanh_xuat_sac" | "xuat_sac" => 0,
        "hoan_thanh_tot" | "tot" => 1,
        "hoan_thanh" => 2,
        "khong_hoan_thanh" => 3,
        other => panic!("level {other}"),
    }
}

/// The figures of a cell counted from its data by this test alone: (name, upper unit, members,
/// reviewed, rated, levels). A member exempted is neither reviewed nor rated; a member's level
/// is the one decided (`xep_loai`), else the only one the ballot names (the synthetic cells vote
/// with one voice).
fn counted(yaml: &str) -> (String, String, u32, u32, u32, [u32; 4]) {
    let v: Value = serde_saphyr::from_str(yaml).unwrap();
    let members = v["dang_vien"].as_array().unwrap();
    let mut levels = [0u32; 4];
    let mut reviewed = 0;
    for m in members {
        if m.get("sinh_hoat_dang").is_some() {
            continue;
        }
        reviewed += 1;
        let a = &m["danh_gia"];
        let l = match a.get("xep_loai").and_then(Value::as_str) {
            Some(k) => level(k),
            None => {
                let votes = a["phieu"].as_object().unwrap();
                assert_eq!(votes.len(), 1, "one voice");
                level(votes.keys().next().unwrap())
            }
        };
        levels[l] += 1;
    }
    (
        v["chi_bo"]["ten"].as_str().unwrap().to_string(),
        v["chi_bo"]["cap_tren"].as_str().unwrap().to_string(),
        members.len() as u32,
        reviewed,
        reviewed,
        levels,
    )
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Checks that the archive `out` is the truth of the inputs in `data`: the record's input hashes
/// are the files', each cell's row of the summary is what the test counts from its file, the
/// totals are the sums, every folder is a complete set and its zip was made from it.
fn assert_truth(data: &Path, out: &Path) {
    let rec: Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap())
        .expect("the record reads");
    let cells = rec["cells"].as_object().unwrap();
    let files: Vec<PathBuf> = std::fs::read_dir(data)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(cells.len(), files.len(), "one cell per data file");
    let rows = csv_rows(&out.join("tong-hop.csv"));
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let mut sums = [0u32; 7];
    for (slug, c) in cells {
        let input = PathBuf::from(c["input"].as_str().unwrap());
        let input = if input.is_absolute() {
            input
        } else {
            data.parent().unwrap().join(input)
        };
        let text = std::fs::read_to_string(&input).unwrap();
        assert_eq!(
            c["input_sha256"].as_str().unwrap(),
            hoso::output::manifest::sha256(text.as_bytes()),
            "{slug}: the record holds the input it was built from"
        );
        // the folder's own manifest says the same, and its zip was made from it
        let own: Value =
            serde_json::from_slice(&std::fs::read(out.join(slug).join("manifest.json")).unwrap())
                .unwrap();
        assert_eq!(own["input_sha256"], c["input_sha256"], "{slug}");
        let zip =
            zip::ZipArchive::new(std::fs::File::open(out.join(format!("{slug}.zip"))).unwrap())
                .unwrap();
        let stamp = format!(
            "hoso manifest {}",
            hoso::output::manifest::sha256(
                &std::fs::read(out.join(slug).join("manifest.json")).unwrap()
            )
        );
        assert_eq!(
            zip.comment(),
            stamp.as_bytes(),
            "{slug}.zip is of its folder"
        );
        let (name, upper, members, reviewed, rated, levels) = counted(&text);
        let row = rows
            .iter()
            .find(|r| r.len() > 4 && r[col("Chi bộ")] == name)
            .unwrap_or_else(|| panic!("{name} has a row"));
        assert_eq!(row[col("Đơn vị cấp trên")], upper);
        assert_eq!(row[col("Tổng số đảng viên")], members.to_string(), "{name}");
        assert_eq!(row[col("Được kiểm điểm")], reviewed.to_string(), "{name}");
        assert_eq!(row[col("Được xếp loại")], rated.to_string(), "{name}");
        for (i, l) in hoso::data::Rating::ALL.iter().enumerate() {
            assert_eq!(
                row[col(&format!("{} (số lượng)", l.short()))],
                levels[i].to_string(),
                "{name} {}",
                l.short()
            );
        }
        sums[0] += members;
        sums[1] += reviewed;
        sums[2] += rated;
        for i in 0..4 {
            sums[3 + i] += levels[i];
        }
    }
    let total = rows
        .iter()
        .find(|r| r[col("Chi bộ")].starts_with("Cộng năm 2026"))
        .expect("a totals row");
    assert_eq!(total[col("Tổng số đảng viên")], sums[0].to_string());
    assert_eq!(total[col("Được kiểm điểm")], sums[1].to_string());
    assert_eq!(total[col("Được xếp loại")], sums[2].to_string());
    for (i, l) in hoso::data::Rating::ALL.iter().enumerate() {
        assert_eq!(
            total[col(&format!("{} (số lượng)", l.short()))],
            sums[3 + i].to_string()
        );
    }
    // nothing left behind: no lock, no temporary file
    let litter: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("hoso-") || n.ends_with(".hoso-tam"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

/// Starts `hoso archive data --out out` with `extra` arguments and the environment `env`.
fn start(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> std::process::Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hoso"));
    c.args(["archive", "du-lieu", "--out", "luu-tru"])
        .args(extra)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    c.spawn().unwrap()
}

#[test]
fn a_forced_run_killed_at_any_moment_leaves_the_next_run_the_truth_of_the_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("du-lieu");
    let cells = 40;
    write_district(&data, cells, false);
    let started = Instant::now();
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = started.elapsed();
    assert_truth(&data, &dir.join("luu-tru"));
    let mut second = false;
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut random = |n: u64| {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        seed.wrapping_mul(0x2545F4914F6CDD1D) % n.max(1)
    };
    for round in 0..10 {
        second = !second;
        write_district(&data, cells, second);
        // most rounds at a random moment; some while the summary or the record is written
        let pause = match round % 6 {
            4 => Some("summary"),
            5 => Some("record"),
            _ => None,
        };
        let env: Vec<(&str, &str)> = pause.map(|p| ("HOSO_TEST_PAUSE", p)).into_iter().collect();
        let mut child = start(dir, &["--force"], &env);
        match pause {
            Some(p) => {
                let err = child.stderr.take().unwrap();
                let line = BufReader::new(err)
                    .lines()
                    .map_while(Result::ok)
                    .find(|l| l.contains("hoso-test-pause"))
                    .unwrap_or_default();
                assert!(line.contains(p), "paused at {p}: {line}");
            }
            None => std::thread::sleep(Duration::from_millis(random(full.as_millis() as u64))),
        }
        let _ = child.kill();
        let _ = child.wait();
        let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
        assert!(o.status.success(), "round {round}: {}", stderr(&o));
        assert_truth(&data, &dir.join("luu-tru"));
    }
}

/// A small file system of `mb` megabytes at `at`, unmounted when dropped; `None` where this
/// process may not mount one.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path, mb: u32) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_exits_2_in_vietnamese_keeps_the_previous_outputs_and_the_next_run_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("o-dia");
    let disk = SmallDisk::mount(&dir, 96);
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("du-lieu");
    write_district(&data, 12, false);
    let o = hoso(&dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    write_district(&data, 12, true);
    // the disk fills: a real one where this test may mount one, else a write refused as a full
    // disk refuses it
    let (o, filler) = match &disk {
        Some(_) => {
            let filler = dir.join("day.bin");
            // leave room for a few files only
            let free = {
                let st = nix_free(&dir);
                st.saturating_sub(1_500_000)
            };
            std::fs::write(&filler, vec![0u8; free as usize]).unwrap();
            (
                hoso(&dir, &["archive", "du-lieu", "--out", "luu-tru", "--force"]),
                Some(filler),
            )
        }
        None => {
            let o = Command::new(env!("CARGO_BIN_EXE_hoso"))
                .args(["archive", "du-lieu", "--out", "luu-tru", "--force"])
                .current_dir(&dir)
                .env("HOSO_TEST_DISK_FULL_AFTER", "40")
                .output()
                .unwrap();
            (o, None)
        }
    };
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("ổ đĩa đã đầy"), "{err}");
    assert!(err.contains("luu-tru"), "names the path: {err}");
    assert!(!err.contains("dữ liệu còn lỗi"), "{err}");
    assert!(
        !err.contains("StorageFull") && !err.contains("ZipWriter"),
        "{err}"
    );
    // every folder a whole set with its own zip, whichever version it holds; the record as before
    // or the truth
    let out = dir.join("luu-tru");
    for e in std::fs::read_dir(&out).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() && !e.file_name().to_string_lossy().starts_with('.') {
            let slug = e.file_name().to_string_lossy().into_owned();
            let zip =
                zip::ZipArchive::new(std::fs::File::open(out.join(format!("{slug}.zip"))).unwrap())
                    .unwrap();
            let stamp = format!(
                "hoso manifest {}",
                hoso::output::manifest::sha256(&std::fs::read(p.join("manifest.json")).unwrap())
            );
            assert_eq!(
                zip.comment(),
                stamp.as_bytes(),
                "{slug}: folder and zip together"
            );
        }
    }
    let record = std::fs::read(out.join("manifest.json")).unwrap();
    assert!(serde_json::from_slice::<Value>(&record).is_ok());
    if let Some(f) = filler {
        std::fs::remove_file(f).unwrap();
    }
    let o = hoso(&dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_truth(&data, &out);
}

/// Bytes free on the file system holding `p`.
fn nix_free(p: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(p)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn years_apart_upper_units_named_doubles_refused_and_gone_inputs_retired() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("du-lieu");
    std::fs::create_dir_all(&data).unwrap();
    // the 2020 cell and the 2026 one, and two 2026 cells of the same name under two wards
    std::fs::copy(fixture(), data.join("nvt-2020.yaml")).unwrap();
    std::fs::copy(fixture_2025(), data.join("cntt-2026.yaml")).unwrap();
    for (file, ward) in [("dong-a.yaml", "An Phú"), ("dong-b.yaml", "Tân Định")] {
        let text = hoso::synthetic::cell(4, 1);
        let text = replace_line(&text, "  ten: ", "  ten: Chi bộ Thôn Đông");
        let text = replace_line(
            &text,
            "  cap_tren: ",
            &format!("  cap_tren: Đảng bộ xã {ward}"),
        );
        std::fs::write(data.join(file), text).unwrap();
    }
    // the same file reached twice (a hard link) and a copy of a file
    std::fs::hard_link(data.join("dong-a.yaml"), data.join("dong-a-lien-ket.yaml")).unwrap();
    std::fs::copy(data.join("dong-b.yaml"), data.join("dong-b-ban-sao.yaml")).unwrap();
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("du-lieu/dong-a-lien-ket.yaml") && err.contains("cùng một tệp"),
        "{err}"
    );
    assert!(
        err.contains("du-lieu/dong-b.yaml") && err.contains("du-lieu/dong-b-ban-sao.yaml"),
        "{err}"
    );
    let out = dir.join("luu-tru");
    let rows = csv_rows(&out.join("tong-hop.csv"));
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    // one totals row per year; never both years added together
    let totals: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[col("Chi bộ")].starts_with("Cộng"))
        .collect();
    assert_eq!(totals.len(), 2, "{rows:?}");
    assert!(totals[0][col("Chi bộ")].starts_with("Cộng năm 2020 (1 chi bộ)"));
    assert!(totals[1][col("Chi bộ")].starts_with("Cộng năm 2026 (3 chi bộ)"));
    // the two "Thôn Đông" cells told apart by their upper unit
    let dong: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[col("Chi bộ")] == "Chi bộ Thôn Đông")
        .collect();
    assert_eq!(dong.len(), 2);
    assert_ne!(
        dong[0][col("Đơn vị cấp trên")],
        dong[1][col("Đơn vị cấp trên")]
    );
    // the document: a table per year, the failing level named as the form names it
    for text in [
        squeeze(&docx_text(&out.join("tong-hop.docx"))),
        squeeze(&pdf_text(&out.join("tong-hop.pdf"))),
    ] {
        assert!(text.contains("Kết quả kiểm điểm năm 2020"), "{text}");
        assert!(text.contains("Kết quả kiểm điểm năm 2026"), "{text}");
        assert!(
            text.contains("Không hoàn thành nhiệm vụ: 0 đ/c, chiếm 0%"),
            "{text}"
        );
        assert!(!text.contains(", đạt "), "{text}");
        assert!(text.contains("Đảng bộ xã An Phú") && text.contains("Đảng bộ xã Tân Định"));
    }

    // a data file deleted: its folder and zip leave the archive, kept in .cu/
    let rec: Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let slug_of = |file: &str| {
        rec["cells"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(_, c)| c["input"].as_str().unwrap().ends_with(file))
            .map(|(s, _)| s.clone())
            .unwrap()
    };
    let gone = slug_of("nvt-2020.yaml");
    std::fs::remove_file(data.join("nvt-2020.yaml")).unwrap();
    // and a file moved: the same cell, under its new path
    let moved = slug_of("cntt-2026.yaml");
    std::fs::create_dir_all(data.join("khoa")).unwrap();
    std::fs::rename(
        data.join("cntt-2026.yaml"),
        data.join("khoa/cntt-2026.yaml"),
    )
    .unwrap();
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!out.join(&gone).exists() && !out.join(format!("{gone}.zip")).exists());
    assert!(out.join(".cu").join(&gone).join("manifest.json").is_file());
    assert!(out.join(".cu").join(format!("{gone}.zip")).is_file());
    assert!(err.contains("không còn"), "{err}");
    let rec: Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let cells = rec["cells"].as_object().unwrap();
    assert!(!cells.contains_key(&gone));
    assert!(
        cells[&moved]["input"]
            .as_str()
            .unwrap()
            .ends_with("khoa/cntt-2026.yaml"),
        "{:?}",
        cells[&moved]
    );
    let rows = csv_rows(&out.join("tong-hop.csv"));
    assert!(
        !rows.iter().any(|r| r.iter().any(|c| c.contains("2020"))),
        "{rows:?}"
    );
}

/// `text` with the first line starting with `prefix` replaced by `line`.
fn replace_line(text: &str, prefix: &str, line: &str) -> String {
    let mut done = false;
    text.lines()
        .map(|l| {
            if !done && l.starts_with(prefix) {
                done = true;
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn the_workbook_holds_the_csvs_figures_as_numbers_and_its_totals_as_formulas() {
    use calamine::{Data, DataType, Reader, Xlsx};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("du-lieu");
    write_district(&data, 6, false);
    std::fs::copy(fixture(), data.join("nvt-2020.yaml")).unwrap();
    let o = hoso(dir, &["archive", "du-lieu", "--out", "luu-tru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.join("luu-tru");
    let csv = csv_rows(&out.join("tong-hop.csv"));
    let mut wb: Xlsx<_> = calamine::open_workbook(out.join("tong-hop.xlsx")).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        ["Năm 2020 (QĐ 132)", "Năm 2026 (QĐ 366)"],
        "{names:?}"
    );
    let head = &csv[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let mut by_sheet: BTreeMap<String, Vec<Vec<Data>>> = BTreeMap::new();
    for n in &names {
        let range = wb.worksheet_range(n).unwrap();
        by_sheet.insert(n.clone(), range.rows().map(|r| r.to_vec()).collect());
    }
    for row in csv
        .iter()
        .skip(1)
        .filter(|r| !r[col("Chi bộ")].starts_with("Cộng"))
    {
        let sheet = &by_sheet[&format!("Năm {} ({})", row[col("Năm")], row[col("Quy định")])];
        let x = sheet
            .iter()
            .find(|r| r[2] == Data::String(row[col("Chi bộ")].clone()))
            .unwrap_or_else(|| panic!("{} in the workbook", row[col("Chi bộ")]));
        // real numbers, not text
        assert_eq!(
            x[4],
            Data::Float(row[col("Tổng số đảng viên")].parse::<f64>().unwrap())
        );
        assert_eq!(
            x[6],
            Data::Float(row[col("Được xếp loại")].parse::<f64>().unwrap())
        );
        let good = x[10].as_f64().unwrap();
        let share = x[11].as_f64().unwrap();
        let rated = x[6].as_f64().unwrap();
        assert!(
            (share - good / rated).abs() < 1e-9,
            "a share is a number: {share}"
        );
    }
    // the totals are formulas, and each sums its column's rows: computed here from the cells
    let formulas = wb.worksheet_formula("Năm 2026 (QĐ 366)").unwrap();
    let values = &by_sheet["Năm 2026 (QĐ 366)"];
    let mut sums = 0;
    for (r, row) in formulas.rows().enumerate() {
        for (c, f) in row.iter().enumerate() {
            let Some(range) = f.strip_prefix("SUM(").and_then(|x| x.strip_suffix(')')) else {
                continue;
            };
            let (from, to) = range.split_once(':').unwrap();
            let rows_of = |cell: &str| -> usize {
                cell.trim_start_matches(|ch: char| ch.is_ascii_alphabetic())
                    .parse()
                    .unwrap()
            };
            let start = formulas.start().unwrap();
            let at = (start.0 as usize + r, start.1 as usize + c);
            let want: f64 = (rows_of(from)..=rows_of(to))
                .map(|excel_row| values[excel_row - 1][at.1].as_f64().unwrap())
                .sum();
            assert_eq!(values[at.0][at.1].as_f64(), Some(want), "{f} at {at:?}");
            sums += 1;
        }
    }
    assert_eq!(sums, 8, "a sum for each count");
    // and LibreOffice computes them to the CSV's totals
    let lo = dir.join("lo");
    std::fs::create_dir_all(&lo).unwrap();
    let status = Command::new(require("soffice", "libreoffice-writer-nogui"))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,1066,false,true,true,false,false,-1",
            "--outdir",
        ])
        .arg(&lo)
        .arg(out.join("tong-hop.xlsx"))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let sheet = std::fs::read_dir(&lo)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("2026"))
        .expect("the 2026 sheet as CSV");
    let computed: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&sheet)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let lo_total = computed
        .iter()
        .find(|r| r.get(2).is_some_and(|c| c.starts_with("Cộng năm 2026")))
        .expect("the totals row");
    let csv_total = csv
        .iter()
        .find(|r| r[col("Chi bộ")].starts_with("Cộng năm 2026"))
        .unwrap();
    assert_eq!(
        lo_total[4].replace('.', ""),
        csv_total[col("Tổng số đảng viên")]
    );
    assert_eq!(
        lo_total[6].replace('.', ""),
        csv_total[col("Được xếp loại")]
    );
    assert_eq!(
        lo_total[10].replace('.', ""),
        csv_total[col("HTTNV (số lượng)")]
    );
    // a share shown with a decimal comma, the CSV's figure
    let number = |s: &str| {
        s.trim_end_matches('%')
            .replace(',', ".")
            .parse::<f64>()
            .unwrap()
    };
    assert!(lo_total[11].contains(','), "{lo_total:?}");
    assert!(
        (number(&lo_total[11]) - number(&csv_total[col("HTTNV (tỷ lệ %)")])).abs() < 0.006,
        "{lo_total:?}"
    );
}

#[test]
fn large_figures_are_written_with_vietnamese_separators() {
    use hoso::data::district::{Group, Row};
    let row = |cell: &str, members: u32| Row {
        cell: cell.into(),
        upper: "Đảng bộ phường An Phú".into(),
        year: 2026,
        regulation: "QĐ 366".into(),
        members,
        reviewed: members,
        rated: members,
        levels: [members / 10, members - members / 10 - 1, 1, 0],
        pending: 0,
        cell_level: Some(1),
    };
    let groups = [Group {
        year: 2026,
        regulation: "QĐ 366".into(),
        rows: vec![row("Chi bộ A", 2500), row("Chi bộ B", 1665)],
    }];
    let date = chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    let doc = hoso::documents::tong_hop::build(&Default::default(), &groups, &[], date);
    let text = serde_json::to_string(&doc).unwrap();
    // 2.500 + 1.665 = 4.165 members; 416 of 4.165 at the first level: 9,99 %
    assert!(text.contains("Đảng viên: 4.165 đ/c"), "{text}");
    assert!(text.contains("\"2.500\""), "{text}");
    assert!(text.contains("chiếm 9,99%"), "{text}");
}
