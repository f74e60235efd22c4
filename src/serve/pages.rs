//! The pages, in Vietnamese: plain server-rendered HTML that works without JavaScript and reads
//! well on a phone.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::submit::{Field, Kind, LEVELS, RATINGS};
use crate::data::{Dossier, Member, Membership, Rating};
use crate::diag::Diagnostic;
use crate::vn;

/// Text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'Times New Roman',serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5;color:#111}\
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ccc}\
.small{color:#555;font-size:.95rem}.box{border:1px solid #bbb;border-radius:6px;padding:.8rem;margin:.8rem 0}\
a.btn,button{display:inline-block;background:#b00;color:#fff;border:0;border-radius:6px;padding:.6rem 1rem;margin:.3rem .4rem .3rem 0;text-decoration:none;font-size:1rem}\
label{display:block;font-weight:bold;margin-top:1rem}textarea{width:100%;min-height:6rem;font:inherit;box-sizing:border-box}\
select,input{font:inherit;padding:.3rem}.err{color:#b00;font-weight:bold}.ok{background:#eef8ee;border-color:#7a7}\
.note{background:#fff8e0;border-color:#cb6}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem;text-align:left;vertical-align:top}\
h3{font-size:1rem;margin:1.2rem 0 0}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"robots\" content=\"noindex\"><title>{}</title><style>{STYLE}</style></head>\
<body>{body}</body></html>\n",
        esc(title)
    )
}

/// "14:03 ngày 05/12/2026".
pub fn when(t: NaiveDateTime) -> String {
    format!("{} ngày {}", t.format("%H:%M"), t.format("%d/%m/%Y"))
}

/// The page for an unknown address or a wrong link: the same for both.
pub fn not_found() -> String {
    page(
        "Không tìm thấy trang",
        "<h1>Không tìm thấy trang</h1><p>Đường dẫn không đúng hoặc đã hết hiệu lực. Hãy dùng đúng đường dẫn thư ký chi bộ gửi cho đồng chí.</p>",
    )
}

/// Too many wrong links from one address.
pub fn too_many() -> String {
    page(
        "Thử quá nhiều lần",
        "<h1>Thử quá nhiều lần</h1><p>Có quá nhiều đường dẫn sai từ máy này trong một phút. Hãy đợi một phút rồi mở lại đúng đường dẫn được gửi.</p>",
    )
}

/// A form sent without its token (from another site, or an old page).
pub fn forbidden() -> String {
    page(
        "Không gửi được",
        "<h1>Không gửi được</h1><p>Biểu mẫu đã cũ hoặc không được gửi từ trang của đồng chí. Hãy mở lại đường dẫn của mình rồi gửi lại.</p>",
    )
}

/// A form too large to take.
pub fn too_large() -> String {
    page(
        "Nội dung quá dài",
        "<h1>Nội dung quá dài</h1><p>Bản gửi vượt quá giới hạn cho phép. Hãy rút gọn rồi gửi lại.</p>",
    )
}

fn rating_name(key: &str) -> &'static str {
    RATINGS
        .iter()
        .position(|k| *k == key)
        .map_or("", |i| Rating::ALL[i].name())
}

fn select(name: &str, options: &[(&str, &str)], value: &str) -> String {
    let mut s =
        format!("<select name=\"{name}\" id=\"{name}\"><option value=\"\">— chưa chọn —</option>");
    for (k, label) in options {
        let sel = if *k == value { " selected" } else { "" };
        s.push_str(&format!(
            "<option value=\"{k}\"{sel}>{}</option>",
            esc(label)
        ));
    }
    s.push_str("</select>");
    s
}

/// What member `m` sees: who they are, their form to download, the form to send back.
#[allow(clippy::too_many_arguments)]
pub fn member(
    d: &Dossier,
    m: &Member,
    link: &str,
    fields: &[Field],
    typed: Option<&HashMap<String, String>>,
    errors: &[(String, String)],
    notes: &[String],
    sent: Option<NaiveDateTime>,
    form_token: &str,
    saved: bool,
) -> String {
    let form = (d.regulation.self_review.form_of)(m);
    let label = d.form_labels.get(form.label_key, form.label);
    let mut b = format!(
        "<p class=\"small\">{} – {}</p><h1>Bản tự kiểm điểm năm {} của đồng chí {}</h1>",
        esc(&d.cell.superior),
        esc(&d.cell.name),
        d.year,
        esc(&m.full_name)
    );
    if saved {
        b.push_str("<div class=\"box ok\" id=\"da-gui\"><b>Đã nhận bản tự kiểm điểm của đồng chí.</b> Chi ủy sẽ dùng nội dung này khi lập hồ sơ; đồng chí có thể sửa và gửi lại bất cứ lúc nào trước hội nghị.</div>");
    }
    let details = [
        ("Ngày sinh", vn::date::short(m.birth_date)),
        ("Chức vụ Đảng", m.post.name().to_string()),
        ("Ngày vào Đảng", vn::date::short(m.admitted)),
        (
            "Đảng viên",
            match m.membership {
                Membership::Official => "chính thức".to_string(),
                Membership::Probationary => "dự bị".to_string(),
            },
        ),
        (
            "Chức vụ chính quyền, đoàn thể",
            m.gov_post.clone().unwrap_or_default(),
        ),
        ("Đơn vị công tác", m.workplace.clone().unwrap_or_default()),
    ];
    b.push_str("<div class=\"box\"><table>");
    for (k, v) in details.iter().filter(|(_, v)| !v.is_empty()) {
        b.push_str(&format!("<tr><th>{k}</th><td>{}</td></tr>", esc(v)));
    }
    b.push_str("</table></div>");
    let standing = crate::data::tally::standing(d, m);
    if !standing.reviewed() {
        b.push_str(&format!(
            "<div class=\"box note\" id=\"khong-kiem-diem\">Năm {} đồng chí không kiểm điểm, đánh giá, xếp loại ({}), nên không cần viết bản tự kiểm điểm. Nếu thông tin này chưa đúng, báo thư ký chi bộ.</div>",
            d.year,
            esc(&standing.reason().unwrap_or_default().to_lowercase())
        ));
        return page(&format!("Bản tự kiểm điểm – {}", m.full_name), &b);
    }
    b.push_str(&format!(
        "<h2>Tải bản kiểm điểm đã điền sẵn</h2><p>{} ({}), theo {}.</p>\
<a class=\"btn\" id=\"tai-docx\" href=\"{link}/ban-kiem-diem.docx\">Tải bản Word (.docx)</a>\
<a class=\"btn\" id=\"tai-pdf\" href=\"{link}/ban-kiem-diem.pdf\">Tải bản PDF</a>",
        esc(form.list_name),
        esc(&label),
        esc(d.regulation.name)
    ));
    if let Some(t) = sent {
        b.push_str(&format!(
            "<p class=\"small\">Đồng chí đã gửi bản tự kiểm điểm lúc {}.</p>",
            when(t)
        ));
    }
    b.push_str("<h2>Viết và gửi bản tự kiểm điểm</h2><p class=\"small\">Mục nào chưa viết có thể để trống; bản in sẽ để dòng chấm để viết tay. Chi ủy dùng nội dung trong tệp dữ liệu của chi bộ nếu đã có.</p>");
    if !errors.is_empty() {
        b.push_str("<div class=\"box note\" id=\"loi\"><b>Chưa gửi được, cần sửa:</b><ul>");
        for (field, msg) in errors {
            let what = fields
                .iter()
                .find(|f| &f.name == field)
                .map_or(String::new(), |f| format!("{}: ", esc(&f.label)));
            b.push_str(&format!("<li>{what}{}</li>", esc(msg)));
        }
        b.push_str("</ul></div>");
    }
    for n in notes {
        b.push_str(&format!("<div class=\"box note\">{}</div>", esc(n)));
    }
    b.push_str(&format!(
        "<form method=\"post\" action=\"{link}/gui\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">",
        esc(form_token)
    ));
    for f in fields {
        if let Some(h) = f.heading {
            b.push_str(&format!("<h3>{}</h3>", esc(h)));
        }
        let value = typed
            .and_then(|t| t.get(&f.name).cloned())
            .unwrap_or_else(|| f.value.clone());
        b.push_str(&format!(
            "<label for=\"{}\">{}</label>",
            f.name,
            esc(&f.label)
        ));
        for (_, msg) in errors.iter().filter(|(n, _)| n == &f.name) {
            b.push_str(&format!("<div class=\"err\">{}</div>", esc(msg)));
        }
        match f.kind {
            Kind::Text => b.push_str(&format!(
                "<textarea name=\"{0}\" id=\"{0}\">{1}</textarea>",
                f.name,
                esc(&value)
            )),
            Kind::Level => b.push_str(&select(&f.name, &LEVELS, &value)),
            Kind::Rating => {
                let options: Vec<(&str, &str)> =
                    RATINGS.iter().map(|k| (*k, rating_name(k))).collect();
                b.push_str(&select(&f.name, &options, &value))
            }
            Kind::Points(max) => b.push_str(&format!(
                "<input name=\"{0}\" id=\"{0}\" inputmode=\"decimal\" size=\"6\" value=\"{1}\"> / {max} điểm",
                f.name,
                esc(&value)
            )),
        }
    }
    b.push_str("<p><button type=\"submit\" id=\"gui\">Gửi bản tự kiểm điểm</button></p></form>");
    page(&format!("Bản tự kiểm điểm – {}", m.full_name), &b)
}

/// One member's line on the clerk's page.
pub struct Row {
    /// Name.
    pub name: String,
    /// Their link.
    pub link: String,
    /// When they opened, downloaded, sent.
    pub opened: Option<NaiveDateTime>,
    /// Last download.
    pub downloaded: Option<NaiveDateTime>,
    /// Last submission.
    pub sent: Option<NaiveDateTime>,
    /// Why they are not reviewed this year, when they are not.
    pub excluded: Option<String>,
}

/// The clerk's page: each member's link and what they did; the data file's problems.
pub fn clerk(
    d: &Dossier,
    rows: &[Row],
    problems: &[Diagnostic],
    broken: bool,
    (ready, total): (usize, usize),
) -> String {
    let mut b = format!(
        "<p class=\"small\">{}</p><h1>Theo dõi bản tự kiểm điểm năm {} – {}</h1>",
        esc(&d.cell.superior),
        d.year,
        esc(&d.cell.name)
    );
    let sent = rows.iter().filter(|r| r.sent.is_some()).count();
    b.push_str(&format!(
        "<p>{} đảng viên; đã mở trang: {}; đã tải: {}; đã gửi: {}.</p>",
        rows.len(),
        rows.iter().filter(|r| r.opened.is_some()).count(),
        rows.iter().filter(|r| r.downloaded.is_some()).count(),
        sent
    ));
    b.push_str(&format!(
        "<p class=\"small\" id=\"san-sang\">Bản kiểm điểm đã chuẩn bị sẵn: {ready}/{total}.</p>"
    ));
    b.push_str("<table id=\"dang-vien\"><tr><th>Đảng viên</th><th>Đã mở</th><th>Đã tải</th><th>Đã gửi</th></tr>");
    let t = |x: Option<NaiveDateTime>| x.map_or("—".to_string(), when);
    for r in rows {
        let under = match &r.excluded {
            Some(why) => format!("<span class=\"small\">không kiểm điểm: {}</span>", esc(why)),
            None => format!(
                "<a class=\"small\" href=\"{}\">đường dẫn riêng</a>",
                esc(&r.link)
            ),
        };
        b.push_str(&format!(
            "<tr><td>{}<br>{under}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.name),
            t(r.opened),
            t(r.downloaded),
            t(r.sent)
        ));
    }
    b.push_str("</table>");
    b.push_str("<h2>Tệp dữ liệu</h2>");
    if broken {
        b.push_str("<div class=\"box note\"><b>Tệp dữ liệu đang có lỗi;</b> trang của đảng viên vẫn dùng bản hợp lệ gần nhất cho đến khi sửa xong.</div>");
    }
    if problems.is_empty() {
        b.push_str("<p>Không có lỗi hay cảnh báo.</p>");
    } else {
        b.push_str("<ul id=\"van-de\">");
        for p in problems {
            b.push_str(&format!("<li>{}</li>", esc(&p.to_string())));
        }
        b.push_str("</ul>");
    }
    b.push_str("<p class=\"small\">Bản đảng viên gửi được lưu thành tệp riêng bên cạnh tệp dữ liệu (thư mục .bai-gui); «hoso check» và «hoso build» tự đọc các tệp này.</p>");
    page(&format!("Theo dõi – {}", d.cell.name), &b)
}
