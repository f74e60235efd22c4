//! Vietnamese text: normalisation, upper-casing, names and ASCII slugs.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The text in Unicode NFC (Vietnamese keyboards produce both composed and decomposed forms).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Unicode-aware upper case, kept in NFC ("Chi bộ" → "CHI BỘ", đ → Đ).
pub fn upper(s: &str) -> String {
    nfc(&s.to_uppercase())
}

/// The given name: the last word of a full name ("Trần Thị Ly" → "Ly").
pub fn given_name(full_name: &str) -> &str {
    full_name.split_whitespace().last().unwrap_or(full_name)
}

/// Collapses runs of whitespace to one space and trims the ends.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An ASCII slug for file names: "Nguyễn Văn Nam" → "nguyen-van-nam" (đ → d).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_case_is_unicode_aware_and_nfc() {
        assert_eq!(
            upper("Chi bộ THPT Nguyễn Văn Tăng"),
            "CHI BỘ THPT NGUYỄN VĂN TĂNG"
        );
        assert_eq!(upper("đảng bộ quận 9"), "ĐẢNG BỘ QUẬN 9");
        let decomposed: String = "Thủy".nfd().collect();
        assert_eq!(upper(&decomposed), "THỦY");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Nguyễn Văn Nam"), "nguyen-van-nam");
        assert_eq!(slug("Đỗ Thị Ưng"), "do-thi-ung");
        assert_eq!(slug("  Lê  Thuỷ (A) "), "le-thuy-a");
    }

    #[test]
    fn given_name_is_the_last_word() {
        assert_eq!(given_name("Trần Thị Ly"), "Ly");
        assert_eq!(given_name("Ly"), "Ly");
    }
}
