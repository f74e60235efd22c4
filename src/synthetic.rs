//! Synthetic data for tests and benchmarks: valid cells of any size, varied as a district's cells
//! are (names, posts, 2A/2B/2C members, probationary, absent and exempted members, one "xuất
//! sắc" within the quota), every figure consistent with the 2025 rules, so that large inputs can
//! be built without real members' data.

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Minh", "Ngọc", "Quốc", "Thu", "Hữu", "Thanh"];
const GIVEN: [&str; 16] = [
    "An", "Bình", "Cường", "Dũng", "Hạnh", "Khoa", "Lan", "Mai", "Sơn", "Thủy", "Tâm", "Hòa",
    "Phúc", "Trang", "Việt", "Yến",
];
const UNITS: [&str; 6] = [
    "Trường Tiểu học",
    "Trường THCS",
    "Trường Mầm non",
    "Trạm Y tế",
    "Khu phố",
    "Văn phòng",
];
const PLACES: [&str; 8] = [
    "Hòa Bình",
    "An Phú",
    "Tân Định",
    "Phước Long",
    "Bình Minh",
    "Long Thạnh",
    "Hiệp Phú",
    "Thạnh Mỹ",
];

/// How a member of the synthetic cell takes part.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// Official, present, votes.
    Voter,
    /// Probationary (admitted ten months before the meeting): rated, does not vote.
    Probationary,
    /// Absent with a reason: rated later, no ballot.
    Absent,
    /// Exempted from party activity: neither reviewed nor rated.
    Exempted,
}

fn role(i: usize, n: usize) -> Role {
    match i {
        0..=2 => Role::Voter,
        _ if n >= 15 && i == n - 1 => Role::Exempted,
        _ if i % 11 == 8 => Role::Absent,
        _ if i % 7 == 5 => Role::Probationary,
        _ => Role::Voter,
    }
}

/// The cell number `seed` of a district: `n` members (at least 3), its meeting in December 2026.
/// Two seeds give two different cells; `seed` also sets the plan's number, so that two builds
/// of one size differ.
pub fn cell(n: usize, seed: u32) -> String {
    let n = n.max(3);
    let s = seed as usize;
    let place = PLACES[s % PLACES.len()];
    let unit = UNITS[(s / PLACES.len()) % UNITS.len()];
    let roles: Vec<Role> = (0..n).map(|i| role(i, n)).collect();
    let voters = roles.iter().filter(|r| **r == Role::Voter).count();
    let excellent = if n >= 9 { Some(3) } else { None };
    let mut y = String::new();
    y.push_str(&format!(
        "nam: 2026\nchi_bo:\n  ten: Chi bộ {unit} {place} {seed}\n  cap_tren: Đảng bộ phường {place}\n  ky_hieu: CB\n  dia_danh: TP. Hồ Chí Minh\ndang_vien:\n"
    ));
    for (i, r) in roles.iter().enumerate() {
        let name = format!(
            "{} {} {}",
            FAMILY[(i + s) % FAMILY.len()],
            MIDDLE[(i / FAMILY.len() + s) % MIDDLE.len()],
            GIVEN[(i / (FAMILY.len() * MIDDLE.len()) + i + s) % GIVEN.len()]
        );
        let post = match i {
            0 => "bi_thu",
            1 => "pho_bi_thu",
            2 => "chi_uy_vien",
            _ => "dang_vien",
        };
        let (kind, admitted) = match r {
            Role::Probationary => ("du_bi", "18/02/2026".to_string()),
            _ => ("chinh_thuc", format!("19/05/{}", 1990 + (i + s) % 30)),
        };
        let job = if i % 9 == 4 {
            "Giáo viên nghỉ hưu"
        } else {
            "Viên chức"
        };
        y.push_str(&format!(
            "  - ma: m{i}\n    ho_ten: {name}\n    ngay_sinh: 12/03/{}\n    gioi_tinh: {}\n    chuc_vu_dang: {post}\n    loai: {kind}\n    ngay_vao_dang: {admitted}\n    nghe_nghiep: {job}\n    don_vi: {unit} {place}\n",
            1960 + (i + s) % 40,
            if i % 2 == 0 { "nam" } else { "nu" },
        ));
        if i == 0 {
            y.push_str("    lanh_dao_quan_ly: true\n");
        }
        if *r == Role::Exempted {
            y.push_str("    sinh_hoat_dang: mien_sinh_hoat\n");
            continue;
        }
        let top = excellent == Some(i);
        // now and then a member who only completed their tasks (65 points: band 50–69)
        let plain = !top && i > 2 && (i + s) % 13 == 6;
        let (score, level) = if top {
            (
                "{ chung: 28, nhiem_vu: 64 }".to_string(),
                "hoan_thanh_xuat_sac",
            )
        } else if plain {
            ("{ chung: 20, nhiem_vu: 45 }".to_string(), "hoan_thanh")
        } else {
            (
                format!("{{ chung: 25, nhiem_vu: {} }}", 50 + (i + s) % 10),
                "hoan_thanh_tot",
            )
        };
        y.push_str(&format!(
            "    kiem_diem:\n      tu_cham_diem: {score}\n      tu_xep_loai_dang_vien: {level}\n"
        ));
        if top {
            y.push_str("    ket_qua: { so_nhiem_vu: 10, vuot_muc: 4, han_che_ky_truoc: 1, da_khac_phuc: 1 }\n");
        }
        match r {
            Role::Absent if plain => y.push_str("    danh_gia:\n      xep_loai: hoan_thanh\n"),
            Role::Absent => y.push_str("    danh_gia:\n      xep_loai: hoan_thanh_tot\n"),
            _ if top => y.push_str(&format!(
                "    danh_gia:\n      phieu: {{ xuat_sac: {voters} }}\n"
            )),
            _ if plain => y.push_str(&format!(
                "    danh_gia:\n      phieu: {{ hoan_thanh: {voters} }}\n"
            )),
            _ => y.push_str(&format!(
                "    danh_gia:\n      phieu: {{ tot: {voters} }}\n"
            )),
        }
    }
    y.push_str(&format!(
        "ke_hoach:\n  so: {seed}\n  ngay: 01/12/2026\n  gui_du_thao: 11/12/2026\n  trich_yeu: tổ chức kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2026\n  muc_dich_yeu_cau:\n    - Kiểm điểm, đánh giá đúng kết quả thực hiện nhiệm vụ.\n  thoi_gian:\n    - tu: 01/12/2026\n      den: 18/12/2026\n      viec:\n        - noi_dung: Tổ chức hội nghị kiểm điểm\n          ngay: 18/12/2026\n    - tu: 19/12/2026\n      den: 23/12/2026\n      viec:\n        - Gửi báo cáo kết quả kiểm điểm về Đảng ủy.\n  phan_cong:\n    - nguoi: [m0]\n      viec:\n        - Chủ trì hội nghị kiểm điểm.\n  noi_nhan:\n    - Đảng ủy phường {place}\n  nguoi_ky: m0\n"
    ));
    y.push_str("hoi_nghi:\n  ngay: 18/12/2026\n  bat_dau: \"14:00\"\n  dia_diem: Phòng họp\n  chu_tri: m0\n  thu_ky: m1\n");
    let absent: Vec<usize> = (0..n).filter(|i| roles[*i] == Role::Absent).collect();
    if !absent.is_empty() {
        y.push_str("  vang:\n");
        for i in absent {
            y.push_str(&format!("    - ma: m{i}\n      ly_do: đi công tác\n"));
        }
    }
    y.push_str(&format!(
        "  phieu_chi_bo: {{ tot: {voters} }}\n  bien_ban:\n    ket_luan: Hội nghị thống nhất đề nghị công nhận chi bộ hoàn thành tốt nhiệm vụ.\nbao_cao_tap_the:\n  ngay: 10/12/2026\n  tu_cham_diem: {{ chung: 27, nhiem_vu: 61 }}\n  tu_xep_loai: hoan_thanh_tot\nbao_cao_ket_qua:\n  ngay: 21/12/2026\n  kinh_gui: Ban Tổ chức Đảng ủy phường {place}\n"
    ));
    y
}

/// A district of `cells` cells of about `members` members each (±2, at least 3), varied by
/// seed: (file name, YAML) pairs.
pub fn district(cells: usize, members: usize) -> Vec<(String, String)> {
    (0..cells)
        .map(|c| {
            let n = (members + c % 5).saturating_sub(2).max(3);
            (format!("chi-bo-{:03}.yaml", c + 1), cell(n, c as u32 + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_cells_of_any_size_check_clean() {
        for (n, seed) in [
            (3, 0),
            (4, 2),
            (5, 9),
            (6, 4),
            (9, 5),
            (10, 13),
            (11, 8),
            (12, 3),
            (15, 1),
            (40, 7),
            (120, 3),
            (25, 6),
            (26, 19),
        ] {
            let d = crate::data::load_str("x.yaml", &super::cell(n, seed))
                .unwrap_or_else(|e| panic!("{n}/{seed}: {e:#?}"));
            let diags = crate::review::check(&d);
            assert!(diags.is_empty(), "{n}/{seed}: {diags:#?}");
            assert_eq!(d.members.len(), n);
        }
    }
}
