//! `hoso serve`: the members' page. Each member opens a private link, downloads their prefilled
//! self-review (.docx and PDF, the form of the year's regulation), and can send back what they
//! wrote; the clerk's own link shows who has. Loopback by default; the LAN when an address is
//! given; behind a reverse proxy for HTTPS.

pub mod keys;
pub mod limiter;
pub mod links;
pub mod live;
pub mod pages;
pub mod submit;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Form, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use base64::Engine;

use keys::{Keys, same};
use limiter::Limiter;
use live::{Live, Snapshot};

/// Largest form body taken (a self-review is a few pages of text).
pub const MAX_BODY: usize = 256 * 1024;

/// The cookie that carries the form token.
const FORM_COOKIE: &str = "hoso_bieu_mau";

/// What `hoso serve` is asked to do.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The data file.
    pub data: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The address members use, when not `http://addr` (behind a proxy).
    pub url: Option<String>,
    /// Make a new key (every earlier link stops working).
    pub new_key: bool,
}

/// The server's shared state.
pub struct App {
    live: Arc<Live>,
    keys: Keys,
    limiter: Limiter,
}

type Shared = Arc<App>;

fn html(status: StatusCode, body: String) -> Response {
    (status, Html(body)).into_response()
}

fn not_found() -> Response {
    html(StatusCode::NOT_FOUND, pages::not_found())
}

/// The link path of member `id`.
pub fn member_path(keys: &Keys, year: i32, id: &str) -> String {
    format!("/m/{id}/{}", keys.member(year, id))
}

/// The link path of the clerk's page.
pub fn clerk_path(keys: &Keys, year: i32) -> String {
    format!("/thu-ky/{}", keys.clerk(year))
}

/// Checks member `id`'s token; the data now and the member's index, or the answer to give.
fn member_of(app: &App, ip: IpAddr, id: &str, token: &str) -> Result<(Snapshot, usize), Refused> {
    if app.limiter.blocked(ip) {
        return Err(Refused::TooMany);
    }
    let snap = app.live.snapshot();
    let index = snap.dossier.members.iter().position(|m| m.id == id);
    // the same work whether or not the member exists
    let expected = app.keys.member(
        snap.dossier.year,
        if index.is_some() { id } else { "\u{0}" },
    );
    match index {
        Some(i) if same(&expected, token) => Ok((snap, i)),
        _ => {
            app.limiter.wrong(ip);
            Err(Refused::NotFound)
        }
    }
}

/// Why a link was refused.
enum Refused {
    /// Too many wrong tokens from this address.
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

/// A fresh form token: a random nonce and its MAC for member `id`.
fn form_token(keys: &Keys, id: &str) -> String {
    let nonce = keys::random::<16>()
        .map(|b| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b))
        .unwrap_or_default();
    format!("{nonce}.{}", keys.form(id, &nonce))
}

/// Whether the form token sent is the one in the cookie and is genuine.
fn form_token_ok(keys: &Keys, id: &str, headers: &HeaderMap, sent: Option<&String>) -> bool {
    let Some(sent) = sent else {
        return false;
    };
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix(&format!("{FORM_COOKIE}=")))
        .any(|c| same(c, sent));
    let genuine = sent
        .split_once('.')
        .is_some_and(|(nonce, mac)| same(&keys.form(id, nonce), mac));
    cookie && genuine
}

fn member_page(
    app: &App,
    snap: &Snapshot,
    index: usize,
    typed: Option<&HashMap<String, String>>,
    checked: &submit::Checked,
    saved: bool,
) -> Response {
    let d = &snap.dossier;
    let m = &d.members[index];
    let link = member_path(&app.keys, d.year, &m.id);
    let fields = submit::fields(d, m);
    let token = form_token(&app.keys, &m.id);
    let body = pages::member(
        d,
        m,
        &link,
        &fields,
        typed,
        &checked.errors,
        &checked.notes,
        live::sent_at(&app.live.data, &m.id),
        &token,
        saved,
    );
    let status = if checked.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut resp = html(status, body);
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{FORM_COOKIE}={token}; Path={link}; HttpOnly; SameSite=Strict"
    )) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

async fn member_get(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((id, token)): Path<(String, String)>,
) -> Response {
    let (snap, index) = match member_of(&app, peer.ip(), &id, &token) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    app.live.opened(&id);
    member_page(&app, &snap, index, None, &submit::Checked::default(), false)
}

async fn member_post(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((id, token)): Path<(String, String)>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let (snap, index) = match member_of(&app, peer.ip(), &id, &token) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let form = match form {
        Ok(Form(f)) => f,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return html(StatusCode::PAYLOAD_TOO_LARGE, pages::too_large());
        }
        Err(_) => return html(StatusCode::BAD_REQUEST, pages::forbidden()),
    };
    if !form_token_ok(&app.keys, &id, &headers, form.get("csrf")) {
        return html(StatusCode::FORBIDDEN, pages::forbidden());
    }
    let d = &snap.dossier;
    let m = &d.members[index];
    if !crate::data::tally::standing(d, m).reviewed() {
        let checked = submit::Checked {
            errors: vec![(
                String::new(),
                "đồng chí không thuộc diện kiểm điểm năm nay.".into(),
            )],
            notes: Vec::new(),
        };
        return member_page(&app, &snap, index, None, &checked, false);
    }
    let fields = submit::fields(d, m);
    let now = crate::starter::now();
    let yaml = match submit::to_yaml(
        &fields,
        &form,
        m,
        &now.format("%Y-%m-%dT%H:%M:%S+07:00").to_string(),
    ) {
        Ok(y) => y,
        Err(errors) => {
            let checked = submit::Checked {
                errors,
                notes: Vec::new(),
            };
            return member_page(&app, &snap, index, Some(&form), &checked, false);
        }
    };
    let data = app.live.data.clone();
    let member = m.clone();
    let fields2 = fields.clone();
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    let outcome = tokio::task::spawn_blocking(move || {
        let checked = submit::check(&data, &member, index, &yaml, &fields2);
        if checked.errors.is_empty() {
            submit::save(&data, &member.id, &yaml, &stamp).map(|()| checked)
        } else {
            Ok(checked)
        }
    })
    .await;
    match outcome {
        Ok(Ok(checked)) if checked.errors.is_empty() => {
            let snap = app.live.snapshot();
            member_page(&app, &snap, index, None, &checked, true)
        }
        Ok(Ok(checked)) => member_page(&app, &snap, index, Some(&form), &checked, false),
        Ok(Err(e)) => {
            eprintln!("lỗi: {e}");
            let checked = submit::Checked {
                errors: vec![(
                    String::new(),
                    "không lưu được bản gửi; báo thư ký chi bộ.".into(),
                )],
                notes: Vec::new(),
            };
            member_page(&app, &snap, index, Some(&form), &checked, false)
        }
        Err(_) => html(StatusCode::INTERNAL_SERVER_ERROR, pages::not_found()),
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

async fn download(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((id, token, file)): Path<(String, String, String)>,
) -> Response {
    let (snap, index) = match member_of(&app, peer.ip(), &id, &token) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    if !crate::data::tally::standing(&snap.dossier, &snap.dossier.members[index]).reviewed() {
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
    let m = &snap.dossier.members[index];
    let bytes = match app.live.document(&snap, &id, ext).await {
        Ok(b) => b,
        Err(e) => {
            eprintln!("lỗi: không tạo được bản kiểm điểm: {e}");
            return html(StatusCode::INTERNAL_SERVER_ERROR, pages::not_found());
        }
    };
    app.live.downloaded(&id);
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

async fn clerk(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
) -> Response {
    if app.limiter.blocked(peer.ip()) {
        return html(StatusCode::TOO_MANY_REQUESTS, pages::too_many());
    }
    let snap = app.live.snapshot();
    let d = &snap.dossier;
    if !same(&app.keys.clerk(d.year), &token) {
        app.limiter.wrong(peer.ip());
        return not_found();
    }
    let activity = app.live.activity();
    let rows: Vec<pages::Row> = d
        .members
        .iter()
        .map(|m| {
            let a = activity.get(&m.id).cloned().unwrap_or_default();
            pages::Row {
                name: m.full_name.clone(),
                link: member_path(&app.keys, d.year, &m.id),
                opened: a.opened,
                downloaded: a.downloaded,
                sent: live::sent_at(&app.live.data, &m.id),
                excluded: match crate::data::tally::standing(d, m) {
                    s if s.reviewed() => None,
                    s => Some(s.reason().unwrap_or_default().to_lowercase()),
                },
            }
        })
        .collect();
    html(
        StatusCode::OK,
        pages::clerk(d, &rows, &snap.problems, snap.broken, app.live.ready(&snap)),
    )
}

async fn fallback(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Response {
    if app.limiter.blocked(peer.ip()) {
        return html(StatusCode::TOO_MANY_REQUESTS, pages::too_many());
    }
    not_found()
}

/// A path for the log: tokens and member ids never written.
fn redact(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["", "m", _, _] => "/m/…".into(),
        ["", "m", _, _, rest] => format!("/m/…/{}", if rest.len() < 24 { rest } else { "…" }),
        ["", "thu-ky", _] => "/thu-ky/…".into(),
        ["", ""] => "/".into(),
        _ => "/(khác)".into(),
    }
}

/// Logs each request without tokens or personal data, and adds the headers every answer
/// carries: no caching, no referrer (the link is the key), no sniffing.
async fn log_and_guard(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = redact(req.uri().path());
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    eprintln!(
        "{} {method} {path} {} {} ms",
        crate::starter::now().format("%Y-%m-%d %H:%M:%S"),
        resp.status().as_u16(),
        started.elapsed().as_millis()
    );
    resp
}

/// The server's routes over `app`.
pub fn router(app: Shared) -> Router {
    Router::new()
        .route("/m/{id}/{token}", get(member_get))
        .route("/m/{id}/{token}/gui", axum::routing::post(member_post))
        .route("/m/{id}/{token}/{file}", get(download))
        .route("/thu-ky/{token}", get(clerk))
        .fallback(fallback)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(log_and_guard))
        .with_state(app)
}

/// Runs the server until Ctrl-C. Prints where it listens and the clerk's link.
pub fn run(opts: &ServeOptions) -> Result<(), crate::pipeline::Failure> {
    use crate::pipeline::Failure;
    let live = Live::open(&opts.data).map_err(|e| Failure::Data(e, None))?;
    let (keys, made) = Keys::load_or_create(&opts.data, opts.new_key).map_err(Failure::Usage)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Io(anyhow::anyhow!("không khởi động được máy chủ: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr).await.map_err(|e| {
            Failure::Usage(format!(
                "không mở được địa chỉ {}: {}",
                opts.addr,
                crate::messages::io_error(&e)
            ))
        })?;
        let bound = listener
            .local_addr()
            .map_err(|e| Failure::Io(anyhow::anyhow!("{e}")))?;
        let base = opts
            .url
            .clone()
            .unwrap_or_else(|| format!("http://{bound}"))
            .trim_end_matches('/')
            .to_string();
        let snap = live.snapshot();
        let d = &snap.dossier;
        if made {
            println!(
                "Đã tạo khóa {}{}; giữ kín tệp này: ai có nó làm được đường dẫn của mọi người.",
                keys::key_path(&opts.data).display(),
                if opts.new_key { " (mọi đường dẫn cũ hết hiệu lực)" } else { "" }
            );
        }
        println!(
            "Máy chủ: {base} — {} ({} đảng viên, năm {}).",
            d.cell.name,
            d.members.len(),
            d.year
        );
        println!("Trang của thư ký: {base}{}", clerk_path(&keys, d.year));
        println!(
            "Đường dẫn của từng đảng viên có trên trang thư ký; «hoso serve {} --links PHIEU» in phiếu có mã QR để phát.",
            opts.data.display()
        );
        if bound.ip().is_loopback() {
            println!("Chỉ máy này mở được; để mở trong mạng nội bộ, chạy với --addr 0.0.0.0:8080.");
        }
        println!("Dừng: Ctrl-C.");
        let live = Arc::new(live);
        tokio::spawn(live.clone().warm());
        let app = Arc::new(App {
            live,
            keys,
            limiter: Limiter::default(),
        });
        axum::serve(
            listener,
            router(app).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| Failure::Io(anyhow::anyhow!("máy chủ dừng vì lỗi: {e}")))
    })
}
