//! serde types that mirror the YAML exactly as the clerk writes it (keys are Vietnamese without
//! diacritics); `load` turns them into the checked model.
//!
//! The doc comments of the data types below are in Vietnamese on purpose: the `JsonSchema`
//! derive turns them into the descriptions of the JSON Schema that `hoso schema` writes, and the
//! clerk's YAML editor shows them as completion help. Only the helper code (the `S` wrapper and
//! the hand-written impls for `RawTask`) is commented in English.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::{Location, Spanned};

/// A value with the place it was written (serde-saphyr's `Spanned`, which the JSON Schema
/// describes as the bare value).
#[derive(Debug, Clone)]
pub struct S<T> {
    /// The value.
    pub value: T,
    /// Where it is used.
    pub referenced: Location,
    /// Where it is defined (differs from `referenced` behind an alias).
    pub defined: Location,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for S<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<T>::deserialize(d)?;
        Ok(S {
            value: s.value,
            referenced: s.referenced,
            defined: s.defined,
        })
    }
}

impl<T: JsonSchema> JsonSchema for S<T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

/// How the schema describes a document number: digits written bare (`so: 5`) or quoted.
pub struct NumberSchema;

impl JsonSchema for NumberSchema {
    fn schema_name() -> Cow<'static, str> {
        "NumberSchema".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({ "type": ["integer", "string"] })
    }
    fn inline_schema() -> bool {
        true
    }
}

/// Tệp dữ liệu hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên của một năm.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDossier {
    /// Năm kiểm điểm, đánh giá, xếp loại, ví dụ 2026. Năm quyết định quy định áp dụng:
    /// 2019–2022 theo Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW (mẫu năm 2019); từ 2025 theo
    /// Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (mẫu năm 2025, chấm điểm 100).
    pub nam: S<i32>,
    /// Quy định áp dụng, khi không theo năm: «hd21-2019» (Quy định 132-QĐ/TW, Hướng dẫn
    /// 21-HD/BTCTW, mẫu năm 2019) hoặc «hd43-2025» (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW,
    /// mẫu năm 2025). Không ghi thì chọn theo «nam».
    #[serde(default)]
    pub quy_dinh: Option<S<String>>,
    /// Thể thức trình bày văn bản, khi không theo ngày của văn bản: «hd36» (Hướng dẫn
    /// 36-HD/VPTW) hoặc «hd05» (Hướng dẫn 05-HD/VPTW). Không ghi thì văn bản ghi ngày trước
    /// 27/05/2026 theo HD 36, từ ngày đó theo HD 05.
    #[serde(default)]
    pub the_thuc: Option<S<RawGuide>>,
    /// Thông tin chi bộ: tên, cấp ủy cấp trên, ký hiệu trong số văn bản, địa danh, lề trang.
    pub chi_bo: RawCell,
    /// Danh sách đảng viên của chi bộ, mỗi đồng chí một mục với mã («ma») riêng.
    pub dang_vien: Vec<S<RawMember>>,
    /// Kế hoạch tổ chức kiểm điểm của chi bộ (bắt buộc; văn bản này luôn được tạo).
    pub ke_hoach: RawPlan,
    /// Hội nghị kiểm điểm của chi bộ.
    /// Không ghi thì không tạo phiếu đánh giá, xếp loại đảng viên, biên bản và giấy mời.
    #[serde(default)]
    pub hoi_nghi: Option<RawMeeting>,
    /// Báo cáo kiểm điểm tập thể chi bộ (Mẫu 01). Không ghi thì không tạo báo cáo này.
    #[serde(default)]
    pub bao_cao_tap_the: Option<RawCollectiveReport>,
    /// Phiếu phân tích chất lượng, đánh giá, xếp loại chi bộ (Mẫu 03); không ghi thì không tạo.
    #[serde(default)]
    pub phan_tich_chat_luong: Option<RawAnalysis>,
    /// Nhãn mẫu in ở góc trên bên phải, khi cấp trên dùng nhãn riêng.
    /// Không ghi thì in nhãn của quy định áp dụng, ví dụ «Mẫu 02-HD KĐ.ĐG 2019» (mẫu năm 2019),
    /// «Mẫu 2B-HD KĐ.ĐG 2025» (mẫu năm 2025).
    #[serde(default)]
    pub nhan_mau: Option<RawFormLabels>,
    /// Báo cáo kết quả kiểm điểm, đánh giá, xếp loại gửi cấp trên; không ghi thì không tạo.
    #[serde(default)]
    pub bao_cao_ket_qua: Option<RawResultsReport>,
    /// Phiếu xin ý kiến chi ủy nơi cư trú (Quy định 213-QĐ/TW), tạo cho mỗi đảng viên có «cu_tru».
    /// Không ghi thì lấy ngày và người ký của kế hoạch.
    #[serde(default)]
    pub phieu_213: Option<RawResidenceRequest>,
    /// Thiết lập quy tắc xếp loại. Không ghi thì dùng cách tính mặc định của quy định áp dụng.
    #[serde(default)]
    pub quy_tac: Option<RawSettings>,
    /// Bộ tiêu chí chấm điểm do cấp trên ban hành (mẫu năm 2025), cho từng mẫu: các tiêu chí và
    /// điểm tối đa. Không ghi thì mỗi bản kiểm điểm chỉ ghi điểm cả nhóm (…/30, …/70).
    #[serde(default)]
    pub bo_tieu_chi: Option<RawCriteriaTables>,
    /// Kết quả kiểm điểm năm trước (do «hoso init --tu» chép từ tệp năm trước): mức xếp loại,
    /// điểm và những hạn chế đã được chỉ ra của chi bộ và từng đảng viên. Từ 2025 (Quy định
    /// 366-QĐ/TW), mức «Hoàn thành xuất sắc nhiệm vụ» cần khắc phục 100% hạn chế kỳ trước: khi
    /// «ket_qua.han_che_ky_truoc» không ghi, số hạn chế lấy ở đây.
    #[serde(default)]
    pub nam_truoc: Option<RawLastYear>,
}

/// Kết quả kiểm điểm năm trước của chi bộ và từng đảng viên.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLastYear {
    /// Năm đã kiểm điểm, ví dụ 2025.
    pub nam: S<i32>,
    /// Kết quả của tập thể chi bộ.
    #[serde(default)]
    pub chi_bo: Option<RawLastOutcome>,
    /// Kết quả của từng đảng viên, theo mã («viet: { muc: hoan_thanh_tot, diem: 88 }»).
    #[serde(default)]
    pub dang_vien: std::collections::BTreeMap<String, S<RawLastOutcome>>,
}

/// Kết quả năm trước của một tập thể hay một đảng viên.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLastOutcome {
    /// Mức xếp loại: «hoan_thanh_xuat_sac», «hoan_thanh_tot», «hoan_thanh», «khong_hoan_thanh».
    #[serde(default)]
    pub muc: Option<S<RawRating>>,
    /// Tổng điểm (mẫu năm 2025, trên 100).
    #[serde(default)]
    pub diem: Option<S<f64>>,
    /// Những hạn chế, khuyết điểm đã được chỉ ra, mỗi hạn chế một dòng.
    #[serde(default)]
    pub han_che: Vec<S<String>>,
}

/// Thể thức trình bày văn bản của Đảng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawGuide {
    /// Hướng dẫn 36-HD/VPTW (03/4/2018).
    Hd36,
    /// Hướng dẫn 05-HD/VPTW (27/5/2026), thay HD 36.
    Hd05,
}

/// Thiết lập quy tắc xếp loại.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    /// Cơ sở tính tỷ lệ tối đa 20% «Hoàn thành xuất sắc nhiệm vụ». Không ghi thì là «chi_tot».
    #[serde(default)]
    pub co_so_ty_le_xuat_sac: Option<RawQuotaBase>,
    /// Đơn vị có thành tích nổi trội, đột phá được cấp có thẩm quyền cho tỷ lệ «xuất sắc» đến 25%
    /// số «tốt» (Quy định 366-QĐ/TW): ghi số, ngày của quyết định, ví dụ «Quyết định số 15-QĐ/ĐU
    /// ngày 05/12/2026 của Đảng ủy phường». Không ghi thì tỷ lệ là 20%.
    #[serde(default)]
    pub don_vi_xuat_sac: Option<S<String>>,
}

/// Cơ sở tính tỷ lệ tối đa 20% đảng viên «Hoàn thành xuất sắc nhiệm vụ».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawQuotaBase {
    /// Tính trên số đảng viên «Hoàn thành tốt nhiệm vụ» (đúng câu chữ HD 21-HD/BTCTW; mặc định).
    ChiTot,
    /// Tính trên số đảng viên «Hoàn thành tốt nhiệm vụ» trở lên (kể cả mức xuất sắc).
    TotTroLen,
}

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

/// Nhãn mẫu in ở góc trên bên phải văn bản, ví dụ «Mẫu 02, Phụ lục 1».
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFormLabels {
    /// Nhãn của báo cáo kiểm điểm tập thể. Không ghi thì là «Mẫu 01-HD KĐ.ĐG 2019».
    #[serde(default)]
    pub mau_01: Option<S<String>>,
    /// Nhãn của bản kiểm điểm cá nhân. Không ghi thì là «Mẫu 02-HD KĐ.ĐG 2019».
    #[serde(default)]
    pub mau_02: Option<S<String>>,
    /// Nhãn của phiếu phân tích chất lượng chi bộ. Không ghi thì là «Mẫu 03-HD KĐ.ĐG 2019».
    #[serde(default)]
    pub mau_03: Option<S<String>>,
    /// Nhãn của Mẫu 2A (mẫu 2025). Không ghi thì là «Mẫu 2A-HD KĐ.ĐG 2025» (chưa đối chiếu bản
    /// gốc: có nơi in «Mẫu 02A-HD KĐ.ĐG 2025»).
    #[serde(default)]
    pub mau_2a: Option<S<String>>,
    /// Nhãn của Mẫu 2B. Không ghi thì là «Mẫu 2B-HD KĐ.ĐG 2025».
    #[serde(default)]
    pub mau_2b: Option<S<String>>,
    /// Nhãn của Mẫu 2C. Không ghi thì là «Mẫu 2C-HD KĐ.ĐG 2025».
    #[serde(default)]
    pub mau_2c: Option<S<String>>,
    /// Nhãn của danh mục hồ sơ (Mẫu 04). Không ghi thì là «Mẫu 04-HD KĐ.ĐG 2025».
    #[serde(default)]
    pub mau_04: Option<S<String>>,
    /// Phần ký cuối bản kiểm điểm mẫu 2025 (chưa đối chiếu bản gốc): «day_du» (mặc định: người
    /// tự kiểm điểm ký, dưới là nhận xét của chi ủy, chi bộ đề xuất, đảng ủy xếp loại),
    /// «ca_nhan» (chỉ người tự kiểm điểm ký) hoặc «xac_nhan_chi_bo» (cá nhân tự đánh giá và xác
    /// nhận của chi bộ, hai bên, như Mẫu 05).
    #[serde(default)]
    pub phan_ky_mau_2: Option<RawSignOffStyle>,
}

/// Phần ký cuối bản kiểm điểm cá nhân mẫu 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawSignOffStyle {
    /// Người tự kiểm điểm ký; dưới là nhận xét của chi ủy, chi bộ đề xuất, đảng ủy xếp loại.
    DayDu,
    /// Chỉ người tự kiểm điểm ký.
    CaNhan,
    /// Cá nhân tự đánh giá (trái) và xác nhận của chi bộ (phải), như Mẫu 05.
    XacNhanChiBo,
}

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

/// Cấp độ thực hiện của một tiêu chí: xuất sắc, tốt, trung bình hoặc kém.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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

/// Mức xếp loại chất lượng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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

/// Một tiêu chí của mục I: nội dung tự kiểm điểm và cấp độ tự đánh giá.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    /// Nội dung tự kiểm điểm của tiêu chí. Không ghi thì bản in để dòng chấm.
    #[serde(default)]
    pub noi_dung: Option<S<String>>,
    /// Cấp độ tự đánh giá: «xuat_sac», «tot», «trung_binh» hoặc «kem»; không ghi thì để ô trống.
    #[serde(default)]
    pub cap_do: Option<RawLevel>,
}

/// Phần tự kiểm điểm; mục nào không ghi thì bản in chừa dòng chấm để viết tay.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSelfReview {
    /// Mục I. Ưu điểm, kết quả đạt được: mỗi tiêu chí một mục, theo thứ tự trong mẫu. Mẫu 2B,
    /// 2C (2025) và Mẫu 02 (2019): 1 phẩm chất chính trị, đạo đức, lối sống; 2 thực hiện nhiệm
    /// vụ; 3 cam kết tu dưỡng, rèn luyện. Mẫu 2A (2025, lãnh đạo, quản lý), 6 mục: 1 phẩm chất; 2
    /// thực hiện nhiệm vụ; 3 kết quả lãnh đạo, chỉ đạo, quản lý; 4 trách nhiệm, đổi mới sáng tạo;
    /// 5 nêu gương, phòng chống tham nhũng; 6 cam kết tu dưỡng.
    #[serde(default)]
    pub uu_diem: Vec<S<RawCriterion>>,
    /// Mục II.1. Hạn chế, khuyết điểm.
    #[serde(default)]
    pub han_che: Option<S<String>>,
    /// Mục II.2. Nguyên nhân của hạn chế, khuyết điểm.
    #[serde(default)]
    pub nguyen_nhan: Option<S<String>>,
    /// Mục III. Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra ở các kỳ kiểm điểm trước.
    #[serde(default)]
    pub khac_phuc: Option<S<String>>,
    /// Mục III. Cấp độ tự đánh giá kết quả khắc phục: «xuat_sac», «tot», «trung_binh» hoặc «kem».
    #[serde(default)]
    pub cap_do_khac_phuc: Option<RawLevel>,
    /// Mục IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có).
    #[serde(default)]
    pub giai_trinh: Option<S<String>>,
    /// Mục V. Làm rõ trách nhiệm của cá nhân đối với hạn chế, khuyết điểm của tập thể (nếu có).
    #[serde(default)]
    pub trach_nhiem: Option<S<String>>,
    /// Mục VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm.
    #[serde(default)]
    pub phuong_huong: Option<S<String>>,
    /// Mục VII.1. Tự nhận mức xếp loại cán bộ, công chức, viên chức.
    #[serde(default)]
    pub tu_xep_loai_vien_chuc: Option<RawRating>,
    /// Mục VII.2 (mẫu 2019), hoặc phần B.II (mẫu 2025): mức xếp loại đảng viên tự nhận, tự đề xuất.
    #[serde(default)]
    pub tu_xep_loai_dang_vien: Option<S<RawRating>>,
    /// Phần B.I (mẫu 2025, Quy định 366-QĐ/TW): điểm tự chấm — nhóm tiêu chí chung (0–30) và nhóm
    /// tiêu chí về kết quả thực hiện nhiệm vụ (0–70). Tổng điểm được tính, không ghi.
    #[serde(default)]
    pub tu_cham_diem: Option<RawScore>,
}

/// Điểm tự chấm theo hai nhóm tiêu chí của Quy định 366-QĐ/TW. Mỗi nhóm ghi một số (ví dụ
/// «chung: 27»), hoặc, khi cấp trên ban hành bộ tiêu chí («bo_tieu_chi»), danh sách điểm từng
/// tiêu chí theo thứ tự (ví dụ «chung: [18, 8, 1.5]»). Điểm lẻ ghi một chữ số thập phân.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScore {
    /// Nhóm tiêu chí chung: tối đa 30 điểm.
    pub chung: S<RawPoints>,
    /// Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: tối đa 70 điểm.
    pub nhiem_vu: S<RawPoints>,
}

/// Điểm của một nhóm tiêu chí: một số, hoặc danh sách điểm từng tiêu chí của bộ tiêu chí.
#[derive(Debug, Clone)]
pub enum RawPoints {
    /// Điểm cả nhóm.
    Total(f64),
    /// Điểm từng tiêu chí, theo thứ tự của bộ tiêu chí.
    Rows(Vec<f64>),
}

impl JsonSchema for RawPoints {
    fn schema_name() -> Cow<'static, str> {
        "RawPoints".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "number", "minimum": 0 },
                { "type": "array", "items": { "type": "number", "minimum": 0 } }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for RawPoints {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PointsVisitor;
        impl<'de> Visitor<'de> for PointsVisitor {
            type Value = RawPoints;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("một số điểm, hoặc danh sách điểm từng tiêu chí")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawPoints, E> {
                Ok(RawPoints::Total(v as f64))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawPoints, E> {
                Ok(RawPoints::Total(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawPoints, E> {
                Ok(RawPoints::Total(v))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawPoints, A::Error> {
                let mut rows = Vec::new();
                while let Some(v) = seq.next_element::<f64>()? {
                    rows.push(v);
                }
                Ok(RawPoints::Rows(rows))
            }
        }
        d.deserialize_any(PointsVisitor)
    }
}

/// Bộ tiêu chí chấm điểm do cấp ủy cấp trên cụ thể hóa (Hướng dẫn 43-HD/BTCTW §7.12), cho từng
/// mẫu; mẫu nào không có thì chỉ ghi điểm cả nhóm.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCriteriaTables {
    /// Bộ tiêu chí của tập thể (Mẫu 01, Phụ lục 1).
    #[serde(default)]
    pub mau_01: Option<RawCriteriaTable>,
    /// Bộ tiêu chí của cá nhân giữ chức vụ lãnh đạo, quản lý (Mẫu 2A, Phụ lục 3).
    #[serde(default)]
    pub mau_2a: Option<RawCriteriaTable>,
    /// Bộ tiêu chí của cá nhân không giữ chức vụ lãnh đạo, quản lý (Mẫu 2B, Phụ lục 4).
    #[serde(default)]
    pub mau_2b: Option<RawCriteriaTable>,
    /// Bộ tiêu chí của đảng viên không làm việc trong hệ thống chính trị (Mẫu 2C, Phụ lục 5).
    #[serde(default)]
    pub mau_2c: Option<RawCriteriaTable>,
}

/// Một bộ tiêu chí: các tiêu chí của nhóm chung (cộng đúng 30 điểm) và của nhóm kết quả thực
/// hiện nhiệm vụ (cộng đúng 70 điểm).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCriteriaTable {
    /// Các tiêu chí của nhóm tiêu chí chung, mỗi tiêu chí có nội dung và điểm tối đa.
    pub chung: Vec<S<RawCriterionRow>>,
    /// Các tiêu chí của nhóm tiêu chí về kết quả thực hiện nhiệm vụ.
    pub nhiem_vu: Vec<S<RawCriterionRow>>,
}

/// Một tiêu chí chấm điểm.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCriterionRow {
    /// Nội dung tiêu chí, ví dụ «Phẩm chất chính trị, đạo đức, lối sống».
    pub noi_dung: S<String>,
    /// Điểm tối đa của tiêu chí.
    pub diem_toi_da: S<f64>,
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

/// Ký thay mặt chi bộ hay chi ủy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawOnBehalf {
    /// Ký «T/M CHI BỘ» (thay mặt chi bộ).
    ChiBo,
    /// Ký «T/M CHI ỦY» (thay mặt chi ủy).
    ChiUy,
}

/// Kế hoạch tổ chức kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// Số kế hoạch, chỉ ghi con số (5 in thành «Số 05-KH/CB»).
    /// Để trống hoặc không ghi thì chừa chỗ để ghi tay.
    #[serde(default)]
    #[schemars(with = "Option<NumberSchema>")]
    pub so: Option<S<String>>,
    /// Ngày ban hành kế hoạch, viết 01/12/2020 hoặc 2020-12-01.
    pub ngay: S<String>,
    /// Ngày gửi dự thảo báo cáo kiểm điểm tập thể (Mẫu 01) đến đảng viên dự hội nghị; theo
    /// Hướng dẫn 43-HD/BTCTW phải trước ngày họp ít nhất 03 ngày làm việc.
    #[serde(default)]
    pub gui_du_thao: Option<S<String>>,
    /// Trích yếu dưới tên văn bản, ví dụ
    /// «tổ chức kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên năm 2020».
    pub trich_yeu: S<String>,
    /// Các dòng «Căn cứ …», mỗi căn cứ một dòng. Có thể không ghi.
    #[serde(default)]
    pub can_cu: Vec<S<String>>,
    /// Câu dẫn vào kế hoạch, ví dụ «Chi bộ xây dựng kế hoạch thực hiện như sau:». Có thể không ghi.
    #[serde(default)]
    pub mo_dau: Option<S<String>>,
    /// Mục «Mục đích, yêu cầu», mỗi ý một dòng; viết {nam} để in «đ/c Nam».
    pub muc_dich_yeu_cau: Vec<S<String>>,
    /// Mục «Nguyên tắc», mỗi ý một dòng. Không ghi thì kế hoạch không có mục này.
    #[serde(default)]
    pub nguyen_tac: Vec<S<String>>,
    /// Mục «Thời gian»: các khoảng thời gian, mỗi khoảng có ngày bắt đầu, kết thúc và các việc.
    pub thoi_gian: Vec<S<RawPeriod>>,
    /// Mục «Phân công»: ai (hoặc nhóm nào) làm những việc gì.
    pub phan_cong: Vec<S<RawAssignment>>,
    /// Đoạn kết của kế hoạch; viết {nam} để in «đ/c Nam». Có thể không ghi.
    #[serde(default)]
    pub ket_luan: Option<S<String>>,
    /// Nơi nhận, mỗi nơi một dòng; dòng «Lưu …» được in tự động.
    #[serde(default)]
    pub noi_nhan: Vec<S<String>>,
    /// Nơi lưu, in thành «- Lưu …» ở cuối «Nơi nhận» của mọi văn bản. Không ghi thì là «Chi bộ».
    #[serde(default)]
    pub luu: Option<S<String>>,
    /// Mã của người ký kế hoạch, ví dụ «ly»; cũng là người ký mặc định của các văn bản khác.
    pub nguoi_ky: S<String>,
    /// Ký thay mặt chi bộ («chi_bo», mặc định khi không ghi) hay chi ủy («chi_uy»).
    #[serde(default)]
    pub thay_mat: Option<RawOnBehalf>,
}

/// Một khoảng thời gian trong mục «Thời gian» của kế hoạch.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// Ngày bắt đầu, viết 01/12/2020 hoặc 2020-12-01.
    pub tu: S<String>,
    /// Ngày kết thúc, viết 10/12/2020 hoặc 2020-12-10.
    pub den: S<String>,
    /// Dòng đầu của khoảng, in đúng như viết, ví dụ «Từ 18/12/2020 – 21/12/2020» (cách viết của
    /// kế hoạch cũ). Không ghi thì in «Từ 18/12/2020 đến 21/12/2020» («Ngày …» khi chỉ một
    /// ngày). Chỉ để in: các quy tắc vẫn dùng «tu» và «den».
    #[serde(default)]
    pub tieu_de: Option<S<String>>,
    /// Các việc trong khoảng này: mỗi việc là một câu,
    /// hoặc một mục có «noi_dung» kèm người thực hiện, ngày, hạn.
    pub viec: Vec<S<RawTask>>,
}

/// Một việc: chỉ một câu, hoặc một câu kèm người thực hiện, ngày, hạn.
#[derive(Debug)]
pub enum RawTask {
    /// Chỉ một câu; viết {nam} để in «đ/c Nam».
    Plain(String),
    /// Một câu kèm người thực hiện, ngày, hạn.
    Detailed(Box<RawTaskDetail>),
}

/// Một việc kèm người thực hiện và ngày,
/// in thành «… (đ/c Nam nghiên cứu: hạn chót thứ Sáu 18/12/2020)».
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTaskDetail {
    /// Nội dung công việc; viết {nam} để in «đ/c Nam».
    pub noi_dung: S<String>,
    /// Mã của những người thực hiện, ví dụ [nam, lan]. Có thể không ghi.
    #[serde(default)]
    pub nguoi: Vec<S<String>>,
    /// Việc những người đó làm, in sau tên, ví dụ «nghiên cứu». Có thể không ghi.
    #[serde(default)]
    pub vai_tro: Option<S<String>>,
    /// Ngày thực hiện, viết 18/12/2020 hoặc 2020-12-18; thứ trong tuần được tính tự động.
    #[serde(default)]
    pub ngay: Option<S<String>>,
    /// Chữ in trước ngày, ví dụ «dự kiến sáng». Có thể không ghi.
    #[serde(default)]
    pub ghi_chu: Option<S<String>>,
    /// Hạn hoàn thành, viết 18/12/2020 hoặc 2020-12-18; không được sau ngày hội nghị kiểm điểm.
    #[serde(default)]
    pub han: Option<S<String>>,
    /// Chữ in trước hạn, ví dụ «hạn cuối nhận:». Không ghi thì là «hạn chót».
    #[serde(default)]
    pub nhan_han: Option<S<String>>,
}

impl JsonSchema for RawTask {
    fn schema_name() -> Cow<'static, str> {
        "RawTask".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let detail = generator.subschema_for::<RawTaskDetail>();
        schemars::json_schema!({
            "anyOf": [{ "type": "string" }, detail]
        })
    }
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

/// Nhóm đảng viên được giao việc, thay cho danh sách mã.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RawGroup {
    /// In «Các đồng chí đảng viên»: toàn thể đảng viên trong chi bộ.
    CacDongChiDangVien,
    /// In «Các đảng viên khác»: những đảng viên không được phân công riêng.
    CacDangVienKhac,
}

/// Một mục phân công: người (hoặc nhóm) và các việc được giao.
/// Ghi đúng một trong hai trường «nguoi» hoặc «nhom».
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssignment {
    /// Mã của những người được giao việc, ví dụ [nam, lan]; không ghi cùng «nhom».
    #[serde(default)]
    pub nguoi: Vec<S<String>>,
    /// Hoặc giao cho cả nhóm (không ghi cùng «nguoi»):
    /// «cac_dong_chi_dang_vien» hoặc «cac_dang_vien_khac».
    #[serde(default)]
    pub nhom: Option<RawGroup>,
    /// Các việc được giao: mỗi việc là một câu,
    /// hoặc một mục có «noi_dung» kèm người thực hiện, ngày, hạn.
    pub viec: Vec<S<RawTask>>,
}
