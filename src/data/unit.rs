//! The district's own settings (`--don-vi FILE`): who issues the summary, its number and date,
//! who signs it. Without the file the summary is still written, with blanks to fill by hand
//! where the issuer's name goes: a header is never guessed from the cells.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::data::raw::S;
use crate::diag::{Diagnostic, Pos};
use crate::guide::{self, Guide};
use crate::vn;

/// What the summary needs to know about the body that issues it.
#[derive(Clone, Debug, Default)]
pub struct Unit {
    /// The superior line of the header ("Huyện ủy Gia Lâm"); blank when not set.
    pub superior: Option<String>,
    /// The issuer ("Ban Tổ chức"); blank when not set.
    pub issuer: Option<String>,
    /// Abbreviation in the number ("BTCHU").
    pub abbreviation: Option<String>,
    /// The number, when given.
    pub number: Option<String>,
    /// Place on the date line.
    pub place: Option<String>,
    /// The date; today (Vietnam time) when not set.
    pub date: Option<NaiveDate>,
    /// "Kính gửi" line.
    pub to: Option<String>,
    /// Recipients (without "Lưu").
    pub recipients: Vec<String>,
    /// Where the copy is kept ("Lưu …").
    pub archive: Option<String>,
    /// The signature's authority line ("T/M BAN TỔ CHỨC"), title ("TRƯỞNG BAN"), name.
    pub sign_authority: Option<String>,
    /// The signer's title.
    pub sign_title: Option<String>,
    /// The signer's name.
    pub sign_name: Option<String>,
    /// A layout guide chosen by name.
    pub guide: Option<&'static Guide>,
    /// The file's bytes, so that a change of the settings rebuilds the summary.
    pub bytes: Vec<u8>,
}

/// The file as written (Vietnamese keys).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    cap_tren: Option<String>,
    ten: Option<String>,
    ky_hieu: Option<String>,
    so: Option<S<serde_json::Value>>,
    dia_danh: Option<String>,
    ngay: Option<S<String>>,
    kinh_gui: Option<String>,
    #[serde(default)]
    noi_nhan: Vec<String>,
    luu: Option<String>,
    nguoi_ky: Option<RawSigner>,
    the_thuc: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSigner {
    quyen_han: Option<String>,
    chuc_vu: Option<String>,
    ho_ten: Option<String>,
}

fn at(s: &S<impl Sized>) -> Pos {
    Pos {
        line: s.referenced.line(),
        column: s.referenced.column(),
    }
}

/// A one-line text as the summary prints it: whitespace squeezed, `None` when blank.
fn line(s: Option<String>) -> Option<String> {
    s.map(|s| vn::text::squeeze(&vn::text::nfc(&s)))
        .filter(|s| !s.is_empty())
}

impl Unit {
    /// Reads the settings file `file` (its name as given, for messages) from `bytes`.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Unit, Vec<Diagnostic>> {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            vec![
                Diagnostic::error(file, Pos::default(), "", "tệp không phải văn bản UTF-8.")
                    .with_hint("lưu lại tệp với bảng mã UTF-8 (Unicode)."),
            ]
        })?;
        let raw: RawUnit = crate::data::yaml_errors::from_str(file, text).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let date = raw
            .ngay
            .as_ref()
            .and_then(|s| match vn::date::parse(&s.value) {
                Some(d) if (1930..=2100).contains(&chrono::Datelike::year(&d)) => Some(d),
                _ => {
                    errors.push(
                        Diagnostic::error(
                            file,
                            at(s),
                            "ngay",
                            format!("«{}» không phải một ngày hợp lệ.", s.value.trim()),
                        )
                        .with_hint("viết ngày theo dạng ngày/tháng/năm, ví dụ 20/01/2027."),
                    );
                    None
                }
            });
        let guide = raw.the_thuc.as_ref().and_then(|s| {
            let g = guide::by_id(s.value.trim());
            if g.is_none() {
                let ids: Vec<&str> = guide::ALL.iter().map(|g| g.id).collect();
                errors.push(
                    Diagnostic::error(
                        file,
                        at(s),
                        "the_thuc",
                        format!("không có thể thức «{}».", s.value.trim()),
                    )
                    .with_hint(format!("chọn một trong: {}.", ids.join(", "))),
                );
            }
            g
        });
        let number = raw.so.as_ref().and_then(|s| match &s.value {
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::String(t) => line(Some(t.clone())),
            serde_json::Value::Null => None,
            _ => {
                errors.push(Diagnostic::error(
                    file,
                    at(s),
                    "so",
                    "số văn bản phải là một số hoặc một dòng chữ.",
                ));
                None
            }
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        let signer = raw.nguoi_ky.unwrap_or(RawSigner {
            quyen_han: None,
            chuc_vu: None,
            ho_ten: None,
        });
        Ok(Unit {
            superior: line(raw.cap_tren),
            issuer: line(raw.ten),
            abbreviation: line(raw.ky_hieu),
            number,
            place: line(raw.dia_danh),
            date,
            to: line(raw.kinh_gui),
            recipients: raw
                .noi_nhan
                .into_iter()
                .filter_map(|r| line(Some(r)))
                .collect(),
            archive: line(raw.luu),
            sign_authority: line(signer.quyen_han),
            sign_title: line(signer.chuc_vu),
            sign_name: line(signer.ho_ten),
            guide,
            bytes: bytes.to_vec(),
        })
    }
}
