//! The cell (`chi_bo`) and its members (`dang_vien`): identity, posts, residence, the cell's
//! assessment.

use super::*;

impl Converter<'_> {
    pub(super) fn cell(&mut self, c: &RawCell) -> Cell {
        let d = Margins::default();
        let mut margin = |v: &Option<S<f64>>, default: f64, name: &str| -> f64 {
            match v {
                None => default,
                Some(s) if (5.0..=60.0).contains(&s.value) => s.value,
                Some(s) => {
                    self.error(
                        pos(&s.referenced),
                        &format!("chi_bo.le_trang.{name}"),
                        format!("lề {} mm nằm ngoài khoảng cho phép.", s.value),
                        Some("lề tính bằng milimét, từ 5 đến 60; HD 36 quy định trên 20, dưới 20, trái 30, phải 15."),
                    );
                    default
                }
            }
        };
        let margins = match &c.le_trang {
            None => d,
            Some(m) => Margins {
                top: margin(&m.tren, d.top, "tren"),
                bottom: margin(&m.duoi, d.bottom, "duoi"),
                left: margin(&m.trai, d.left, "trai"),
                right: margin(&m.phai, d.right, "phai"),
                mirrored: false,
            },
        };
        let margins = Margins {
            mirrored: c.in_hai_mat,
            ..margins
        };
        let late_year_end = c.ket_thuc_nam_muon;
        let abbreviation = self.text(&c.ky_hieu, "chi_bo.ky_hieu");
        if !abbreviation
            .chars()
            .all(|ch| ch.is_uppercase() || ch.is_ascii_digit())
        {
            self.error(
                pos(&c.ky_hieu.referenced),
                "chi_bo.ky_hieu",
                format!(
                    "ký hiệu «{abbreviation}» phải viết hoa, liền, không dấu cách (ví dụ «CB»)."
                ),
                None,
            );
        }
        Cell {
            name: self.name_text(&c.ten, "chi_bo.ten"),
            superior: self.name_text(&c.cap_tren, "chi_bo.cap_tren"),
            abbreviation,
            place: self.text(&c.dia_danh, "chi_bo.dia_danh"),
            margins,
            late_year_end,
        }
    }

    pub(super) fn member_data(&mut self, s: &S<RawMember>, path: &str) -> Member {
        let m = &s.value;
        let mut member = Member {
            id: m.ma.value.trim().to_string(),
            full_name: self.text(&m.ho_ten, &format!("{path}.ho_ten")),
            listed_name: String::new(),
            file_name: String::new(),
            birth_date: self.date(&m.ngay_sinh, &format!("{path}.ngay_sinh")),
            gender: match m.gioi_tinh {
                RawGender::Nam => Gender::Male,
                RawGender::Nu => Gender::Female,
            },
            post: match m.chuc_vu_dang {
                RawPartyPost::BiThu => PartyPost::Secretary,
                RawPartyPost::PhoBiThu => PartyPost::DeputySecretary,
                RawPartyPost::ChiUyVien => PartyPost::CommitteeMember,
                RawPartyPost::DangVien => PartyPost::Member,
            },
            membership: match m.loai {
                RawMembership::ChinhThuc => Membership::Official,
                RawMembership::DuBi => Membership::Probationary,
            },
            admitted: self.date_from(&m.ngay_vao_dang, &format!("{path}.ngay_vao_dang"), 1930),
            job: self.opt_text(&m.nghe_nghiep, &format!("{path}.nghe_nghiep")),
            workplace: self.opt_text(&m.don_vi, &format!("{path}.don_vi")),
            gov_post: self.opt_text(
                &m.chuc_vu_chinh_quyen,
                &format!("{path}.chuc_vu_chinh_quyen"),
            ),
            org_post: self.opt_text(&m.chuc_vu_doan_the, &format!("{path}.chuc_vu_doan_the")),
            leader: m.lanh_dao_quan_ly,
            activity: match m.sinh_hoat_dang.as_ref().map(|a| a.value) {
                None => Activity::Active,
                Some(RawActivity::MienSinhHoat) => Activity::Exempted,
                Some(RawActivity::DinhChiSinhHoat) => Activity::Suspended,
            },
            sick_months: match &m.nghi_om_thang {
                Some(n) if n.value > 12 => {
                    self.error(
                        pos(&n.referenced),
                        &format!("{path}.nghi_om_thang"),
                        format!(
                            "một năm chỉ có 12 tháng, không thể nghỉ ốm {} tháng.",
                            n.value
                        ),
                        Some("ghi tổng số tháng nghỉ ốm trong năm, từ 0 đến 12."),
                    );
                    12
                }
                Some(n) => n.value,
                None => 0,
            },
            maternity: m.nghi_thai_san,
            discipline: self.opt_text(&m.ky_luat, &format!("{path}.ky_luat")),
            discipline_at: m
                .ky_luat
                .as_ref()
                .map(|k| at(k, &format!("{path}.ky_luat")))
                .unwrap_or_default(),
            residence: m.cu_tru.as_ref().map(|r| Residence {
                address: self.text(&r.dia_chi, &format!("{path}.cu_tru.dia_chi")),
                cell: self.text(&r.chi_bo, &format!("{path}.cu_tru.chi_bo")),
                committee: self.text(&r.dang_uy, &format!("{path}.cu_tru.dang_uy")),
            }),
            assessment: m
                .danh_gia
                .as_ref()
                .map(|a| self.assessment(a, &format!("{path}.danh_gia")))
                .unwrap_or_default(),
            subject: match m.doi_tuong.as_ref().map(|s| s.value) {
                Some(RawSubject::LanhDaoQuanLy) => Subject::Leader,
                Some(RawSubject::KhongGiuChucVu) => Subject::Member,
                Some(RawSubject::NgoaiHeThong) => Subject::Outside,
                None => default_subject(m),
            },
            performance: m
                .ket_qua
                .as_ref()
                .map(|p| self.performance(p, &format!("{path}.ket_qua"))),
            mitigated: m.tu_nhan_khac_phuc,
            has_review: m.kiem_diem.is_some(),
            review: m
                .kiem_diem
                .as_ref()
                .map(|r| self.review_sections(r, &format!("{path}.kiem_diem")))
                .unwrap_or_default(),
            at: at(s, path),
        };
        // Section I has as many criteria as the member's form, and the score is checked against
        // the form's criteria table (the member decides which form).
        if let (Some(reg), Some(k)) = (self.regulation, &m.kiem_diem) {
            let form = (reg.self_review.form_of)(member.leader, member.subject);
            let path = format!("{path}.kiem_diem");
            self.criteria_count(&k.uu_diem, form, &path);
            member.review.score = k
                .tu_cham_diem
                .as_ref()
                .map(|sc| self.score(sc, form.label_key, &format!("{path}.tu_cham_diem")));
        }
        member
    }

    pub(super) fn assessment(&mut self, a: &RawAssessment, path: &str) -> Assessment {
        let rated = |r: &Option<S<RawRating>>, field: &str| match r {
            Some(s) => (Some(rating(s.value)), at(s, &format!("{path}.{field}"))),
            None => (None, At::default()),
        };
        let (proposed, proposed_at) = rated(&a.de_xuat, "de_xuat");
        let (decided, decided_at) = rated(&a.xep_loai, "xep_loai");
        Assessment {
            prompts: self.texts(&a.goi_y_kiem_diem, &format!("{path}.goi_y_kiem_diem")),
            remarks: self.opt_prose(&a.nhan_xet_chi_uy, &format!("{path}.nhan_xet_chi_uy")),
            opinions: self.rich_list(&a.y_kien, &format!("{path}.y_kien")),
            votes: a
                .phieu
                .as_ref()
                .map(|v| self.votes(v, &format!("{path}.phieu"))),
            votes_at: a
                .phieu
                .as_ref()
                .map(|v| at(v, &format!("{path}.phieu")))
                .unwrap_or_default(),
            proposed,
            proposed_at,
            decided,
            decided_at,
        }
    }
}
