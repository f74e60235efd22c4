//! The inputs of a member's page, following their self-review form of the year's regulation:
//! one text per section, the levels the form asks for, and for a scored form one score per
//! criterion of the upper committee's table (or per group without one) and the level proposed.
//! An input is pre-filled only with what the member sent earlier; what the data file already
//! holds is the cell's decision, shown and not asked.

use crate::data::{Dossier, Level, Member, Points, Rating, SelfReview};
use crate::documents::review_form as rf;
use crate::regulation::ReviewForm;

/// What an input asks for: the kind of answer (not a document `review::Kind`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    /// A text of several paragraphs.
    Text,
    /// A criterion's or the remedy's level ("xuat_sac", "tot", …).
    Level,
    /// A rating ("hoan_thanh_tot", …).
    Rating,
    /// Points, from 0 to the maximum, one decimal at most.
    Points(Points),
}

/// One input of the form.
#[derive(Clone, Debug)]
pub struct Field {
    /// The heading it starts, when it is the first of a section.
    pub heading: Option<&'static str>,
    /// Its name in the form.
    pub name: String,
    /// Its label.
    pub label: String,
    /// What it asks for.
    pub kind: Answer,
    /// What the member sent earlier, as the form shows it (empty when nothing).
    pub value: String,
    /// What the data file holds for it, as the page shows it: the cell decided it, so it is
    /// shown and not asked.
    pub decided: Option<String>,
    /// Where it goes in the data, under the member's `kiem_diem`.
    pub path: String,
}

impl Field {
    /// Whether the member can send it.
    pub fn asked(&self) -> bool {
        self.decided.is_none()
    }
}

/// The levels of a criterion, as the data writes them and as the page names them.
pub const LEVELS: [(&str, &str); 4] = [
    ("xuat_sac", "Xuất sắc"),
    ("tot", "Tốt"),
    ("trung_binh", "Trung bình"),
    ("kem", "Kém"),
];

/// The ratings, as the data writes them.
pub const RATINGS: [&str; 4] = [
    "hoan_thanh_xuat_sac",
    "hoan_thanh_tot",
    "hoan_thanh",
    "khong_hoan_thanh",
];

fn level_key(l: Level) -> &'static str {
    match l {
        Level::Excellent => "xuat_sac",
        Level::Good => "tot",
        Level::Average => "trung_binh",
        Level::Poor => "kem",
    }
}

/// Points as the page's input shows them: "27.5" → "27,5".
fn points_text(p: Points) -> String {
    p.text()
}

/// The name of a level or rating key, as the page shows it.
pub fn name_of(kind: Answer, key: &str) -> String {
    match kind {
        Answer::Level => LEVELS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, n)| n)
            .to_string(),
        Answer::Rating => RATINGS
            .iter()
            .position(|k| *k == key)
            .map_or(key, |i| Rating::ALL[i].name())
            .to_string(),
        _ => key.to_string(),
    }
}

/// Where member `index`'s values came from: a path under their `kiem_diem` is the member's own
/// (sent from the page) when the data took it from their submission.
struct Sources<'a> {
    base: String,
    taken: Vec<&'a str>,
}

impl Sources<'_> {
    fn sent(&self, path: &str) -> bool {
        let full = format!("{}.{path}", self.base);
        self.taken.iter().any(|t| {
            full == *t
                || full
                    .strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }
}

/// The inputs of member `m`'s self-review (the member at `index` of `d`), in the form's order.
pub fn fields(d: &Dossier, index: usize, m: &Member) -> Vec<Field> {
    let form = (d.regulation.self_review.form_of)(m.leader, m.subject);
    let mut f = Fields {
        sources: Sources {
            base: format!("dang_vien[{index}].kiem_diem"),
            taken: d.submitted.iter().map(|t| t.path.as_str()).collect(),
        },
        out: Vec::new(),
    };
    let r = &m.review;
    sections(&mut f, form, r);
    self_rating(&mut f, d, r);
    scores(&mut f, d, form, r);
    f.out
}

/// The fields of a form, in order, each with what was sent or decided for it.
struct Fields<'a> {
    sources: Sources<'a>,
    out: Vec<Field>,
}

impl Fields<'_> {
    /// A field: the value sent from the page is shown to edit; one in the data file (the
    /// clerk's) is shown as decided.
    fn push(
        &mut self,
        heading: Option<&'static str>,
        name: String,
        label: String,
        kind: Answer,
        value: Option<String>,
        path: String,
    ) {
        let (value, decided) = match value {
            Some(v) if self.sources.sent(&path) => (v, None),
            Some(v) => (String::new(), Some(v)),
            None => (String::new(), None),
        };
        self.out.push(Field {
            heading,
            name,
            label,
            kind,
            value,
            decided,
            path,
        })
    }
}

/// Sections I–VI: the criteria (with their levels, HD 21), shortcomings, remedies,
/// explanations, responsibility, direction.
fn sections(f: &mut Fields, form: &ReviewForm, r: &SelfReview) {
    for (i, c) in form.criteria.iter().enumerate() {
        let entry = r.criteria.get(i);
        f.push(
            (i == 0).then_some(rf::SECTION_I),
            format!("uu_diem_{i}"),
            format!("{}. {}", i + 1, c.text),
            Answer::Text,
            entry.and_then(|e| e.text.clone()),
            format!("uu_diem[{i}].noi_dung"),
        );
        if c.assessed && form.levels.is_some() {
            f.push(
                None,
                format!("cap_do_{i}"),
                "Tự đánh giá về cấp độ thực hiện".into(),
                Answer::Level,
                entry.and_then(|e| e.level).map(|l| level_key(l).into()),
                format!("uu_diem[{i}].cap_do"),
            );
        }
    }
    let texts: [(&'static str, &str, &str, &Option<String>); 2] = [
        (
            rf::SECTION_II,
            "han_che",
            form.shortcomings[0],
            &r.shortcomings,
        ),
        ("", "nguyen_nhan", form.shortcomings[1], &r.causes),
    ];
    for (heading, name, label, v) in texts {
        f.push(
            (!heading.is_empty()).then_some(heading),
            name.into(),
            label.into(),
            Answer::Text,
            v.clone(),
            name.into(),
        );
    }
    f.push(
        Some(rf::SECTION_III),
        "khac_phuc".into(),
        "Kết quả khắc phục".into(),
        Answer::Text,
        r.remedy.clone(),
        "khac_phuc".into(),
    );
    if form.levels.is_some() {
        f.push(
            None,
            "cap_do_khac_phuc".into(),
            "Tự đánh giá về cấp độ khắc phục".into(),
            Answer::Level,
            r.remedy_level.map(|l| level_key(l).into()),
            "cap_do_khac_phuc".into(),
        );
    }
    let texts: [(&'static str, &str, &str, &Option<String>); 3] = [
        (rf::SECTION_IV, "giai_trinh", "Giải trình", &r.explanations),
        (
            form.responsibility,
            "trach_nhiem",
            "Trách nhiệm của cá nhân",
            &r.responsibility,
        ),
        (
            rf::SECTION_VI,
            "phuong_huong",
            "Phương hướng, biện pháp",
            &r.direction,
        ),
    ];
    for (heading, name, label, v) in texts {
        f.push(
            Some(heading),
            name.into(),
            label.into(),
            Answer::Text,
            v.clone(),
            name.into(),
        );
    }
}

/// HD 21's section VII: the civil-service and party self-ratings.
fn self_rating(f: &mut Fields, d: &Dossier, r: &SelfReview) {
    if let Some(rating) = d.regulation.self_review.rating {
        f.push(
            Some(rating.heading),
            "tu_xep_loai_vien_chuc".into(),
            rating.civil.into(),
            Answer::Rating,
            r.rating_civil.map(|x| x.key().into()),
            "tu_xep_loai_vien_chuc".into(),
        );
        f.push(
            None,
            "tu_xep_loai_dang_vien".into(),
            rating.party.into(),
            Answer::Rating,
            r.rating_party.map(|x| x.key().into()),
            "tu_xep_loai_dang_vien".into(),
        );
    }
}

/// HD 43's part B: the self-assessed score by group or row by row, and the level proposed.
fn scores(f: &mut Fields, d: &Dossier, form: &ReviewForm, r: &SelfReview) {
    if let Some(s) = d.regulation.scoring {
        let table = d.criteria_table(form.label_key);
        let groups = [
            (
                "diem_chung",
                "chung",
                s.general,
                table.map(|t| &t.general),
                r.score.as_ref().map(|x| {
                    (
                        x.general,
                        x.rows.as_ref().map(|(g, _)| g.clone()).unwrap_or_default(),
                    )
                }),
            ),
            (
                "diem_nhiem_vu",
                "nhiem_vu",
                s.tasks,
                table.map(|t| &t.tasks),
                r.score.as_ref().map(|x| {
                    (
                        x.tasks,
                        x.rows.as_ref().map(|(_, k)| k.clone()).unwrap_or_default(),
                    )
                }),
            ),
        ];
        let mut first = true;
        for (name, key, (title, max), rows, got) in groups {
            let heading = std::mem::take(&mut first).then_some(s.groups);
            let title = title.split_once(". ").map_or(title, |(_, t)| t);
            match rows {
                // the upper committee's table: one score per criterion, the group's total computed
                Some(rows) => {
                    for (j, (text, row_max)) in rows.iter().enumerate() {
                        f.push(
                            (j == 0).then_some(heading).flatten(),
                            format!("{name}_{j}"),
                            format!("{title} – {}. {text} (tối đa {})", j + 1, row_max.text()),
                            Answer::Points(*row_max),
                            got.as_ref()
                                .and_then(|(_, r)| r.get(j))
                                .map(|p| points_text(*p)),
                            format!("tu_cham_diem.{key}[{j}]"),
                        );
                    }
                }
                None => f.push(
                    heading,
                    name.into(),
                    format!("{title} (tối đa {} điểm)", max.text()),
                    Answer::Points(max),
                    got.as_ref().map(|(total, _)| points_text(*total)),
                    format!("tu_cham_diem.{key}"),
                ),
            }
        }
        f.push(
            Some(s.level),
            "tu_xep_loai_dang_vien".into(),
            "Mức chất lượng tự đề xuất".into(),
            Answer::Rating,
            r.rating_party.map(|x| x.key().into()),
            "tu_xep_loai_dang_vien".into(),
        );
    }
}
