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

/// The paragraphs of running text, each on one line: separated by a blank line where the text
/// keeps its line breaks (a literal YAML block), else by each line break (YAML folds a blank
/// line of a plain or folded scalar into one).
pub fn paragraphs(s: &str) -> Vec<String> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let blank = s
        .split('\n')
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| !w[0].trim().is_empty() && w[1].trim().is_empty());
    let parts: Vec<String> = if blank {
        let mut out = vec![String::new()];
        for line in s.split('\n') {
            if line.trim().is_empty() {
                out.push(String::new());
            } else if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        }
        out
    } else {
        s.split('\n').map(str::to_string).collect()
    };
    parts
        .iter()
        .map(|p| squeeze(p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A control character that makes a .docx no program can open (tab and line breaks are text).
pub fn is_forbidden_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// A bidirectional control character, which reorders the text around it in a viewer.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Collapses runs of whitespace to one space and trims the ends.
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// As [`squeeze`], but a run of whitespace holding a non-breaking space becomes one
/// non-breaking space: in a unit's name the clerk joins with it words that must stay on one
/// line of the header.
pub fn squeeze_keeping_nbsp(s: &str) -> String {
    const NBSP: char = '\u{a0}';
    let mut out = String::with_capacity(s.len());
    let mut gap: Option<char> = None;
    for c in s.trim_matches(|c: char| c.is_whitespace()).chars() {
        if c.is_whitespace() {
            let kind = if matches!(c, NBSP | '\u{202f}' | '\u{2007}') {
                NBSP
            } else {
                ' '
            };
            gap = Some(match gap {
                Some(NBSP) => NBSP,
                _ => kind,
            });
        } else {
            if let Some(g) = gap.take() {
                out.push(g);
            }
            out.push(c);
        }
    }
    out
}

/// How a name reads, whatever the place of its tone marks and its case: "Thuỷ" and "Thủy",
/// "NGUYỄN" and "Nguyễn" read alike. Each word's letters (with their vowel marks: â, ơ, ư…)
/// and its one tone mark, wherever it was put.
pub fn reading_key(name: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    name.split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            let mut letters = String::new();
            let mut tone = None;
            for c in lower.nfd() {
                if TONES.contains(&c) {
                    tone = Some(c);
                } else {
                    letters.push(c);
                }
            }
            letters.extend(tone);
            letters.nfc().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    fn a_non_breaking_space_survives_in_a_name() {
        assert_eq!(
            squeeze_keeping_nbsp("  Chi bộ  Khoa\u{a0}Công  "),
            "Chi bộ Khoa\u{a0}Công"
        );
        assert_eq!(squeeze_keeping_nbsp("a \u{a0} b\tc"), "a\u{a0}b c");
        assert_eq!(squeeze("a\u{a0}b"), "a b");
    }

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
