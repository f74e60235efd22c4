//! Numbers as Vietnamese documents write them: thousands separated by a dot ("4.165"), decimals
//! after a comma ("86,36").

/// A count: "4.165", "1.234.567", "25".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `n` of `base` as a percentage with a decimal comma, rounded half up to two decimals and
/// without trailing zeros: 2 of 3 → "66,67%", 1 of 8 → "12,5%", 3 of 3 → "100%".
pub fn percent(n: u32, base: u32) -> String {
    match base {
        0 => share(n, base),
        _ => share(n, base) + "%",
    }
}

/// The same share without its sign, for a "Tỷ lệ (%)" column: 1 of 13 → "7,69"; "—" of nothing.
pub fn share(n: u32, base: u32) -> String {
    if base == 0 {
        return "—".to_string();
    }
    // hundredths of a percent, in integers so that no float ever rounds the wrong way
    let h = (u64::from(n) * 20_000 + u64::from(base)) / (2 * u64::from(base));
    let (whole, frac) = (h / 100, h % 100);
    match frac {
        0 => format!("{whole}"),
        f if f % 10 == 0 => format!("{whole},{}", f / 10),
        f => format!("{whole},{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_rounded_half_up_with_a_decimal_comma() {
        // worked by hand: 2/3 = 66,666…; 1/6 = 16,666…; 5/7 = 71,428…; 1/8 = 12,5;
        // 1/200 = 0,5; 1/16 = 6,25; 1/3 = 33,333…; 7/7 = 100; 0/9 = 0;
        // 1/1600 = 0,0625 → 0,06; 1/800 = 0,125 → 0,13 (half up)
        let cases = [
            (2, 3, "66,67%"),
            (1, 6, "16,67%"),
            (5, 7, "71,43%"),
            (1, 8, "12,5%"),
            (1, 200, "0,5%"),
            (1, 16, "6,25%"),
            (1, 3, "33,33%"),
            (7, 7, "100%"),
            (0, 9, "0%"),
            (1, 1600, "0,06%"),
            (1, 800, "0,13%"),
            (3, 0, "—"),
        ];
        for (n, base, want) in cases {
            assert_eq!(percent(n, base), want, "{n}/{base}");
        }
        // the column form drops the sign
        assert_eq!(share(1, 13), "7,69");
        assert_eq!(share(13, 13), "100");
        assert_eq!(share(2, 0), "—");
    }

    #[test]
    fn thousands_are_separated_by_a_dot() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(4165), "4.165");
        assert_eq!(count(1_234_567), "1.234.567");
        assert_eq!(count(100_000), "100.000");
    }
}
