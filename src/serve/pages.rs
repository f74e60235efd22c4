//! The pages, in Vietnamese: plain server-rendered HTML that works without JavaScript and reads
//! well on a phone. Built with maud, whose templates escape every value by construction: no
//! text of the data or of a member reaches a page unescaped.

use chrono::NaiveDateTime;
use maud::{DOCTYPE, Markup, html};

use super::fields::{Answer, Field, LEVELS, RATINGS, name_of};
use super::store::Activity;
use super::submit::Form;
use crate::data::{Dossier, Member, Membership, Rating};
use crate::diag::Diagnostic;
use crate::vn;

/// The style sheet every page links to (served at [`STYLE_PATH`]: the pages carry no inline
/// style or script, so the Content-Security-Policy can forbid both).
pub const STYLE: &str = "body{font-family:'Times New Roman',serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5;color:#111}\
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ccc}\
.small{color:#555;font-size:.95rem}.box{border:1px solid #bbb;border-radius:6px;padding:.8rem;margin:.8rem 0}\
a.btn,button{display:inline-block;background:#b00;color:#fff;border:0;border-radius:6px;padding:.6rem 1rem;margin:.3rem .4rem .3rem 0;text-decoration:none;font-size:1rem}\
label{display:block;font-weight:bold;margin-top:1rem}textarea{width:100%;min-height:6rem;font:inherit;box-sizing:border-box}\
select,input{font:inherit;padding:.3rem;max-width:100%}.err{color:#b00;font-weight:bold}.ok{background:#eef8ee;border-color:#7a7}\
.note{background:#fff8e0;border-color:#cb6}.note a{color:#b00}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem;text-align:left;vertical-align:top}\
.decided{background:#f4f4f4;border-radius:4px;padding:.3rem .5rem;white-space:pre-wrap}\
h3{font-size:1rem;margin:1.2rem 0 0}";

/// Where the style sheet is served.
pub const STYLE_PATH: &str = "/kieu.css";

fn page(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) }
                link rel="stylesheet" href=(STYLE_PATH);
            }
            body { (body) }
        }
    }
    .into_string()
}

/// "14:03 ngày 05/12/2026".
pub fn when(t: NaiveDateTime) -> String {
    format!("{} ngày {}", t.format("%H:%M"), t.format("%d/%m/%Y"))
}

fn message(title: &str, text: &str) -> String {
    page(title, html! { h1 { (title) } p { (text) } })
}

/// The page for an unknown address or a wrong link: the same for both.
pub fn not_found() -> String {
    message(
        "Không tìm thấy trang",
        "Đường dẫn không đúng hoặc đã hết hiệu lực. Hãy dùng đúng đường dẫn thư ký chi bộ gửi cho đồng chí.",
    )
}

/// Too many wrong links.
pub fn too_many() -> String {
    message(
        "Thử quá nhiều lần",
        "Có quá nhiều đường dẫn sai trong một phút. Hãy đợi một phút rồi mở lại đúng đường dẫn được gửi.",
    )
}

/// A request that is not a form.
pub fn bad_request() -> String {
    message(
        "Không gửi được",
        "Nội dung gửi lên không đọc được. Hãy mở lại đường dẫn của mình rồi gửi lại.",
    )
}

/// A form too large to take.
pub fn too_large() -> String {
    message(
        "Nội dung quá dài",
        "Bản gửi vượt quá giới hạn cho phép. Hãy rút gọn rồi gửi lại.",
    )
}

/// Something went wrong on the server.
pub fn server_error() -> String {
    message(
        "Có lỗi",
        "Máy chủ chưa làm được việc này. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo thư ký chi bộ.",
    )
}

fn select(name: &str, options: &[(&str, String)], value: &str) -> Markup {
    html! {
        select name=(name) id=(name) {
            option value="" { "— chưa chọn —" }
            @for (k, label) in options {
                option value=(k) selected[*k == value] { (label) }
            }
        }
    }
}

fn input(f: &Field, value: &str) -> Markup {
    match f.kind {
        Answer::Text => html! { textarea name=(f.name) id=(f.name) { (value) } },
        Answer::Level => {
            let options: Vec<(&str, String)> =
                LEVELS.iter().map(|(k, n)| (*k, n.to_string())).collect();
            select(&f.name, &options, value)
        }
        Answer::Rating => {
            let options: Vec<(&str, String)> = RATINGS
                .iter()
                .zip(Rating::ALL)
                .map(|(k, r)| (*k, r.name().to_string()))
                .collect();
            select(&f.name, &options, value)
        }
        Answer::Points(max) => html! {
            input name=(f.name) id=(f.name) inputmode="decimal" size="6" value=(value);
            " / " (max.text()) " điểm"
        },
    }
}

/// What the member's page shows besides their form.
pub struct MemberPage<'a> {
    /// The data.
    pub d: &'a Dossier,
    /// The member.
    pub m: &'a Member,
    /// Their link (the page's path).
    pub link: &'a str,
    /// The inputs of their form.
    pub fields: &'a [Field],
    /// What they typed, when the page comes back after a refused send.
    pub typed: Option<&'a Form>,
    /// Errors, by field name (empty for the whole).
    pub errors: &'a [(String, String)],
    /// Notes to show.
    pub notes: &'a [String],
    /// What they did.
    pub activity: Activity,
    /// The form's token.
    pub form_token: &'a str,
    /// Their send was saved just now.
    pub saved: bool,
}

/// What member `p.m` sees: who they are, their form to download, the form to send back.
pub fn member(p: &MemberPage) -> String {
    let (d, m) = (p.d, p.m);
    let form = (d.regulation.self_review.form_of)(m.leader, m.subject);
    let label = d.form_labels.get(form.label_key, form.label);
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
    let standing = crate::data::tally::standing(d, m);
    let label_of = |name: &str| {
        p.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.label.clone())
    };
    let score = m.review.score.as_ref();
    let body = html! {
        p.small { (d.cell.superior) " – " (d.cell.name) }
        h1 { "Bản tự kiểm điểm năm " (d.year) " của đồng chí " (m.full_name) }
        @if p.saved {
            div.box.ok #da-gui role="status" {
                b { "Đã nhận bản tự kiểm điểm của đồng chí." }
                " Chi ủy sẽ dùng nội dung này khi lập hồ sơ; đồng chí có thể sửa và gửi lại bất cứ lúc nào trước hội nghị."
            }
        }
        div.box { table {
            @for (k, v) in details.iter().filter(|(_, v)| !v.is_empty()) {
                tr { th { (k) } td { (v) } }
            }
        } }
        @if !standing.reviewed() {
            div.box.note #khong-kiem-diem {
                "Năm " (d.year) " đồng chí không kiểm điểm, đánh giá, xếp loại ("
                (standing.reason().unwrap_or_default().to_lowercase())
                "), nên không cần viết bản tự kiểm điểm. Nếu thông tin này chưa đúng, báo thư ký chi bộ."
            }
        } @else {
            h2 { "Tải bản kiểm điểm đã điền sẵn" }
            p { (form.list_name) " (" (label) "), theo " (d.regulation.name) "." }
            a.btn #tai-docx href={ (p.link) "/ban-kiem-diem.docx" } { "Tải bản Word (.docx)" }
            a.btn #tai-pdf href={ (p.link) "/ban-kiem-diem.pdf" } { "Tải bản PDF" }
            @if let Some(t) = p.activity.sent {
                p.small { "Đồng chí đã gửi bản tự kiểm điểm lúc " (when(t)) "." }
            }
            h2 { "Viết và gửi bản tự kiểm điểm" }
            p.small { "Mục nào chưa viết có thể để trống; bản in sẽ để dòng chấm để viết tay. Mục chi ủy đã ghi trong hồ sơ được hiện để đồng chí biết, không cần gửi." }
            @if !p.errors.is_empty() {
                div.box.note #loi role="alert" {
                    b { "Chưa gửi được, cần sửa:" }
                    ul {
                        @for (field, msg) in p.errors {
                            li {
                                @if let Some(l) = label_of(field) {
                                    a href={ "#" (field) } { (l) } ": "
                                }
                                (msg)
                            }
                        }
                    }
                }
            }
            @for n in p.notes { div.box.note { (n) } }
            form method="post" action={ (p.link) "/gui" } {
                input type="hidden" name="csrf" value=(p.form_token);
                @for f in p.fields {
                    @if let Some(h) = f.heading { h3 { (h) } }
                    label for=(f.name) { (f.label) }
                    @for (_, msg) in p.errors.iter().filter(|(n, _)| *n == f.name) {
                        div.err { (msg) }
                    }
                    @match &f.decided {
                        Some(v) => div.decided #(f.name) { "Chi ủy đã ghi: " (name_of(f.kind, v)) },
                        None => {
                            @let value = p.typed.and_then(|t| t.get(&f.name)).unwrap_or(&f.value);
                            (input(f, value))
                        }
                    }
                }
                @if let (Some(s), Some(reg)) = (score, d.regulation.scoring) {
                    p #tong-diem {
                        "Điểm đã ghi nhận (tính từ điểm từng phần): "
                        (reg.general.0) " " (s.general.text()) "/" (reg.general.1.text()) "; "
                        (reg.tasks.0) " " (s.tasks.text()) "/" (reg.tasks.1.text()) "; "
                        b { (reg.total.0) " " (s.total().text()) "/" (reg.total.1.text()) }
                        "."
                    }
                }
                p { button type="submit" #gui { "Gửi bản tự kiểm điểm" } }
            }
        }
    };
    page(&format!("Bản tự kiểm điểm – {}", m.full_name), body)
}

/// One member's line on the clerk's page.
pub struct Row {
    /// Name.
    pub name: String,
    /// Their link.
    pub link: String,
    /// What they did.
    pub activity: Activity,
    /// Why they are not reviewed this year, when they are not.
    pub excluded: Option<String>,
}

/// The clerk's page: each member's link and what they did; the data file's problems.
pub fn clerk(
    d: &Dossier,
    rows: &[Row],
    problems: &[Diagnostic],
    broken: bool,
    (ready, total, rendered): (usize, usize, u64),
) -> String {
    let count = |f: fn(&Activity) -> bool| rows.iter().filter(|r| f(&r.activity)).count();
    let t = |x: Option<NaiveDateTime>| x.map_or("—".to_string(), when);
    let body = html! {
        p.small { (d.cell.superior) }
        h1 { "Theo dõi bản tự kiểm điểm năm " (d.year) " – " (d.cell.name) }
        p {
            (rows.len()) " đảng viên; đã mở trang: " (count(|a| a.opened.is_some()))
            "; đã tải: " (count(|a| a.downloaded.is_some()))
            "; đã gửi: " (count(|a| a.sent.is_some())) "."
        }
        p.small #san-sang data-da-tao=(rendered) {
            "Bản kiểm điểm đã chuẩn bị sẵn: " (ready) "/" (total) "."
        }
        table #dang-vien {
            tr { th { "Đảng viên" } th { "Đã mở" } th { "Đã tải" } th { "Đã gửi" } }
            @for r in rows {
                tr {
                    td {
                        (r.name) br;
                        @match &r.excluded {
                            Some(why) => span.small { "không kiểm điểm: " (why) },
                            None => a.small href=(r.link) { "đường dẫn riêng" },
                        }
                    }
                    td { (t(r.activity.opened)) }
                    td { (t(r.activity.downloaded)) }
                    td { (t(r.activity.sent)) }
                }
            }
        }
        h2 { "Tệp dữ liệu" }
        @if broken {
            div.box.note {
                b { "Tệp dữ liệu đang có lỗi;" }
                " trang của đảng viên vẫn dùng bản hợp lệ gần nhất cho đến khi sửa xong."
            }
        }
        @if problems.is_empty() {
            p { "Không có lỗi hay cảnh báo." }
        } @else {
            ul #van-de { @for p in problems { li { (p.to_string()) } } }
        }
        p.small { "Bản đảng viên gửi được lưu thành tệp riêng bên cạnh tệp dữ liệu (thư mục .bai-gui, các bản trước trong .bai-gui/cu); «hoso check» và «hoso build» tự đọc các tệp này." }
    };
    page(&format!("Theo dõi – {}", d.cell.name), body)
}
