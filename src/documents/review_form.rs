//! Pieces shared by the review forms (Mẫu 01, Mẫu 02 and their successors): section headings,
//! the member's or the cell's text or dotted lines to write on, □/■ rows, signature blocks
//! without recipients. The wording comes from the regulation's `ReviewForm`.

use crate::data::{CriteriaTable, Level, Points, Rating, Score, SelfReview};
use crate::doc::{Block, Cell, ParaKind, Run, SignLine, SignRole, Signature};
use crate::regulation::{LevelBoxes, ReviewForm, ScoreForm, Scoring};

/// A line of dots to write on: 32 ellipses of 1 em at 14 pt fill the 165 mm text line
/// without running past it.
pub fn dots() -> String {
    "…".repeat(32)
}

/// "Label: value", or "Label: ……" when the value is unknown.
pub fn field(label: &str, value: Option<&str>) -> Block {
    Block::plain(vec![
        Run::plain(format!("{label}: ")),
        Run::plain(value.unwrap_or("……………………………………")),
    ])
}

/// A numbered sub-heading of a section ("1. Hạn chế, khuyết điểm:"), bold italic, kept with
/// what follows.
pub fn sub(text: String) -> Block {
    Block::Paragraph {
        kind: ParaKind::Heading,
        runs: vec![Run {
            text,
            italic: true,
            bold: true,
            ..Run::default()
        }],
    }
}

/// Dotted lines to write on, `n` of them, as one paragraph of lines.
pub fn lines_to_write_on(n: usize) -> Block {
    Block::Paragraph {
        kind: ParaKind::Lines,
        runs: vec![Run::plain(vec![dots(); n].join("\n"))],
    }
}

/// What was written, or two dotted lines to write on.
pub fn answer(text: Option<&str>, out: &mut Vec<Block>) {
    match text {
        Some(t) => out.push(Block::body(t)),
        None => out.push(lines_to_write_on(2)),
    }
}

/// "□ Xuất sắc ■ Tốt □ Trung bình □ Kém": the chosen box filled.
fn boxes<T: PartialEq + Copy>(options: &[(T, &str)], chosen: Option<T>, sep: &str) -> String {
    options
        .iter()
        .map(|(v, label)| format!("{} {label}", if Some(*v) == chosen { "■" } else { "□" }))
        .collect::<Vec<_>>()
        .join(sep)
}

/// "Tự đánh giá về cấp độ thực hiện: □ Xuất sắc ■ Tốt □ Trung bình □ Kém".
pub fn level_row(levels: &LevelBoxes, chosen: Option<Level>) -> Block {
    Block::Paragraph {
        kind: ParaKind::Body,
        runs: vec![Run::plain(format!(
            "{} {}",
            levels.prompt,
            boxes(&levels.levels, chosen, "   ")
        ))],
    }
}

/// The four rating levels, one per line of one paragraph (an option list is never split
/// across pages), the chosen one filled.
pub fn rating_rows(chosen: Option<Rating>, out: &mut Vec<Block>) {
    let lines: Vec<String> = Rating::ALL
        .iter()
        .map(|v| {
            let mark = if Some(*v) == chosen { "■" } else { "□" };
            format!("{mark} {}", v.name())
        })
        .collect();
    out.push(Block::plain(vec![Run::plain(lines.join("\n"))]));
}

/// The lines of a signature block as the model holds them.
pub fn sign_lines(lines: &[(&str, SignRole)]) -> Vec<SignLine> {
    lines
        .iter()
        .map(|(t, role)| SignLine::new(*role, *t))
        .collect()
}

/// A signature block without recipients: its lines, then the name.
pub fn signature(lines: &[(&str, SignRole)], name: Option<String>) -> Block {
    Block::SignOff {
        recipients: None,
        countersign: None,
        signature: Signature {
            heading: sign_lines(lines),
            name,
        },
    }
}

/// What was written; else the form's guidance (if any) in italics over lines to write on.
fn guided(text: Option<&str>, guidance: Option<&str>, out: &mut Vec<Block>) {
    if text.is_none()
        && let Some(g) = guidance
    {
        out.push(Block::Paragraph {
            kind: ParaKind::Body,
            runs: vec![Run {
                text: g.to_string(),
                italic: true,
                ..Run::default()
            }],
        });
    }
    answer(text, out);
}

/// Section I's heading.
pub const SECTION_I: &str = "I. Ưu điểm, kết quả đạt được";
/// Section II's heading.
pub const SECTION_II: &str = "II. Hạn chế, khuyết điểm và nguyên nhân";
/// Section III's heading.
pub const SECTION_III: &str = "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước";
/// Section IV's heading.
pub const SECTION_IV: &str = "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)";
/// Section VI's heading.
pub const SECTION_VI: &str = "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm";

/// Sections I–VI of a review in the form's order (under "A. NỘI DUNG KIỂM ĐIỂM" when the
/// regulation scores): criteria with their levels, shortcomings and causes, remedy with its
/// level, the issues raised (`prompts`) and explanations, responsibility, direction.
pub fn sections_i_to_vi(
    scoring: Option<&Scoring>,
    form: &ReviewForm,
    r: &SelfReview,
    prompts: &[String],
    b: &mut Vec<Block>,
) {
    if let Some(s) = scoring {
        b.push(Block::heading(s.part_a));
    }
    b.push(Block::heading(SECTION_I));
    for (i, c) in form.criteria.iter().enumerate() {
        let entry = r.criteria.get(i);
        b.push(sub(format!("{}. {}", i + 1, c.text)));
        answer(entry.and_then(|e| e.text.as_deref()), b);
        if c.assessed
            && let Some(levels) = form.levels
        {
            b.push(level_row(levels, entry.and_then(|e| e.level)));
        }
    }
    b.push(Block::heading(SECTION_II));
    b.push(sub(form.shortcomings[0].into()));
    answer(r.shortcomings.as_deref(), b);
    b.push(sub(form.shortcomings[1].into()));
    answer(r.causes.as_deref(), b);
    b.push(Block::heading(SECTION_III));
    guided(r.remedy.as_deref(), form.guidance.remedy, b);
    if let Some(levels) = form.levels {
        b.push(level_row(levels, r.remedy_level));
    }
    b.push(Block::heading(SECTION_IV));
    for p in prompts {
        b.push(Block::Paragraph {
            kind: ParaKind::Item,
            runs: vec![Run {
                text: format!("- Vấn đề được gợi ý: {p}"),
                italic: true,
                ..Run::default()
            }],
        });
    }
    guided(r.explanations.as_deref(), form.guidance.explanation, b);
    b.push(Block::heading(form.responsibility));
    guided(r.responsibility.as_deref(), form.guidance.responsibility, b);
    b.push(Block::heading(SECTION_VI));
    answer(r.direction.as_deref(), b);
}

/// "27/30", or "…/30" when not scored yet.
fn of(points: Option<Points>, max: Points) -> String {
    format!(
        "{}/{}",
        points.map_or("…".to_string(), Points::text),
        max.text()
    )
}

/// Part B of a scored form: the score by group (and by criterion when the upper committee's
/// table is given), the total, the level proposed, the enclosure line.
pub fn part_b(
    s: &Scoring,
    form: &ScoreForm,
    score: Option<&Score>,
    table: Option<&CriteriaTable>,
    level: Option<Rating>,
    b: &mut Vec<Block>,
) {
    b.push(Block::heading(s.part_b));
    b.push(Block::heading(s.groups));
    b.push(Block::body(form.intro));
    if let Some(t) = table {
        b.push(criteria_table(s, t, score));
    }
    let total = score.map(Score::total);
    // the three lines of the summary stay on one page
    let kept = |text: String| Block::Paragraph {
        kind: ParaKind::KeptItem,
        runs: vec![Run::plain(text)],
    };
    b.push(kept(format!(
        "{}: {}",
        s.general.0,
        of(score.map(|x| x.general), s.general.1)
    )));
    b.push(kept(format!(
        "{}: {}",
        s.tasks.0,
        of(score.map(|x| x.tasks), s.tasks.1)
    )));
    b.push(Block::Paragraph {
        kind: ParaKind::Item,
        runs: vec![Run::bold(format!(
            "{}: {}",
            s.total.0,
            of(total, s.total.1)
        ))],
    });
    b.push(Block::heading(s.level));
    rating_rows(level, b);
    if let Some(e) = form.enclosure {
        b.push(Block::plain(vec![Run {
            text: e.into(),
            italic: true,
            ..Run::default()
        }]));
    }
}

/// The upper committee's criteria with their maximum and the points scored on each.
fn criteria_table(s: &Scoring, t: &CriteriaTable, score: Option<&Score>) -> Block {
    let rows_of = |i: usize| {
        score
            .and_then(|x| x.rows.as_ref())
            .map(|(g, k)| if i == 0 { g.clone() } else { k.clone() })
    };
    let mut rows = Vec::new();
    let groups = [
        ("I", s.general, &t.general, score.map(|x| x.general)),
        ("II", s.tasks, &t.tasks, score.map(|x| x.tasks)),
    ];
    for (i, (num, (title, max), criteria, got)) in groups.into_iter().enumerate() {
        // the group's title without its own number ("1. Nhóm tiêu chí chung")
        let title = title.split_once(". ").map_or(title, |(_, t)| t);
        rows.push(vec![
            Cell::centred(num).bold(),
            Cell::text(title).bold(),
            Cell::centred(max.text()).bold(),
            Cell::centred(got.map_or(String::new(), Points::text)).bold(),
        ]);
        let points = rows_of(i);
        for (j, (text, row_max)) in criteria.iter().enumerate() {
            let got = points.as_ref().and_then(|p| p.get(j)).copied();
            rows.push(vec![
                Cell::centred((j + 1).to_string()),
                Cell::text(text.as_str()),
                Cell::centred(row_max.text()),
                Cell::centred(got.map_or(String::new(), Points::text)),
            ]);
        }
    }
    rows.push(vec![
        Cell::centred(""),
        Cell::text(s.total.0).bold(),
        Cell::centred(s.total.1.text()).bold(),
        Cell::centred(score.map_or(String::new(), |x| x.total().text())).bold(),
    ]);
    Block::Table {
        widths: vec![9.0, 100.0, 28.0, 28.0],
        header: vec![vec![
            Cell::centred("TT").bold(),
            Cell::centred("Tiêu chí").bold(),
            Cell::centred("Điểm tối đa").bold(),
            Cell::centred("Điểm tự chấm").bold(),
        ]],
        rows,
        compact: false,
    }
}

/// A form's label line ("- Nhận xét, đánh giá của chi ủy:"), kept with the answer under it.
pub fn label(text: &str) -> Block {
    Block::Paragraph {
        kind: ParaKind::Label,
        runs: vec![Run::plain(text)],
    }
}
