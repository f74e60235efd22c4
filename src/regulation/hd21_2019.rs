//! Quy định 132-QĐ/TW and Hướng dẫn 21-HD/BTCTW (2019), used for the reviews of 2019–2022: the
//! forms' corner labels, criteria and fixed wording, the thresholds, who is reviewed and rated,
//! as one value (its documents and rules are wired in `crate::review`).

use super::scale::{Level, Subject};
use super::{
    AnalysisForm, CELL_PROPOSAL, CELL_SIGNS, CollectiveForm, CriterionForm, Guidance, Identity,
    LevelBoxes, NewMembers, Regulation, ReviewForm, SelfRating, SelfReviewForms, TailBlock,
    TailValue, Thresholds, UPPER_DECISION, UPPER_SIGNS,
};
use crate::doc::SignRole;

/// The regulation.
pub static HD21: Regulation = Regulation {
    id: "hd21-2019",
    name: "Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW (mẫu năm 2019)",
    cite: "HD 21-HD/BTCTW",
    short: "QĐ 132",
    years: (2019, 2022),
    thresholds: Thresholds {
        excellent_quota_percent: 20,
        outstanding_quota_percent: None,
        sick_leave_months: 3,
        months_since_admission: 6,
        probation_months: 12,
        heavy_discipline: &["cảnh cáo", "cách chức", "khai trừ"],
    },
    new_members: NewMembers::ReviewedNotRated,
    collective: &COLLECTIVE,
    self_review: &SELF_REVIEW,
    analysis: Some(&ANALYSIS),
    scoring: None,
    file_list: None,
};

/// The four self-assessed levels of a criterion, in the form's order.
const LEVEL_BOXES: LevelBoxes = LevelBoxes {
    prompt: "Tự đánh giá về cấp độ thực hiện:",
    levels: [
        (Level::Excellent, "Xuất sắc"),
        (Level::Good, "Tốt"),
        (Level::Average, "Trung bình"),
        (Level::Poor, "Kém"),
    ],
};

const POLITICS: CriterionForm = CriterionForm {
    text: "Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc:",
    assessed: true,
};
const DUTIES: CriterionForm = CriterionForm {
    text: "Về thực hiện chức trách, nhiệm vụ được giao:",
    assessed: true,
};
const PLEDGE: CriterionForm = CriterionForm {
    text: "Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm:",
    assessed: false,
};

/// Section I of Mẫu 02 for a member without a leadership post.
const CRITERIA_MEMBER: [CriterionForm; 3] = [POLITICS, DUTIES, PLEDGE];

/// Section I of Mẫu 02 for a member holding a leadership or management post.
const CRITERIA_LEADER: [CriterionForm; 6] = [
    POLITICS,
    DUTIES,
    CriterionForm {
        text: "Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành; thực hiện chức trách, nhiệm vụ; mức độ hoàn thành nhiệm vụ của các tổ chức, cơ quan, đơn vị thuộc quyền quản lý; khả năng quy tụ, xây dựng đoàn kết nội bộ:",
        assessed: true,
    },
    CriterionForm {
        text: "Trách nhiệm trong công việc; tinh thần năng động, đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm; xử lý những vấn đề khó, phức tạp, nhạy cảm trong thực hiện nhiệm vụ:",
        assessed: true,
    },
    CriterionForm {
        text: "Trách nhiệm nêu gương của bản thân và gia đình; việc đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí; sự tín nhiệm của cán bộ, đảng viên:",
        assessed: true,
    },
    PLEDGE,
];

/// Section I of Mẫu 01, the collective report: every criterion is self-assessed.
const CRITERIA_COLLECTIVE: [CriterionForm; 4] = [
    CriterionForm {
        text: "Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.",
        assessed: true,
    },
    CriterionForm {
        text: "Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội, kế hoạch, chương trình công tác năm được cấp có thẩm quyền giao, phê duyệt.",
        assessed: true,
    },
    CriterionForm {
        text: "Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; trách nhiệm nêu gương; trách nhiệm giải trình; công tác đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí; công tác kiểm tra, giám sát, kỷ luật đảng và giải quyết khiếu nại, tố cáo.",
        assessed: true,
    },
    CriterionForm {
        text: "Trách nhiệm của tập thể lãnh đạo, quản lý trong thực hiện nhiệm vụ chính trị của địa phương, tổ chức, cơ quan, đơn vị.",
        assessed: true,
    },
];

/// The analysis sheet of a party organisation (Mẫu 03): groups of criteria, each criterion
/// rated on the four levels. A group without criteria is itself rated.
const ANALYSIS_GROUPS: &[(&str, &str, &[&str])] = &[
    (
        "I",
        "Về xây dựng Đảng, xây dựng hệ thống chính trị",
        &[
            "Công tác chính trị tư tưởng",
            "Công tác tổ chức, cán bộ và xây dựng đảng bộ, chi bộ",
            "Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
            "Công tác kiểm tra, giám sát và kỷ luật đảng",
        ],
    ),
    (
        "II",
        "Về thực hiện nhiệm vụ được giao",
        &[
            "Việc cụ thể hóa, xây dựng và tổ chức thực hiện các chương trình, kế hoạch công tác năm để thực hiện nhiệm vụ chính trị được giao",
            "Kết quả lãnh đạo thực hiện các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh của địa phương, cơ quan, đơn vị",
        ],
    ),
    (
        "III",
        "Kết quả khắc phục những hạn chế, yếu kém đã được chỉ ra",
        &[],
    ),
];

const MEMBER_IDENTITY: &[Identity] = &[
    Identity::Name,
    Identity::BirthDate,
    Identity::PartyPost,
    Identity::GovPost,
    Identity::OrgPost,
    Identity::Workplace,
    Identity::Cell,
];

const V_MEMBER: &str =
    "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)";

/// Mẫu 02 of a member without a leadership post.
const MEMBER_FORM: ReviewForm = ReviewForm {
    label_key: "mau_02",
    label: "Mẫu 02-HD KĐ.ĐG 2019",
    who: "đảng viên",
    list_name: "Bản kiểm điểm cá nhân",
    title: "BẢN KIỂM ĐIỂM CÁ NHÂN",
    summary: "Năm {nam}",
    subtitle: None,
    identity: MEMBER_IDENTITY,
    opening: None,
    criteria: &CRITERIA_MEMBER,
    levels: Some(&LEVEL_BOXES),
    shortcomings: SHORTCOMINGS,
    responsibility: V_MEMBER,
    guidance: Guidance {
        remedy: None,
        explanation: None,
        responsibility: None,
    },
    score: None,
};

const SHORTCOMINGS: [&str; 2] = [
    "1. Hạn chế, khuyết điểm:",
    "2. Nguyên nhân của hạn chế, khuyết điểm:",
];

/// Mẫu 02 of a member holding a leadership or management post.
const LEADER_FORM: ReviewForm = ReviewForm {
    subtitle: Some("(Cá nhân giữ chức vụ lãnh đạo, quản lý)"),
    who: "cán bộ lãnh đạo, quản lý",
    criteria: &CRITERIA_LEADER,
    ..MEMBER_FORM
};

fn form_of(leader: bool, _: Subject) -> &'static ReviewForm {
    if leader { &LEADER_FORM } else { &MEMBER_FORM }
}

const SELF_REVIEW: SelfReviewForms = SelfReviewForms {
    form_of,
    rating: Some(&SelfRating {
        heading: "VII. Tự nhận mức xếp loại chất lượng",
        civil: "1. Xếp loại cán bộ, công chức, viên chức:",
        party: "2. Xếp loại đảng viên:",
    }),
    signer: &[
        ("NGƯỜI TỰ KIỂM ĐIỂM", SignRole::Heading),
        ("(Ký, ghi rõ họ tên)", SignRole::Note),
    ],
    confirm: [
        &[
            ("NGƯỜI TỰ KIỂM ĐIỂM", SignRole::Heading),
            ("(Ký, ghi rõ họ tên)", SignRole::Note),
        ],
        &[
            ("XÁC NHẬN CỦA CHI BỘ", SignRole::Heading),
            ("(Xác lập thời điểm, ký, ghi rõ họ tên)", SignRole::Note),
        ],
    ],
    tail: &[
        TailBlock::Heading("Đánh giá, xếp loại chất lượng công chức, viên chức"),
        TailBlock::Field(
            "- Nhận xét, đánh giá của người quản lý, sử dụng công chức, viên chức:",
            TailValue::Lines,
        ),
        TailBlock::Field(
            "- Mức xếp loại chất lượng công chức, viên chức:",
            TailValue::Line,
        ),
        TailBlock::Sign(&[
            ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", SignRole::Heading),
            (
                "(Xác lập thời điểm, ký, ghi rõ họ tên và đóng dấu)",
                SignRole::Note,
            ),
        ]),
        TailBlock::Heading("Đánh giá, xếp loại chất lượng đảng viên"),
        TailBlock::Field("- Nhận xét, đánh giá của chi ủy:", TailValue::Remarks),
        CELL_PROPOSAL,
        CELL_SIGNS,
        UPPER_DECISION,
        UPPER_SIGNS,
    ],
};

/// Mẫu 01, the collective report.
const COLLECTIVE: CollectiveForm = CollectiveForm {
    review: &ReviewForm {
        label_key: "mau_01",
        label: "Mẫu 01-HD KĐ.ĐG 2019",
        who: "tập thể",
        list_name: "Báo cáo kiểm điểm tập thể chi bộ",
        title: "BÁO CÁO",
        summary: "kiểm điểm tập thể chi bộ năm {nam}",
        subtitle: None,
        identity: &[],
        opening: Some(
            "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại địa phương (cơ quan, đơn vị); tập thể {tap_the} kiểm điểm với các nội dung chủ yếu sau:",
        ),
        criteria: &CRITERIA_COLLECTIVE,
        levels: Some(&LEVEL_BOXES),
        shortcomings: SHORTCOMINGS,
        responsibility: "V. Trách nhiệm của tập thể, cá nhân",
        guidance: Guidance {
            remedy: None,
            explanation: None,
            responsibility: None,
        },
        score: None,
    },
    rating_heading: Some("VII. Tự nhận mức xếp loại chất lượng"),
    enclosure: Some("(Kèm theo phiếu phân tích chất lượng)"),
};

/// Mẫu 03, the analysis and rating sheet of the cell (the 2019 counterpart of Mẫu 03-HD KĐ.ĐG
/// 2018).
const ANALYSIS: AnalysisForm = AnalysisForm {
    label_key: "mau_03",
    label: "Mẫu 03-HD KĐ.ĐG 2019",
    groups: ANALYSIS_GROUPS,
    levels: &LEVEL_BOXES,
};
