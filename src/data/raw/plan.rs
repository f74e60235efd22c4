//! The plan (`ke_hoach`): periods, tasks, assignments, as written.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::borrow::Cow;

use super::*;

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
