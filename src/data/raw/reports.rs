//! The reports (`bao_cao_ket_qua`, `mau_01`, `mau_03`, `phieu_213`) and the year's tasks
//! (`ket_qua`), as written.

use schemars::JsonSchema;
use serde::Deserialize;

use super::*;

/// Báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên gửi cấp trên.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResultsReport {
    /// Số báo cáo, chỉ ghi con số (7 in thành «Số 07-BC/CB»).
    /// Để trống hoặc không ghi thì chừa chỗ để ghi tay.
    #[serde(default)]
    #[schemars(with = "Option<NumberSchema>")]
    pub so: Option<S<String>>,
    /// Ngày báo cáo, viết 30/12/2020 hoặc 2020-12-30; không được trước ngày hội nghị kiểm điểm.
    pub ngay: S<String>,
    /// Nơi nhận ở dòng «Kính gửi», ví dụ «Ban Tổ chức Quận ủy Quận 9».
    pub kinh_gui: S<String>,
    /// Các kiến nghị, đề xuất, mỗi ý một dòng; viết {nam} để in «đ/c Nam».
    /// Không ghi thì in «Không có».
    #[serde(default)]
    pub kien_nghi: Vec<S<String>>,
    /// Hồ sơ gửi kèm, mỗi tài liệu một dòng. Không ghi thì tự liệt kê các văn bản có trong hồ sơ
    /// (Mẫu 01, Mẫu 02, Mẫu 03, biên bản, phiếu 213).
    #[serde(default)]
    pub tai_lieu_kem_theo: Vec<S<String>>,
    /// Nơi nhận thêm, mỗi nơi một dòng; dòng «Như trên» và dòng «Lưu …» được in tự động.
    #[serde(default)]
    pub noi_nhan: Vec<S<String>>,
    /// Mã của người ký, ví dụ «ly». Không ghi thì là người ký kế hoạch.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
}

/// Phiếu xin ý kiến nhận xét của chi ủy nơi cư trú đối với đảng viên (Quy định 213-QĐ/TW).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResidenceRequest {
    /// Ngày gửi phiếu, viết 10/12/2020 hoặc 2020-12-10.
    pub ngay: S<String>,
    /// Hạn chi ủy nơi cư trú gửi lại nhận xét, viết 18/12/2020 hoặc 2020-12-18.
    /// Không được sau ngày hội nghị; không ghi thì là ngày trước hội nghị kiểm điểm.
    #[serde(default)]
    pub han: Option<S<String>>,
    /// Mã của người ký. Không ghi thì là người ký kế hoạch;
    /// phiếu về chính người ký thì phó bí thư (hoặc bí thư) ký thay.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
}

/// Báo cáo kiểm điểm tập thể chi bộ (Mẫu 01).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCollectiveReport {
    /// Số báo cáo, chỉ ghi con số (5 in thành «Số 05-BC/CB»).
    /// Để trống hoặc không ghi thì chừa chỗ để ghi tay.
    #[serde(default)]
    #[schemars(with = "Option<NumberSchema>")]
    pub so: Option<S<String>>,
    /// Ngày báo cáo, viết 16/12/2020 hoặc 2020-12-16.
    pub ngay: S<String>,
    /// Nội dung mục I–VI (mục I có 4 tiêu chí), viết như «kiem_diem» của đảng viên
    /// nhưng không có hai mục tự xếp loại; phần không ghi in dòng chấm.
    #[serde(default)]
    pub kiem_diem: Option<S<RawSelfReview>>,
    /// Mức xếp loại chất lượng chi bộ tự nhận (mục VII mẫu 2019, phần B.II mẫu 2025). Không ghi
    /// thì để các ô trống.
    #[serde(default)]
    pub tu_xep_loai: Option<S<RawRating>>,
    /// Phần B.I (mẫu 2025): điểm tập thể tự chấm — nhóm tiêu chí chung (0–30) và nhóm tiêu chí về
    /// kết quả thực hiện nhiệm vụ (0–70).
    #[serde(default)]
    pub tu_cham_diem: Option<RawScore>,
    /// Kết quả thực hiện nhiệm vụ của tập thể trong năm (mẫu năm 2025), để kiểm tra điều kiện của
    /// mức «Hoàn thành xuất sắc nhiệm vụ».
    #[serde(default)]
    pub ket_qua: Option<RawPerformance>,
    /// Nơi nhận, mỗi nơi một dòng; dòng «Lưu …» được in tự động.
    #[serde(default)]
    pub noi_nhan: Vec<S<String>>,
    /// Mã của người ký, ví dụ «ly». Không ghi thì là người ký kế hoạch.
    #[serde(default)]
    pub nguoi_ky: Option<S<String>>,
    /// Ký thay mặt chi ủy («chi_uy», mặc định khi không ghi) hay chi bộ («chi_bo»).
    #[serde(default)]
    pub thay_mat: Option<RawOnBehalf>,
}

/// Phiếu phân tích chất lượng và đánh giá, xếp loại chi bộ (Mẫu 03).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAnalysis {
    /// Ngày lập phiếu, viết 16/12/2020 hoặc 2020-12-16.
    pub ngay: S<String>,
    /// Chủ thể tham gia đánh giá, xếp loại, ví dụ «Chi ủy chi bộ». Không ghi thì in dòng chấm.
    #[serde(default)]
    pub chu_the: Option<S<String>>,
    /// Mức đạt của 7 tiêu chí theo thứ tự trong phiếu, ví dụ [tot, tot, tot, tot, tot, tot, tot];
    /// tiêu chí không ghi thì để trống.
    #[serde(default)]
    pub cap_do: Vec<S<RawLevel>>,
    /// Nhận xét chung. Không ghi thì in dòng chấm để viết tay.
    #[serde(default)]
    pub nhan_xet: Option<S<String>>,
    /// Mức xếp loại chất lượng đề nghị cho chi bộ. Không ghi thì để các ô trống.
    #[serde(default)]
    pub de_nghi: Option<RawRating>,
}

/// Kết quả thực hiện nhiệm vụ trong năm, để kiểm tra điều kiện của từng mức xếp loại (Quy định
/// 366-QĐ/TW Điều 11). Ghi những số đã biết; số nào không ghi thì không kiểm tra điều kiện đó.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerformance {
    /// Tổng số nhiệm vụ, chỉ tiêu được giao trong năm.
    #[serde(default)]
    pub so_nhiem_vu: Option<S<u32>>,
    /// Số nhiệm vụ hoàn thành vượt mức (mức «xuất sắc» cần từ 30% trở lên).
    #[serde(default)]
    pub vuot_muc: Option<S<u32>>,
    /// Số nhiệm vụ chậm tiến độ.
    #[serde(default)]
    pub cham_tien_do: Option<S<u32>>,
    /// Số nhiệm vụ không hoàn thành.
    #[serde(default)]
    pub khong_hoan_thanh: Option<S<u32>>,
    /// Số hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước.
    #[serde(default)]
    pub han_che_ky_truoc: Option<S<u32>>,
    /// Số hạn chế, khuyết điểm đó đã khắc phục xong (mức «xuất sắc» cần khắc phục hết).
    #[serde(default)]
    pub da_khac_phuc: Option<S<u32>>,
}

/// Ký thay mặt chi bộ hay chi ủy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawOnBehalf {
    /// Ký «T/M CHI BỘ» (thay mặt chi bộ).
    ChiBo,
    /// Ký «T/M CHI ỦY» (thay mặt chi ủy).
    ChiUy,
}
