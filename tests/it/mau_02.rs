//! Mẫu 02: one self-review per member in mau-02/<slug>, prefilled; the leader variant for
//! members holding a leadership post; what is not written is left as dotted lines.

use crate::common::*;

const LAN: &[&str] = &[
    "BẢN KIỂM ĐIỂM CÁ NHÂN",
    "Năm 2020",
    "Họ và tên: Trần Thị Lan",
    "Ngày sinh: 15/10/1985",
    "Chức vụ Đảng: Đảng viên",
    "Chức vụ chính quyền:",
    "Chức vụ đoàn thể: Bí thư Chi đoàn giáo viên",
    "Đơn vị công tác: Trường THPT Nguyễn Văn Tăng",
    "Chi bộ: THPT Nguyễn Văn Tăng",
    "I. Ưu điểm, kết quả đạt được",
    "1. Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc:",
    "Luôn giữ vững lập trường chính trị",
    "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém",
    "2. Về thực hiện chức trách, nhiệm vụ được giao:",
    "tỉ lệ học sinh đạt trung bình trở lên 97%",
    "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém",
    "3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm:",
    "Thực hiện đầy đủ bản cam kết",
    "II. Hạn chế, khuyết điểm và nguyên nhân",
    "1. Hạn chế, khuyết điểm:",
    "Việc đổi mới phương pháp dạy học",
    "2. Nguyên nhân của hạn chế, khuyết điểm:",
    "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
    "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém",
    "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
    "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
    "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
    "VII. Tự nhận mức xếp loại chất lượng",
    "1. Xếp loại cán bộ, công chức, viên chức:",
    "□ Hoàn thành xuất sắc nhiệm vụ",
    "■ Hoàn thành tốt nhiệm vụ",
    "□ Hoàn thành nhiệm vụ",
    "□ Không hoàn thành nhiệm vụ",
    "2. Xếp loại đảng viên:",
    "■ Hoàn thành tốt nhiệm vụ",
    "NGƯỜI TỰ KIỂM ĐIỂM",
    "(Ký, ghi rõ họ tên)",
    "Trần Thị Lan",
    "Đánh giá, xếp loại chất lượng công chức, viên chức",
    "- Nhận xét, đánh giá của người quản lý, sử dụng công chức, viên chức:",
    "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",
    "Đánh giá, xếp loại chất lượng đảng viên",
    "- Nhận xét, đánh giá của chi ủy:",
    "- Chi bộ đề xuất xếp loại mức chất lượng:",
    "T/M CHI ỦY",
    "- Đảng ủy Quận 9 xếp loại mức chất lượng:",
    "T/M ĐẢNG ỦY",
];

#[test]
fn every_member_gets_a_prefilled_self_review() {
    let (_t, out) = build(&fixture());
    let dir = out.join("mau-02");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // 15 members, Hoàng Văn Bình exempted: 14 self-reviews, each .docx and .pdf
    assert_eq!(files.len(), 28, "{files:?}");

    let pdf = pdf_text(&dir.join("tran-thi-lan.pdf"));
    let docx = docx_text(&dir.join("tran-thi-lan.docx"));
    assert_in_order("PDF", &pdf, LAN);
    assert_in_order("DOCX", &docx, LAN);
    // Three criteria for a member without a leadership post, two of them assessed, plus III.
    assert_eq!(docx.matches("Tự đánh giá về cấp độ thực hiện").count(), 3);
    assert!(!docx.contains("4. Trách nhiệm"));
    // The form's label in the top right corner of page 1.
    assert!(pdf.starts_with("Mẫu 02-HD KĐ.ĐG 2019"), "{}", &pdf[..80]);
    let rels = zip_part(
        &dir.join("tran-thi-lan.docx"),
        "word/_rels/document.xml.rels",
    );
    let headers: String = rels
        .split("Target=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .filter(|t| t.starts_with("header"))
        .map(|t| zip_part(&dir.join("tran-thi-lan.docx"), &format!("word/{t}")))
        .collect();
    assert!(headers.contains("Mẫu 02-HD KĐ.ĐG 2019"));
}

#[test]
fn a_leader_gets_the_leader_variant_with_lines_to_write_on() {
    let (_t, out) = build(&fixture());
    for text in [
        pdf_text(&out.join("mau-02/nguyen-van-nam.pdf")),
        docx_text(&out.join("mau-02/nguyen-van-nam.docx")),
    ] {
        assert_in_order(
            "leader",
            &text,
            &[
                "Năm 2020",
                "(Cá nhân giữ chức vụ lãnh đạo, quản lý)",
                "Họ và tên: Nguyễn Văn Nam",
                "Chức vụ Đảng: Phó Bí thư Chi bộ",
                "Chức vụ chính quyền: Phó Hiệu trưởng",
                "3. Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành",
                "4. Trách nhiệm trong công việc",
                "5. Trách nhiệm nêu gương của bản thân và gia đình",
                "6. Việc thực hiện cam kết tu dưỡng",
                "……………………",
                "NGƯỜI TỰ KIỂM ĐIỂM",
                "Nguyễn Văn Nam",
            ],
        );
        // Five assessed criteria plus III, none ticked: the member has only chosen the two
        // self-ratings of VII so far.
        assert_eq!(text.matches("Tự đánh giá về cấp độ thực hiện").count(), 6);
        assert_eq!(text.matches('■').count(), 2, "{text}");
    }
}

#[test]
fn a_district_label_replaces_the_default_and_extra_criteria_are_refused() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("d.yaml"),
        format!("{src}\nnhan_mau:\n  mau_02: Mẫu 02, Phụ lục 1\n"),
    )
    .unwrap();
    let o = hoso(
        tmp.path(),
        &[
            "build", "d.yaml", "--out", "out", "--only", "mau-02", "--member", "lan",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        pdf_text(&tmp.path().join("out/mau-02/tran-thi-lan.pdf")).starts_with("Mẫu 02, Phụ lục 1")
    );

    let extra = src.replacen(
        "        - noi_dung: Thực hiện đầy đủ bản cam kết tu dưỡng, rèn luyện, phấn đấu năm 2020.\n",
        "        - noi_dung: Thực hiện đầy đủ bản cam kết tu dưỡng, rèn luyện, phấn đấu năm 2020.\n        - noi_dung: Một tiêu chí thừa.\n",
        1,
    );
    std::fs::write(tmp.path().join("x.yaml"), &extra).unwrap();
    let o = hoso(tmp.path(), &["check", "x.yaml"]);
    let line = extra
        .lines()
        .position(|l| l.contains("Một tiêu chí thừa"))
        .unwrap()
        + 1;
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("x.yaml:{line}:")),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("chỉ có 3 tiêu chí"), "{}", stderr(&o));
}

#[test]
fn the_parts_others_fill_in_stand_apart_from_the_signature_above_them() {
    let bytes = std::fs::read(fixture()).unwrap();
    let d = hoso::data::load_bytes("f.yaml", &bytes).unwrap();
    let doc = hoso::documents::mau_02::build_all(&d)
        .find(|doc| doc.member.as_deref() == Some("ly"))
        .expect("the secretary's self-review");
    let pages = hoso::render::pdf::layout_lines(&doc).unwrap();
    let lines: Vec<_> = pages.iter().flatten().collect();
    let name = lines
        .iter()
        .position(|l| l.text == "Lê Thị Ly")
        .expect("the signer's name");
    let part = &lines[name + 1];
    assert_eq!(
        part.text,
        "Đánh giá, xếp loại chất lượng công chức, viên chức"
    );
    // a body line is 18 pt, a paragraph's space 6 pt: the part has 12 pt above its line
    assert!(
        part.y - lines[name].y >= 29.0,
        "the part {} pt under the name",
        part.y - lines[name].y
    );
    // .docx: twice the paragraph space above its heading (on the heading, or on the empty
    // paragraph before the row that keeps it with its lines)
    let (_t, out) = build(&fixture());
    let xml = zip_part(&out.join("mau-02/le-thi-ly.docx"), "word/document.xml");
    let at = xml
        .find("Đánh giá, xếp loại chất lượng công chức, viên chức")
        .unwrap();
    let from = xml[..at].rfind("Lê Thị Ly").unwrap();
    let between = &xml[from..at];
    assert!(between.contains("w:before=\"240\""), "{between}");
}

#[test]
fn the_upper_committees_decision_box_is_never_pre_typed_in_a_members_form() {
    // what another body decides is written by that body: dots in every member's form of both
    // fixtures, whatever the data knows of the decision
    for data in [fixture(), fixture_2025()] {
        let (_tmp, out) = build(&data);
        let dir = out.join("mau-02");
        let mut checked = 0;
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            let text = match p.extension().and_then(|x| x.to_str()) {
                Some("docx") => squeeze(&docx_text(&p)),
                Some("pdf") => squeeze(&pdf_text(&p)),
                _ => continue,
            };
            let label = "xếp loại mức chất lượng:";
            // the upper committee's line comes after the cell's signature
            let upper = text
                .rfind("T/M CHI")
                .unwrap_or_else(|| panic!("{}", p.display()));
            let at = upper + text[upper..].find(label).unwrap() + label.len();
            let end = at + text[at..].find("T/M ĐẢNG").unwrap();
            let boxed = &text[at..end];
            assert!(
                boxed
                    .chars()
                    .all(|c| c == '.' || c == '…' || c.is_whitespace()),
                "{}: the decision box holds {boxed:?}",
                p.display()
            );
            checked += 1;
        }
        assert!(checked >= 20, "{checked}");
    }
}

#[test]
fn the_forms_alternatives_are_chosen_by_the_data() {
    // a cell without committee members signs as the chi bộ; the upper level by its name
    let yaml = std::fs::read_to_string(fixture_2025())
        .unwrap()
        .replace("chuc_vu_dang: chi_uy_vien", "chuc_vu_dang: dang_vien");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), yaml).unwrap();
    let o = hoso(
        tmp.path(),
        &[
            "build", "d.yaml", "--out", "o", "--only", "mau-02", "--member", "hanh",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = squeeze(&pdf_text(&tmp.path().join("o/mau-02/nguyen-thi-hanh.pdf")));
    for want in [
        "- Nhận xét, đánh giá của chi bộ:",
        "T/M CHI BỘ",
        "- Đảng ủy Trường Cao đẳng Kỹ thuật Thủ Đức xếp loại mức chất lượng:",
        "T/M ĐẢNG ỦY",
        // whom the form is for: its own line under the summary
        "(Cá nhân giữ chức vụ lãnh đạo, quản lý)",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for never in ["(CHI BỘ)", "(CHI ỦY)", "chi ủy cơ sở", "T/M CHI ỦY"] {
        assert!(!text.contains(never), "{never} in {text}");
    }
    // the subtitle is italic, not bold
    let runs = pdf_font_runs(&tmp.path().join("o/mau-02/nguyen-thi-hanh.pdf"));
    let sub = runs
        .iter()
        .find(|r| r.text.contains("Cá nhân giữ chức vụ"))
        .unwrap();
    assert!(
        sub.font.contains("Italic") && !sub.font.contains("Bold"),
        "{}",
        sub.font
    );
}
