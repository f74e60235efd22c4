//! `hoso serve`: the members' page. Each member opens a private link, downloads their prefilled
//! self-review (.docx and PDF, the form of the year's regulation), and can send back what they
//! wrote; the clerk's own link shows who has. Loopback by default; the LAN when an address is
//! given; behind a reverse proxy for HTTPS (`--proxy` to trust the address it forwards).

pub mod fields;
pub mod handlers;
pub mod keys;
pub mod limiter;
pub mod links;
mod listen;
pub mod live;
pub mod pages;
pub mod store;
pub mod submit;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;

use keys::Keys;
use limiter::Limiter;
use live::Live;
use store::Store;

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
    /// The server sits behind a reverse proxy: the client's address is the one it forwards.
    pub proxy: bool,
}

/// The server's shared state.
pub struct App {
    live: Arc<Live>,
    store: Store,
    keys: Keys,
    limiter: Limiter,
    /// Sends waiting to be checked and saved.
    queue: std::sync::Mutex<Vec<handlers::Pending>>,
    /// The turn to check and save the sends waiting: one batch at a time.
    sending: tokio::sync::Mutex<()>,
    /// Trust the reverse proxy's forwarded address.
    behind_proxy: bool,
    /// The members' address is https: cookies are `Secure`.
    secure: bool,
    /// The path the public address adds before every page ("/hoso" for
    /// `https://example.vn/hoso`), for cookies and links.
    prefix: String,
}

/// The link path of member `id`.
pub fn member_path(keys: &Keys, year: i32, id: &str) -> String {
    format!("/m/{id}/{}", keys.member(year, id))
}

/// The link path of the clerk's page.
pub fn clerk_path(keys: &Keys, year: i32) -> String {
    format!("/thu-ky/{}", keys.clerk(year))
}

/// A path for the log: tokens and member ids never written.
fn redact(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["", "m", _, _] => "/m/…".into(),
        ["", "m", _, _, rest] => format!("/m/…/{}", if rest.len() < 24 { rest } else { "…" }),
        ["", "thu-ky", _] => "/thu-ky/…".into(),
        ["", ""] => "/".into(),
        [_, "kieu.css"] => pages::STYLE_PATH.into(),
        _ => "/(khác)".into(),
    }
}

/// Logs each request without tokens or personal data, and adds the headers every answer
/// carries: no caching, no referrer (the link is the key), no sniffing, no framing, and a
/// Content-Security-Policy that allows the page's own style sheet and form, nothing else.
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
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    eprintln!(
        "{} {method} {path} {} {} ms",
        crate::starter::now().format("%Y-%m-%d %H:%M:%S"),
        resp.status().as_u16(),
        started.elapsed().as_millis()
    );
    resp
}

/// The server's routes over `app`.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/m/{id}/{token}", get(handlers::member_get))
        .route(
            "/m/{id}/{token}/gui",
            axum::routing::post(handlers::member_post),
        )
        .route("/m/{id}/{token}/{file}", get(handlers::download))
        .route("/thu-ky/{token}", get(handlers::clerk))
        .route(pages::STYLE_PATH, get(handlers::style))
        .fallback(handlers::fallback)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(log_and_guard))
        .with_state(app)
}

/// The path of a public address ("https://example.vn/hoso/" → "/hoso").
fn path_prefix(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].trim_end_matches('/').to_string(),
        None => String::new(),
    }
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
        if opts.url.is_some() {
            println!("Lắng nghe: http://{bound}");
        }
        println!("Trang của thư ký: {base}{}", clerk_path(&keys, d.year));
        println!(
            "Đường dẫn của từng đảng viên có trên trang thư ký; «hoso serve {} --links PHIEU» in phiếu có mã QR để phát.",
            opts.data.display()
        );
        if bound.ip().is_loopback() && !opts.proxy {
            println!("Chỉ máy này mở được; để mở trong mạng nội bộ, chạy với --addr 0.0.0.0:8080.");
        }
        println!("Dừng: Ctrl-C.");
        let live = Arc::new(live);
        tokio::spawn(live.clone().warm());
        let app = Arc::new(App {
            live,
            store: Store::open(&opts.data),
            keys,
            limiter: Limiter::default(),
            queue: std::sync::Mutex::new(Vec::new()),
            sending: tokio::sync::Mutex::new(()),
            behind_proxy: opts.proxy,
            secure: base.starts_with("https://"),
            prefix: path_prefix(&base),
        });
        // what members did is written to disk every second, and when the server stops
        let flusher = app.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                let f = flusher.clone();
                let _ = tokio::task::spawn_blocking(move || f.store.flush()).await;
            }
        });
        let served = listen::serve(listener, router(app.clone()), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        app.store.flush();
        served.map_err(|e| Failure::Io(anyhow::anyhow!("máy chủ dừng vì lỗi: {e}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_address_gives_the_path_before_every_page() {
        assert_eq!(path_prefix("https://example.vn/hoso/"), "/hoso");
        assert_eq!(path_prefix("https://example.vn"), "");
        assert_eq!(path_prefix("http://192.168.1.5:8080/"), "");
    }
}
