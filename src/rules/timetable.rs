//! Dates of the plan and the meeting: periods in order, deadlines before the meeting they
//! prepare, the meeting inside the plan, nothing that already happened dated after the document
//! that reports it; and the deadlines of HD 43 (draft report ahead, meeting by the year's end,
//! file up before February).

use chrono::{Datelike, NaiveDate, Weekday};

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

/// A period's heading, when the data writes it, names no other days than the period's own.
pub fn period_headings_match(d: &Dossier) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &d.plan.periods {
        let Some(h) = &p.heading else { continue };
        let days = h
            .split(|c: char| !(c.is_ascii_digit() || c == '/'))
            .filter_map(|w| NaiveDate::parse_from_str(w, "%d/%m/%Y").ok());
        for day in days.filter(|day| *day != p.from && *day != p.to) {
            out.push(diag(
                d,
                Severity::Warning,
                &p.heading_at,
                format!(
                    "dòng đầu «{h}» ghi ngày {}, nhưng khoảng này từ {} đến {}.",
                    short(day),
                    short(p.from),
                    short(p.to)
                ),
                "sửa «tieu_de» cho khớp «tu» và «den» (các quy tắc dùng «tu» và «den»).",
            ));
        }
    }
    out
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

/// Every deadline of a task that prepares the review meeting falls before it: the tasks of the
/// periods that start before the meeting, and the members' assignments. The periods from the
/// meeting on (sending the results up) may have later deadlines.
pub fn deadlines_before_the_meeting(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let tasks = d
        .plan
        .periods
        .iter()
        .filter(|p| p.from < m.date)
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

/// The plan comes before the meeting, and the meeting falls inside the plan's timetable.
pub fn meeting_inside_the_plan(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let first = d.plan.periods.iter().map(|p| p.from).min();
    let last = d.plan.periods.iter().map(|p| p.to).max();
    let mut out = Vec::new();
    if d.plan.date > m.date {
        out.push(diag(
            d,
            Severity::Error,
            &d.plan.date_at,
            format!(
                "kế hoạch ghi ngày {}, sau ngày hội nghị kiểm điểm {} mà nó chuẩn bị.",
                short(d.plan.date),
                short(m.date)
            ),
            "kế hoạch được ban hành trước hội nghị; sửa «ke_hoach.ngay» hoặc «hoi_nghi.ngay».",
        ));
    }
    match (first, last) {
        (Some(a), Some(b)) if m.date < a || m.date > b => out.push(diag(
            d,
            Severity::Error,
            &m.date_at,
            format!(
                "ngày hội nghị {} nằm ngoài thời gian của kế hoạch ({} – {}).",
                short(m.date),
                short(a),
                short(b)
            ),
            "sửa ngày họp, hoặc thêm ngày họp vào mục «thoi_gian» của kế hoạch.",
        )),
        _ => {}
    }
    out
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

/// Working days from the day after `from` to `to` included: Monday to Friday, New Year's Day
/// excepted (the only public holiday a year-end review can meet; Tết is never in its window).
fn working_days_after(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|day| *day <= to)
        .filter(|day| {
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let new_year = day.month() == 1 && day.day() == 1;
            !(weekend || new_year)
        })
        .count() as u32
}

/// The draft collective report reaches the members at least 3 working days before the meeting
/// (HD 43 §2.1 a).
pub fn draft_report_three_working_days_ahead(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let hint = "Hướng dẫn 43-HD/BTCTW §2.1: dự thảo báo cáo kiểm điểm tập thể gửi trước cho thành viên dự hội nghị ít nhất 03 ngày làm việc.";
    match d.plan.draft_sent {
        None if d.collective.is_some() => vec![diag(
            d,
            Severity::Warning,
            &d.plan.date_at,
            "kế hoạch chưa ghi ngày gửi dự thảo báo cáo kiểm điểm tập thể («ke_hoach.gui_du_thao»).".into(),
            hint,
        )],
        Some(sent) if working_days_after(sent, m.date) < 3 => vec![diag(
            d,
            Severity::Error,
            &d.plan.draft_sent_at,
            format!(
                "dự thảo báo cáo gửi ngày {}, chỉ trước ngày họp {} {} ngày làm việc.",
                short(sent),
                short(m.date),
                working_days_after(sent, m.date)
            ),
            &format!("{hint} Gửi sớm hơn hoặc dời ngày họp."),
        )],
        _ => Vec::new(),
    }
}

/// The review is over by 31/12 of its year, or by 15/01 of the next where the unit's year ends
/// late (HD 43 §4.1).
pub fn meeting_by_the_end_of_the_year(d: &Dossier) -> Vec<Diagnostic> {
    let Some(m) = &d.meeting else {
        return Vec::new();
    };
    let last = if d.cell.late_year_end {
        NaiveDate::from_ymd_opt(d.year + 1, 1, 15)
    } else {
        NaiveDate::from_ymd_opt(d.year, 12, 31)
    };
    match last {
        Some(last) if m.date > last => vec![diag(
            d,
            Severity::Error,
            &m.date_at,
            format!(
                "hội nghị kiểm điểm năm {} họp ngày {}, sau hạn {}.",
                d.year,
                short(m.date),
                short(last)
            ),
            "Hướng dẫn 43-HD/BTCTW §4: kiểm điểm, đánh giá, xếp loại hoàn thành trước 31/12; cơ quan, đơn vị có năm công tác kết thúc muộn thì trước 15/01 năm sau (ghi «chi_bo.ket_thuc_nam_muon: true»).",
        )],
        _ => Vec::new(),
    }
}

/// The review's file goes up before 01/02 of the next year (HD 43 §4.3): the report of results
/// and the list of files are dated before it.
pub fn file_sent_up_by_february(d: &Dossier) -> Vec<Diagnostic> {
    let Some(r) = &d.results else {
        return Vec::new();
    };
    match NaiveDate::from_ymd_opt(d.year + 1, 2, 1) {
        Some(limit) if r.date >= limit => vec![diag(
            d,
            Severity::Error,
            &r.date_at,
            format!(
                "báo cáo kết quả và hồ sơ đề ngày {}, không kịp gửi cấp trên trước {}.",
                short(r.date),
                short(limit)
            ),
            "Hướng dẫn 43-HD/BTCTW §4: hồ sơ kiểm điểm, đánh giá, xếp loại (Mẫu 04) gửi cấp trên trước ngày 01/02 năm sau.",
        )],
        _ => Vec::new(),
    }
}
