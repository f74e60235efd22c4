//! The forms of Hướng dẫn 21-HD/BTCTW (2019), used for the reviews of 2019–2022: their corner
//! labels, criteria and fixed wording. A later regulation gets a module of its own.

use crate::data::{Level, Rating};

/// Corner label of the collective report.
pub const LABEL_01: &str = "Mẫu 01-HD KĐ.ĐG 2019";

/// Corner label of the analysis and rating sheet (the 2019 counterpart of Mẫu 03-HD KĐ.ĐG 2018).
pub const LABEL_03: &str = "Mẫu 03-HD KĐ.ĐG 2019";

/// Corner label of the self-review.
pub const LABEL_02: &str = "Mẫu 02-HD KĐ.ĐG 2019";

/// The four self-assessed levels of a criterion, in the form's order.
pub const LEVELS: [(Level, &str); 4] = [
    (Level::Excellent, "Xuất sắc"),
    (Level::Good, "Tốt"),
    (Level::Average, "Trung bình"),
    (Level::Poor, "Kém"),
];

/// The four rating levels, in the form's order.
pub const RATINGS: [(Rating, &str); 4] = [
    (Rating::Excellent, Rating::Excellent.name()),
    (Rating::Good, Rating::Good.name()),
    (Rating::Done, Rating::Done.name()),
    (Rating::NotDone, Rating::NotDone.name()),
];

/// The line that introduces a criterion's level.
pub const LEVEL_PROMPT: &str = "Tự đánh giá về cấp độ thực hiện:";

/// A criterion of section I of Mẫu 02: its wording, and whether it is self-assessed.
pub struct CriterionForm {
    /// The wording.
    pub text: &'static str,
    /// Whether the form asks for a level under it.
    pub assessed: bool,
}

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
pub const CRITERIA_MEMBER: [CriterionForm; 3] = [POLITICS, DUTIES, PLEDGE];

/// Section I of Mẫu 02 for a member holding a leadership or management post.
pub const CRITERIA_LEADER: [CriterionForm; 6] = [
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
pub const CRITERIA_COLLECTIVE: [CriterionForm; 4] = [
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
pub const ANALYSIS_GROUPS: [(&str, &str, &[&str]); 3] = [
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
