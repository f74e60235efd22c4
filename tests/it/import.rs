//! `hoso nhap`: a member list typed into a spreadsheet goes into the data file — added or
//! updated, every other byte of the file kept — and every problem of the sheet is named at its
//! cell, all at once, with nothing written.

use std::path::Path;
use std::process::Command;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::common::{fixture, fixture_2025, hoso, require, stderr};

/// A list as a ward's office keeps it: a merged title over the headers, an empty row, dates as
/// date cells, as serials without a date format and as text, names in capitals.
fn write_list(path: &Path, rows: &[[&str; 7]], serial_birth: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    let bold = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 6, "DANH SÁCH ĐẢNG VIÊN CHI BỘ NĂM 2026", &bold)
        .unwrap();
    let heads = [
        "STT",
        "Họ và tên",
        "Ngày, tháng, năm sinh",
        "Giới tính",
        "Ngày kết nạp",
        "Chức vụ Đảng",
        "Đơn vị công tác",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, r) in rows.iter().enumerate() {
        // row 4 (index 3) left empty
        let row = 4 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        sheet.write_string(row, 1, r[0]).unwrap();
        match hoso::vn::date::parse(r[1]) {
            Some(d) if serial_birth && i % 2 == 0 => {
                let serial =
                    (d - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
                sheet.write_number(row, 2, serial as f64).unwrap();
            }
            Some(d) if i % 2 == 1 => {
                use chrono::Datelike;
                let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                    .unwrap();
                sheet
                    .write_datetime_with_format(row, 2, &dt, &date)
                    .unwrap();
            }
            _ => {
                sheet.write_string(row, 2, r[1]).unwrap();
            }
        }
        for (c, v) in r.iter().enumerate().take(6).skip(2) {
            if !v.is_empty() {
                sheet.write_string(row, c as u16 + 1, *v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

const NEW: [[&str; 7]; 3] = [
    [
        "NGUYỄN VĂN MỚI",
        "12/03/1984",
        "Nam",
        "19/05/2010",
        "",
        "Phòng Đào tạo",
        "",
    ],
    [
        "Trần Thị Hoa",
        "01/01/1990",
        "Nữ",
        "2012-02-03",
        "Chi ủy viên",
        "Khoa Cơ khí",
        "",
    ],
    [
        "Đỗ Minh Tâm",
        "20/10/1988",
        "nam",
        "10/10/2015",
        "",
        "Phòng Tài chính",
        "",
    ],
];

/// The lines of `after` that are not in `before`, if `before`'s lines are all in it, in order
/// (an edit that only added lines).
fn added_lines(before: &str, after: &str) -> Option<Vec<String>> {
    let b: Vec<&str> = before.split_inclusive('\n').collect();
    let mut i = 0;
    let mut added = Vec::new();
    for l in after.split_inclusive('\n') {
        if i < b.len() && b[i] == l {
            i += 1;
        } else {
            added.push(l.trim_end().to_string());
        }
    }
    (i == b.len()).then_some(added)
}

#[test]
fn a_spreadsheet_list_adds_members_keeping_every_other_byte_and_the_file_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("chi-bo.yaml");
    std::fs::copy(fixture_2025(), &data).unwrap();
    let before = std::fs::read_to_string(&data).unwrap();
    write_list(&dir.join("ds.xlsx"), &NEW, true);

    // --xem shows and writes nothing
    let o = hoso(dir, &["nhap", "ds.xlsx", "--vao", "chi-bo.yaml", "--xem"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("thêm 3 đảng viên"));
    assert_eq!(std::fs::read_to_string(&data).unwrap(), before);

    let o = hoso(dir, &["nhap", "ds.xlsx", "--vao", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = std::fs::read_to_string(&data).unwrap();
    let added = added_lines(&before, &after).expect("only lines added");
    let want = [
        "  - ma: moi",
        "    ho_ten: Nguyễn Văn Mới",
        "    ngay_sinh: 12/03/1984",
        "    gioi_tinh: nam",
        "    chuc_vu_dang: dang_vien",
        "    loai: chinh_thuc",
        "    ngay_vao_dang: 19/05/2010",
        "    don_vi: Phòng Đào tạo",
    ];
    assert_eq!(&added[..want.len()], want, "{added:#?}");
    assert!(added.contains(&"    chuc_vu_dang: chi_uy_vien".to_string()));
    assert!(added.contains(&"    ngay_sinh: 01/01/1990".to_string()));
    assert!(added.contains(&"    ngay_vao_dang: 03/02/2012".to_string()));
    assert!(added.contains(&"    ngay_sinh: 20/10/1988".to_string()));
    assert_eq!(added.len(), 24, "{added:#?}");
    // the new members sit at the end of the member list, before the next section
    let list_end = after.find("\n  - ma: moi").unwrap();
    let next_section = after[list_end..]
        .split('\n')
        .skip(1)
        .find(|l| !l.starts_with(' ') && !l.starts_with('#') && !l.is_empty())
        .unwrap();
    assert!(!next_section.starts_with('-'), "{next_section}");

    let o = hoso(dir, &["check", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("đảng viên"));

    // the same list again changes nothing
    let o = hoso(dir, &["nhap", "ds.xlsx", "--vao", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("3 đảng viên không có gì thay đổi"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(std::fs::read_to_string(&data).unwrap(), after);
}

#[test]
fn a_member_already_in_the_file_is_updated_on_the_lines_that_change_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("chi-bo.yaml");
    std::fs::copy(fixture(), &data).unwrap();
    let before = std::fs::read_to_string(&data).unwrap();
    // Lê Thị Ly (12/03/1972) moves unit; Nguyễn Văn Nam (2/9/1978 in the file) is as written
    std::fs::write(
        dir.join("ds.csv"),
        "Họ tên;Ngày sinh;Đơn vị công tác;Chức vụ đoàn thể\n\
         LÊ THỊ LY;12/03/1972;Trường THPT Thủ Đức;\n\
         Nguyễn Văn Nam;02/09/1978;Trường THPT Nguyễn Văn Tăng;Chủ tịch Công đoàn\n",
    )
    .unwrap();
    let o = hoso(dir, &["nhap", "ds.csv", "--vao", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = std::fs::read_to_string(&data).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed[0],
        (
            "    don_vi: Trường THPT Nguyễn Văn Tăng",
            "    don_vi: Trường THPT Thủ Đức"
        ),
        "{changed:#?}"
    );
    // Nam's post in the union is a line added under his entry, after his unit's key order
    let added = added_lines(&before.replacen(changed[0].0, changed[0].1, 1), &after)
        .expect("the rest only added");
    assert_eq!(added, ["    chuc_vu_doan_the: Chủ tịch Công đoàn"]);
    let nam = after.find("  - ma: nam\n").unwrap();
    let next = after[nam + 1..].find("  - ma: ").unwrap() + nam + 1;
    assert!(after[nam..next].contains("chuc_vu_doan_the: Chủ tịch Công đoàn"));
    let o = hoso(dir, &["check", "chi-bo.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn every_problem_of_a_sheet_is_named_at_its_cell_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("chi-bo.yaml");
    std::fs::copy(fixture_2025(), &data).unwrap();
    let before = std::fs::read(&data).unwrap();
    let rows = [
        NEW[0],
        // an impossible date (row 6), a gender nobody can read (row 7), an unknown post (row 8)
        ["Lê Văn Sai", "31/02/1990", "Nam", "01/01/2015", "", "", ""],
        ["Lê Văn Hai", "01/01/1991", "?", "01/01/2015", "", "", ""],
        [
            "Lê Văn Ba",
            "01/01/1992",
            "Nam",
            "01/01/2015",
            "Tổ trưởng",
            "",
            "",
        ],
        // the first person again (row 9), and one without an admission date (row 10)
        NEW[0],
        ["Lê Văn Bốn", "01/01/1993", "Nam", "", "", "", ""],
    ];
    write_list(&dir.join("ds.xlsx"), &rows, false);
    let o = hoso(dir, &["nhap", "ds.xlsx", "--vao", "chi-bo.yaml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for want in [
        "Danh sách!C6: ngày, tháng, năm sinh «31/02/1990» không phải một ngày có thật",
        "Danh sách!D7: giới tính «?» không rõ",
        "Danh sách!F8: chức vụ Đảng «Tổ trưởng» không rõ",
        "Danh sách!B9: Nguyễn Văn Mới (sinh 12/03/1984) đã có ở dòng 5",
        "Danh sách!E10: thiếu ngày kết nạp của Lê Văn Bốn",
        "5 lỗi; chưa ghi gì",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    assert_eq!(std::fs::read(&data).unwrap(), before);

    // a list without a birth-date column
    std::fs::write(dir.join("thieu.csv"), "Họ và tên,Giới tính\nLê Văn A,Nam\n").unwrap();
    let o = hoso(dir, &["nhap", "thieu.csv", "--vao", "chi-bo.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("thiếu cột «Ngày sinh»"),
        "{}",
        stderr(&o)
    );
    // a header nobody wrote, named with --cot
    std::fs::write(
        dir.join("cot.csv"),
        "Tên,Sinh,Phái,Vào Đảng\nLê Văn Năm,01/01/1990,Nam,01/01/2015\n",
    )
    .unwrap();
    let o = hoso(dir, &["nhap", "cot.csv", "--vao", "chi-bo.yaml", "--xem"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("không thấy hàng tiêu đề"),
        "{}",
        stderr(&o)
    );
    let o = hoso(
        dir,
        &[
            "nhap",
            "cot.csv",
            "--vao",
            "chi-bo.yaml",
            "--xem",
            "--cot",
            "ho_ten=A",
            "--cot",
            "ngay_sinh=Sinh",
            "--cot",
            "gioi_tinh=C",
            "--cot",
            "ngay_vao_dang=D",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Lê Văn Năm (mã nam)"));
    assert_eq!(std::fs::read(&data).unwrap(), before);
    // a data file that does not exist yet
    let o = hoso(dir, &["nhap", "cot.csv", "--vao", "moi.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("hoso init moi.yaml"), "{}", stderr(&o));
}

#[test]
fn a_list_saved_by_libreoffice_as_ods_is_read_as_the_xlsx_is() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_list(&dir.join("ds.xlsx"), &NEW, false);
    let o = Command::new(require("soffice", "libreoffice-calc-nogui"))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(dir)
        .arg(dir.join("ds.xlsx"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.join("ds.ods").is_file());
    let mut outs = Vec::new();
    for list in ["ds.xlsx", "ds.ods"] {
        let data = dir.join(format!("{list}.yaml"));
        std::fs::copy(fixture_2025(), &data).unwrap();
        let o = hoso(dir, &["nhap", list, "--vao", data.to_str().unwrap()]);
        assert!(o.status.success(), "{list}: {}", stderr(&o));
        outs.push(std::fs::read_to_string(&data).unwrap());
    }
    assert_eq!(outs[0], outs[1]);
    assert!(outs[1].contains("    ho_ten: Đỗ Minh Tâm\n    ngay_sinh: 20/10/1988\n"));
}

#[test]
fn keys_and_members_added_at_one_place_keep_their_order_and_the_files_line_endings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Windows line endings, entries at the left margin, a member with only a name and a birth
    // date, and a comment right after the list
    let before = "nam: 2026\r\ndang_vien:\r\n- ma: a\r\n  ho_ten: Lê Văn A\r\n  ngay_sinh: 1/1/1980\r\n# hết danh sách\r\nchi_bo:\r\n  ten: X\r\n";
    std::fs::write(dir.join("d.yaml"), before).unwrap();
    std::fs::write(
        dir.join("ds.csv"),
        "Họ tên,Ngày sinh,Giới tính,Ngày vào Đảng,Chức vụ Đảng,Đơn vị\n\
         Lê Văn A,01/01/1980,Nam,1/1/2000,,Phòng A\n\
         Trần Thị Bê,2/2/1985,Nữ,1/1/2001,Bí thư,Phòng B\n",
    )
    .unwrap();
    let o = hoso(dir, &["nhap", "ds.csv", "--vao", "d.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = std::fs::read_to_string(dir.join("d.yaml")).unwrap();
    assert_eq!(
        after,
        "nam: 2026\r\ndang_vien:\r\n- ma: a\r\n  ho_ten: Lê Văn A\r\n  ngay_sinh: 1/1/1980\r\n\
         \x20 gioi_tinh: nam\r\n  chuc_vu_dang: dang_vien\r\n  loai: chinh_thuc\r\n  ngay_vao_dang: 01/01/2000\r\n  don_vi: Phòng A\r\n\
         - ma: be\r\n  ho_ten: Trần Thị Bê\r\n  ngay_sinh: 02/02/1985\r\n  gioi_tinh: nu\r\n  chuc_vu_dang: bi_thu\r\n  loai: chinh_thuc\r\n  ngay_vao_dang: 01/01/2001\r\n  don_vi: Phòng B\r\n\
         # hết danh sách\r\nchi_bo:\r\n  ten: X\r\n"
    );
}
