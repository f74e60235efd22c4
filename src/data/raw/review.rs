//! A self-review and its scores (`tu_kiem_diem`, `diem`, `bo_tieu_chi`), as written.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::borrow::Cow;

use super::*;

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
