//! The plan (`ke_hoach`): its periods and their tasks.

use super::*;

impl Converter<'_> {
    pub(super) fn task(&mut self, s: &S<RawTask>, path: &str) -> Task {
        match &s.value {
            RawTask::Plain(t) => {
                let t = S {
                    value: t.clone(),
                    referenced: s.referenced,
                    defined: s.defined,
                };
                Task {
                    text: self.rich(&t, path),
                    at: at(s, path),
                    ..Task::default()
                }
            }
            RawTask::Detailed(d) => Task {
                text: self.rich(&d.noi_dung, &format!("{path}.noi_dung")),
                people: self.members(&d.nguoi, &format!("{path}.nguoi")),
                role: self.opt_text(&d.vai_tro, &format!("{path}.vai_tro")),
                on: self.opt_date(&d.ngay, &format!("{path}.ngay")),
                note: self.opt_text(&d.ghi_chu, &format!("{path}.ghi_chu")),
                deadline: self.opt_date(&d.han, &format!("{path}.han")),
                deadline_label: self.opt_text(&d.nhan_han, &format!("{path}.nhan_han")),
                at: at(s, path),
            },
        }
    }

    pub(super) fn tasks(&mut self, list: &[S<RawTask>], path: &str) -> Vec<Task> {
        list.iter()
            .enumerate()
            .map(|(i, t)| self.task(t, &format!("{path}[{i}]")))
            .collect()
    }

    pub(super) fn plan(&mut self, p: &RawPlan) -> Plan {
        let number = p.so.as_ref().and_then(|s| self.number(s, "ke_hoach.so"));
        let periods = p
            .thoi_gian
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("ke_hoach.thoi_gian[{i}]");
                Period {
                    from: self.date(&s.value.tu, &format!("{path}.tu")),
                    to: self.date(&s.value.den, &format!("{path}.den")),
                    heading: self.opt_text(&s.value.tieu_de, &format!("{path}.tieu_de")),
                    heading_at: s
                        .value
                        .tieu_de
                        .as_ref()
                        .map_or_else(|| at(s, &path), |h| at(h, &format!("{path}.tieu_de"))),
                    tasks: self.tasks(&s.value.viec, &format!("{path}.viec")),
                    at: at(s, &path),
                }
            })
            .collect();
        let assignments = p
            .phan_cong
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("ke_hoach.phan_cong[{i}]");
                let a = &s.value;
                let who = match (&a.nhom, a.nguoi.is_empty()) {
                    (Some(_), false) | (None, true) => {
                        self.error(
                            pos(&s.referenced),
                            &path,
                            "mỗi mục phân công cần đúng một trong hai trường «nguoi» hoặc «nhom».".into(),
                            Some("«nguoi: [nam, lan]» để giao cho từng đồng chí; «nhom: cac_dong_chi_dang_vien» hoặc «nhom: cac_dang_vien_khac» để giao cho cả nhóm."),
                        );
                        Assignee::AllMembers
                    }
                    (Some(RawGroup::CacDongChiDangVien), true) => Assignee::AllMembers,
                    (Some(RawGroup::CacDangVienKhac), true) => Assignee::OtherMembers,
                    (None, false) => Assignee::Members(self.members(&a.nguoi, &format!("{path}.nguoi"))),
                };
                Assignment { who, tasks: self.tasks(&a.viec, &format!("{path}.viec")) }
            })
            .collect();
        Plan {
            number,
            date: self.date(&p.ngay, "ke_hoach.ngay"),
            summary: self.text(&p.trich_yeu, "ke_hoach.trich_yeu"),
            bases: self.rich_list(&p.can_cu, "ke_hoach.can_cu"),
            intro: p.mo_dau.as_ref().map(|s| self.rich(s, "ke_hoach.mo_dau")),
            purposes: self.rich_list(&p.muc_dich_yeu_cau, "ke_hoach.muc_dich_yeu_cau"),
            principles: self.rich_list(&p.nguyen_tac, "ke_hoach.nguyen_tac"),
            periods,
            assignments,
            closing: p
                .ket_luan
                .as_ref()
                .map(|s| self.rich(s, "ke_hoach.ket_luan")),
            recipients: self.texts(&p.noi_nhan, "ke_hoach.noi_nhan"),
            archive: self
                .opt_text(&p.luu, "ke_hoach.luu")
                .unwrap_or_else(|| "Chi bộ".to_string()),
            signer: self.member(&p.nguoi_ky, "ke_hoach.nguoi_ky"),
            on_behalf: match p.thay_mat {
                Some(RawOnBehalf::ChiUy) => OnBehalf::Committee,
                _ => OnBehalf::Cell,
            },
            date_at: at(&p.ngay, "ke_hoach.ngay"),
            draft_sent: self.opt_date(&p.gui_du_thao, "ke_hoach.gui_du_thao"),
            draft_sent_at: p
                .gui_du_thao
                .as_ref()
                .map(|s| at(s, "ke_hoach.gui_du_thao"))
                .unwrap_or_default(),
        }
    }
}
