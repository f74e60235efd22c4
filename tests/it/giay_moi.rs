//! Giấy mời: one per invitee, in giay-moi/<slug>, with the meeting's time, computed weekday and
//! place, in both outputs; unique file names when names repeat.

use crate::common::*;

const EXPECTED: &[&str] = &[
    "ĐẢNG BỘ QUẬN 9",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CHI BỘ THPT NGUYỄN VĂN TĂNG",
    "TP. Hồ Chí Minh, ngày 21 tháng 12 năm 2020",
    "Số 03-GM/CBNVT",
    "GIẤY MỜI",
    "Chi bộ THPT Nguyễn Văn Tăng trân trọng kính mời:",
    "Đồng chí: Trần Văn Bình",
    "Chức vụ: Chuyên viên Ban Tổ chức Quận ủy Quận 9",
    "Tới dự: Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2020.",
    "Thời gian: 7 giờ 30 phút, thứ Sáu, ngày 25/12/2020.",
    "Địa điểm: Phòng họp Hội đồng sư phạm, Trường THPT Nguyễn Văn Tăng.",
    "Rất mong đồng chí đến dự đúng giờ.",
];

#[test]
fn the_guest_gets_an_invitation_with_the_meeting_details() {
    let (_t, out) = build(&fixture());
    let pdf = pdf_text(&out.join("giay-moi/tran-van-binh.pdf"));
    let docx = docx_text(&out.join("giay-moi/tran-van-binh.docx"));
    assert_in_order("PDF", &pdf, EXPECTED);
    assert_in_order("DOCX", &docx, EXPECTED);
    for text in [&pdf, &docx] {
        for w in [
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu Chi bộ.",
            "T/M CHI BỘ",
            "BÍ THƯ",
            "Lê Thị Ly",
        ] {
            assert!(text.contains(w), "{w} missing");
        }
    }
}

#[test]
fn members_too_get_invitations_with_unique_file_names() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let data = src
        .replacen("moi_ca_dang_vien: false", "moi_ca_dang_vien: true", 1)
        .replacen(
            "      chuc_vu: Chuyên viên Ban Tổ chức Quận ủy Quận 9\n",
            "      chuc_vu: Chuyên viên Ban Tổ chức Quận ủy Quận 9\n    - ho_ten: Trần Văn Bình\n",
            1,
        );
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("d.yaml");
    std::fs::write(&p, data).unwrap();
    let (_t, out) = build(&p);
    let mut names: Vec<String> = std::fs::read_dir(out.join("giay-moi"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            // Hoàng Văn Bình is exempted from party activity: not invited; Lê Thị Ly signs
            // the invitations: not invited by herself
            "bui-thi-thuy.pdf",
            "dang-minh-khoa.pdf",
            "do-ngoc-anh.pdf",
            "le-thi-thu.pdf",
            "ly-van-son.pdf",
            "ngo-thi-hoa.pdf",
            "nguyen-van-hung.pdf",
            "nguyen-van-nam.pdf",
            "pham-van-tuong.pdf",
            "phan-thi-mai.pdf",
            "tran-thi-lan.pdf",
            "tran-van-binh-2.pdf",
            "tran-van-binh.pdf",
            "truong-ngoc-anh.pdf",
            "vo-minh-duc.pdf",
        ]
    );
    let nam = docx_text(&out.join("giay-moi/nguyen-van-nam.docx"));
    assert!(nam.contains("Đồng chí: Nguyễn Văn Nam") && nam.contains("Chức vụ: Phó Bí thư Chi bộ"));
}

#[test]
fn a_guests_organisation_is_on_their_invitation() {
    let (_t, out) = build_edited(
        "      chuc_vu: Chuyên viên Ban Tổ chức Quận ủy Quận 9\n",
        "      chuc_vu: Chuyên viên Ban Tổ chức Quận ủy Quận 9\n      co_quan: Ban Tổ chức Quận ủy Quận 9\n",
    );
    for text in [
        pdf_text(&out.join("giay-moi/tran-van-binh.pdf")),
        docx_text(&out.join("giay-moi/tran-van-binh.docx")),
    ] {
        assert_in_order(
            "invitation",
            &text,
            &[
                "Đồng chí: Trần Văn Bình",
                "Chức vụ: Chuyên viên Ban Tổ chức Quận ủy Quận 9",
                "Cơ quan: Ban Tổ chức Quận ủy Quận 9",
                "Tới dự:",
            ],
        );
    }
}

#[test]
fn only_and_member_build_a_subset() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("d.yaml"),
        src.replacen("moi_ca_dang_vien: false", "moi_ca_dang_vien: true", 1),
    )
    .unwrap();
    let o = hoso(
        tmp.path(),
        &[
            "build", "d.yaml", "--out", "out", "--only", "giay-moi", "--member", "nam",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("out");
    assert!(
        out.join("giay-moi/nguyen-van-nam.pdf").exists()
            && out.join("giay-moi/nguyen-van-nam.docx").exists()
    );
    assert!(!out.join("ke-hoach.pdf").exists() && !out.join("giay-moi/tran-van-binh.pdf").exists());

    let o = hoso(
        tmp.path(),
        &["build", "d.yaml", "--out", "out", "--only", "ke-hoach"],
    );
    assert!(o.status.success());
    // The second, partial build keeps the first one's files in the manifest.
    let m = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(
        m.contains("giay-moi/nguyen-van-nam.pdf") && m.contains("ke-hoach.pdf"),
        "{m}"
    );

    for (args, says) in [
        (vec!["--only", "mau-99"], "không có loại văn bản «mau-99»"),
        (
            vec!["--member", "khong-co"],
            "không có đảng viên mã «khong-co»",
        ),
    ] {
        let mut all = vec!["build", "d.yaml", "--out", "out"];
        all.extend(args);
        let o = hoso(tmp.path(), &all);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
    }
}
