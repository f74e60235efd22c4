//! The meeting (`hop`), its minutes, guests and invitations, as written.

use schemars::JsonSchema;
use serde::Deserialize;

use super::*;

/// Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// Ngày họp, viết 25/12/2020 hoặc 2020-12-25; thứ trong tuần được tính tự động.
    pub ngay: S<String>,
    /// Giờ bắt đầu, viết dạng 7:30 hoặc 14:00.
    pub bat_dau: S<String>,
    /// Giờ kết thúc, viết dạng 11:00. Không ghi thì biên bản chừa chỗ ghi giờ bằng tay.
    #[serde(default)]
    pub ket_thuc: Option<S<String>>,
    /// Địa điểm họp, ví dụ «Phòng họp Hội đồng sư phạm».
    pub dia_diem: S<String>,
    /// Khách mời ngoài chi bộ (đại diện cấp ủy cấp trên…), mỗi người một mục.
    #[serde(default)]
    pub khach_moi: Vec<S<RawGuest>>,
    /// Giấy mời dự hội nghị. Không ghi thì không tạo giấy mời.
    #[serde(default)]
    pub giay_moi: Option<RawInvitation>,
    /// Mã của đồng chí chủ trì hội nghị. Không ghi thì là người ký kế hoạch.
    #[serde(default)]
    pub chu_tri: Option<S<String>>,
    /// Mã của đồng chí thư ký hội nghị. Không ghi thì biên bản để dòng chấm.
    #[serde(default)]
    pub thu_ky: Option<S<String>>,
    /// Đảng viên vắng mặt, mỗi đồng chí một mục (mã và lý do vắng, nếu có).
    #[serde(default)]
    pub vang: Vec<S<RawAbsence>>,
    /// Số phiếu xếp loại chi bộ theo từng mức; chỉ đảng viên chính thức có mặt biểu quyết.
    #[serde(default)]
    pub phieu_chi_bo: Option<S<RawVotes>>,
    /// Biên bản hội nghị. Không ghi thì không tạo biên bản.
    #[serde(default)]
    pub bien_ban: Option<RawMinutes>,
}

/// Một đảng viên vắng mặt tại hội nghị.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAbsence {
    /// Mã của đảng viên vắng mặt, ví dụ «hung».
    pub ma: S<String>,
    /// Lý do vắng mặt. Không ghi nghĩa là vắng không có lý do.
    #[serde(default)]
    pub ly_do: Option<S<String>>,
}

/// Số phiếu theo từng mức xếp loại; mức nào không có phiếu thì không cần ghi (tính là 0).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVotes {
    /// Số phiếu «Hoàn thành xuất sắc nhiệm vụ». Không ghi là 0.
    #[serde(default)]
    pub xuat_sac: u32,
    /// Số phiếu «Hoàn thành tốt nhiệm vụ». Không ghi là 0.
    #[serde(default)]
    pub tot: u32,
    /// Số phiếu «Hoàn thành nhiệm vụ». Không ghi là 0.
    #[serde(default)]
    pub hoan_thanh: u32,
    /// Số phiếu «Không hoàn thành nhiệm vụ». Không ghi là 0.
    #[serde(default)]
    pub khong_hoan_thanh: u32,
}

/// Biên bản hội nghị kiểm điểm.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMinutes {
    /// Số biên bản, chỉ ghi con số (1 in thành «Số 01-BB/CB»).
    /// Để trống hoặc không ghi thì chừa chỗ để ghi tay.
    #[serde(default)]
    #[schemars(with = "Option<NumberSchema>")]
    pub so: Option<S<String>>,
    /// Ý kiến thảo luận, góp ý báo cáo kiểm điểm tập thể, mỗi ý một dòng;
    /// viết {nam} để in «đ/c Nam». Không ghi thì in dòng chấm.
    #[serde(default)]
    pub thao_luan: Vec<S<String>>,
    /// Ý kiến của đại diện cấp ủy cấp trên. Không ghi thì biên bản không có mục này.
    #[serde(default)]
    pub y_kien_cap_tren: Option<S<String>>,
    /// Kết luận của chủ trì hội nghị; viết {nam} để in «đ/c Nam». Không ghi thì in dòng chấm.
    #[serde(default)]
    pub ket_luan: Option<S<String>>,
}

/// Một khách mời dự hội nghị.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGuest {
    /// Họ và tên khách mời.
    pub ho_ten: S<String>,
    /// Chức vụ, ví dụ «Ủy viên Ban Thường vụ Quận ủy». Có thể không ghi.
    #[serde(default)]
    pub chuc_vu: Option<S<String>>,
    /// Cơ quan, đơn vị, ví dụ «Đảng ủy Quận 9». Có thể không ghi.
    #[serde(default)]
    pub co_quan: Option<S<String>>,
}

/// Giấy mời dự hội nghị kiểm điểm, mỗi người được mời một giấy.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawInvitation {
    /// Số giấy mời, chỉ ghi con số (3 in thành «Số 03-GM/CB»).
    /// Để trống hoặc không ghi thì chừa chỗ để ghi tay.
    #[serde(default)]
    #[schemars(with = "Option<NumberSchema>")]
    pub so: Option<S<String>>,
    /// Ngày ký giấy mời, viết 21/12/2020 hoặc 2020-12-21.
    pub ngay: S<String>,
    /// true: mời cả các đảng viên trong chi bộ; false hoặc không ghi: chỉ mời khách mời.
    #[serde(default)]
    pub moi_ca_dang_vien: bool,
    /// Mã của người ký giấy mời. Không ghi thì là người ký kế hoạch.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
}
