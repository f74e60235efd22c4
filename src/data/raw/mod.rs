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
use serde::de::Deserializer;
use serde_saphyr::{Location, Spanned};

mod meeting;
mod members;
mod plan;
mod reports;
mod review;

pub use meeting::*;
pub use members::*;
pub use plan::*;
pub use reports::*;
pub use review::*;

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
