//! The fonts shipped inside the program (Liberation Serif: metric-compatible with Times New Roman,
//! which the .docx names): their files for the PDF, their metrics for line breaks, and which
//! characters they can print.

use std::sync::LazyLock;

/// Regular, bold, italic, bold italic.
pub const FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The regular and bold faces, parsed once.
static FACES: LazyLock<[ttf_parser::Face<'static>; 2]> = LazyLock::new(|| {
    let face =
        |data: &'static [u8]| ttf_parser::Face::parse(data, 0).expect("the embedded font parses");
    [face(FILES[0]), face(FILES[1])]
});

/// The regular or bold face.
pub fn face(bold: bool) -> &'static ttf_parser::Face<'static> {
    &FACES[usize::from(bold)]
}

/// Whether the fonts can print `c` (whitespace always can).
pub fn covers(c: char) -> bool {
    c.is_whitespace() || FACES[0].glyph_index(c).is_some()
}

#[cfg(test)]
mod tests {
    #[test]
    fn vietnamese_and_the_forms_boxes_are_covered_emoji_are_not() {
        for c in "ẮẰẲẴẶắằẳẵặđĐưƯơƠỹỸ□■–…“”«»".chars() {
            assert!(super::covers(c), "{c}");
        }
        assert!(!super::covers('😀'));
    }
}
