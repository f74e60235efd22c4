//! Vietnamese order of names: given name, then middle names, then family name, each compared
//! with ICU's Vietnamese collation (a ă â b c d đ e ê …; tones plain, huyền, hỏi, ngã, sắc, nặng).

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

static COLLATOR: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    Collator::try_new(locale!("vi").into(), CollatorOptions::default())
        .expect("the Vietnamese collation is compiled into icu_collator")
});

/// The parts of a full name in the order they are compared: given, middle…, family.
fn parts(full_name: &str) -> Vec<&str> {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match words.split_last() {
        None => Vec::new(),
        Some((given, rest)) => {
            let mut out = vec![*given];
            if let Some((family, middle)) = rest.split_first() {
                out.extend(middle.iter().copied());
                out.push(family);
            }
            out
        }
    }
}

/// Compares two full names the Vietnamese way.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        match COLLATOR.compare(x, y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| COLLATOR.compare(a, b))
}

/// Compares two texts (names of units) in Vietnamese alphabetical order, word by word as written.
pub fn compare(a: &str, b: &str) -> Ordering {
    COLLATOR.compare(a, b)
}

/// Sorts items by the full name `name` gives them, the Vietnamese way (stable for equal names).
pub fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare_names(name(a), name(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricky_names_sort_the_vietnamese_way() {
        let mut names = vec![
            "Nguyễn Thị Ánh",
            "Lê Văn Anh",
            "Trần Thị Ảnh",
            "Phạm Minh Đức",
            "Hoàng Dũng",
            "Võ Thị Ơn",
            "Lý Thị Thủy",
            "Đỗ Văn Ôn",
            "Mai Thu Thuỷ",
            "Trần Ngọc Ánh",
            "Nguyễn Văn Nam",
            "Lê Ngọc Anh",
            "Nguyễn Văn Nam",
        ];
        sort_by_name(&mut names, |n| n);
        assert_eq!(
            names[..11],
            [
                "Lê Ngọc Anh", // Anh: plain tone first; middle name Ngọc before Văn
                "Lê Văn Anh",
                "Trần Thị Ảnh",  // hỏi before sắc
                "Trần Ngọc Ánh", // Ánh: Ngọc before Thị
                "Nguyễn Thị Ánh",
                "Hoàng Dũng", // d before đ
                "Phạm Minh Đức",
                "Nguyễn Văn Nam", // two identical names both kept
                "Nguyễn Văn Nam",
                "Đỗ Văn Ôn", // o < ô < ơ
                "Võ Thị Ơn",
            ]
        );
        // "Thủy" and "Thuỷ" are the same name spelt two ways: both last, side by side.
        let mut last = names[11..].to_vec();
        last.sort();
        assert_eq!(last, ["Lý Thị Thủy", "Mai Thu Thuỷ"]);
    }

    #[test]
    fn parts_put_the_given_name_first() {
        assert_eq!(
            parts("Nguyễn Thị Minh Khai"),
            ["Khai", "Thị", "Minh", "Nguyễn"]
        );
        assert_eq!(parts("Dũng"), ["Dũng"]);
        assert!(parts("  ").is_empty());
    }
}
