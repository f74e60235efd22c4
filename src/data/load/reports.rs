//! What the cell and its members write: the collective report (Mẫu 01), the analysis sheet (Mẫu
//! 03), the sections of a self-review, the year's tasks, last year's outcomes (`nam_truoc`).

use super::*;

impl Converter<'_> {
    pub(super) fn collective(
        &mut self,
        r: &RawCollectiveReport,
        default_signer: MemberRef,
    ) -> CollectiveReport {
        let path = "bao_cao_tap_the";
        let review = match &r.kiem_diem {
            None => SelfReview::default(),
            Some(k) => {
                if k.value.tu_xep_loai_vien_chuc.is_some()
                    || k.value.tu_xep_loai_dang_vien.is_some()
                {
                    self.error(
                        pos(&k.referenced),
                        &format!("{path}.kiem_diem"),
                        "báo cáo tập thể không có mục xếp loại viên chức hay đảng viên.".into(),
                        Some("mức tập thể tự nhận ghi ở «bao_cao_tap_the.tu_xep_loai»."),
                    );
                }
                if let Some(reg) = self.regulation {
                    self.criteria_count(
                        &k.value.uu_diem,
                        reg.collective.review,
                        &format!("{path}.kiem_diem"),
                    );
                }
                self.review_sections(&k.value, &format!("{path}.kiem_diem"))
            }
        };
        CollectiveReport {
            number: r
                .so
                .as_ref()
                .and_then(|s| self.number(s, "bao_cao_tap_the.so")),
            date: self.date(&r.ngay, "bao_cao_tap_the.ngay"),
            review,
            rating: r.tu_xep_loai.as_ref().map(|s| rating(s.value)),
            rating_at: r
                .tu_xep_loai
                .as_ref()
                .map(|s| at(s, "bao_cao_tap_the.tu_xep_loai"))
                .unwrap_or_default(),
            score: r.tu_cham_diem.as_ref().map(|sc| {
                let key = self
                    .regulation
                    .map_or("mau_01", |reg| reg.collective.review.label_key);
                self.score(sc, key, "bao_cao_tap_the.tu_cham_diem")
            }),
            performance: r
                .ket_qua
                .as_ref()
                .map(|p| self.performance(p, "bao_cao_tap_the.ket_qua")),
            recipients: self.texts(&r.noi_nhan, &format!("{path}.noi_nhan")),
            signer: match &r.nguoi_ky {
                Some(s) => self.member(s, "bao_cao_tap_the.nguoi_ky"),
                None => default_signer,
            },
            on_behalf: match r.thay_mat {
                Some(RawOnBehalf::ChiBo) => OnBehalf::Cell,
                _ => OnBehalf::Committee,
            },
        }
    }

    pub(super) fn analysis(&mut self, a: &RawAnalysis) -> Analysis {
        let allowed = self
            .regulation
            .and_then(|r| r.analysis)
            .map_or(usize::MAX, |f| f.rows());
        if let Some(extra) = a.cap_do.get(allowed) {
            self.error(
                pos(&extra.referenced),
                &format!("phan_tich_chat_luong.cap_do[{allowed}]"),
                format!("phiếu phân tích có {allowed} tiêu chí, nhưng ở đây có {} mức.", a.cap_do.len()),
                Some("mỗi mục trong «cap_do» ứng với một tiêu chí của phiếu, theo thứ tự; xóa các mục thừa."),
            );
        }
        Analysis {
            date: self.date(&a.ngay, "phan_tich_chat_luong.ngay"),
            assessor: self.opt_text(&a.chu_the, "phan_tich_chat_luong.chu_the"),
            levels: a.cap_do.iter().map(|l| level(l.value)).collect(),
            remarks: self.opt_prose(&a.nhan_xet, "phan_tich_chat_luong.nhan_xet"),
            proposal: a.de_nghi.map(rating),
            at: at(&a.ngay, "phan_tich_chat_luong"),
        }
    }

    /// Sections I–VII of a review (a member's or the cell's).
    pub(super) fn review_sections(&mut self, r: &RawSelfReview, path: &str) -> SelfReview {
        let opt = |c: &mut Self, v: &Option<S<String>>, name: &str| {
            c.opt_prose(v, &format!("{path}.{name}"))
        };
        SelfReview {
            criteria: r
                .uu_diem
                .iter()
                .enumerate()
                .map(|(i, c)| Criterion {
                    text: self
                        .opt_prose(&c.value.noi_dung, &format!("{path}.uu_diem[{i}].noi_dung")),
                    level: c.value.cap_do.map(level),
                })
                .collect(),
            shortcomings: opt(self, &r.han_che, "han_che"),
            causes: opt(self, &r.nguyen_nhan, "nguyen_nhan"),
            remedy: opt(self, &r.khac_phuc, "khac_phuc"),
            remedy_level: r.cap_do_khac_phuc.map(level),
            explanations: opt(self, &r.giai_trinh, "giai_trinh"),
            responsibility: opt(self, &r.trach_nhiem, "trach_nhiem"),
            direction: opt(self, &r.phuong_huong, "phuong_huong"),
            rating_civil: r.tu_xep_loai_vien_chuc.map(rating),
            rating_party: r.tu_xep_loai_dang_vien.as_ref().map(|s| rating(s.value)),
            rating_party_at: r
                .tu_xep_loai_dang_vien
                .as_ref()
                .map(|s| at(s, &format!("{path}.tu_xep_loai_dang_vien")))
                .unwrap_or_default(),
            score: None,
        }
    }

    /// Section I of a review has no more criteria than its form.
    pub(super) fn criteria_count(
        &mut self,
        items: &[S<RawCriterion>],
        form: &ReviewForm,
        path: &str,
    ) {
        let allowed = form.criteria.len();
        if let Some(extra) = items.get(allowed) {
            self.error(
                pos(&extra.referenced),
                &format!("{path}.uu_diem[{allowed}]"),
                format!(
                    "mục I của bản kiểm điểm của {} chỉ có {allowed} tiêu chí, nhưng ở đây có {}.",
                    form.who,
                    items.len()
                ),
                Some("mỗi mục trong «uu_diem» ứng với một tiêu chí của mẫu, theo thứ tự; xóa các mục thừa."),
            );
        }
        // Three items for a six-item form (2A) are most likely 2B's order copied over: the third,
        // meant as the pledge, would print under «kết quả lãnh đạo, chỉ đạo, quản lý».
        if allowed == 6 && items.len() == 3 {
            self.warn(
                pos(&items[2].referenced),
                &format!("{path}.uu_diem[2]"),
                format!(
                    "mục I của bản kiểm điểm của {} có 6 tiêu chí, ở đây chỉ ghi 3; mục thứ ba in vào tiêu chí 3 «kết quả công tác lãnh đạo, chỉ đạo, quản lý», không phải tiêu chí cam kết tu dưỡng (tiêu chí 6).",
                    form.who
                ),
                "ghi đủ 6 mục theo thứ tự của Mẫu 2A: phẩm chất; thực hiện nhiệm vụ; lãnh đạo, chỉ đạo, quản lý; trách nhiệm, đổi mới sáng tạo; nêu gương; cam kết tu dưỡng (mục chưa viết để «noi_dung» trống).",
            );
        }
    }

    /// The year's tasks: parts never more than the whole.
    pub(super) fn performance(&mut self, r: &RawPerformance, path: &str) -> Performance {
        let get = |s: &Option<S<u32>>| s.as_ref().map(|s| s.value);
        let out = Performance {
            tasks: get(&r.so_nhiem_vu),
            exceeded: get(&r.vuot_muc),
            late: get(&r.cham_tien_do),
            failed: get(&r.khong_hoan_thanh),
            shortcomings: get(&r.han_che_ky_truoc),
            fixed: get(&r.da_khac_phuc),
            at: [
                &r.so_nhiem_vu,
                &r.vuot_muc,
                &r.cham_tien_do,
                &r.khong_hoan_thanh,
                &r.han_che_ky_truoc,
                &r.da_khac_phuc,
            ]
            .into_iter()
            .flatten()
            .next()
            .map(|s| at(s, path))
            .unwrap_or_default(),
        };
        if let Some(total) = out.tasks {
            for (part, name) in [
                (&r.vuot_muc, "vuot_muc"),
                (&r.cham_tien_do, "cham_tien_do"),
                (&r.khong_hoan_thanh, "khong_hoan_thanh"),
            ] {
                if let Some(s) = part
                    && s.value > total
                {
                    self.error(
                        pos(&s.referenced),
                        &format!("{path}.{name}"),
                        format!("{} nhiệm vụ, nhiều hơn tổng số {total} nhiệm vụ.", s.value),
                        None,
                    );
                }
            }
        }
        if let (Some(all), Some(s)) = (out.shortcomings, &r.da_khac_phuc)
            && s.value > all
        {
            self.error(
                pos(&s.referenced),
                &format!("{path}.da_khac_phuc"),
                format!(
                    "{} hạn chế đã khắc phục, nhiều hơn {all} hạn chế của kỳ trước.",
                    s.value
                ),
                None,
            );
        }
        out
    }

    /// Last year's outcomes: of the year before, and of members of this year's list (a member
    /// who left is a warning: their outcome is not read).
    pub(super) fn last_year(&mut self, r: &RawLastYear, year: i32, members: &[Member]) -> LastYear {
        if r.nam.value != year - 1 {
            self.warn(
                pos(&r.nam.referenced),
                "nam_truoc.nam",
                format!(
                    "kết quả «nam_truoc» là của năm {}, không phải năm {}.",
                    r.nam.value,
                    year - 1
                ),
                "chép kết quả của năm liền trước (hoso init --tu TỆP-NĂM-TRƯỚC).",
            );
        }
        let mut out = LastYear {
            year: r.nam.value,
            cell: r
                .chi_bo
                .as_ref()
                .map(|c| self.last_outcome(c, "nam_truoc.chi_bo")),
            members: Default::default(),
        };
        for (id, o) in &r.dang_vien {
            let path = format!("nam_truoc.dang_vien.{id}");
            if !members.iter().any(|m| m.id == *id) {
                self.warn(
                    pos(&o.referenced),
                    &path,
                    format!("không có đảng viên mã «{id}» trong danh sách năm nay."),
                    "bỏ mục này nếu đồng chí đã chuyển đi, hoặc sửa mã cho khớp với «dang_vien».",
                );
                continue;
            }
            let outcome = self.last_outcome(&o.value, &path);
            out.members.insert(id.clone(), outcome);
        }
        out
    }

    pub(super) fn last_outcome(&mut self, r: &RawLastOutcome, path: &str) -> LastOutcome {
        LastOutcome {
            rating: r.muc.as_ref().map(|m| rating(m.value)),
            score: r.diem.as_ref().map(|d| d.value),
            shortcomings: r
                .han_che
                .iter()
                .enumerate()
                .map(|(i, h)| self.text(h, &format!("{path}.han_che[{i}]")))
                .collect(),
        }
    }
}
