//! `hoso serve`: the members' page, or with `--links` the slips of their links.

use std::process::ExitCode;

use hoso::pipeline::{self, Failure};
use hoso::serve::ServeOptions;

use super::fail;

/// Serves the page (or writes the slips) until stopped.
pub fn run(opts: &ServeOptions, links: Option<&std::path::Path>) -> ExitCode {
    let done = match links {
        Some(file) => write_links(opts, file),
        None => hoso::serve::run(opts),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => fail(f),
    }
}

/// `hoso serve --links FILE`: the slips with each member's link and QR code.
fn write_links(opts: &ServeOptions, file: &std::path::Path) -> Result<(), Failure> {
    let checked = pipeline::check(&opts.data)?;
    let (keys, made) = hoso::serve::keys::Keys::load_or_create(&opts.data, opts.new_key)
        .map_err(Failure::Usage)?;
    if made {
        println!(
            "đã tạo khóa {}{}; giữ kín tệp này.",
            hoso::serve::keys::key_path(&opts.data).display(),
            if opts.new_key {
                " (mọi đường dẫn cũ hết hiệu lực)"
            } else {
                ""
            }
        );
    }
    let base = opts
        .url
        .clone()
        .unwrap_or_else(|| format!("http://{}", opts.addr))
        .trim_end_matches('/')
        .to_string();
    if opts.url.is_none() && (opts.addr.ip().is_loopback() || opts.addr.ip().is_unspecified()) {
        eprintln!(
            "chú ý: đường dẫn trên phiếu là {base}, chỉ mở được trên đúng máy chạy hoso; ghi --url http://<địa chỉ máy trong mạng nội bộ>:{} để điện thoại mở được.",
            opts.addr.port()
        );
    }
    for p in hoso::serve::links::write(&checked.dossier, &keys, &base, file)? {
        println!("đã ghi {}", p.display());
    }
    Ok(())
}
