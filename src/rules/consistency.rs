//! Where one part of the file says otherwise than another: not wrong by any regulation, but a
//! clerk would correct it before printing. All warnings.

use super::diag;
use crate::data::{Assignee, Dossier, Segment, Text};
use crate::diag::{Diagnostic, Severity};
use crate::vn::date::short;

/// The literal words of a text, members left out.
fn words(t: &Text) -> String {
    t.0.iter()
        .filter_map(|s| match s {
            Segment::Lit(w) => Some(w.as_str()),
            Segment::Member(_) => None,
        })
        .collect()
}

/// The plan makes someone the meeting's secretary ("Thư ký …") who is not the one the minutes
/// name.
pub fn secretary_as_planned(d: &Dossier) -> Vec<Diagnostic> {
    let Some(secretary) = d.meeting.as_ref().and_then(|m| m.secretary) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in &d.plan.assignments {
        let Assignee::Members(who) = &a.who else {
            continue;
        };
        if who.contains(&secretary) {
            continue;
        }
        for t in &a.tasks {
            if words(&t.text).to_lowercase().contains("thư ký") {
                let planned: Vec<&str> = who
                    .iter()
                    .map(|m| d.member(*m).full_name.as_str())
                    .collect();
                out.push(diag(
                    d,
                    Severity::Warning,
                    &t.at,
                    format!(
                        "kế hoạch phân công đ/c {} làm thư ký, nhưng biên bản ghi thư ký hội nghị là đ/c {}.",
                        planned.join(", đ/c "),
                        d.member(secretary).full_name
                    ),
                    "sửa phân công trong «ke_hoach.phan_cong» hoặc «hoi_nghi.thu_ky» cho khớp nhau.",
                ));
            }
        }
    }
    out
}

/// Words of a job that make it a leadership or management post.
const LEADER_JOBS: &[&str] = &[
    "hiệu trưởng",
    "giám đốc",
    "trưởng phòng",
    "trưởng khoa",
    "trưởng ban",
    "chủ tịch",
    "thủ trưởng",
    "chánh văn phòng",
    "chánh án",
    "viện trưởng",
    "cục trưởng",
    "vụ trưởng",
];

/// A member whose job is a leadership post ("Hiệu trưởng") has neither a post in the
/// administration nor `lanh_dao_quan_ly`: their self-review would be the one without a post.
pub fn leaders_hold_their_post(d: &Dossier) -> Vec<Diagnostic> {
    d.members
        .iter()
        .filter(|m| m.has_review && m.gov_post.is_none() && !m.leader)
        .filter_map(|m| {
            let job = m.job.as_deref()?;
            let lower = job.to_lowercase();
            LEADER_JOBS.iter().any(|w| lower.contains(w)).then(|| {
                diag(
                    d,
                    Severity::Warning,
                    &m.at,
                    format!(
                        "đ/c {} làm «{job}», nhưng không có «chuc_vu_chinh_quyen» và \
                         «lanh_dao_quan_ly»: bản kiểm điểm sẽ theo mẫu của đảng viên không giữ \
                         chức vụ lãnh đạo, quản lý.",
                        m.full_name
                    ),
                    "ghi «chuc_vu_chinh_quyen» (và «lanh_dao_quan_ly: true») nếu đồng chí giữ chức vụ đó.",
                )
            })
        })
        .collect()
}

/// The report of results is dated after the plan's last day.
pub fn results_within_the_plan(d: &Dossier) -> Vec<Diagnostic> {
    let (Some(r), Some(last)) = (&d.results, d.plan.periods.iter().map(|p| p.to).max()) else {
        return Vec::new();
    };
    if r.date <= last {
        return Vec::new();
    }
    vec![diag(
        d,
        Severity::Warning,
        &r.date_at,
        format!(
            "báo cáo kết quả đề ngày {}, sau ngày cuối của kế hoạch {}.",
            short(r.date),
            short(last)
        ),
        "sửa «bao_cao_ket_qua.ngay», hoặc kéo dài khoảng thời gian cuối của kế hoạch.",
    )]
}
