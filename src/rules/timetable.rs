//! Dates of the plan and the meeting: periods in order, deadlines before the meeting they
//! prepare, the meeting inside the plan, and nothing that already happened dated after the
//! document that reports it.

use super::diag;
use crate::data::Dossier;
use crate::diag::{Diagnostic, Severity};
use crate::vn::date::short;

/// A period ends on or after the day it starts.
pub fn period_bounds(d: &Dossier) -> Vec<Diagnostic> {
    d.plan
        .periods
        .iter()
        .filter(|p| p.to < p.from)
        .map(|p| {
            diag(
                d,
                Severity::Error,
                &p.at,
                format!(
                    "khoảng thời gian bắt đầu {} nhưng kết thúc {}, trước ngày bắt đầu.",
                    short(p.from),
                    short(p.to)
                ),
                "kiểm tra lại «tu» và «den» của khoảng này.",
            )
        })
        .collect()
}

/// The periods of the timetable follow one another.
pub fn periods_in_order(d: &Dossier) -> Vec<Diagnostic> {
    d.plan
        .periods
        .windows(2)
        .filter(|w| w[1].from < w[0].from)
        .map(|w| {
            diag(
                d,
                Severity::Warning,
                &w[1].at,
                format!(
                    "khoảng từ {} đứng sau khoảng từ {} nhưng bắt đầu sớm hơn.",
                    short(w[1].from),
                    short(w[0].from)
                ),
                "xếp các khoảng thời gian theo thứ tự ngày bắt đầu.",
            )
        })
        .collect()
}

/// A task's day or deadline lies inside the period it is listed under.
pub fn task_dates_inside_their_period(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &d.plan.periods {
        for t in &p.tasks {
            for day in [t.on, t.deadline].into_iter().flatten() {
                if day < p.from || day > p.to {
                    out.push(diag(
                        d,
                        Severity::Warning,
                        &t.at,
                        format!(
                            "ngày {} của việc này nằm ngoài khoảng {} – {} mà nó được xếp vào.",
                            short(day),
                            short(p.from),
                            short(p.to)
                        ),
                        "chuyển việc sang khoảng thời gian đúng, hoặc sửa ngày.",
                    ));
                }
            }
        }
    }
    out
}

/// Every deadline falls before the review meeting the tasks prepare.
pub fn deadlines_before_the_meeting(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let tasks = d
        .plan
        .periods
        .iter()
        .flat_map(|p| &p.tasks)
        .chain(d.plan.assignments.iter().flat_map(|a| &a.tasks));
    tasks
        .filter(|t| t.deadline.is_some_and(|dl| dl > m.date))
        .map(|t| {
            diag(
                d,
                Severity::Error,
                &t.at,
                format!(
                    "hạn chót {} ở sau ngày hội nghị kiểm điểm {}.",
                    short(t.deadline.unwrap_or(m.date)),
                    short(m.date)
                ),
                "hạn chót của việc chuẩn bị phải trước ngày họp; sửa «han» hoặc «hoi_nghi.ngay».",
            )
        })
        .collect()
}

/// The meeting falls inside the plan's timetable.
pub fn meeting_inside_the_plan(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let first = d.plan.periods.iter().map(|p| p.from).min();
    let last = d.plan.periods.iter().map(|p| p.to).max();
    match (first, last) {
        (Some(a), Some(b)) if m.date < a || m.date > b => vec![diag(
            d,
            Severity::Warning,
            &m.date_at,
            format!(
                "ngày hội nghị {} nằm ngoài thời gian của kế hoạch ({} – {}).",
                short(m.date),
                short(a),
                short(b)
            ),
            "sửa ngày họp, hoặc thêm ngày họp vào mục «thoi_gian» của kế hoạch.",
        )],
        _ => Vec::new(),
    }
}

/// What already happened (birth, admission, the invitation) is not dated after the document.
pub fn past_dates_not_after_the_document(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in &d.members {
        for (what, day) in [("ngày sinh", m.birth_date), ("ngày vào Đảng", m.admitted)] {
            if day > d.plan.date {
                out.push(diag(
                    d,
                    Severity::Error,
                    &m.at,
                    format!(
                        "{what} của {} ({}) ở sau ngày của kế hoạch ({}).",
                        m.full_name,
                        short(day),
                        short(d.plan.date)
                    ),
                    "kiểm tra lại năm: ngày đã qua không thể sau ngày lập văn bản.",
                ));
            }
        }
        if m.admitted < m.birth_date {
            out.push(diag(
                d,
                Severity::Error,
                &m.at,
                format!("ngày vào Đảng của {} trước cả ngày sinh.", m.full_name),
                "kiểm tra lại «ngay_sinh» và «ngay_vao_dang».",
            ));
        }
    }
    if let Some(m) = &d.meeting
        && let Some(inv) = &m.invitation
        && inv.date > m.date
    {
        out.push(diag(
            d,
            Severity::Error,
            &m.date_at,
            format!(
                "giấy mời đề ngày {}, sau ngày hội nghị {}.",
                short(inv.date),
                short(m.date)
            ),
            "giấy mời phải gửi trước ngày họp; sửa «hoi_nghi.giay_moi.ngay».",
        ));
    }
    out
}

/// The report of results is written after the meeting it reports; the residence committees'
/// remarks are asked for before the meeting that needs them.
pub fn reports_follow_the_meeting(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(r) = &d.results
        && r.date < m.date
    {
        out.push(diag(
            d,
            Severity::Error,
            &r.date_at,
            format!(
                "báo cáo kết quả đề ngày {}, trước ngày hội nghị kiểm điểm {}.",
                short(r.date),
                short(m.date)
            ),
            "báo cáo kết quả viết sau hội nghị; sửa «bao_cao_ket_qua.ngay».",
        ));
    }
    if let Some(q) = &d.residence_request {
        // the day printed on the requests, written or by default
        let deadline = crate::data::tally::residence_deadline(d);
        let at = if q.deadline.is_some() {
            &q.deadline_at
        } else {
            &q.date_at
        };
        if deadline > m.date {
            out.push(diag(
                d,
                Severity::Error,
                at,
                format!(
                    "hạn gửi nhận xét nơi cư trú {} ở sau ngày hội nghị kiểm điểm {}.",
                    short(deadline),
                    short(m.date)
                ),
                "chi bộ cần nhận xét của nơi cư trú trước khi họp; sửa «phieu_213.han».",
            ));
        }
        if deadline < q.date {
            out.push(diag(
                d,
                Severity::Error,
                at,
                format!(
                    "hạn gửi nhận xét {} ở trước ngày gửi phiếu {}.",
                    short(deadline),
                    short(q.date)
                ),
                "sửa «phieu_213.han» hoặc «phieu_213.ngay».",
            ));
        }
    }
    out
}
