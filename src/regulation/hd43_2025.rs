//! Quy định 366-QĐ/TW (30/8/2025) and Hướng dẫn 43-HD/BTCTW (31/10/2025), used for the reviews
//! of 2025 onward: the forms 01, 2A, 2B, 2C with their 100-point self-assessment, the ballot and
//! Mẫu 04, the score bands, who is reviewed and rated, as one value (its documents and rules are
//! wired in `crate::review`).
//!
//! The wording follows the research's reproductions of the forms (regime-2026.md §2). What it
//! could not confirm — the corner labels' spelling ("2A" or "02A"), the sign-off blocks, the
//! wording of 2A and the subtitles of 2A and 2B — is the research's default here and a setting in
//! the data (`nhan_mau`), listed in the README as not yet checked against the original.

use super::scale::{Points, Rating, Subject};
use super::{
    CELL_PROPOSAL, CELL_SIGNS, CollectiveForm, CriterionForm, FormLabel, Guidance, Identity,
    NewMembers, OPEN_ENDED, Regulation, ReviewForm, ScoreForm, Scoring, SelfReviewForms, TailBlock,
    TailValue, Thresholds, UPPER_DECISION, UPPER_SIGNS,
};
use crate::doc::SignRole;

/// The regulation.
pub static HD43: Regulation = Regulation {
    id: "hd43-2025",
    name: "Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (mẫu năm 2025)",
    cite: "Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW",
    short: "QĐ 366",
    years: (2025, OPEN_ENDED),
    thresholds: Thresholds {
        excellent_quota_percent: 20,
        outstanding_quota_percent: Some(25),
        sick_leave_months: 3,
        months_since_admission: 6,
        probation_months: 12,
        heavy_discipline: &["khiển trách", "cảnh cáo", "cách chức", "khai trừ"],
    },
    new_members: NewMembers::Excluded,
    collective: &COLLECTIVE,
    self_review: &SELF_REVIEW,
    analysis: None,
    scoring: Some(&SCORING),
    // the label is the research's reading, not checked against the printed form
    file_list: Some(&FormLabel {
        key: "mau_04",
        label: "Mẫu 04-HD KĐ.ĐG 2025",
    }),
};

/// QĐ 366's scoring: two groups of criteria (30 and 70 points) and the bands of Điều 11.
const SCORING: Scoring = Scoring {
    part_a: "A. NỘI DUNG KIỂM ĐIỂM",
    part_b: "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
    groups: "I. Đánh giá theo các nhóm tiêu chí",
    general: ("1. Nhóm tiêu chí chung", Points::whole(30)),
    tasks: (
        "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ",
        Points::whole(70),
    ),
    total: ("Tổng điểm", Points::whole(100)),
    level: "II. Đề xuất xếp loại mức chất lượng",
    bands: [
        (Rating::Excellent, Points::whole(90)),
        (Rating::Good, Points::whole(70)),
        (Rating::Done, Points::whole(50)),
    ],
    cite: "Quy định 366-QĐ/TW, Điều 11",
};

/// The enclosure line of Mẫu 01 and 2B (2C has none in the reproduction the research read).
const ENCLOSURE: &str = "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ trong đó thể hiện sản phẩm tiến độ, chất lượng cụ thể - theo hướng dẫn của các cấp uỷ, tổ chức đảng)";
/// Mẫu 01's: the last line of its body, which ends with a full stop (HD 05 6.2.2).
const ENCLOSURE_01: &str = "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ trong đó thể hiện sản phẩm tiến độ, chất lượng cụ thể - theo hướng dẫn của các cấp uỷ, tổ chức đảng).";

/// Mẫu 01, the collective's report (regime-2026 §2.3; items 1–4 of I are QĐ 366 Điều 6 §1).
const COLLECTIVE: CollectiveForm = CollectiveForm {
    review: &ReviewForm {
        label_key: "mau_01",
        label: "Mẫu 01-HD KĐ.ĐG 2025",
        who: "tập thể",
        list_name: "Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể",
        title: "BÁO CÁO",
        summary: "kiểm điểm, tự đánh giá, xếp loại chất lượng của tập thể năm {nam}",
        subtitle: None,
        identity: &[],
        opening: Some(
            "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại địa phương (cơ quan, đơn vị); tập thể {tap_the} kiểm điểm, tự đánh giá, xếp loại chất lượng với các nội dung chủ yếu sau:",
        ),
        criteria: &[
            criterion(
                "Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.",
            ),
            criterion(
                "Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội nhiệm kỳ, kế hoạch, chương trình công tác năm, được cấp có thẩm quyền giao, phê duyệt và các nhiệm vụ phát sinh, đột xuất được cấp có thẩm quyền giao.",
            ),
            criterion(
                "Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; xây dựng tổ chức bộ máy tinh gọn, hoạt động hiệu năng, hiệu lực, hiệu quả; tinh giản biên chế gắn với cải cách hành chính và chuyển đổi số; năng lực, trách nhiệm của tập thể lãnh đạo, quản lý; trách nhiệm nêu gương; trách nhiệm giải trình; công tác đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí và ngăn chặn, đẩy lùi những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hoá\" trong nội bộ gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; công tác kiểm soát quyền lực, phòng, chống chạy chức, chạy quyền, lợi ích nhóm; xây dựng và thực hiện cơ chế công khai, minh bạch trong công tác cán bộ; công tác kiểm tra, giám sát, kỷ luật đảng và công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức, cá nhân.",
            ),
            criterion(
                "Trách nhiệm của tập thể lãnh đạo, quản lý trong triển khai thực hiện các chủ trương, đường lối, nghị quyết, văn bản chỉ đạo của Đảng, của cấp trên; thực hiện nhiệm vụ chính trị của địa phương, tổ chức, cơ quan, đơn vị.",
            ),
        ],
        levels: None,
        shortcomings: [
            "- Hạn chế, khuyết điểm.",
            "- Nguyên nhân của hạn chế, khuyết điểm.",
        ],
        responsibility: "V. Trách nhiệm của tập thể, cá nhân",
        guidance: Guidance {
            remedy: Some(
                "Kiểm điểm rõ từng hạn chế, khuyết điểm (đã được khắc phục; đang khắc phục, mức độ khắc phục; chưa được khắc phục); những khó khăn, vướng mắc (nếu có); trách nhiệm của tập thể, cá nhân có liên quan.",
            ),
            explanation: Some(
                "Giải trình từng vấn đề được gợi ý kiểm điểm, nêu nguyên nhân, xác định trách nhiệm của tập thể, cá nhân đối với từng vấn đề được gợi ý kiểm điểm.",
            ),
            responsibility: Some(
                "Về hạn chế, khuyết điểm trong thực hiện nhiệm vụ hoặc khi có dấu hiệu vi phạm; để xảy ra những vấn đề bức xúc, phức tạp, dư luận quan tâm; có đơn, thư khiếu nại, tố cáo; biểu hiện mất đoàn kết nội bộ; vi phạm nguyên tắc, quy định của Đảng; biểu hiện \"lợi ích nhóm\", tham nhũng, lãng phí, tiêu cực, suy thoái, \"tự diễn biến\", \"tự chuyển hoá\"; để tập thể, cá nhân thuộc quyền quản lý bị kỷ luật, khởi tố; trì trệ, yếu kém, không hoàn thành chức trách, nhiệm vụ được giao.",
            ),
        },
        score: Some(ScoreForm {
            intro: "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với tập thể được quy định tại Phụ lục 1, Quy định số 366-QĐ/TW, các tập thể tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:",
            enclosure: Some(ENCLOSURE_01),
        }),
    },
    rating_heading: None,
    enclosure: None,
};

const fn criterion(text: &'static str) -> CriterionForm {
    CriterionForm {
        text,
        assessed: false,
    }
}

/// A.I.1 of the individual forms (QĐ 366 Điều 6 §2.1).
const QUALITIES: CriterionForm = criterion(
    "Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc. Liên hệ các biểu hiện về suy thoái, \"tự diễn biến\", \"tự chuyển hoá\".",
);
/// A.I.2 of 2B (and 2A).
const DUTIES: CriterionForm = criterion(
    "Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm, gắn với hiệu quả, tiến độ, chất lượng công việc.",
);
/// A.I.3 (the last item of 2A).
const PLEDGE: CriterionForm =
    criterion("Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu của cá nhân theo quy định.");

const MEMBER_IDENTITY: &[Identity] = &[
    Identity::Name,
    Identity::BirthDate,
    Identity::Workplace,
    Identity::Cell,
];

const REMEDY: &str = "Kiểm điểm rõ từng hạn chế, khuyết điểm (đã được khắc phục; đang khắc phục, mức độ khắc phục; chưa được khắc phục); những khó khăn, vướng mắc (nếu có); trách nhiệm của cá nhân.";
const EXPLANATION: &str = "Giải trình từng vấn đề được gợi ý kiểm điểm, nêu nguyên nhân, xác định trách nhiệm của cá nhân đối với từng vấn đề được gợi ý kiểm điểm.";

/// Mẫu 2B, members without a leadership post (regime-2026 §2.4).
const FORM_2B: ReviewForm = ReviewForm {
    label_key: "mau_2b",
    label: "Mẫu 2B-HD KĐ.ĐG 2025",
    who: "cá nhân không giữ chức vụ lãnh đạo, quản lý",
    list_name: "Bản kiểm điểm, tự đánh giá, xếp loại cá nhân",
    title: "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
    summary: "Năm {nam}",
    subtitle: Some("(Cá nhân không giữ chức vụ lãnh đạo, quản lý)"),
    identity: MEMBER_IDENTITY,
    opening: None,
    criteria: &[QUALITIES, DUTIES, PLEDGE],
    levels: None,
    shortcomings: [
        "1. Hạn chế, khuyết điểm.",
        "2. Nguyên nhân của hạn chế, khuyết điểm.",
    ],
    responsibility: "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)",
    guidance: Guidance {
        remedy: Some(REMEDY),
        explanation: Some(EXPLANATION),
        responsibility: None,
    },
    score: Some(ScoreForm {
        intro: "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với cá nhân không giữ chức vụ lãnh đạo, quản lý được quy định tại Phụ lục 4, Quy định 366-QĐ/TW, cá nhân tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:",
        enclosure: Some(ENCLOSURE),
    }),
};

/// Mẫu 2C, members outside the political system (regime-2026 §2.5: Phụ lục 5, its own A.I.2,
/// no enclosure line).
const FORM_2C: ReviewForm = ReviewForm {
    label_key: "mau_2c",
    label: "Mẫu 2C-HD KĐ.ĐG 2025",
    who: "đảng viên không làm việc trong hệ thống chính trị",
    subtitle: Some("(Đảng viên không làm việc trong hệ thống chính trị)"),
    criteria: &[
        QUALITIES,
        criterion(
            "Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ chính trị được cấp uỷ, chi bộ phân công.",
        ),
        PLEDGE,
    ],
    score: Some(ScoreForm {
        intro: "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với đảng viên không làm việc trong hệ thống chính trị được quy định tại Phụ lục 5, Quy định 366-QĐ/TW, cá nhân tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:",
        enclosure: None,
    }),
    ..FORM_2B
};

/// Mẫu 2A, members holding a leadership or management post (Phụ lục 3). No reproduction of its
/// text was found: its section I adds the leader's items of QĐ 366 Điều 6 §2.2 to 2B's, and its
/// identity keeps the posts, as the 2019 and 2023 leader forms did.
const FORM_2A: ReviewForm = ReviewForm {
    label_key: "mau_2a",
    label: "Mẫu 2A-HD KĐ.ĐG 2025",
    who: "cá nhân giữ chức vụ lãnh đạo, quản lý",
    subtitle: Some("(Cá nhân giữ chức vụ lãnh đạo, quản lý)"),
    identity: &[
        Identity::Name,
        Identity::BirthDate,
        Identity::PartyPost,
        Identity::GovPost,
        Identity::Workplace,
        Identity::Cell,
    ],
    criteria: &[
        QUALITIES,
        DUTIES,
        criterion(
            "Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành; thực hiện chức trách, nhiệm vụ; mức độ hoàn thành nhiệm vụ của các cấp uỷ, tổ chức đảng trực thuộc, địa phương, tổ chức, cơ quan, đơn vị thuộc quyền quản lý; khả năng quy tụ, xây dựng đoàn kết nội bộ.",
        ),
        criterion(
            "Trách nhiệm trong công việc; tinh thần năng động, đổi mới sáng tạo, dám nghĩ, dám nói, dám làm, nói đi đôi với làm, dám chịu trách nhiệm, dám đương đầu với khó khăn, thử thách, dám hành động, dám hy sinh lợi ích cá nhân vì lợi ích chung; trách nhiệm trong xây dựng đội ngũ cán bộ, kiểm soát quyền lực, phòng, chống tiêu cực trong phạm vi chức trách, nhiệm vụ được giao; trách nhiệm trong lãnh đạo, chỉ đạo hoàn thiện thể chế góp phần phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, về mở rộng hợp tác, hội nhập quốc tế, về đổi mới tư duy quản trị, tạo điều kiện phát triển kinh tế tư nhân; xử lý những vấn đề khó, phức tạp, nhạy cảm trong thực hiện nhiệm vụ.",
        ),
        criterion(
            "Trách nhiệm nêu gương của bản thân và gia đình; việc đấu tranh phòng, chống tham nhũng, lãng phí, tiêu cực; sự tín nhiệm của cán bộ, đảng viên; việc xây dựng phong cách lãnh đạo đổi mới, gần dân, sát dân, trọng dân, thường xuyên nắm bắt tâm tư, nguyện vọng của Nhân dân.",
        ),
        PLEDGE,
    ],
    score: Some(ScoreForm {
        intro: "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với cá nhân giữ chức vụ lãnh đạo, quản lý được quy định tại Phụ lục 3, Quy định 366-QĐ/TW, cá nhân tự đánh giá, chấm điểm theo các tiêu chí được cụ thể hóa như sau:",
        enclosure: Some(ENCLOSURE),
    }),
    ..FORM_2B
};

/// HD 43 §2.1 b: 2A for leaders, 2B for the others, 2C outside the political system.
fn form_of(_: bool, subject: Subject) -> &'static ReviewForm {
    match subject {
        Subject::Leader => &FORM_2A,
        Subject::Member => &FORM_2B,
        Subject::Outside => &FORM_2C,
    }
}

const SELF_REVIEW: SelfReviewForms = SelfReviewForms {
    form_of,
    rating: None,
    signer: &[
        ("NGƯỜI TỰ KIỂM ĐIỂM", SignRole::Heading),
        ("(Ký, ghi rõ họ tên)", SignRole::Note),
    ],
    // the research's default (regime-2026 §2.8): the 2023 layout of the part others fill in
    tail: &[
        TailBlock::Field(
            "- Nhận xét, đánh giá của chi ủy (chi bộ):",
            TailValue::Remarks,
        ),
        CELL_PROPOSAL,
        CELL_SIGNS,
        UPPER_DECISION,
        UPPER_SIGNS,
    ],
    // Mẫu 05's pattern, read in a 2026 local derivative (regime-2026 §2.8)
    confirm: [
        &[
            ("CÁ NHÂN TỰ ĐÁNH GIÁ", SignRole::Heading),
            ("(Ký, ghi rõ họ tên)", SignRole::Note),
        ],
        &[
            ("XÁC NHẬN CỦA CHI BỘ", SignRole::Heading),
            // a chi bộ has no seal of its own (HD 05 §8.1.2)
            ("(Xác lập thời điểm, ký, ghi rõ họ tên)", SignRole::Note),
        ],
    ],
};
