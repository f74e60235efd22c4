//! The meeting (`hop`): when, where, who chairs and keeps the minutes, who is absent, the votes.

use super::*;

impl Converter<'_> {
    pub(super) fn meeting(&mut self, m: &RawMeeting, default_signer: MemberRef) -> Meeting {
        let guests = m
            .khach_moi
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let path = format!("hoi_nghi.khach_moi[{i}]");
                Guest {
                    name: self.text(&g.value.ho_ten, &format!("{path}.ho_ten")),
                    post: self.opt_text(&g.value.chuc_vu, &format!("{path}.chuc_vu")),
                    body: self.opt_text(&g.value.co_quan, &format!("{path}.co_quan")),
                }
            })
            .collect();
        let invitation = m.giay_moi.as_ref().map(|g| Invitation {
            number: g
                .so
                .as_ref()
                .and_then(|s| self.number(s, "hoi_nghi.giay_moi.so")),
            date: self.date(&g.ngay, "hoi_nghi.giay_moi.ngay"),
            members_too: g.moi_ca_dang_vien,
            signer: match &g.nguoi_ky {
                Some(s) => self.member(s, "hoi_nghi.giay_moi.nguoi_ky"),
                None => default_signer,
            },
        });
        Meeting {
            date: self.date(&m.ngay, "hoi_nghi.ngay"),
            start: self.time(&m.bat_dau, "hoi_nghi.bat_dau"),
            end: m
                .ket_thuc
                .as_ref()
                .map(|s| self.time(s, "hoi_nghi.ket_thuc")),
            place: self.text(&m.dia_diem, "hoi_nghi.dia_diem"),
            guests,
            invitation,
            chair: match &m.chu_tri {
                Some(s) => self.member(s, "hoi_nghi.chu_tri"),
                None => default_signer,
            },
            secretary: m.thu_ky.as_ref().map(|s| self.member(s, "hoi_nghi.thu_ky")),
            absences: m
                .vang
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let path = format!("hoi_nghi.vang[{i}]");
                    Absence {
                        member: self.member(&a.value.ma, &format!("{path}.ma")),
                        reason: self.opt_text(&a.value.ly_do, &format!("{path}.ly_do")),
                        at: at(a, &path),
                    }
                })
                .collect(),
            cell_votes: m
                .phieu_chi_bo
                .as_ref()
                .map(|v| self.votes(v, "hoi_nghi.phieu_chi_bo")),
            cell_votes_at: m
                .phieu_chi_bo
                .as_ref()
                .map(|v| at(v, "hoi_nghi.phieu_chi_bo"))
                .unwrap_or_default(),
            minutes: m.bien_ban.as_ref().map(|b| Minutes {
                number: b
                    .so
                    .as_ref()
                    .and_then(|s| self.number(s, "hoi_nghi.bien_ban.so")),
                discussion: self.rich_list(&b.thao_luan, "hoi_nghi.bien_ban.thao_luan"),
                superior_remarks: b
                    .y_kien_cap_tren
                    .as_ref()
                    .map(|t| self.rich(t, "hoi_nghi.bien_ban.y_kien_cap_tren")),
                conclusion: b
                    .ket_luan
                    .as_ref()
                    .map(|t| self.rich(t, "hoi_nghi.bien_ban.ket_luan")),
            }),
            date_at: at(&m.ngay, "hoi_nghi.ngay"),
        }
    }

    /// Ballots per level; a count larger than the cell is an error (and could not be summed).
    pub(super) fn votes(&mut self, v: &S<RawVotes>, path: &str) -> Votes {
        let r = &v.value;
        let counts = [r.xuat_sac, r.tot, r.hoan_thanh, r.khong_hoan_thanh];
        let max = self.member_count as u32;
        if let Some(&n) = counts.iter().find(|&&n| n > max) {
            self.error(
                pos(&v.referenced),
                path,
                format!("số phiếu {n} lớn hơn số đảng viên của chi bộ ({max})."),
                Some("mỗi mức ghi số phiếu bầu cho mức đó; kiểm tra lại số đã gõ."),
            );
            return Votes::default();
        }
        Votes(counts)
    }
}
