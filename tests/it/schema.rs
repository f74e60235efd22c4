//! `hoso schema`: the JSON Schema of the data file, Vietnamese descriptions, unknown keys refused,
//! the same fields the loader reads.

use crate::common::*;
use serde_json::Value;

fn schema() -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let o = hoso(tmp.path(), &["schema"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("the schema is JSON")
}

/// The schema of `name` under `$defs`, following a `$ref`.
fn def<'a>(s: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => &s["$defs"][r.trim_start_matches("#/$defs/")],
        None => v,
    }
}

#[test]
fn the_schema_describes_the_file_in_vietnamese_and_refuses_unknown_keys() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let props = s["properties"].as_object().unwrap();
    for key in [
        "nam",
        "chi_bo",
        "dang_vien",
        "ke_hoach",
        "hoi_nghi",
        "bao_cao_ket_qua",
        "phieu_213",
    ] {
        assert!(props.contains_key(key), "{key} missing");
    }
    assert_eq!(s["additionalProperties"], false);
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"dang_vien") && required.contains(&"ke_hoach"));
    // a member: its fields, descriptions in Vietnamese, the four rating levels as an enum
    let member = def(&s, &s["properties"]["dang_vien"]["items"]);
    let fields = member["properties"].as_object().unwrap();
    assert!(fields.contains_key("ho_ten") && fields.contains_key("cu_tru"));
    let all = s.to_string();
    for word in ["đảng viên", "Họ và tên", "Hoàn thành tốt nhiệm vụ"] {
        assert!(all.contains(word), "no description mentions {word:?}");
    }
    for level in [
        "hoan_thanh_xuat_sac",
        "hoan_thanh_tot",
        "hoan_thanh",
        "khong_hoan_thanh",
    ] {
        assert!(all.contains(&format!("\"{level}\"")), "{level} missing");
    }
}

#[test]
fn every_key_of_the_fixture_is_in_the_schema() {
    // A key the schema lacks would be flagged by the clerk's editor although the loader accepts it.
    let s = schema();
    let text = std::fs::read_to_string(fixture()).unwrap()
        + &std::fs::read_to_string(fixture_2025()).unwrap();
    let known = s.to_string();
    for line in text.lines() {
        let t = line.trim_start().trim_start_matches("- ");
        if t.starts_with('#') {
            continue;
        }
        if let Some((key, _)) = t.split_once(':')
            && !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            && line.starts_with(' ') | !line.starts_with('-')
        {
            assert!(
                known.contains(&format!("\"{key}\"")),
                "{key} not in the schema"
            );
        }
    }
}
