//! The cell (`chi_bo`) and its members (`dang_vien`), as written.

use schemars::JsonSchema;
use serde::Deserialize;

use super::*;

/// Thông tin về chi bộ.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCell {
    /// Tên chi bộ, ví dụ «Chi bộ THPT Nguyễn Văn Tăng».
    pub ten: S<String>,
    /// Cấp ủy cấp trên trực tiếp, ví dụ «Đảng bộ Quận 9».
    pub cap_tren: S<String>,
    /// Chữ viết tắt của chi bộ trong số văn bản, viết hoa liền, ví dụ «CB» (in «Số 01-KH/CB»).
    pub ky_hieu: S<String>,
    /// Địa danh ở dòng ngày tháng, ví dụ «TP. Hồ Chí Minh».
    pub dia_danh: S<String>,
    /// Lề trang (mm). Không ghi thì theo HD 36-HD/VPTW và HD 05-HD/VPTW: trên 20, dưới 20,
    /// trái 30, phải 15.
    #[serde(default)]
    pub le_trang: Option<RawMargins>,
    /// true nếu năm công tác của cơ quan, đơn vị kết thúc muộn: hạn hoàn thành kiểm điểm là
    /// 15/01 năm sau thay vì 31/12 (Hướng dẫn 43-HD/BTCTW). Không ghi là false.
    #[serde(default)]
    pub ket_thuc_nam_muon: bool,
    /// In hai mặt: ghi «true» thì trang mặt sau đổi lề trái và lề phải cho nhau (trái 15, phải 30
    /// theo HD 05-HD/VPTW). Không ghi là in một mặt.
    #[serde(default)]
    pub in_hai_mat: bool,
}

/// Lề trang tính bằng milimét (từ 5 đến 60); cạnh nào không ghi thì theo HD 36-HD/VPTW.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMargins {
    /// Lề trên; không ghi là 20.
    pub tren: Option<S<f64>>,
    /// Lề dưới; không ghi là 20.
    pub duoi: Option<S<f64>>,
    /// Lề trái; không ghi là 30.
    pub trai: Option<S<f64>>,
    /// Lề phải; không ghi là 15.
    pub phai: Option<S<f64>>,
}

/// Giới tính.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawGender {
    /// Nam.
    Nam,
    /// Nữ.
    Nu,
}

/// Chức vụ trong chi bộ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawPartyPost {
    /// Bí thư chi bộ.
    BiThu,
    /// Phó Bí thư chi bộ.
    PhoBiThu,
    /// Chi ủy viên.
    ChiUyVien,
    /// Đảng viên (không giữ chức vụ trong chi ủy).
    DangVien,
}

/// Đảng viên chính thức hay dự bị.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawMembership {
    /// Đảng viên chính thức: được kiểm điểm, xếp loại và biểu quyết.
    ChinhThuc,
    /// Đảng viên dự bị: được kiểm điểm, xếp loại nhưng không biểu quyết.
    DuBi,
}

/// Một đảng viên của chi bộ.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    /// Mã riêng của đảng viên, chữ thường không dấu (có thể thêm chữ số, «_», «-»), ví dụ «nam».
    /// Nơi khác trong tệp gọi đồng chí bằng mã này; {nam} trong câu văn in thành «đ/c Nam».
    pub ma: S<String>,
    /// Họ và tên đầy đủ, có dấu.
    pub ho_ten: S<String>,
    /// Ngày sinh, viết 27/07/1980 hoặc 1980-07-27.
    pub ngay_sinh: S<String>,
    /// Giới tính: «nam» hoặc «nu».
    pub gioi_tinh: RawGender,
    /// Chức vụ Đảng: «bi_thu», «pho_bi_thu», «chi_uy_vien» hoặc «dang_vien».
    pub chuc_vu_dang: RawPartyPost,
    /// Đảng viên chính thức («chinh_thuc») hay dự bị («du_bi»).
    pub loai: RawMembership,
    /// Ngày vào Đảng, viết 03/02/2005 hoặc 2005-02-03. Kết nạp chưa đủ 6 tháng đến ngày hội
    /// nghị: 2019–2022 (mẫu năm 2019) vẫn kiểm điểm nhưng không xếp loại; từ 2025 (Quy định
    /// 366-QĐ/TW) không kiểm điểm, không xếp loại.
    pub ngay_vao_dang: S<String>,
    /// Nghề nghiệp, ví dụ «Giáo viên»; có thể không ghi.
    /// In trên phiếu 213 khi không có chức vụ chính quyền.
    #[serde(default)]
    pub nghe_nghiep: Option<S<String>>,
    /// Đơn vị công tác, ví dụ «Trường THPT Nguyễn Văn Tăng». Không ghi thì Mẫu 02 để dòng chấm.
    #[serde(default)]
    pub don_vi: Option<S<String>>,
    /// Chức vụ chính quyền, ví dụ «Phó Hiệu trưởng». Không ghi thì Mẫu 02 để dòng chấm.
    #[serde(default)]
    pub chuc_vu_chinh_quyen: Option<S<String>>,
    /// Chức vụ đoàn thể, ví dụ «Chủ tịch Công đoàn». Không ghi thì Mẫu 02 để dòng chấm.
    #[serde(default)]
    pub chuc_vu_doan_the: Option<S<String>>,
    /// true nếu giữ chức vụ lãnh đạo, quản lý; không ghi là false. Khi đó bản kiểm điểm dùng
    /// Mẫu 02 dành cho cán bộ lãnh đạo, quản lý (mẫu năm 2019), hoặc Mẫu 2A (mẫu năm 2025, khi
    /// không ghi «doi_tuong»).
    #[serde(default)]
    pub lanh_dao_quan_ly: bool,
    /// Phần tự kiểm điểm (Mẫu 02 năm 2019; Mẫu 2A, 2B, 2C năm 2025); mục nào không ghi thì bản in
    /// để dòng chấm cho đồng chí tự viết.
    #[serde(default)]
    pub kiem_diem: Option<RawSelfReview>,
    /// Được miễn hoặc bị đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại.
    /// Không ghi nếu sinh hoạt bình thường.
    #[serde(default)]
    pub sinh_hoat_dang: Option<S<RawActivity>>,
    /// Số tháng nghỉ ốm trong năm (0–12); không ghi là 0. 2019–2022: từ 3 tháng trở lên thì không
    /// được xếp từ «Hoàn thành tốt nhiệm vụ» trở lên; từ 2025 (Hướng dẫn 43-HD/BTCTW): xếp loại
    /// căn cứ kết quả làm việc thực tế của năm.
    #[serde(default)]
    pub nghi_om_thang: Option<S<u32>>,
    /// true nếu nghỉ thai sản trong năm (ghi chú trên phiếu đánh giá, xếp loại đảng viên).
    /// Không ghi là false.
    #[serde(default)]
    pub nghi_thai_san: bool,
    /// Hình thức kỷ luật trong năm, ví dụ «Khiển trách»; không ghi nếu không bị kỷ luật.
    /// 2019–2022: bị kỷ luật trong năm thì chỉ được xếp «Không hoàn thành nhiệm vụ»; từ 2025
    /// (Quy định 366-QĐ/TW): bị kỷ luật từ khiển trách trở lên thì xếp «Không hoàn thành nhiệm
    /// vụ», trừ khi đã tự phát hiện, báo cáo và khắc phục («tu_nhan_khac_phuc») để cấp có thẩm
    /// quyền xem xét.
    #[serde(default)]
    pub ky_luat: Option<S<String>>,
    /// Nơi cư trú; có thì tạo phiếu xin ý kiến chi ủy nơi cư trú (Quy định 213-QĐ/TW).
    #[serde(default)]
    pub cu_tru: Option<RawResidence>,
    /// Kết quả đánh giá tại chi bộ: gợi ý kiểm điểm, nhận xét của chi ủy,
    /// ý kiến góp ý, phiếu biểu quyết, mức xếp loại.
    #[serde(default)]
    pub danh_gia: Option<RawAssessment>,
    /// Đối tượng kiểm điểm theo mẫu năm 2025: «lanh_dao_quan_ly» (Mẫu 2A), «khong_giu_chuc_vu»
    /// (Mẫu 2B) hoặc «ngoai_he_thong» (Mẫu 2C). Không ghi thì: có «lanh_dao_quan_ly: true» là 2A;
    /// nghề nghiệp là hưu trí, học sinh, sinh viên, doanh nghiệp tư nhân là 2C; còn lại là 2B.
    #[serde(default)]
    pub doi_tuong: Option<S<RawSubject>>,
    /// Kết quả thực hiện nhiệm vụ trong năm (mẫu năm 2025): số nhiệm vụ, vượt mức, chậm, không
    /// hoàn thành; hạn chế kỳ trước và số đã khắc phục.
    #[serde(default)]
    pub ket_qua: Option<RawPerformance>,
    /// true nếu đồng chí bị kỷ luật đã tự phát hiện, tự báo cáo và khắc phục vi phạm: cấp có thẩm
    /// quyền xem xét, không buộc xếp «Không hoàn thành nhiệm vụ» (Quy định 366-QĐ/TW Điều 11).
    #[serde(default)]
    pub tu_nhan_khac_phuc: bool,
}

/// Miễn hoặc bị đình chỉ sinh hoạt đảng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawActivity {
    /// Miễn công tác và sinh hoạt đảng: không kiểm điểm, không xếp loại.
    MienSinhHoat,
    /// Đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại.
    DinhChiSinhHoat,
}

/// Nơi cư trú của đảng viên, để xin ý kiến nhận xét theo Quy định 213-QĐ/TW.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResidence {
    /// Địa chỉ nơi cư trú.
    pub dia_chi: S<String>,
    /// Chi bộ nơi cư trú, ví dụ «Chi bộ Khu phố 3».
    pub chi_bo: S<String>,
    /// Đảng ủy của chi bộ nơi cư trú, ví dụ «Đảng ủy phường Phước Long B».
    pub dang_uy: S<String>,
}

/// Kết quả chi bộ đánh giá, xếp loại một đảng viên.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    /// Những vấn đề chi ủy gợi ý đảng viên giải trình (in ở mục IV Mẫu 02), mỗi vấn đề một dòng.
    #[serde(default)]
    pub goi_y_kiem_diem: Vec<S<String>>,
    /// Nhận xét, đánh giá của chi ủy (in ở Mẫu 02 và biên bản). Không ghi thì Mẫu 02 để dòng chấm.
    #[serde(default)]
    pub nhan_xet_chi_uy: Option<S<String>>,
    /// Ý kiến góp ý tại hội nghị, mỗi ý một dòng; viết {nam} để in «đ/c Nam».
    #[serde(default)]
    pub y_kien: Vec<S<String>>,
    /// Số phiếu xếp loại đồng chí này theo từng mức; chỉ đảng viên chính thức có mặt biểu quyết.
    #[serde(default)]
    pub phieu: Option<S<RawVotes>>,
    /// Mức xếp loại chi bộ đề xuất. Không ghi thì lấy theo kết quả phiếu biểu quyết.
    #[serde(default)]
    pub de_xuat: Option<S<RawRating>>,
    /// Mức xếp loại do đảng ủy, chi ủy cơ sở quyết định (in ở cuối Mẫu 02).
    /// Không ghi thì để dòng chấm.
    #[serde(default)]
    pub xep_loai: Option<S<RawRating>>,
}

/// Đối tượng kiểm điểm (Hướng dẫn 43-HD/BTCTW §2.1), quyết định mẫu bản kiểm điểm năm 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawSubject {
    /// Cá nhân giữ chức vụ lãnh đạo, quản lý: Mẫu 2A (Phụ lục 3, Quy định 366-QĐ/TW).
    LanhDaoQuanLy,
    /// Cá nhân không giữ chức vụ lãnh đạo, quản lý: Mẫu 2B (Phụ lục 4).
    KhongGiuChucVu,
    /// Đảng viên không làm việc trong hệ thống chính trị (cán bộ hưu trí, học sinh, sinh viên,
    /// doanh nghiệp tư nhân…): Mẫu 2C (Phụ lục 5).
    NgoaiHeThong,
}
