//! The document model: what a Party document says and how its parts are laid out, with no
//! knowledge of Word or Typst. Both renderers take this and nothing else.

use serde::Serialize;

use crate::guide::Guide;

/// A whole document.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// The kind of document ("ke-hoach", "giay-moi"), as `--only` names it.
    pub kind: String,
    /// The member the document is about, by id, when it is about one.
    pub member: Option<String>,
    /// Where it is written, relative to the output folder and without extension
    /// ("ke-hoach", "giay-moi/tran-van-binh").
    pub path: String,
    /// Title for the file's metadata.
    pub meta_title: String,
    /// Author for the file's metadata (the issuing body).
    pub meta_author: String,
    /// The document's own date, `YYYY-MM-DD`; used for file timestamps so output is deterministic.
    pub date: String,
    /// Page margins in millimetres.
    pub margins: Margins,
    /// The layout guide the document follows (chosen by its date, or by the data).
    #[serde(skip)]
    pub guide: &'static Guide,
    /// The form's label in the top right corner of page 1 ("Mẫu 02-HD KĐ.ĐG 2019"), if any.
    pub form_label: Option<String>,
    /// The two-column Party header.
    pub header: Header,
    /// Document type and summary.
    pub title: Title,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// How much there is to lay out: blocks, plus the rows of each table.
    pub fn weight(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Table { rows, .. } => 1 + rows.len(),
                _ => 1,
            })
            .sum()
    }
}

/// Page margins in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Margins {
    /// Top.
    pub top: f64,
    /// Bottom.
    pub bottom: f64,
    /// Left.
    pub left: f64,
    /// Right.
    pub right: f64,
    /// Printed on both sides: left and right swap on the back pages (HD 05 §IV.4.2), so `left`
    /// is the inner margin.
    pub mirrored: bool,
}

impl Default for Margins {
    /// HD 36-HD/VPTW and HD 05-HD/VPTW: 20, 20, 30, 15 mm.
    fn default() -> Self {
        Margins {
            top: 20.0,
            bottom: 20.0,
            left: 30.0,
            right: 15.0,
            mirrored: false,
        }
    }
}

/// The header of HD 36: issuing body on the left, party title and date on the right.
#[derive(Clone, Debug, Serialize)]
pub struct Header {
    /// Superior body, in capitals ("ĐẢNG BỘ QUẬN 9").
    pub superior: String,
    /// Issuing body, in capitals, bold ("CHI BỘ THPT NGUYỄN VĂN TĂNG").
    pub issuer: String,
    /// Number line ("Số 05-KH/CB"), or `None` for documents without a number.
    pub number: Option<String>,
    /// Place and date line ("TP. Hồ Chí Minh, ngày 14 tháng 12 năm 2020").
    pub place_date: String,
    /// The draft's mark under the number ("Dự thảo", HD 05 II.II.4.2: 14 pt italic), on a draft.
    pub draft: Option<String>,
}

/// Document type and summary line.
#[derive(Clone, Debug, Serialize)]
pub struct Title {
    /// Type in capitals ("KẾ HOẠCH").
    pub kind: String,
    /// Summary ("tổ chức kiểm điểm, …"), when the document has one; each line of it (split at
    /// `\n`) is centred on its own.
    pub summary: Option<String>,
    /// A line under the summary saying whom a form is for ("(Cá nhân giữ chức vụ lãnh đạo,
    /// quản lý)"): italic, not bold.
    pub subtitle: Option<String>,
}

/// A run of text with one style.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Run {
    /// The words.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
}

impl Run {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: true,
            ..Run::default()
        }
    }
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ParaKind {
    /// Body text: justified, first-line indent.
    Body,
    /// A numbered section heading ("1. Mục đích, yêu cầu:"): bold, kept with the next paragraph.
    Heading,
    /// A list item ("- …" first level, "+ …" second level): justified, first-line indent.
    Item,
    /// Left-aligned without indent: lines to write on, labelled lines of a form.
    Plain,
    /// A form's label line ("- Nhận xét, đánh giá của chi ủy:"): set like `Plain`, kept on
    /// the page of the answer that follows it.
    Label,
    /// The heading of a part of a form another body fills in ("Đánh giá, xếp loại chất lượng
    /// công chức, viên chức"): set like `Heading`, with twice the paragraph space above it.
    Part,
    /// A centred heading of a part of a form ("NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ"): no indent,
    /// kept with the paragraph after it.
    Centred,
    /// A list item kept on the page of the paragraph after it (the lines of one entry that
    /// should not be split, like a member's vote in the minutes).
    KeptItem,
    /// Dotted lines of a part another body fills in by hand under its own signature (a
    /// manager's remarks, the upper level's rating): set like `Lines`, kept on the page of what
    /// follows, so that the part is never split from its signature.
    KeptLines,
    /// Dotted lines to write on: set like `Plain`; in the .docx, what a member types there
    /// takes their place and grows freely (never kept with anything).
    Lines,
}

/// The outline level (1 to 3) of each heading of `blocks`, 0 for every other block: by the way
/// the document numbers its headings — letters ("A."), then Roman numerals ("I."), then figures
/// ("1.") — whichever of them it uses, in that order; an unnumbered heading takes the level of
/// the heading before it; the heading of a part another body fills in is level 1.
pub fn heading_levels(blocks: &[Block]) -> Vec<u8> {
    fn numbering(text: &str) -> Option<u8> {
        let (mark, _) = text.split_once(". ")?;
        let roman = !mark.is_empty() && mark.chars().all(|c| "IVX".contains(c));
        if roman && mark != "V" || mark == "I" {
            Some(1)
        } else if mark.chars().count() == 1 && mark.chars().all(|c| c.is_uppercase()) {
            Some(0)
        } else if !mark.is_empty() && mark.chars().all(|c| c.is_ascii_digit() || c == '.') {
            Some(2)
        } else {
            None
        }
    }
    let classes: Vec<Option<u8>> = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph {
                kind: ParaKind::Heading,
                runs,
            } => numbering(runs.first().map_or("", |r| r.text.trim_start())),
            _ => None,
        })
        .collect();
    let mut used: Vec<u8> = classes.iter().flatten().copied().collect();
    used.sort_unstable();
    used.dedup();
    let mut out = vec![0u8; blocks.len()];
    let mut last = 1;
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Paragraph {
                kind: ParaKind::Part,
                ..
            } => {
                out[i] = 1;
                last = 1;
            }
            Block::Paragraph {
                kind: ParaKind::Heading,
                ..
            } => {
                let level = classes[i]
                    .and_then(|c| used.iter().position(|u| *u == c))
                    .map_or(last, |p| (p as u8 + 1).min(3));
                out[i] = level;
                last = level;
            }
            _ => {}
        }
    }
    out
}

impl ParaKind {
    /// Whether a paragraph of this kind stays on the page of the block after it (the template's
    /// `keep` list says the same for the PDF).
    pub fn kept_with_next(self) -> bool {
        matches!(
            self,
            ParaKind::Heading
                | ParaKind::Part
                | ParaKind::KeptItem
                | ParaKind::KeptLines
                | ParaKind::Label
                | ParaKind::Centred
        )
    }
}

/// A block of the body.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// How it is set.
        kind: ParaKind,
        /// Its text.
        runs: Vec<Run>,
    },
    /// A ruled table spanning the text width.
    Table {
        /// Relative widths of the columns.
        widths: Vec<f64>,
        /// Heading rows, repeated on each page.
        header: Vec<Vec<Cell>>,
        /// Body rows.
        rows: Vec<Vec<Cell>>,
        /// Set in the smaller table size, for a wide table of many narrow columns.
        compact: bool,
    },
    /// What follows starts on a new page (the part of a form another body fills in).
    PageBreak,
    /// A square picture, centred (a QR code): as SVG for the PDF, as PNG for Word.
    Image {
        /// The picture as SVG.
        svg: String,
        /// The same as PNG, `px` pixels square.
        #[serde(skip)]
        png: Vec<u8>,
        /// The PNG's side in pixels.
        px: u32,
        /// Its side on the page, in millimetres.
        width_mm: f64,
    },
    /// "Nơi nhận" at the bottom left (when there are recipients), level with the signature at
    /// the bottom right.
    SignOff {
        /// Recipient lines, already punctuated ("- Ban Tổ chức Quận ủy;", …, "- Lưu Chi bộ."),
        /// or `None` for a signature alone.
        recipients: Option<Vec<String>>,
        /// A second signature at the bottom left, level with the first (the minutes' secretary),
        /// in place of the recipients.
        countersign: Option<Signature>,
        /// The signature.
        signature: Signature,
    },
}

/// Where a cell's text sits in its row's height.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum VAlign {
    /// At the top (text).
    Top,
    /// In the middle (a mark).
    Middle,
    /// At the bottom.
    Bottom,
}

/// A cell of a ruled table.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// Its text.
    pub runs: Vec<Run>,
    /// Columns it spans (1 for an ordinary cell).
    pub colspan: usize,
    /// Rows it spans (1 for an ordinary cell).
    pub rowspan: usize,
    /// Centred (numbers, ticks, column heads) rather than left-aligned.
    pub centred: bool,
    /// Where in its row's height it is set.
    pub valign: VAlign,
}

impl Cell {
    /// A left-aligned cell of plain text.
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            runs: vec![Run::plain(t)],
            colspan: 1,
            rowspan: 1,
            centred: false,
            valign: VAlign::Top,
        }
    }
    /// A centred cell of plain text.
    pub fn centred(t: impl Into<String>) -> Cell {
        Cell {
            centred: true,
            ..Cell::text(t)
        }
    }
    /// The same cell set at the bottom of its row (a number level with the end of the text).
    pub fn at_bottom(mut self) -> Cell {
        self.valign = VAlign::Bottom;
        self
    }
    /// The same cell set in the middle of its row's height (a mark in a tall row).
    pub fn at_middle(mut self) -> Cell {
        self.valign = VAlign::Middle;
        self
    }
    /// The same cell in bold.
    pub fn bold(mut self) -> Cell {
        for r in &mut self.runs {
            r.bold = true;
        }
        self
    }
    /// The same cell spanning `cols` columns and `rows` rows.
    pub fn span(mut self, cols: usize, rows: usize) -> Cell {
        self.colspan = cols;
        self.rowspan = rows;
        self
    }
}

/// A signature block: its heading lines, room to sign, then the name.
#[derive(Clone, Debug, Serialize)]
pub struct Signature {
    /// Lines above the room to sign ("T/M CHI BỘ", "BÍ THƯ"; or "NGƯỜI TỰ KIỂM ĐIỂM",
    /// "(Ký, ghi rõ họ tên)").
    pub heading: Vec<SignLine>,
    /// The signer's name, or `None` when it is written by hand.
    pub name: Option<String>,
}

/// What a line above a signature is; the layout guide decides how each is set.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SignRole {
    /// The authority ("T/M CHI BỘ"): bold.
    Authority,
    /// The signer's title ("BÍ THƯ"): bold under HD 36, upright under HD 05.
    Title,
    /// A form's own heading ("NGƯỜI TỰ KIỂM ĐIỂM", "THƯ KÝ"): bold.
    Heading,
    /// A note in brackets ("(Ký, ghi rõ họ tên)"): italic.
    Note,
}

/// A line above a signature.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SignLine {
    /// The words.
    pub text: String,
    /// What the line is.
    pub role: SignRole,
}

impl SignLine {
    /// A line of `role`.
    pub fn new(role: SignRole, text: impl Into<String>) -> Self {
        SignLine {
            text: text.into(),
            role,
        }
    }
    /// Whether the line is set in bold under `guide`.
    pub fn bold(&self, guide: &Guide) -> bool {
        match self.role {
            SignRole::Authority | SignRole::Heading => true,
            SignRole::Title => guide.signer_title_bold,
            SignRole::Note => false,
        }
    }
    /// The line as a run with its style under `guide`.
    pub fn run(&self, guide: &Guide) -> Run {
        Run {
            text: self.text.clone(),
            bold: self.bold(guide),
            italic: self.role == SignRole::Note,
            underline: false,
        }
    }
}

impl Block {
    /// A paragraph of one plain run.
    pub fn body(text: impl Into<String>) -> Block {
        Block::Paragraph {
            kind: ParaKind::Body,
            runs: vec![Run::plain(text)],
        }
    }
    /// A heading.
    pub fn heading(text: impl Into<String>) -> Block {
        Block::Paragraph {
            kind: ParaKind::Heading,
            runs: vec![Run::bold(text)],
        }
    }
    /// A left-aligned paragraph without indent.
    pub fn plain(runs: Vec<Run>) -> Block {
        Block::Paragraph {
            kind: ParaKind::Plain,
            runs,
        }
    }
    /// A list item of given runs.
    pub fn item(runs: Vec<Run>) -> Block {
        Block::Paragraph {
            kind: ParaKind::Item,
            runs,
        }
    }
}
