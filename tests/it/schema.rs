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

/// The schemas a value at `v` may follow: `v` itself, its `$ref`, its `anyOf`/`oneOf`/`allOf`
/// alternatives, each followed in turn.
fn alternatives<'a>(s: &'a Value, v: &'a Value) -> Vec<&'a Value> {
    let v = def(s, v);
    let mut out = vec![v];
    for k in ["anyOf", "oneOf", "allOf"] {
        for alt in v.get(k).and_then(Value::as_array).into_iter().flatten() {
            out.extend(alternatives(s, alt));
        }
    }
    out
}

/// Every key of `value` that the schema `schema` does not have at its path.
fn unknown_keys(s: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let alts = alternatives(s, schema);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let at = format!("{path}.{k}");
                let props: Vec<&Value> = alts
                    .iter()
                    .filter_map(|a| a.get("properties").and_then(|p| p.get(k)))
                    .collect();
                if props.is_empty() {
                    out.push(at);
                    continue;
                }
                for p in props.into_iter().take(1) {
                    unknown_keys(s, p, v, &at, out);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = alts.iter().find_map(|a| a.get("items")) {
                for (i, v) in items.iter().enumerate() {
                    unknown_keys(s, item, v, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_key_of_the_fixtures_is_in_the_schema_at_its_path() {
    // A key the schema lacks where it is written would be flagged by the clerk's editor although
    // the loader accepts it.
    let s = schema();
    for f in [fixture(), fixture_2025()] {
        let text = std::fs::read_to_string(&f).unwrap();
        let value: Value = serde_saphyr::from_str(&text).unwrap();
        let mut unknown = Vec::new();
        unknown_keys(&s, &s, &value, "", &mut unknown);
        assert!(unknown.is_empty(), "{}: {unknown:?}", f.display());
    }
    // and the check itself finds a key written at the wrong place
    let misplaced: Value = serde_saphyr::from_str("chi_bo:\n  ten: A\n  ho_ten: B\n").unwrap();
    let mut unknown = Vec::new();
    unknown_keys(&s, &s, &misplaced, "", &mut unknown);
    assert_eq!(unknown, [".chi_bo.ho_ten"]);
}

#[test]
fn the_schema_speaks_of_both_regulations() {
    let s = schema();
    let text = |p: &str| -> String {
        s.pointer(p)
            .and_then(|v| v.get("description"))
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no description at {p}"))
            .to_string()
    };
    assert!(text("/properties/nam").contains("2025"));
    assert!(text("/properties/quy_dinh").contains("hd43-2025"));
    let member = def(&s, &s["properties"]["dang_vien"]["items"]);
    let joined = |key: &str| {
        let v = &member["properties"][key];
        let d = def(&s, v);
        format!("{} {}", v["description"], d["description"])
    };
    assert!(
        joined("ngay_vao_dang").contains("366"),
        "{}",
        joined("ngay_vao_dang")
    );
    assert!(joined("lanh_dao_quan_ly").contains("2A"));
    // no rule of 2019 stated as if it held every year
    let all = s.to_string();
    for (at, _) in all.match_indices("vẫn kiểm điểm nhưng không xếp loại") {
        let mut from = at.saturating_sub(200);
        while !all.is_char_boundary(from) {
            from += 1;
        }
        let before = &all[from..at];
        assert!(before.contains("2019"), "…{before}");
    }
}
