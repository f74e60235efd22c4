//! Where a Vietnamese unit name may be broken into lines. Vietnamese writes each syllable apart,
//! so a space is not a word boundary: "CAO ĐẲNG", "CÔNG NGHỆ THÔNG TIN", "THỪA THIÊN HUẾ" are each
//! one word or one name, and a line must not end in the middle of one. This module knows the
//! words that make up the names of Party bodies, schools, agencies and firms, and the heads that
//! start a new part of a name ("TRƯỜNG", "KHOA", "CÔNG TY"…); syllables it does not know, next
//! to each other, are taken as one proper name ("NGUYỄN VĂN TĂNG", "THỦ ĐỨC").

/// Words of two or more syllables found in the names of bodies (upper case).
const WORDS: &[&str] = &[
    "CÔNG NGHỆ THÔNG TIN",
    "TRÁCH NHIỆM HỮU HẠN",
    "CỰU CHIẾN BINH",
    "HỢP TÁC XÃ",
    "TỔNG CÔNG TY",
    "TỔ DÂN PHỐ",
    "THỊ TRẤN",
    "THỊ XÃ",
    "ĐẢNG BỘ",
    "CHI BỘ",
    "ĐẢNG ỦY",
    "ĐẢNG UỶ",
    "CHI ỦY",
    "CHI UỶ",
    "HUYỆN ỦY",
    "HUYỆN UỶ",
    "QUẬN ỦY",
    "QUẬN UỶ",
    "THÀNH ỦY",
    "THÀNH UỶ",
    "TỈNH ỦY",
    "TỈNH UỶ",
    "THỊ ỦY",
    "THỊ UỶ",
    "ĐẢNG ĐOÀN",
    "BAN CÁN SỰ",
    "CAO ĐẲNG",
    "ĐẠI HỌC",
    "TRUNG HỌC",
    "TIỂU HỌC",
    "MẦM NON",
    "PHỔ THÔNG",
    "CƠ SỞ",
    "TRUNG CẤP",
    "DẠY NGHỀ",
    "NGHỀ NGHIỆP",
    "GIÁO DỤC",
    "THƯỜNG XUYÊN",
    "ĐÀO TẠO",
    "BỒI DƯỠNG",
    "CHÍNH TRỊ",
    "CÔNG NGHỆ",
    "THÔNG TIN",
    "KỸ THUẬT",
    "KĨ THUẬT",
    "KHOA HỌC",
    "KINH TẾ",
    "TÀI CHÍNH",
    "NGÂN HÀNG",
    "KẾ TOÁN",
    "KIỂM TOÁN",
    "THƯƠNG MẠI",
    "DỊCH VỤ",
    "DU LỊCH",
    "SẢN XUẤT",
    "XÂY DỰNG",
    "GIAO THÔNG",
    "VẬN TẢI",
    "NÔNG NGHIỆP",
    "LÂM NGHIỆP",
    "NGƯ NGHIỆP",
    "CÔNG NGHIỆP",
    "THỦY SẢN",
    "THUỶ SẢN",
    "THỦY LỢI",
    "THUỶ LỢI",
    "ĐIỆN LỰC",
    "BƯU ĐIỆN",
    "VIỄN THÔNG",
    "PHÁT TRIỂN",
    "NÔNG THÔN",
    "MÔI TRƯỜNG",
    "TÀI NGUYÊN",
    "CẤP NƯỚC",
    "THOÁT NƯỚC",
    "ĐÔ THỊ",
    "CÔNG TRÌNH",
    "CÔNG CỘNG",
    "CÔNG TY",
    "CỔ PHẦN",
    "HỮU HẠN",
    "MỘT THÀNH VIÊN",
    "THÀNH VIÊN",
    "TẬP ĐOÀN",
    "DOANH NGHIỆP",
    "CHI NHÁNH",
    "NHÀ MÁY",
    "XÍ NGHIỆP",
    "TRUNG TÂM",
    "HỌC VIỆN",
    "VIỆN NGHIÊN CỨU",
    "NGHIÊN CỨU",
    "BỆNH VIỆN",
    "ĐA KHOA",
    "Y TẾ",
    "Y TẾ DỰ PHÒNG",
    "DỰ PHÒNG",
    "DƯỢC PHẨM",
    "TRẠM Y TẾ",
    "VĂN HÓA",
    "VĂN HOÁ",
    "THỂ THAO",
    "THỂ DỤC",
    "PHÁT THANH",
    "TRUYỀN HÌNH",
    "BÁO CHÍ",
    "XUẤT BẢN",
    "ỦY BAN",
    "UỶ BAN",
    "NHÂN DÂN",
    "HỘI ĐỒNG",
    "MẶT TRẬN",
    "TỔ QUỐC",
    "THANH NIÊN",
    "PHỤ NỮ",
    "NÔNG DÂN",
    "CÔNG ĐOÀN",
    "LAO ĐỘNG",
    "THƯƠNG BINH",
    "XÃ HỘI",
    "NỘI VỤ",
    "TƯ PHÁP",
    "NGOẠI VỤ",
    "KIỂM SÁT",
    "TÒA ÁN",
    "TOÀ ÁN",
    "THI HÀNH",
    "DÂN SỰ",
    "THANH TRA",
    "KIỂM TRA",
    "TUYÊN GIÁO",
    "DÂN VẬN",
    "TỔ CHỨC",
    "VĂN PHÒNG",
    "CƠ QUAN",
    "HÀNH CHÍNH",
    "SỰ NGHIỆP",
    "CÔNG AN",
    "QUÂN SỰ",
    "BIÊN PHÒNG",
    "THÀNH PHỐ",
    "KHU PHỐ",
    "KHU DÂN CƯ",
    "DÂN CƯ",
    "KHU VỰC",
    "LIÊN CƠ QUAN",
    "QUỐC TẾ",
    "QUỐC GIA",
    "DÂN LẬP",
    "TƯ THỤC",
    "CHUYÊN MÔN",
    "NGHIỆP VỤ",
    "NGOẠI NGỮ",
    "TIN HỌC",
    "TOÁN HỌC",
    "NGỮ VĂN",
    "LỊCH SỬ",
    "ĐỊA LÝ",
    "ĐỊA LÍ",
    "SINH HỌC",
    "HÓA HỌC",
    "HOÁ HỌC",
    "VẬT LÝ",
    "VẬT LÍ",
    "CƠ KHÍ",
    "ĐIỆN TỬ",
    "TỰ ĐỘNG HÓA",
    "TỰ ĐỘNG HOÁ",
    "QUẢN TRỊ",
    "KINH DOANH",
    "KHÁCH SẠN",
    "NHÀ HÀNG",
    "HÀNG KHÔNG",
    "HÀNG HẢI",
    "ĐƯỜNG SẮT",
    "ĐƯỜNG BỘ",
    "CẢNG",
];

/// Words that start a new part of a name: a line may well begin with one.
const HEADS: &[&str] = &[
    "TRƯỜNG",
    "KHOA",
    "PHÒNG",
    "BAN",
    "SỞ",
    "VIỆN",
    "BỆNH VIỆN",
    "TRUNG TÂM",
    "CÔNG TY",
    "TỔNG CÔNG TY",
    "CHI NHÁNH",
    "NHÀ MÁY",
    "XÍ NGHIỆP",
    "TRẠM",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "QUẬN",
    "HUYỆN",
    "TỈNH",
    "THÀNH PHỐ",
    "THÔN",
    "ẤP",
    "BẢN",
    "KHU PHỐ",
    "TỔ DÂN PHỐ",
    "BỘ MÔN",
    "TỔ",
    "ĐỘI",
    "HỢP TÁC XÃ",
    "ỦY BAN",
    "UỶ BAN",
];

/// A place between two syllables, and how well a line breaks there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    /// Before a head: the best place.
    Good,
    /// Between two words.
    Fair,
    /// Inside an unknown run of syllables (perhaps a proper name): only when nothing else fits.
    Poor,
    /// Inside a known word: never, unless nothing else fits at all.
    Never,
}

/// The syllables of `upper` (an upper-case name, split at spaces; a non-breaking space keeps
/// what it joins in one syllable), and how well a line breaks before each of them (index 0 is
/// the start and has no break).
pub fn breaks(upper: &str) -> (Vec<&str>, Vec<Break>) {
    let syl: Vec<&str> = upper.split(' ').filter(|s| !s.is_empty()).collect();
    let n = syl.len();
    // which syllables a known word covers: inside[i] = the break before i is inside a word
    let mut inside = vec![false; n];
    let mut known = vec![false; n];
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        for w in WORDS {
            let parts: Vec<&str> = w.split(' ').collect();
            if parts.len() > matched
                && i + parts.len() <= n
                && parts.iter().zip(&syl[i..]).all(|(a, b)| a == b)
            {
                matched = parts.len();
            }
        }
        if matched > 0 {
            for k in i..i + matched {
                known[k] = true;
                if k > i {
                    inside[k] = true;
                }
            }
            i += matched;
        } else {
            i += 1;
        }
    }
    let starts_head = |i: usize| {
        HEADS.iter().any(|h| {
            let parts: Vec<&str> = h.split(' ').collect();
            i + parts.len() <= n && parts.iter().zip(&syl[i..]).all(|(a, b)| a == b)
        })
    };
    let single = |s: &str| {
        // a number, an abbreviation in Latin letters ("THPT", "9"): a word of its own
        s.chars().all(|c| c.is_ascii_alphanumeric()) || HEADS.contains(&s) || WORDS.contains(&s)
    };
    let mut out = vec![Break::Never; n];
    for i in 1..n {
        out[i] = if inside[i] {
            Break::Never
        } else if starts_head(i) {
            Break::Good
        } else if syl[i].chars().all(|c| c.is_ascii_digit()) {
            // "QUẬN 9": a number stays with the word before it
            Break::Poor
        } else if !known[i - 1] && !known[i] && !single(syl[i - 1]) && !single(syl[i]) {
            // two unknown syllables side by side: a proper name
            Break::Poor
        } else {
            Break::Fair
        };
    }
    (syl, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_fall_between_words_not_inside_them() {
        let (syl, b) = breaks("ĐẢNG BỘ TRƯỜNG CAO ĐẲNG KỸ THUẬT THỦ ĐỨC");
        assert_eq!(syl.len(), 9);
        // ĐẢNG|BỘ never, BỘ|TRƯỜNG good, TRƯỜNG|CAO fair, CAO|ĐẲNG never, ĐẲNG|KỸ fair,
        // KỸ|THUẬT never, THUẬT|THỦ fair, THỦ|ĐỨC poor (a name)
        assert_eq!(
            b[1..],
            [
                Break::Never,
                Break::Good,
                Break::Fair,
                Break::Never,
                Break::Fair,
                Break::Never,
                Break::Fair,
                Break::Poor
            ]
        );
        let (_, b) = breaks("CHI BỘ KHOA CÔNG NGHỆ THÔNG TIN");
        assert_eq!(b[2], Break::Good, "before KHOA");
        assert_eq!(b[3], Break::Fair, "before CÔNG");
        assert!(b[4..].iter().all(|x| *x == Break::Never), "{b:?}");
        let (syl, _) = breaks("CHI BỘ KHOA CÔNG\u{a0}NGHỆ");
        assert_eq!(syl.len(), 4, "a non-breaking space joins");
    }
}
