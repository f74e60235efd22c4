//! What each route answers. A member is always found by their id in the data as it is at that
//! moment, never by a position in an earlier copy of the list; a send is checked and saved one
//! at a time, and the page that answers it is made from the data it was saved into.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;

use super::keys::{self, same};
use super::live::{Snapshot, Stamp};
use super::pages::{self, MemberPage};
use super::submit::{self, Verdict};
use super::{App, FORM_COOKIE, fields};

type Shared = Arc<App>;

fn html(status: StatusCode, body: String) -> Response {
    (status, Html(body)).into_response()
}

fn not_found() -> Response {
    html(StatusCode::NOT_FOUND, pages::not_found())
}

/// The address a request comes from: the peer's, or behind a trusted reverse proxy the one it
/// forwards (the last address it added to `X-Forwarded-For`, or the last `for=` of
/// `Forwarded`).
pub fn client(app: &App, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    if !app.behind_proxy {
        return peer.ip();
    }
    let forwarded = headers
        .get_all("forwarded")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split([',', ';']))
        .filter_map(|p| {
            let (k, v) = p.trim().split_once('=')?;
            k.eq_ignore_ascii_case("for").then(|| {
                let v = v.trim_matches('"');
                let v = v
                    .strip_prefix('[')
                    .map_or(v, |v| v.split(']').next().unwrap_or(v));
                // "192.0.2.60:4711" → the address
                v.parse::<IpAddr>()
                    .ok()
                    .or_else(|| v.parse::<SocketAddr>().ok().map(|s| s.ip()))
            })?
        })
        .next_back();
    let x_forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .next_back();
    forwarded.or(x_forwarded).unwrap_or(peer.ip())
}

/// Why a link was refused.
enum Refused {
    /// Too many wrong tokens.
    TooMany,
    /// A wrong token, an unknown member: the same as any unknown page.
    NotFound,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::TooMany => html(StatusCode::TOO_MANY_REQUESTS, pages::too_many()),
            Refused::NotFound => not_found(),
        }
    }
}

/// Checks member `id`'s token: the data now, or the answer to give. A correct token is never
/// refused; a wrong one is counted, and over the limits answered 429.
fn member_of(app: &App, from: IpAddr, id: &str, token: &str) -> Result<Snapshot, Refused> {
    let snap = app.live.snapshot();
    let exists = snap.member(id).is_some();
    // the same work whether or not the member exists
    let expected = app
        .keys
        .member(snap.dossier.year, if exists { id } else { "\u{0}" });
    if exists && same(&expected, token) {
        return Ok(snap);
    }
    if app.limiter.blocked(from, Some(id)) {
        return Err(Refused::TooMany);
    }
    app.limiter.wrong(from, Some(id));
    Err(Refused::NotFound)
}

/// A fresh form token: a random nonce and its MAC for member `id`.
fn form_token(app: &App, id: &str) -> String {
    let nonce = keys::random::<16>()
        .map(|b| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b))
        .unwrap_or_default();
    format!("{nonce}.{}", app.keys.form(id, &nonce))
}

/// Whether the form was sent from member `id`'s own page: its token is genuine, and the browser
/// holds the member's form cookie (the same in every tab, so a second tab or an old page works).
fn sent_from_page(app: &App, id: &str, headers: &HeaderMap, sent: Option<&String>) -> bool {
    let Some(sent) = sent else {
        return false;
    };
    let want = app.keys.form(id, "cookie");
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix(&format!("{FORM_COOKIE}=")))
        .any(|c| same(&want, c));
    let genuine = sent
        .split_once('.')
        .is_some_and(|(nonce, mac)| nonce != "cookie" && same(&app.keys.form(id, nonce), mac));
    cookie && genuine
}

/// Member `id`'s page from `snap`, with what they typed and what was found, as `status`.
fn member_page(
    app: &App,
    snap: &Snapshot,
    id: &str,
    typed: Option<&submit::Form>,
    verdict: &Verdict,
    saved: bool,
) -> Response {
    let Some((index, m)) = snap.member(id) else {
        return not_found();
    };
    let d = &snap.dossier;
    let link = super::member_path(&app.keys, d.year, &m.id);
    let fields = fields::fields(d, index, m);
    let token = form_token(app, &m.id);
    let body = pages::member(&MemberPage {
        d,
        m,
        link: &format!("{}{link}", app.prefix),
        fields: &fields,
        typed,
        errors: &verdict.errors,
        notes: &verdict.notes,
        activity: app.store.activity(&m.id),
        form_token: &token,
        saved,
    });
    let status = if verdict.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = html(status, body);
    let secure = if app.secure { "; Secure" } else { "" };
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{FORM_COOKIE}={}; Path={}{link}; HttpOnly; SameSite=Strict{secure}",
        app.keys.form(&m.id, "cookie"),
        app.prefix
    )) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

/// A member's page.
pub async fn member_get(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    Path((id, token)): Path<(String, String)>,
) -> Response {
    let from = client(&app, peer, &headers);
    let snap = match member_of(&app, from, &id, &token) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    // a HEAD (a link preview, a proxy's check) is not the member opening their page
    if method == Method::GET {
        app.store.opened(&id);
    }
    member_page(&app, &snap, &id, None, &Verdict::default(), false)
}

/// A member sends their self-review.
pub async fn member_post(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((id, token)): Path<(String, String)>,
    headers: HeaderMap,
    form: Result<Form<submit::Form>, FormRejection>,
) -> Response {
    let from = client(&app, peer, &headers);
    let snap = match member_of(&app, from, &id, &token) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let form = match form {
        Ok(Form(f)) => f,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return html(StatusCode::PAYLOAD_TOO_LARGE, pages::too_large());
        }
        Err(_) => return html(StatusCode::BAD_REQUEST, pages::bad_request()),
    };
    if !sent_from_page(&app, &id, &headers, form.get("csrf")) {
        // the link is right (only the member has it): give their text back with a fresh token,
        // never lose it
        let v = Verdict::refused(
            "trang này đã cũ hoặc trình duyệt chưa cho lưu cookie; nội dung đồng chí viết vẫn còn dưới đây, hãy bấm «Gửi» lại.",
        );
        let mut resp = member_page(&app, &snap, &id, Some(&form), &v, false);
        *resp.status_mut() = StatusCode::FORBIDDEN;
        return resp;
    }
    let Some((index, m)) = snap.member(&id) else {
        return not_found();
    };
    let d = &snap.dossier;
    if !crate::data::tally::standing(d, m).reviewed() {
        let v = Verdict::refused("đồng chí không thuộc diện kiểm điểm năm nay.");
        return member_page(&app, &snap, &id, None, &v, false);
    }
    let fields = fields::fields(d, index, m);
    let now = crate::starter::now();
    let yaml = match submit::to_yaml(
        &fields,
        &form,
        m,
        &now.format("%Y-%m-%dT%H:%M:%S+07:00").to_string(),
    ) {
        Ok(y) => y,
        Err(errors) => {
            let v = Verdict {
                errors,
                ..Verdict::default()
            };
            return member_page(&app, &snap, &id, Some(&form), &v, false);
        }
    };
    let (reply, answer) = tokio::sync::oneshot::channel();
    app.queue
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Pending {
            id: id.clone(),
            text: yaml,
            fields,
            now,
            reply,
        });
    let outcome = answered(&app, answer).await;
    match outcome {
        Some(Ok(v)) if v.errors.is_empty() => {
            let snap = app.live.snapshot();
            member_page(&app, &snap, &id, None, &v, true)
        }
        Some(Ok(v)) => member_page(&app, &snap, &id, Some(&form), &v, false),
        Some(Err(e)) => {
            eprintln!("lỗi: {e}");
            let v = Verdict::refused(
                "không lưu được bản gửi; nội dung vẫn còn dưới đây, hãy thử gửi lại sau ít phút hoặc báo thư ký chi bộ.",
            );
            member_page(&app, &snap, &id, Some(&form), &v, false)
        }
        None => html(StatusCode::INTERNAL_SERVER_ERROR, pages::server_error()),
    }
}

/// A send waiting to be checked and saved.
pub struct Pending {
    id: String,
    text: String,
    fields: Vec<fields::Field>,
    now: chrono::NaiveDateTime,
    reply: tokio::sync::oneshot::Sender<Result<Verdict, String>>,
}

/// Waits for the send behind `answer` to be checked and saved. Sends are committed in batches,
/// one batch at a time: whoever holds the turn takes every send waiting (at most one per member;
/// a member's next send goes in the next batch), checks them with one check of the whole cell,
/// saves those that pass, and answers each. So fifty members sending at once cost a few checks
/// of the cell, not fifty, and no two saves ever race. The work runs in a task of its own: a
/// member who closes the page while waiting does not leave their send unsaved.
async fn answered(
    app: &Arc<App>,
    answer: tokio::sync::oneshot::Receiver<Result<Verdict, String>>,
) -> Option<Result<Verdict, String>> {
    let app = app.clone();
    tokio::spawn(async move {
        let _turn = app.sending.lock().await;
        loop {
            let batch = take_batch(&app);
            if batch.is_empty() {
                break;
            }
            let app = app.clone();
            let _ = tokio::task::spawn_blocking(move || commit(&app, batch)).await;
        }
    });
    answer.await.ok()
}

/// The sends waiting, at most one per member, in the order they came.
fn take_batch(app: &App) -> Vec<Pending> {
    let mut queue = app.queue.lock().unwrap_or_else(|e| e.into_inner());
    let mut batch: Vec<Pending> = Vec::new();
    let mut rest = Vec::new();
    for p in queue.drain(..) {
        if batch.iter().any(|b| b.id == p.id) {
            rest.push(p);
        } else {
            batch.push(p);
        }
    }
    *queue = rest;
    batch
}

/// Checks a batch of sends against the data on disk, saves those that pass, puts the data they
/// were checked with in place when all of it passed and was saved, then answers each.
fn commit(app: &App, batch: Vec<Pending>) {
    let read = Stamp::now(&app.live.data);
    let now = app.live.snapshot();
    let before = if now.broken {
        now.problems.clone()
    } else {
        Vec::new()
    };
    let sent: Vec<submit::Sent> = batch
        .iter()
        .map(|p| submit::Sent {
            id: &p.id,
            text: &p.text,
            fields: &p.fields,
        })
        .collect();
    let (verdicts, loaded) = submit::check_all(&app.live.data, &sent, &before);
    let mut answers = Vec::new();
    let mut all_saved = true;
    for (p, v) in batch.iter().zip(verdicts) {
        let r = if v.errors.is_empty() {
            app.store.save(&p.id, &p.text, p.now).map(|()| v)
        } else {
            Ok(v)
        };
        all_saved &= r.is_ok();
        answers.push(r);
    }
    if all_saved && let Some(l) = loaded {
        app.live.install(&read, l);
    }
    for (p, r) in batch.into_iter().zip(answers) {
        let _ = p.reply.send(r);
    }
}

/// `filename*` of RFC 5987: UTF-8, percent-encoded but for the characters it allows.
fn rfc5987(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A member's form to download.
pub async fn download(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    Path((id, token, file)): Path<(String, String, String)>,
) -> Response {
    let from = client(&app, peer, &headers);
    let snap = match member_of(&app, from, &id, &token) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let Some((_, m)) = snap.member(&id) else {
        return not_found();
    };
    if !crate::data::tally::standing(&snap.dossier, m).reviewed() {
        return not_found();
    }
    let (ext, mime) = match file.as_str() {
        "ban-kiem-diem.docx" => (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "ban-kiem-diem.pdf" => ("pdf", "application/pdf"),
        _ => return not_found(),
    };
    let bytes = match app.live.document(&snap, &id, ext).await {
        Ok(b) => b,
        Err(e) => {
            eprintln!("lỗi: không tạo được bản kiểm điểm: {e}");
            return html(StatusCode::INTERNAL_SERVER_ERROR, pages::server_error());
        }
    };
    if method == Method::GET {
        app.store.downloaded(&id);
    }
    let name = format!(
        "Bản kiểm điểm {} - {}.{ext}",
        snap.dossier.year, m.full_name
    );
    let ascii = format!(
        "ban-kiem-diem-{}-{}.{ext}",
        snap.dossier.year,
        crate::vn::text::slug(&m.file_name)
    );
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        rfc5987(&name)
    );
    let mut resp = (StatusCode::OK, bytes.as_ref().clone()).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

/// The clerk's page.
pub async fn clerk(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let snap = app.live.snapshot();
    let d = &snap.dossier;
    if !same(&app.keys.clerk(d.year), &token) {
        let from = client(&app, peer, &headers);
        if app.limiter.blocked(from, Some("\u{0}thu-ky")) {
            return html(StatusCode::TOO_MANY_REQUESTS, pages::too_many());
        }
        app.limiter.wrong(from, Some("\u{0}thu-ky"));
        return not_found();
    }
    let rows: Vec<pages::Row> = d
        .members
        .iter()
        .map(|m| pages::Row {
            name: m.full_name.clone(),
            link: format!(
                "{}{}",
                app.prefix,
                super::member_path(&app.keys, d.year, &m.id)
            ),
            activity: app.store.activity(&m.id),
            excluded: match crate::data::tally::standing(d, m) {
                s if s.reviewed() => None,
                s => Some(s.reason().unwrap_or_default().to_lowercase()),
            },
        })
        .collect();
    let (ready, total) = app.live.ready(&snap);
    html(
        StatusCode::OK,
        pages::clerk(
            d,
            &rows,
            &snap.problems,
            snap.broken,
            (ready, total, app.live.rendered()),
        ),
    )
}

/// The style sheet.
pub async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::STYLE,
    )
        .into_response()
}

/// Any other address: the same page as a wrong link, counted like one.
pub async fn fallback(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let from = client(&app, peer, &headers);
    if app.limiter.blocked(from, None) {
        return html(StatusCode::TOO_MANY_REQUESTS, pages::too_many());
    }
    not_found()
}
