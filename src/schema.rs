//! `hoso schema`: the JSON Schema of the data file, from the serde types themselves, so that an
//! editor with the YAML language server completes and checks fields (descriptions in Vietnamese).

use crate::data::raw::RawDossier;

/// Where `hoso init` puts the schema, and where the starter file's first line points.
pub const FILE_NAME: &str = "hoso.schema.json";

/// The schema as pretty-printed JSON.
pub fn json() -> String {
    let mut schema = schemars::schema_for!(RawDossier);
    schema.insert(
        "title".into(),
        "Dữ liệu hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng chi bộ, đảng viên (hoso)".into(),
    );
    // a value that cannot fail to serialise: the schema is built from plain JSON values
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
