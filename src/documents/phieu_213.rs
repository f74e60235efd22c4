//! Phiếu xin ý kiến (Quy định 213-QĐ/TW): for each member with a residence, the cell asks the
//! residence party committee for its remarks; the lower part is for that committee to fill in
//! and sign. The duties listed follow QĐ 213 Điều 2 (research §3.8; the options' wording is
//! local practice).

use super::{Docs, common};
use crate::data::tally;
use crate::data::{Dossier, Member, MemberRef, PartyPost, Residence};
use crate::doc::{Block, Document, ParaKind, Run, SignLine, SignRole, Signature, Title};
use crate::vn;

/// The kind's id: folder name and `--only` value.
pub const KIND: &str = "phieu-213";

/// The duties the residence committee remarks on, each with "□ Tốt □ Chưa tốt".
const DUTIES: [&str; 4] = [
    "Gương mẫu về phẩm chất chính trị, đạo đức, lối sống; thực hiện và vận động gia đình, nhân dân nơi cư trú thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương.",
    "Thực hiện nghĩa vụ công dân nơi cư trú.",
    "Giữ mối liên hệ với chi ủy, chi bộ, ban công tác mặt trận nơi cư trú; tham dự các buổi gặp mặt do cấp ủy nơi cư trú tổ chức và đóng góp ý kiến.",
    "Tuyên truyền, vận động nhân dân tham gia xây dựng Đảng, chính quyền, các đoàn thể ở nơi cư trú.",
];

/// The members the requests are for: those with a residence who are reviewed this year, in
/// Vietnamese name order.
pub fn recipients(d: &Dossier) -> Vec<&Member> {
    let mut v: Vec<&Member> = d
        .members
        .iter()
        .filter(|m| m.residence.is_some() && tally::standing(d, m).reviewed())
        .collect();
    vn::collate::sort_by_name(&mut v, |m| &m.full_name);
    v
}

/// "XÁC NHẬN CỦA ĐẢNG ỦY" over "PHƯỜNG PHƯỚC LONG B": the committee's name broken after its
/// kind, so that no word is left alone on a line of the narrow column.
fn confirmation(committee: &str) -> Vec<SignLine> {
    let upper = vn::text::upper(committee);
    let (kind, place) = match upper.strip_prefix("ĐẢNG ỦY ") {
        Some(place) => ("ĐẢNG ỦY", place.to_string()),
        None => ("", upper.clone()),
    };
    vec![
        // level with the date line of the signature beside it
        SignLine::new(SignRole::Note, ""),
        SignLine::new(SignRole::Heading, format!("XÁC NHẬN CỦA {kind}").trim_end()),
        SignLine::new(SignRole::Heading, place),
    ]
}

fn line(label: &str, value: &str) -> Block {
    Block::plain(vec![Run::plain(format!("{label}: ")), Run::plain(value)])
}

/// A request for every reviewed member with a residence, in Vietnamese name order.
pub fn build_all(d: &Dossier) -> Docs<'_> {
    let residents = recipients(d);
    let slugs = super::unique_slugs(residents.iter().map(|m| m.file_name.as_str()));
    Box::new(
        residents
            .into_iter()
            .zip(slugs)
            .filter_map(move |(m, s)| m.residence.as_ref().map(|home| build(d, m, home, &s))),
    )
}

/// Builds the request about `m`, who lives at `home`, written to `phieu-213/<slug>`.
pub fn build(d: &Dossier, m: &Member, home: &Residence, slug: &str) -> Document {
    let (date, signer) = d
        .residence_request
        .as_ref()
        .map_or((d.plan.date, d.plan.signer), |r| (r.date, r.signer));
    // the same day the rules check
    let deadline = tally::residence_deadline(d);
    // nobody signs the request about themselves: the deputy (or the secretary) signs instead
    let signer = if d.member(signer).id == m.id {
        d.members
            .iter()
            .position(|x| {
                x.id != m.id && matches!(x.post, PartyPost::DeputySecretary | PartyPost::Secretary)
            })
            .map_or(signer, MemberRef)
    } else {
        signer
    };
    let mut job = Vec::new();
    job.extend(m.gov_post.as_deref().or(m.job.as_deref()));
    job.extend(m.workplace.as_deref());
    let mut b = vec![
        Block::plain(vec![
            common::kinh_gui(),
            Run::plain(format!("Chi ủy {}, {}", home.cell, home.committee)),
        ]),
        Block::body(format!(
            "Thực hiện Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị về trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú, {} đề nghị Chi ủy {} nhận xét đảng viên:",
            d.cell.name, home.cell
        )),
        line("Họ và tên", &m.full_name),
        line("Ngày sinh", &vn::date::short(m.birth_date)),
        line("Chức vụ, đơn vị công tác", &job.join(", ")),
        line("Nơi cư trú", &home.address),
        Block::body(format!(
            "Đề nghị Chi ủy gửi phiếu nhận xét về {} chậm nhất ngày {}.",
            d.cell.name,
            vn::date::short(deadline)
        )),
        Block::SignOff {
            recipients: Some(common::recipients(
                &["Như trên".to_string()],
                &d.plan.archive,
            )),
            countersign: None,
            signature: common::signature(d, signer, crate::data::OnBehalf::Cell),
        },
        Block::PageBreak,
        Block::Paragraph {
            kind: ParaKind::Centred,
            runs: vec![Run::bold("NHẬN XÉT CỦA CHI ỦY NƠI CƯ TRÚ")],
        },
        Block::body(format!(
            "Chi ủy {} sau khi trao đổi với ban công tác mặt trận khu dân cư, thống nhất nhận xét đảng viên {} như sau:",
            home.cell, m.full_name
        )),
    ];
    for (i, duty) in DUTIES.iter().enumerate() {
        b.push(Block::Paragraph {
            kind: ParaKind::Body,
            runs: vec![Run::plain(format!("{}. {duty}", i + 1))],
        });
        b.push(Block::Paragraph {
            kind: ParaKind::Body,
            runs: vec![Run::plain("□ Tốt      □ Chưa tốt")],
        });
    }
    b.push(Block::plain(vec![Run::plain("Ý kiến khác:")]));
    b.push(super::review_form::lines_to_write_on(2));
    b.push(Block::SignOff {
        recipients: None,
        countersign: Some(Signature {
            heading: confirmation(&home.committee),
            name: None,
        }),
        signature: Signature {
            heading: vec![
                SignLine::new(SignRole::Note, format!("……, ngày … tháng … năm {}", d.year)),
                SignLine::new(SignRole::Authority, "T/M CHI ỦY"),
                SignLine::new(SignRole::Title, "BÍ THƯ"),
                SignLine::new(SignRole::Note, "(Ký, ghi rõ họ tên)"),
            ],
            name: None,
        },
    });
    let mut doc = common::document(
        d,
        format!("{KIND}/{slug}"),
        format!("Phiếu xin ý kiến nơi cư trú – {}", m.full_name),
        common::Issue {
            kind: KIND,
            doc_type: None,
            number: None,
            date,
        },
        Title {
            kind: "PHIẾU XIN Ý KIẾN".into(),
            summary: Some(
                "nhận xét đảng viên đang công tác thường xuyên giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú"
                    .into(),
            ),
            subtitle: None,
        },
        b,
    );
    doc.member = Some(m.id.clone());
    doc
}
