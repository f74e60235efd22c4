//! The timetable rules: a fixture that breaks each gives its Vietnamese message at the right
//! line (an error stops `check` with status 1, a warning does not); the seed fixture gives none
//! but the seed's own two timetable slips.

use crate::common::*;

/// Runs `hoso check` on the fixture with `from` replaced by `to`; returns (status, stderr, text).
fn check_with(from: &str, to: &str) -> (i32, String, String) {
    let src = std::fs::read_to_string(fixture()).unwrap();
    assert!(src.contains(from), "fixture lacks {from:?}");
    let text = src.replacen(from, to, 1);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), &text).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    (o.status.code().unwrap(), stderr(&o), text)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn the_seed_has_only_its_own_two_timetable_slips() {
    let o = hoso(&root(), &["check", fixture().to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("0 lỗi, 2 cảnh báo."), "{err}");
    assert_eq!(
        err.matches("nằm ngoài khoảng 10/12/2020 – 15/12/2020")
            .count(),
        2,
        "{err}"
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_an_error() {
    let (code, err, text) = check_with("      den: 15/12/2020", "      den: 09/12/2020");
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "- tu: 10/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("kết thúc 09/12/2020, trước ngày bắt đầu"),
        "{err}"
    );
}

#[test]
fn periods_out_of_order_are_a_warning() {
    let (code, err, text) = check_with("    - tu: 23/12/2020", "    - tu: 08/12/2020");
    assert_eq!(code, 0, "{err}");
    let line = line_of(&text, "- tu: 08/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(err.contains("bắt đầu sớm hơn"), "{err}");
}

#[test]
fn a_task_inside_its_period_gives_no_warning() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let fixed = src
        .replacen(
            "          ngay: 18/12/2020\n        - noi_dung: Thu nhận",
            "          ngay: 14/12/2020\n        - noi_dung: Thu nhận",
            1,
        )
        .replacen(
            "          vai_tro: nghiên cứu\n          han: 18/12/2020",
            "          vai_tro: nghiên cứu\n          han: 15/12/2020",
            1,
        );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("d.yaml"), fixed).unwrap();
    let o = hoso(tmp.path(), &["check", "d.yaml"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(!err.contains("cảnh báo"), "{err}");
}

#[test]
fn a_deadline_after_the_meeting_is_an_error() {
    let from = "        - noi_dung: Viết bản kiểm điểm cá nhân (Mẫu 02, Phụ lục 1)\n          han: 18/12/2020";
    let to = "        - noi_dung: Viết bản kiểm điểm cá nhân (Mẫu 02, Phụ lục 1)\n          han: 26/12/2020";
    let (code, err, text) = check_with(from, to);
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "- noi_dung: Viết bản kiểm điểm cá nhân");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("hạn chót 26/12/2020 ở sau ngày hội nghị kiểm điểm 25/12/2020"),
        "{err}"
    );
}

#[test]
fn a_meeting_outside_the_plan_is_an_error() {
    let (code, err, text) = check_with(
        "hoi_nghi:\n  ngay: 25/12/2020",
        "hoi_nghi:\n  ngay: 30/12/2020",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  ngay: 30/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains(
            "lỗi [trường hoi_nghi.ngay]: ngày hội nghị 30/12/2020 nằm ngoài thời gian của kế hoạch"
        ),
        "{err}"
    );
}

#[test]
fn a_plan_dated_after_the_meeting_is_an_error() {
    let (code, err, text) = check_with(
        "  ngay: 14/12/2020\n  trich_yeu",
        "  ngay: 26/12/2020\n  trich_yeu",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  ngay: 26/12/2020");
    assert!(
        err.contains(&format!(
            "d.yaml:{line}:9: lỗi [trường ke_hoach.ngay]: kế hoạch ghi ngày 26/12/2020, sau ngày hội nghị kiểm điểm 25/12/2020"
        )),
        "{err}"
    );
}

#[test]
fn a_task_after_the_meeting_may_have_a_later_deadline() {
    // the period from the meeting on: sending the results up by 28/12 is not preparation
    let (code, err, _) = check_with(
        "          về Ban Tổ chức Quận ủy Quận 9.\n",
        "          về Ban Tổ chức Quận ủy Quận 9.\n        - noi_dung: Gửi báo cáo kết quả lên Quận ủy\n          han: 28/12/2020\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("hạn chót 28/12/2020"), "{err}");
}

#[test]
fn an_admission_after_the_document_is_an_error() {
    let (code, err, text) = check_with("ngay_vao_dang: 14/01/2020", "ngay_vao_dang: 14/01/2021");
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "- ma: anh");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("ngày vào Đảng của Đỗ Ngọc Ánh (14/01/2021) ở sau ngày của kế hoạch"),
        "{err}"
    );
}

#[test]
fn an_invitation_dated_after_the_meeting_is_an_error() {
    let (code, err, _) = check_with("    ngay: 21/12/2020", "    ngay: 26/12/2020");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("giấy mời đề ngày 26/12/2020, sau ngày hội nghị 25/12/2020"),
        "{err}"
    );
}

#[test]
fn the_report_of_results_comes_after_the_meeting() {
    let (code, err, text) = check_with(
        "  ngay: 28/12/2020\n  kinh_gui:",
        "  ngay: 20/12/2020\n  kinh_gui:",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  ngay: 20/12/2020");
    assert!(
        err.contains(&format!(
            ":{line}:9: lỗi [trường bao_cao_ket_qua.ngay]: báo cáo kết quả đề ngày 20/12/2020, trước ngày hội nghị kiểm điểm 25/12/2020."
        )),
        "{err}"
    );
}

#[test]
fn residence_remarks_are_due_before_the_meeting() {
    let (code, err, text) = check_with(
        "phieu_213:\n  ngay: 10/12/2020\n  han: 18/12/2020",
        "phieu_213:\n  ngay: 10/12/2020\n  han: 28/12/2020",
    );
    assert_eq!(code, 1, "{err}");
    let line = line_of(&text, "  han: 28/12/2020");
    assert!(
        err.contains(&format!(
            ":{line}:8: lỗi [trường phieu_213.han]: hạn gửi nhận xét nơi cư trú 28/12/2020 ở sau ngày hội nghị kiểm điểm 25/12/2020."
        )),
        "{err}"
    );
}

#[test]
fn a_heading_that_names_other_days_than_its_period_is_a_warning() {
    let (code, err, text) = check_with(
        "      tieu_de: Từ 23/12/2020 – 25/12/2020",
        "      tieu_de: Từ 23/12/2020 – 26/12/2020",
    );
    assert_eq!(code, 0, "{err}");
    let line = line_of(&text, "tieu_de: Từ 23/12/2020 – 26/12/2020");
    assert!(err.contains(&format!("d.yaml:{line}:")), "{err}");
    assert!(
        err.contains("ghi ngày 26/12/2020, nhưng khoảng này từ 23/12/2020 đến 25/12/2020"),
        "{err}"
    );
}

/// The 2020 fixture loaded, to move one date of it and call one rule.
fn seed() -> hoso::data::Dossier {
    let bytes = std::fs::read(fixture()).unwrap();
    hoso::data::load_bytes("d.yaml", &bytes).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Each "after" and "before" of the timetable is strict: the same day is on time (a boundary
/// a `<` written `<=` would move).
#[test]
fn the_same_day_is_on_time_for_every_timetable_rule() {
    use hoso::rules::timetable as t;
    let base = seed();
    let meeting = base.meeting.as_ref().unwrap().date;
    let none = |d: &hoso::data::Dossier, rule: hoso::rules::Rule, what: &str| {
        let found = rule(d);
        assert!(found.is_empty(), "{what}: {found:?}");
    };
    let some = |d: &hoso::data::Dossier, rule: hoso::rules::Rule, what: &str| {
        assert!(!rule(d).is_empty(), "{what}: no diagnostic");
    };

    // two periods starting the same day are in order
    let mut d = base.clone();
    d.plan.periods[1].from = d.plan.periods[0].from;
    none(&d, t::periods_in_order, "two periods from the same day");

    // a task of a period before the meeting: due on the meeting's day is on time, a day later
    // is not
    let mut d = base.clone();
    d.plan.assignments.clear();
    for p in &mut d.plan.periods {
        for task in &mut p.tasks {
            task.deadline = None;
        }
    }
    let first = d
        .plan
        .periods
        .iter()
        .position(|p| p.from < meeting)
        .unwrap();
    d.plan.periods[first].tasks[0].deadline = Some(meeting);
    none(
        &d,
        t::deadlines_before_the_meeting,
        "due on the meeting's day",
    );
    d.plan.periods[first].tasks[0].deadline = meeting.succ_opt();
    some(&d, t::deadlines_before_the_meeting, "due after the meeting");

    // the plan dated the meeting's day; the meeting on the plan's first and last day
    let mut d = base.clone();
    d.plan.date = meeting;
    none(&d, t::meeting_inside_the_plan, "plan of the meeting's day");
    let first_day = d.plan.periods.iter().map(|p| p.from).min().unwrap();
    let last_day = d.plan.periods.iter().map(|p| p.to).max().unwrap();
    for on in [first_day, last_day] {
        let mut d = base.clone();
        d.plan.date = first_day;
        d.meeting.as_mut().unwrap().date = on;
        none(&d, t::meeting_inside_the_plan, "meeting on the plan's edge");
    }

    // admitted on the plan's day, and on the day of birth (odd, but not "before" it); the
    // invitation dated the meeting's day
    let mut d = base.clone();
    d.members[0].admitted = d.plan.date;
    none(
        &d,
        t::past_dates_not_after_the_document,
        "admitted the plan's day",
    );
    let mut d = base.clone();
    d.members[0].admitted = d.members[0].birth_date;
    none(
        &d,
        t::past_dates_not_after_the_document,
        "admitted the day of birth",
    );
    let mut d = base.clone();
    let m = d.meeting.as_mut().unwrap();
    if let Some(inv) = m.invitation.as_mut() {
        inv.date = meeting;
    }
    assert!(m.invitation.is_some(), "the fixture has an invitation");
    none(
        &d,
        t::past_dates_not_after_the_document,
        "invitation of the meeting's day",
    );

    // the report of results on the meeting's day; residence remarks due the meeting's day,
    // asked for the day they are due
    let mut d = base.clone();
    d.results.as_mut().expect("a report of results").date = meeting;
    let q = d.residence_request.as_mut().expect("a residence request");
    q.date = meeting;
    q.deadline = Some(meeting);
    none(
        &d,
        t::reports_follow_the_meeting,
        "report and remarks of the meeting's day",
    );
}

/// The 2026 fixture loaded, to move its dates.
fn seed_2025() -> hoso::data::Dossier {
    let bytes = std::fs::read(fixture_2025()).unwrap();
    hoso::data::load_bytes("d.yaml", &bytes).unwrap()
}

/// Working days counted as HD 43 means them: Monday to Friday, New Year's Day excepted, so
/// three working days before a Tuesday 1 December are Friday, Monday and the Tuesday itself, and
/// over the new year a Friday 1 January does not count.
#[test]
fn the_draft_goes_out_three_working_days_ahead() {
    use hoso::rules::timetable::draft_report_three_working_days_ahead as rule;
    let with = |sent: chrono::NaiveDate, meeting: chrono::NaiveDate| {
        let mut d = seed_2025();
        d.cell.late_year_end = true;
        d.plan.draft_sent = Some(sent);
        d.meeting.as_mut().unwrap().date = meeting;
        rule(&d)
    };
    // Thu 26/11 → Tue 1/12/2026: 27, 30/11, 1/12 (a 1st of the month that is no holiday)
    assert!(with(day(2026, 11, 26), day(2026, 12, 1)).is_empty());
    assert_eq!(with(day(2026, 11, 27), day(2026, 12, 1)).len(), 1);
    // Thu 31/12/2026 → Tue 5/1/2027: Fri 1/1 is New Year's Day, then a weekend: 2 days
    let late = with(day(2026, 12, 31), day(2027, 1, 5));
    assert_eq!(late.len(), 1, "{late:?}");
    assert!(late[0].message.contains("2 ngày làm việc"), "{late:?}");
    // Thu 31/12/2026 → Wed 6/1/2027: 4, 5, 6 January
    assert!(with(day(2026, 12, 31), day(2027, 1, 6)).is_empty());

    // no day written: a warning when there is a draft to send, none when there is none
    let mut d = seed_2025();
    d.plan.draft_sent = None;
    assert_eq!(rule(&d).len(), 1);
    d.collective = None;
    assert!(rule(&d).is_empty());
}

/// The review may meet on 31 December itself.
#[test]
fn a_meeting_on_the_last_day_of_the_year_is_on_time() {
    use hoso::rules::timetable::meeting_by_the_end_of_the_year as rule;
    let mut d = seed_2025();
    d.cell.late_year_end = false;
    d.meeting.as_mut().unwrap().date = day(d.year, 12, 31);
    assert!(rule(&d).is_empty());
    d.meeting.as_mut().unwrap().date = day(d.year + 1, 1, 1);
    assert_eq!(rule(&d).len(), 1);
}
