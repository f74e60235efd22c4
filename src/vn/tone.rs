//! Where the tone mark sits in «oa», «oe», «uy» at a word's end: on the first vowel («hòa»,
//! «thủy», the older habit) or on the second («hoà», «thuỷ»). Both are correct Vietnamese; a
//! document should use one. The data file's habit (the placement most of its words show) is the
//! fixed wording's; every word the data writes is printed as written (a page mixes the two only
//! where the data itself does).

use std::borrow::Cow;
use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

/// Which vowel of the final «oa», «oe», «uy» carries the tone mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// «hòa», «thủy», «khỏe».
    #[default]
    First,
    /// «hoà», «thuỷ», «khoẻ».
    Second,
}

fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// A word in decomposed letters: each base letter with its marks.
fn letters(word: &str) -> Vec<(char, Vec<char>)> {
    let mut out: Vec<(char, Vec<char>)> = Vec::new();
    for c in word.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            if let Some(last) = out.last_mut() {
                last.1.push(c);
            }
        } else {
            out.push((c, Vec::new()));
        }
    }
    out
}

/// Where the word's final «oa», «oe», «uy» has its tone, and the index of its first vowel.
fn cluster(ls: &[(char, Vec<char>)]) -> Option<(Placement, usize)> {
    let n = ls.len();
    if n < 2 {
        return None;
    }
    let (a, am) = &ls[n - 2];
    let (b, bm) = &ls[n - 1];
    let pair = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    let known = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    // «quý»: the u belongs to «qu», the tone is always on the y
    let after_q = n >= 3 && ls[n - 3].0.eq_ignore_ascii_case(&'q');
    if !known || after_q || !am.iter().chain(bm).all(|c| is_tone(*c)) {
        return None;
    }
    match (am.len(), bm.len()) {
        (1, 0) => Some((Placement::First, n - 2)),
        (0, 1) => Some((Placement::Second, n - 2)),
        _ => None,
    }
}

/// The placement `word` shows, if it ends in a toned «oa», «oe» or «uy».
pub fn placement_of(word: &str) -> Option<Placement> {
    cluster(&letters(word)).map(|(p, _)| p)
}

/// `word` with its final cluster's tone on the vowel `p` says (unchanged when it has none).
pub fn place(word: &str, p: Placement) -> String {
    let mut ls = letters(word);
    if let Some((now, i)) = cluster(&ls)
        && now != p
    {
        let (from, to) = match p {
            Placement::First => (i + 1, i),
            Placement::Second => (i, i + 1),
        };
        let tone = std::mem::take(&mut ls[from].1);
        ls[to].1 = tone;
        return ls
            .into_iter()
            .flat_map(|(c, m)| std::iter::once(c).chain(m))
            .nfc()
            .collect();
    }
    word.to_string()
}

/// The data file's habit: the placement most of its words show, and its words as written.
#[derive(Clone, Debug, Default)]
pub struct Spelling {
    /// The placement the data uses most (the first vowel when it shows none).
    pub placement: Placement,
    /// Every word of the data, in lower case: printed as written wherever it appears.
    pub words: HashSet<String>,
}

/// The words of `text`: runs of letters and marks.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)))
        .filter(|w| !w.is_empty())
}

impl Spelling {
    /// The habit of a data file's text (its comments left out: they are the starter's).
    pub fn of(text: &str) -> Spelling {
        let mut words_of = HashSet::new();
        let (mut first, mut second) = (0, 0);
        for line in text.lines() {
            let value = match line.find(" #") {
                _ if line.trim_start().starts_with('#') => continue,
                Some(i) => &line[..i],
                None => line,
            };
            for w in words(value) {
                match placement_of(w) {
                    Some(Placement::First) => first += 1,
                    Some(Placement::Second) => second += 1,
                    None => {}
                }
                words_of.insert(w.nfc().collect::<String>().to_lowercase());
            }
        }
        Spelling {
            placement: if second > first {
                Placement::Second
            } else {
                Placement::First
            },
            words: words_of,
        }
    }

    /// Keeps the words of `text` as written too (a member's submission).
    pub fn keep_words_of(&mut self, text: &str) {
        self.words
            .extend(words(text).map(|w| w.nfc().collect::<String>().to_lowercase()));
    }

    /// `text` with each word of the other habit placed as the data places it, unless the data
    /// writes that very word.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let other = |w: &str| {
            placement_of(w).is_some_and(|p| p != self.placement)
                && !self.words.contains(&w.to_lowercase())
        };
        if !words(text).any(other) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if other(word) {
                out.push_str(&place(word, self.placement));
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tone_moves_between_the_two_vowels_only_where_it_may() {
        assert_eq!(placement_of("thủy"), Some(Placement::First));
        assert_eq!(placement_of("thuỷ"), Some(Placement::Second));
        assert_eq!(place("uỷ", Placement::First), "ủy");
        assert_eq!(place("ủy", Placement::Second), "uỷ");
        assert_eq!(place("hóa", Placement::Second), "hoá");
        assert_eq!(place("khoẻ", Placement::First), "khỏe");
        assert_eq!(place("ỦY", Placement::Second), "UỶ");
        // a final consonant, «qu», no tone, or a vowel of another kind: as it is
        for w in [
            "hoàn", "quý", "quỳ", "hoa", "uy", "thuyết", "người", "ngoài", "tươi",
        ] {
            assert_eq!(placement_of(w), None, "{w}");
            assert_eq!(place(w, Placement::Second), w);
        }
    }

    #[test]
    fn the_datas_habit_is_followed_and_its_own_words_are_kept() {
        let s = Spelling::of(
            "chi_bo: Chi bộ phường Hoà Bình\ncap_tren: Đảng uỷ phường Hoà Bình\nho_ten: Lê Thị Thủy  # ủy ủy ủy\n# hòa hòa hòa\n",
        );
        assert_eq!(s.placement, Placement::Second);
        assert_eq!(
            s.apply("T/M CHI ỦY, cấp ủy, văn hóa; đ/c Thủy"),
            "T/M CHI UỶ, cấp uỷ, văn hoá; đ/c Thủy"
        );
        let old = Spelling::of("cap_tren: Đảng ủy phường Hòa Bình\n");
        assert_eq!(old.placement, Placement::First);
        assert_eq!(
            old.apply("các cấp uỷ, chuyển hoá"),
            "các cấp ủy, chuyển hóa"
        );
        assert!(matches!(old.apply("không đổi"), Cow::Borrowed(_)));
    }
}
