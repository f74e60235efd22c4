//! Accepting connections as a production server must: a client that opens a connection and
//! sends nothing (or sends its headers a byte at a time) is dropped after a few seconds, a
//! connection lives a bounded time, the open connections are capped below what the process
//! may hold (whose limit is raised first), so a crowd of idle connections cannot make the
//! server unreachable for a member.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tower::Service;

/// Time a client has to send a request's headers (also the idle time between two requests of
/// one connection).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest life of one connection (a phone on a slow network sends a long text well within it).
pub const CONNECTION_LIFE: Duration = Duration::from_secs(300);
/// Most connections open at once.
pub const MAX_CONNECTIONS: usize = 4096;

/// Raises this process's limit of open files to what the system allows (Linux's default soft
/// limit, 1,024, is what a thousand idle connections exhaust); returns the limit now.
fn raise_open_files() -> usize {
    // SAFETY: getrlimit/setrlimit read and write the struct we pass, nothing else.
    unsafe {
        let mut l = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) != 0 {
            return 1024;
        }
        let want = l.rlim_max.min(65_536);
        if l.rlim_cur < want {
            let raised = libc::rlimit {
                rlim_cur: want,
                rlim_max: l.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                l.rlim_cur = want;
            }
        }
        l.rlim_cur as usize
    }
}

/// Serves `router` on `listener` until `stop` completes; connections in flight then get a few
/// seconds to finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    stop: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    // room for the data, key, fonts and the renders' files besides the connections
    let cap = MAX_CONNECTIONS.min(raise_open_files().saturating_sub(128).max(16));
    let slots = Arc::new(tokio::sync::Semaphore::new(cap));
    let mut stop = std::pin::pin!(stop);
    // told to every connection when the server stops; each holds a receiver while it runs
    let (stopping, told) = tokio::sync::watch::channel(false);
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => p.expect("never closed"),
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            a = listener.accept() => match a {
                Ok(x) => x,
                Err(e) => {
                    // too many open files, a connection reset before it was taken: wait, go on
                    eprintln!("lỗi: không nhận được kết nối: {}", crate::messages::io_error(&e));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let mut told = told.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
                req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                let mut router = router.clone();
                async move { Ok::<_, Infallible>(router.call(req).await.unwrap_or_else(|e| match e {})) }
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(64 * 1024);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            let life = tokio::time::sleep(CONNECTION_LIFE);
            let mut life = std::pin::pin!(life);
            let mut closing = false;
            loop {
                tokio::select! {
                    _ = conn.as_mut() => break,
                    () = &mut life => break,
                    // the request in flight is answered, then the connection closes
                    _ = told.changed(), if !closing => {
                        closing = true;
                        conn.as_mut().graceful_shutdown();
                    }
                }
            }
            drop(told);
        });
    }
    drop(listener);
    let _ = stopping.send(true);
    drop(told);
    let _ = tokio::time::timeout(Duration::from_secs(30), stopping.closed()).await;
    Ok(())
}
