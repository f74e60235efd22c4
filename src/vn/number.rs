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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_by_a_dot() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(4165), "4.165");
        assert_eq!(count(1_234_567), "1.234.567");
        assert_eq!(count(100_000), "100.000");
    }
}
