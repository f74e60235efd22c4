//! serde types that mirror the YAML exactly as the clerk writes it (keys are Vietnamese without
//! diacritics); `load` turns them into the checked model.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

/// A value with the place it was written.
pub type S<T> = Spanned<T>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDossier {
    /// The year under review.
    pub nam: S<i32>,
    /// The party cell.
    pub chi_bo: RawCell,
    /// The cell's members.
    pub dang_vien: Vec<S<RawMember>>,
    /// The plan (Kế hoạch).
    pub ke_hoach: RawPlan,
    /// The review meeting.
    #[serde(default)]
    pub hoi_nghi: Option<RawMeeting>,
    /// The cell's collective report (Mẫu 01).
    #[serde(default)]
    pub bao_cao_tap_the: Option<RawCollectiveReport>,
    /// The analysis and rating sheet of the cell (Mẫu 03).
    #[serde(default)]
    pub phan_tich_chat_luong: Option<RawAnalysis>,
    /// Form labels printed in the top right corner, when the district uses its own.
    #[serde(default)]
    pub nhan_mau: Option<RawFormLabels>,
    /// The report of results to the superior's Organisation Board.
    #[serde(default)]
    pub bao_cao_ket_qua: Option<RawResultsReport>,
    /// The requests for the residence party committee's feedback (QĐ 213).
    #[serde(default)]
    pub phieu_213: Option<RawResidenceRequest>,
    /// Settings of the rating rules.
    #[serde(default)]
    pub quy_tac: Option<RawSettings>,
}

/// Settings of the rating rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    /// What the 20 % quota of "xuất sắc" is counted on.
    #[serde(default)]
    pub co_so_ty_le_xuat_sac: Option<RawQuotaBase>,
}

/// The base of the "xuất sắc" quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawQuotaBase {
    /// Members rated "Hoàn thành tốt nhiệm vụ" only (HD 21's wording).
    ChiTot,
    /// Members rated "Hoàn thành tốt nhiệm vụ" or above.
    TotTroLen,
}

/// The report of results (Báo cáo kết quả kiểm điểm …).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResultsReport {
    /// Number; empty leaves a gap.
    #[serde(default)]
    pub so: Option<S<String>>,
    /// Date.
    pub ngay: S<String>,
    /// To whom ("Ban Tổ chức Quận ủy Quận 9").
    pub kinh_gui: S<String>,
    /// Proposals.
    #[serde(default)]
    pub kien_nghi: Vec<S<String>>,
    /// Enclosed files; default the usual list.
    #[serde(default)]
    pub tai_lieu_kem_theo: Vec<S<String>>,
    /// Recipients.
    #[serde(default)]
    pub noi_nhan: Vec<S<String>>,
    /// Who signs (member id); default the plan's signer.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
}

/// The requests for residence feedback (QĐ 213).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResidenceRequest {
    /// Date.
    pub ngay: S<String>,
    /// Day the remarks are asked for by; default the day before the meeting.
    #[serde(default)]
    pub han: Option<S<String>>,
    /// Who signs (member id); default the plan's signer.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
}

/// The collective report (Mẫu 01).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCollectiveReport {
    /// Number; empty leaves a gap.
    #[serde(default)]
    pub so: Option<S<String>>,
    /// Date.
    pub ngay: S<String>,
    /// Sections I–VI, written like a member's self-review (without its ratings).
    #[serde(default)]
    pub kiem_diem: Option<S<RawSelfReview>>,
    /// VII. The level the cell gives itself.
    #[serde(default)]
    pub tu_xep_loai: Option<RawRating>,
    /// Recipients.
    #[serde(default)]
    pub noi_nhan: Vec<S<String>>,
    /// Who signs (member id); default the plan's signer.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
    /// Signs on behalf of the committee (default) or of the cell.
    #[serde(default)]
    pub thay_mat: Option<RawOnBehalf>,
}

/// The analysis and rating sheet of the cell (Mẫu 03).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnalysis {
    /// Date.
    pub ngay: S<String>,
    /// Who takes part in the assessment ("Chi ủy chi bộ").
    #[serde(default)]
    pub chu_the: Option<S<String>>,
    /// The level of each criterion, in the form's order.
    #[serde(default)]
    pub cap_do: Vec<S<RawLevel>>,
    /// General remarks.
    #[serde(default)]
    pub nhan_xet: Option<S<String>>,
    /// Proposed level.
    #[serde(default)]
    pub de_nghi: Option<RawRating>,
}

/// Form labels ("Mẫu 02, Phụ lục 1").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFormLabels {
    /// Label of the collective report.
    #[serde(default)]
    pub mau_01: Option<S<String>>,
    /// Label of the self-review.
    #[serde(default)]
    pub mau_02: Option<S<String>>,
    /// Label of the analysis sheet.
    #[serde(default)]
    pub mau_03: Option<S<String>>,
}

/// The review meeting (hội nghị kiểm điểm).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// Day.
    pub ngay: S<String>,
    /// Start time ("7:30").
    pub bat_dau: S<String>,
    /// End time.
    #[serde(default)]
    pub ket_thuc: Option<S<String>>,
    /// Place.
    pub dia_diem: S<String>,
    /// Guests from outside the cell.
    #[serde(default)]
    pub khach_moi: Vec<S<RawGuest>>,
    /// The invitations.
    #[serde(default)]
    pub giay_moi: Option<RawInvitation>,
    /// Who chairs (member id); default the plan's signer.
    #[serde(default)]
    pub chu_tri: Option<S<String>>,
    /// Who keeps the minutes (member id).
    #[serde(default)]
    pub thu_ky: Option<S<String>>,
    /// Members absent, with or without a reason.
    #[serde(default)]
    pub vang: Vec<S<RawAbsence>>,
    /// The ballot on the cell's level.
    #[serde(default)]
    pub phieu_chi_bo: Option<S<RawVotes>>,
    /// The minutes.
    #[serde(default)]
    pub bien_ban: Option<RawMinutes>,
}

/// An absent member.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAbsence {
    /// Member id.
    pub ma: S<String>,
    /// The reason given; none means absent without reason.
    #[serde(default)]
    pub ly_do: Option<S<String>>,
}

/// Ballots per level.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVotes {
    /// For "Hoàn thành xuất sắc nhiệm vụ".
    #[serde(default)]
    pub xuat_sac: u32,
    /// For "Hoàn thành tốt nhiệm vụ".
    #[serde(default)]
    pub tot: u32,
    /// For "Hoàn thành nhiệm vụ".
    #[serde(default)]
    pub hoan_thanh: u32,
    /// For "Không hoàn thành nhiệm vụ".
    #[serde(default)]
    pub khong_hoan_thanh: u32,
}

/// The minutes of the meeting (Biên bản).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMinutes {
    /// Number; empty leaves a gap.
    #[serde(default)]
    pub so: Option<S<String>>,
    /// What was said about the collective report.
    #[serde(default)]
    pub thao_luan: Vec<S<String>>,
    /// The superior representative's remarks.
    #[serde(default)]
    pub y_kien_cap_tren: Option<S<String>>,
    /// The chair's conclusion.
    #[serde(default)]
    pub ket_luan: Option<S<String>>,
}

/// A guest.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuest {
    /// Full name.
    pub ho_ten: S<String>,
    /// Post ("Ủy viên Ban Thường vụ Quận ủy").
    #[serde(default)]
    pub chuc_vu: Option<S<String>>,
    /// Body ("Đảng ủy Quận 9").
    #[serde(default)]
    pub co_quan: Option<S<String>>,
}

/// The invitations to the meeting (Giấy mời).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInvitation {
    /// Number; empty leaves a gap.
    #[serde(default)]
    pub so: Option<S<String>>,
    /// Date of the invitations.
    pub ngay: S<String>,
    /// Also invite every member of the cell (default: guests only).
    #[serde(default)]
    pub moi_ca_dang_vien: bool,
    /// Who signs (member id); default the plan's signer.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
}

/// The party cell.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCell {
    /// Name, e.g. "Chi bộ THPT Nguyễn Văn Tăng".
    pub ten: S<String>,
    /// Superior body, e.g. "Đảng bộ Quận 9".
    pub cap_tren: S<String>,
    /// Abbreviation used in document numbers, e.g. "CB".
    pub ky_hieu: S<String>,
    /// Place printed on the date line, e.g. "TP. Hồ Chí Minh".
    pub dia_danh: S<String>,
    /// Page margins in mm.
    #[serde(default)]
    pub le_trang: Option<RawMargins>,
}

/// Page margins in millimetres; a missing side takes the HD 36 default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMargins {
    /// Top.
    pub tren: Option<S<f64>>,
    /// Bottom.
    pub duoi: Option<S<f64>>,
    /// Left.
    pub trai: Option<S<f64>>,
    /// Right.
    pub phai: Option<S<f64>>,
}

/// Gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawGender {
    /// Male.
    Nam,
    /// Female.
    Nu,
}

/// Post in the party cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawPartyPost {
    /// Secretary.
    BiThu,
    /// Deputy secretary.
    PhoBiThu,
    /// Committee member.
    ChiUyVien,
    /// Member.
    DangVien,
}

/// Official or probationary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawMembership {
    /// Official member.
    ChinhThuc,
    /// Probationary member.
    DuBi,
}

/// A member.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    /// Short id the rest of the file refers to, e.g. `nam`.
    pub ma: S<String>,
    /// Full name.
    pub ho_ten: S<String>,
    /// Date of birth.
    pub ngay_sinh: S<String>,
    /// Gender.
    pub gioi_tinh: RawGender,
    /// Party post.
    pub chuc_vu_dang: RawPartyPost,
    /// Official or probationary.
    pub loai: RawMembership,
    /// Date of admission.
    pub ngay_vao_dang: S<String>,
    /// Job.
    #[serde(default)]
    pub nghe_nghiep: Option<S<String>>,
    /// Workplace.
    #[serde(default)]
    pub don_vi: Option<S<String>>,
    /// Post in the administration ("Phó Hiệu trưởng").
    #[serde(default)]
    pub chuc_vu_chinh_quyen: Option<S<String>>,
    /// Post in mass organisations ("Chủ tịch Công đoàn").
    #[serde(default)]
    pub chuc_vu_doan_the: Option<S<String>>,
    /// Holds a leadership or management post: writes the leader variant of Mẫu 02.
    #[serde(default)]
    pub lanh_dao_quan_ly: bool,
    /// The self-review (Mẫu 02), as far as the member has written it.
    #[serde(default)]
    pub kiem_diem: Option<RawSelfReview>,
    /// Exempted from or suspended in party activity.
    #[serde(default)]
    pub sinh_hoat_dang: Option<S<RawActivity>>,
    /// Months of sick leave in the year.
    #[serde(default)]
    pub nghi_om_thang: Option<S<u32>>,
    /// On maternity leave during the year.
    #[serde(default)]
    pub nghi_thai_san: bool,
    /// Discipline in the year ("Khiển trách").
    #[serde(default)]
    pub ky_luat: Option<S<String>>,
    /// Residence, for QĐ 213.
    #[serde(default)]
    pub cu_tru: Option<RawResidence>,
    /// The committee's remarks, the review's prompts, the ballot and the levels.
    #[serde(default)]
    pub danh_gia: Option<RawAssessment>,
}

/// Exempted or suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawActivity {
    /// Miễn công tác và sinh hoạt đảng.
    MienSinhHoat,
    /// Đình chỉ sinh hoạt đảng.
    DinhChiSinhHoat,
}

/// Where a member lives.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResidence {
    /// Address.
    pub dia_chi: S<String>,
    /// The residence party cell ("Chi bộ Khu phố 3").
    pub chi_bo: S<String>,
    /// Its party committee ("Đảng ủy phường Phước Long B").
    pub dang_uy: S<String>,
}

/// How the cell assessed a member.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    /// Issues the committee asked the member to explain (gợi ý kiểm điểm).
    #[serde(default)]
    pub goi_y_kiem_diem: Vec<S<String>>,
    /// The committee's remarks.
    #[serde(default)]
    pub nhan_xet_chi_uy: Option<S<String>>,
    /// Opinions given in the meeting.
    #[serde(default)]
    pub y_kien: Vec<S<String>>,
    /// The ballot.
    #[serde(default)]
    pub phieu: Option<S<RawVotes>>,
    /// The level the cell proposes; default the ballot's result.
    #[serde(default)]
    pub de_xuat: Option<S<RawRating>>,
    /// The level decided.
    #[serde(default)]
    pub xep_loai: Option<S<RawRating>>,
}

/// A self-assessed level of a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawLevel {
    /// Xuất sắc.
    XuatSac,
    /// Tốt.
    Tot,
    /// Trung bình.
    TrungBinh,
    /// Kém.
    Kem,
}

/// A rating level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawRating {
    /// Hoàn thành xuất sắc nhiệm vụ.
    HoanThanhXuatSac,
    /// Hoàn thành tốt nhiệm vụ.
    HoanThanhTot,
    /// Hoàn thành nhiệm vụ.
    HoanThanh,
    /// Không hoàn thành nhiệm vụ.
    KhongHoanThanh,
}

/// One criterion of section I: what the member wrote and the level they give themselves.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    /// The text.
    #[serde(default)]
    pub noi_dung: Option<S<String>>,
    /// Self-assessed level.
    #[serde(default)]
    pub cap_do: Option<RawLevel>,
}

/// A member's self-review; what is missing is left as dotted lines to write on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSelfReview {
    /// Section I, one entry per criterion in the form's order.
    #[serde(default)]
    pub uu_diem: Vec<S<RawCriterion>>,
    /// II.1 Shortcomings.
    #[serde(default)]
    pub han_che: Option<S<String>>,
    /// II.2 Their causes.
    #[serde(default)]
    pub nguyen_nhan: Option<S<String>>,
    /// III. Remedy of earlier shortcomings.
    #[serde(default)]
    pub khac_phuc: Option<S<String>>,
    /// III. Its self-assessed level.
    #[serde(default)]
    pub cap_do_khac_phuc: Option<RawLevel>,
    /// IV. Explanations asked for.
    #[serde(default)]
    pub giai_trinh: Option<S<String>>,
    /// V. Responsibility for the collective's shortcomings.
    #[serde(default)]
    pub trach_nhiem: Option<S<String>>,
    /// VI. Direction and measures.
    #[serde(default)]
    pub phuong_huong: Option<S<String>>,
    /// VII.1 Self-rating as civil servant.
    #[serde(default)]
    pub tu_xep_loai_vien_chuc: Option<RawRating>,
    /// VII.2 Self-rating as party member.
    #[serde(default)]
    pub tu_xep_loai_dang_vien: Option<RawRating>,
}

/// Who signs on behalf of whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawOnBehalf {
    /// "T/M CHI BỘ".
    ChiBo,
    /// "T/M CHI ỦY".
    ChiUy,
}

/// The plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// Number; empty leaves a gap to write by hand.
    #[serde(default)]
    pub so: Option<S<String>>,
    /// Date of the plan.
    pub ngay: S<String>,
    /// Summary line under the title.
    pub trich_yeu: S<String>,
    /// "Căn cứ …" lines.
    #[serde(default)]
    pub can_cu: Vec<S<String>>,
    /// The sentence that introduces the plan.
    #[serde(default)]
    pub mo_dau: Option<S<String>>,
    /// Purposes and requirements.
    pub muc_dich_yeu_cau: Vec<S<String>>,
    /// Principles.
    #[serde(default)]
    pub nguyen_tac: Vec<S<String>>,
    /// Timetable.
    pub thoi_gian: Vec<S<RawPeriod>>,
    /// Assignments.
    pub phan_cong: Vec<S<RawAssignment>>,
    /// Closing paragraph.
    #[serde(default)]
    pub ket_luan: Option<S<String>>,
    /// Recipients ("Nơi nhận").
    #[serde(default)]
    pub noi_nhan: Vec<S<String>>,
    /// Where the copy is kept ("Lưu …"); default "Chi bộ".
    #[serde(default)]
    pub luu: Option<S<String>>,
    /// Member id of the signer.
    pub nguoi_ky: S<String>,
    /// Signs on behalf of the cell (default) or of its committee.
    #[serde(default)]
    pub thay_mat: Option<RawOnBehalf>,
}

/// A period of the timetable.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First day.
    pub tu: S<String>,
    /// Last day.
    pub den: S<String>,
    /// What is done in it.
    pub viec: Vec<S<RawTask>>,
}

/// A task: either a plain sentence, or a sentence with people and dates.
#[derive(Debug)]
pub enum RawTask {
    /// Just the sentence.
    Plain(String),
    /// The sentence and its details.
    Detailed(Box<RawTaskDetail>),
}

/// A task with people and dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTaskDetail {
    /// What is done.
    pub noi_dung: S<String>,
    /// Member ids of who does it.
    #[serde(default)]
    pub nguoi: Vec<S<String>>,
    /// What those members do, printed after their names ("nghiên cứu").
    #[serde(default)]
    pub vai_tro: Option<S<String>>,
    /// The day it happens.
    #[serde(default)]
    pub ngay: Option<S<String>>,
    /// Words before the day ("dự kiến sáng").
    #[serde(default)]
    pub ghi_chu: Option<S<String>>,
    /// Deadline.
    #[serde(default)]
    pub han: Option<S<String>>,
    /// Words before the deadline; default "hạn chót".
    #[serde(default)]
    pub nhan_han: Option<S<String>>,
}

impl<'de> Deserialize<'de> for RawTask {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TaskVisitor;
        impl<'de> Visitor<'de> for TaskVisitor {
            type Value = RawTask;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a map with noi_dung")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTask, E> {
                Ok(RawTask::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTask, A::Error> {
                RawTaskDetail::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|d| RawTask::Detailed(Box::new(d)))
            }
        }
        d.deserialize_any(TaskVisitor)
    }
}

/// Groups of members an assignment can name instead of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawGroup {
    /// "Các đồng chí đảng viên".
    CacDongChiDangVien,
    /// "Các đảng viên khác".
    CacDangVienKhac,
}

/// An assignment: members (or a group) and their tasks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssignment {
    /// Member ids.
    #[serde(default)]
    pub nguoi: Vec<S<String>>,
    /// Or a group.
    #[serde(default)]
    pub nhom: Option<RawGroup>,
    /// Tasks.
    pub viec: Vec<S<RawTask>>,
}
