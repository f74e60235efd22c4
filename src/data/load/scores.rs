//! The scores of QĐ 366: the criteria tables (`bo_tieu_chi`), points within their maximum, a
//! self-assessed score by group or row by row.

use super::*;

impl Converter<'_> {
    /// The upper committee's criteria tables: each row's maximum in points, each group summing to
    /// its maximum (30 and 70).
    pub(super) fn criteria_tables(&mut self, t: &RawCriteriaTables) {
        let tables = [
            ("mau_01", &t.mau_01),
            ("mau_2a", &t.mau_2a),
            ("mau_2b", &t.mau_2b),
            ("mau_2c", &t.mau_2c),
        ];
        for (key, table) in tables {
            let Some(table) = table else { continue };
            let path = format!("bo_tieu_chi.{key}");
            let general = self.criteria_rows(&table.chung, GENERAL_MAX, &format!("{path}.chung"));
            let tasks = self.criteria_rows(&table.nhiem_vu, TASKS_MAX, &format!("{path}.nhiem_vu"));
            self.criteria.push((key, CriteriaTable { general, tasks }));
        }
    }

    pub(super) fn criteria_rows(
        &mut self,
        rows: &[S<RawCriterionRow>],
        max: Points,
        path: &str,
    ) -> Vec<(String, Points)> {
        let out: Vec<(String, Points)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let p = format!("{path}[{i}]");
                let text = self.text(&r.value.noi_dung, &format!("{p}.noi_dung"));
                let points = self.points(&r.value.diem_toi_da, max, &format!("{p}.diem_toi_da"));
                (text, points)
            })
            .collect();
        let sum: Points = out.iter().map(|(_, p)| *p).sum();
        if sum != max {
            let (p, at) = match rows.first() {
                Some(r) => (pos(&r.referenced), format!("{path}[0]")),
                None => (Pos::default(), path.to_string()),
            };
            self.error(
                p,
                &at,
                format!(
                    "điểm tối đa của các tiêu chí cộng lại là {}, nhưng nhóm này có {} điểm.",
                    sum.text(),
                    max.text()
                ),
                Some("theo Quy định 366-QĐ/TW, nhóm tiêu chí chung có 30 điểm, nhóm kết quả thực hiện nhiệm vụ có 70 điểm; sửa «diem_toi_da» cho khớp."),
            );
        }
        out
    }

    /// A number of points: not negative, at most `max`, at most one decimal.
    pub(super) fn points(&mut self, s: &S<f64>, max: Points, path: &str) -> Points {
        self.points_at(s.value, pos(&s.referenced), max, path)
    }

    pub(super) fn points_at(&mut self, v: f64, p: Pos, max: Points, path: &str) -> Points {
        let tenths = (v * 10.0).round();
        if !v.is_finite() || v < 0.0 || (v * 10.0 - tenths).abs() > 1e-6 {
            self.error(
                p,
                path,
                format!("«{v}» không phải số điểm hợp lệ."),
                Some("điểm là số không âm, điểm lẻ ghi một chữ số thập phân, ví dụ 27 hoặc 27.5."),
            );
            return Points(0);
        }
        let points = Points(tenths as u32);
        if points > max {
            self.error(
                p,
                path,
                format!(
                    "{} điểm vượt mức tối đa {} điểm.",
                    points.text(),
                    max.text()
                ),
                None,
            );
        }
        points
    }

    /// A score of the form with label key `key`: group totals, or each row of its criteria table.
    pub(super) fn score(&mut self, s: &RawScore, key: &str, path: &str) -> Score {
        let table = self
            .criteria
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone());
        let (general, general_rows) = self.group(
            &s.chung,
            table.as_ref().map(|t| t.general.as_slice()),
            GENERAL_MAX,
            key,
            &format!("{path}.chung"),
        );
        let (tasks, task_rows) = self.group(
            &s.nhiem_vu,
            table.as_ref().map(|t| t.tasks.as_slice()),
            TASKS_MAX,
            key,
            &format!("{path}.nhiem_vu"),
        );
        let rows = match (general_rows, task_rows) {
            (None, None) => None,
            (g, t) => Some((g.unwrap_or_default(), t.unwrap_or_default())),
        };
        Score {
            general,
            tasks,
            rows,
            at: at(&s.chung, path),
        }
    }

    /// One group of a score: its total, and its rows when written row by row.
    pub(super) fn group(
        &mut self,
        s: &S<RawPoints>,
        table: Option<&[(String, Points)]>,
        max: Points,
        key: &str,
        path: &str,
    ) -> (Points, Option<Vec<Points>>) {
        let p = pos(&s.referenced);
        match (&s.value, table) {
            (RawPoints::Total(v), _) => (self.points_at(*v, p, max, path), None),
            (RawPoints::Rows(_), None) => {
                self.error(
                    p,
                    path,
                    "điểm từng tiêu chí chỉ ghi được khi có bộ tiêu chí của mẫu này.".into(),
                    Some(&format!(
                        "ghi điểm cả nhóm (một số), hoặc thêm bộ tiêu chí «bo_tieu_chi.{key}»."
                    )),
                );
                (Points(0), None)
            }
            (RawPoints::Rows(values), Some(rows)) => {
                if values.len() != rows.len() {
                    self.error(
                        p,
                        path,
                        format!(
                            "bộ tiêu chí «{key}» có {} tiêu chí ở nhóm này, nhưng ở đây có {} điểm.",
                            rows.len(),
                            values.len()
                        ),
                        Some("ghi điểm của từng tiêu chí, đúng thứ tự trong «bo_tieu_chi»."),
                    );
                }
                let points: Vec<Points> = values
                    .iter()
                    .zip(rows)
                    .enumerate()
                    .map(|(i, (v, (_, row_max)))| {
                        self.points_at(*v, p, *row_max, &format!("{path}[{i}]"))
                    })
                    .collect();
                (points.iter().copied().sum(), Some(points))
            }
        }
    }
}
