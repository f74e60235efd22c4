//! The rules of a regulation that rates by score (QĐ 366-QĐ/TW): the level follows the score's
//! band, "xuất sắc" needs its conditions, discipline in the year, every rated member scored, and
//! the fields of one regulation's forms not written under another's.

use super::diag;
use super::rating::cell_levels;
use crate::data::tally::{self, Standing};
use crate::data::{At, Dossier, LastOutcome, Performance, Rating, Score};
use crate::diag::{Diagnostic, Severity};
use crate::regulation::Scoring;

/// What a level is checked against: who, their score, and the levels given with where.
struct Scored<'a> {
    who: String,
    score: &'a Score,
    levels: Vec<(Rating, &'a At, &'static str)>,
    /// A discipline in the year explains "không hoàn thành" whatever the score.
    not_done_explained: bool,
}

/// Whether member `m` was disciplined in the year at the level that makes them "không hoàn
/// thành nhiệm vụ" (QĐ 366 Điều 11: from "khiển trách").
pub fn heavy_discipline(d: &Dossier, m: &crate::data::Member) -> bool {
    m.discipline.as_ref().is_some_and(|k| {
        let lower = k.to_lowercase();
        d.regulation
            .thresholds
            .heavy_discipline
            .iter()
            .any(|w| lower.contains(w))
    })
}

/// Every rated member's and the collective's score with the levels given to them: by
/// themselves ("tự xếp"), and by the cell.
fn scored(d: &Dossier) -> Vec<Scored<'_>> {
    let mut out = Vec::new();
    let voters = tally::voters(d);
    for m in &d.members {
        let Some(score) = &m.review.score else {
            continue;
        };
        if tally::standing(d, m) != Standing::Rated {
            continue;
        }
        let mut levels: Vec<(Rating, &At, &str)> = m
            .review
            .rating_party
            .map(|r| (r, &m.review.rating_party_at, "tự xếp"))
            .into_iter()
            .collect();
        levels.extend(
            cell_levels(m, voters)
                .into_iter()
                .map(|(r, at)| (r, at, "được xếp")),
        );
        out.push(Scored {
            who: format!("đồng chí {}", m.full_name),
            score,
            levels,
            not_done_explained: heavy_discipline(d, m),
        });
    }
    if let Some(c) = &d.collective
        && let Some(score) = &c.score
    {
        let mut levels: Vec<(Rating, &At, &str)> = c
            .rating
            .map(|r| (r, &c.rating_at, "tự xếp"))
            .into_iter()
            .collect();
        if let (Some(r), Some(m)) = (tally::cell_ballot_result(d), &d.meeting) {
            levels.push((r, &m.cell_votes_at, "được hội nghị biểu quyết"));
        }
        out.push(Scored {
            who: "tập thể chi bộ".to_string(),
            score,
            levels,
            not_done_explained: false,
        });
    }
    out
}

/// The level follows the score's band (≥ 90 xuất sắc, 70 to < 90 tốt, 50 to < 70 hoàn thành,
/// < 50 không hoàn thành): a level above the band is an error, below it a warning.
pub fn level_follows_the_score(d: &Dossier) -> Vec<Diagnostic> {
    let Some(s) = d.regulation.scoring else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for x in scored(d) {
        let total = x.score.total();
        let band = s.band(total);
        for (level, at, how) in &x.levels {
            // the discipline rule says why, and already warns when it needs to
            if *level == band || *level == Rating::NotDone && x.not_done_explained {
                continue;
            }
            let said = format!(
                "{} tự chấm {}/100 điểm ({}: «{}») nhưng {how} «{}».",
                x.who,
                total.text(),
                s.band_text(band),
                band.name(),
                level.name()
            );
            if *level < band {
                out.push(diag(
                    d,
                    Severity::Error,
                    at,
                    said,
                    &bands_hint(
                        s,
                        "mức xếp loại không cao hơn mức của số điểm; sửa điểm hoặc mức xếp loại.",
                    ),
                ));
            } else {
                out.push(diag(
                    d,
                    Severity::Warning,
                    at,
                    said,
                    &bands_hint(s, "xếp thấp hơn mức của số điểm khi chưa đủ điều kiện của mức cao hơn hoặc có vi phạm; kiểm tra lại điểm hoặc mức xếp loại."),
                ));
            }
        }
    }
    out
}

fn bands_hint(s: &Scoring, then: &str) -> String {
    let bands: Vec<String> = Rating::ALL
        .iter()
        .map(|r| format!("{} là «{}»", s.band_text(*r), r.name()))
        .collect();
    format!("{}: {}; {then}", s.cite, bands.join(", "))
}

/// The year's tasks with last year's shortcomings (`nam_truoc`) counted when the year's data
/// does not count them itself (`ket_qua.han_che_ky_truoc`); none said fixed is none fixed.
fn with_last_year(p: Option<&Performance>, last: Option<&LastOutcome>) -> Option<Performance> {
    let carried = last.map_or(0, |l| l.shortcomings.len() as u32);
    match p {
        Some(p) if p.shortcomings.is_some() || carried == 0 => Some(p.clone()),
        p => {
            let p = p.cloned().unwrap_or_default();
            Some(Performance {
                shortcomings: Some(carried),
                fixed: Some(p.fixed.unwrap_or(0)),
                ..p
            })
        }
    }
}

/// What keeps a "xuất sắc" from its conditions (QĐ 366 Điều 11), as far as the data shows.
fn unmet(p: &Performance) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(all), Some(fixed)) = (p.shortcomings, p.fixed)
        && fixed < all
    {
        out.push(format!("mới khắc phục {fixed}/{all} hạn chế của kỳ trước"));
    }
    // no task given: nothing to exceed (0 < 0 is false)
    if let (Some(tasks), Some(exceeded)) = (p.tasks, p.exceeded)
        && u64::from(exceeded) * 10 < u64::from(tasks) * 3
    {
        out.push(format!(
            "chỉ {exceeded}/{tasks} nhiệm vụ vượt mức ({}, chưa đủ 30%)",
            tally::percent(exceeded, tasks)
        ));
    }
    for (n, what) in [(p.late, "chậm tiến độ"), (p.failed, "không hoàn thành")] {
        if let Some(n) = n.filter(|n| *n > 0) {
            out.push(format!("có {n} nhiệm vụ {what}"));
        }
    }
    out
}

/// "Xuất sắc" needs the conditions the data can show: every shortcoming of the last review
/// fixed, every task done on time, at least 30 % exceeded; for the collective, no member of its
/// leadership disciplined in the year.
pub fn excellent_needs_its_conditions(d: &Dossier) -> Vec<Diagnostic> {
    let Some(s) = d.regulation.scoring else {
        return Vec::new();
    };
    let hint = format!(
        "{}: mức «Hoàn thành xuất sắc nhiệm vụ» cần khắc phục 100% hạn chế đã được chỉ ra, hoàn thành 100% nhiệm vụ đúng tiến độ, có từ 30% nhiệm vụ vượt mức; tập thể còn cần không có thành viên lãnh đạo bị kỷ luật trong năm.",
        s.cite
    );
    let mut out = Vec::new();
    let mut check =
        |who: String, p: Option<&Performance>, extra: Vec<String>, levels: Vec<(Rating, &At)>| {
            let mut reasons = p.map(unmet).unwrap_or_default();
            reasons.extend(extra);
            if reasons.is_empty() {
                return;
            }
            for (_, at) in levels.iter().filter(|(r, _)| *r == Rating::Excellent) {
                out.push(diag(
                    d,
                    Severity::Error,
                    at,
                    format!(
                        "{who} được xếp «{}» nhưng {}.",
                        Rating::Excellent.name(),
                        reasons.join("; ")
                    ),
                    &hint,
                ));
            }
        };
    let voters = tally::voters(d);
    for m in &d.members {
        let mut levels = cell_levels(m, voters);
        if let Some(r) = m.review.rating_party {
            levels.push((r, &m.review.rating_party_at));
        }
        let last = d.last_year.as_ref().and_then(|l| l.members.get(&m.id));
        check(
            format!("đồng chí {}", m.full_name),
            with_last_year(m.performance.as_ref(), last).as_ref(),
            Vec::new(),
            levels,
        );
    }
    if let Some(c) = &d.collective {
        let disciplined: Vec<String> = d
            .members
            .iter()
            .filter(|m| m.post != crate::data::PartyPost::Member && m.discipline.is_some())
            .map(|m| format!("đồng chí {} trong chi ủy bị kỷ luật trong năm", m.full_name))
            .collect();
        let mut levels: Vec<(Rating, &At)> =
            c.rating.map(|r| (r, &c.rating_at)).into_iter().collect();
        if let (Some(r), Some(m)) = (tally::cell_ballot_result(d), &d.meeting) {
            levels.push((r, &m.cell_votes_at));
        }
        let last = d.last_year.as_ref().and_then(|l| l.cell.as_ref());
        check(
            "tập thể chi bộ".to_string(),
            with_last_year(c.performance.as_ref(), last).as_ref(),
            disciplined,
            levels,
        );
    }
    out
}

/// A member disciplined in the year at "khiển trách" or above is rated "Không hoàn thành nhiệm
/// vụ" (QĐ 366 Điều 11); when they found, reported and put right the fault themselves, the
/// competent level weighs it (a warning instead of an error).
pub fn discipline_in_the_year(d: &Dossier) -> Vec<Diagnostic> {
    let cite = d.regulation.scoring.map_or(d.regulation.cite, |s| s.cite);
    let mut out = Vec::new();
    let voters = tally::voters(d);
    for m in &d.members {
        let Some(k) = &m.discipline else { continue };
        if !heavy_discipline(d, m) {
            continue;
        }
        let (severity, then) = if m.mitigated {
            (
                Severity::Warning,
                "đồng chí đã tự nhận và khắc phục («tu_nhan_khac_phuc»): cấp có thẩm quyền xem xét mức xếp loại.",
            )
        } else {
            (
                Severity::Error,
                "nếu đồng chí đã tự phát hiện, báo cáo và khắc phục vi phạm, ghi «tu_nhan_khac_phuc: true» để cấp có thẩm quyền xem xét.",
            )
        };
        for (r, at) in cell_levels(m, voters)
            .into_iter()
            .filter(|(r, _)| *r != Rating::NotDone)
        {
            out.push(diag(
                d,
                severity,
                at,
                format!(
                    "đồng chí {} bị kỷ luật «{k}» trong năm nhưng được xếp «{}».",
                    m.full_name,
                    r.name()
                ),
                &format!(
                    "{cite}: bị kỷ luật từ khiển trách trở lên trong năm thì xếp «Không hoàn thành nhiệm vụ»; {then}"
                ),
            ));
        }
        if let Some(r) = m.review.rating_party.filter(|r| *r != Rating::NotDone)
            && !m.mitigated
        {
            out.push(diag(
                d,
                Severity::Warning,
                &m.discipline_at,
                format!(
                    "đồng chí {} bị kỷ luật «{k}» trong năm nhưng tự xếp loại «{}».",
                    m.full_name,
                    r.name()
                ),
                "nhắc đồng chí sửa phần tự đề xuất xếp loại.",
            ));
        }
    }
    out
}

/// Every member to be rated, and the collective, has scored themselves before the meeting's
/// papers are printed (their ballot line and the report show the score).
pub fn rated_members_score_themselves(d: &Dossier) -> Vec<Diagnostic> {
    if d.regulation.scoring.is_none() || d.meeting.is_none() {
        return Vec::new();
    }
    let mut out: Vec<Diagnostic> = d
        .members
        .iter()
        .filter(|m| tally::standing(d, m) == Standing::Rated && m.review.score.is_none())
        .map(|m| {
            diag(
                d,
                Severity::Warning,
                &m.at,
                format!("đồng chí {} chưa có điểm tự chấm (phần B).", m.full_name),
                "ghi «kiem_diem.tu_cham_diem: {chung: …, nhiem_vu: …}»; phiếu đánh giá và báo cáo kết quả để trống điểm của đồng chí.",
            )
        })
        .collect();
    if let Some(c) = &d.collective
        && c.score.is_none()
    {
        out.push(diag(
            d,
            Severity::Warning,
            &d.plan.date_at,
            "tập thể chi bộ chưa có điểm tự chấm (phần B của Mẫu 01).".into(),
            "ghi «bao_cao_tap_the.tu_cham_diem: {chung: …, nhiem_vu: …}».",
        ));
    }
    out
}

/// The parts of one regulation's forms are not written under another's: they would not be
/// printed (per-criterion levels, the civil-service rating and the analysis sheet belong to the
/// 2019 forms; scores to the 2025 ones).
pub fn forms_of_another_regulation(d: &Dossier) -> Vec<Diagnostic> {
    let reg = d.regulation;
    let mut out = Vec::new();
    let mut warn = |at: &At, what: &str| {
        out.push(diag(
            d,
            Severity::Warning,
            at,
            format!(
                "{what} không có trong mẫu của {} nên không được in.",
                reg.name
            ),
            "xóa trường này, hoặc kiểm tra «nam» và «quy_dinh».",
        ));
    };
    for m in &d.members {
        let r = &m.review;
        match reg.scoring {
            Some(_) => {
                if r.criteria.iter().any(|c| c.level.is_some()) || r.remedy_level.is_some() {
                    warn(
                        &m.at,
                        "cấp độ tự đánh giá từng tiêu chí («cap_do», «cap_do_khac_phuc»)",
                    );
                }
                if r.rating_civil.is_some() {
                    warn(&m.at, "mức tự xếp loại viên chức («tu_xep_loai_vien_chuc»)");
                }
            }
            None => {
                if let Some(s) = &r.score {
                    warn(&s.at, "điểm tự chấm («tu_cham_diem»)");
                }
            }
        }
    }
    if reg.analysis.is_none()
        && let Some(a) = &d.analysis
    {
        warn(&a.at, "phiếu phân tích chất lượng («phan_tich_chat_luong»)");
    }
    if reg.scoring.is_none()
        && let Some(s) = d.collective.as_ref().and_then(|c| c.score.as_ref())
    {
        warn(&s.at, "điểm tự chấm của tập thể («tu_cham_diem»)");
    }
    out
}
