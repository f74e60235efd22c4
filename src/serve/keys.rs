//! The links' secret: a random key in a file beside the data, readable by its owner only, from
//! which every link's token is derived (HMAC-SHA256 of what the link is for), so that a token
//! cannot be guessed or altered, and a new key invalidates every link.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Characters of a token in a link: 22 base64url characters, 132 bits.
const TOKEN_CHARS: usize = 22;

/// The key file of the data file at `data`: hidden, beside it.
pub fn key_path(data: &Path) -> PathBuf {
    let stem = data
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "du-lieu".into());
    data.with_file_name(format!(".{stem}.hoso-khoa"))
}

/// The secret key.
pub struct Keys {
    key: [u8; 32],
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Random bytes from the operating system.
pub fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| format!("không lấy được số ngẫu nhiên: {e}"))?;
    Ok(b)
}

impl Keys {
    /// A key from its bytes (for tests).
    pub fn from_bytes(key: [u8; 32]) -> Keys {
        Keys { key }
    }

    /// Reads the key of the data file at `data`, or makes one (always when `renew`); says
    /// whether it was made.
    pub fn load_or_create(data: &Path, renew: bool) -> Result<(Keys, bool), String> {
        let path = key_path(data);
        if !renew && let Ok(text) = fs::read_to_string(&path) {
            let key = unhex(&text).ok_or_else(|| {
                format!(
                    "tệp khóa {} bị hỏng; chạy lại với --new-key để tạo khóa mới (mọi đường dẫn cũ sẽ hết hiệu lực).",
                    path.display()
                )
            })?;
            // readable by its owner only, whatever it was set to since
            let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
            return Ok((Keys { key }, false));
        }
        let key = random::<32>()?;
        crate::output::durable::write_private(&path, format!("{}\n", hex(&key)).as_bytes())
            .map_err(|e| {
                format!(
                    "không ghi được tệp khóa {}: {}",
                    path.display(),
                    crate::messages::io_error(&e)
                )
            })?;
        Ok((Keys { key }, true))
    }

    fn mac(&self, parts: &[&str]) -> String {
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).expect("any key length");
        for p in parts {
            m.update(p.as_bytes());
            m.update(b"\n");
        }
        let full = URL_SAFE_NO_PAD.encode(m.finalize().into_bytes());
        full[..TOKEN_CHARS].to_string()
    }

    /// The token in member `id`'s link for the review of `year`.
    pub fn member(&self, year: i32, id: &str) -> String {
        self.mac(&["dang-vien", &year.to_string(), id])
    }

    /// The token in the clerk's link for the review of `year`.
    pub fn clerk(&self, year: i32) -> String {
        self.mac(&["thu-ky", &year.to_string()])
    }

    /// The form token that goes with `nonce` on member `id`'s page.
    pub fn form(&self, id: &str, nonce: &str) -> String {
        self.mac(&["bieu-mau", id, nonce])
    }
}

/// Whether `given` is `expected`, compared in constant time.
pub fn same(expected: &str, given: &str) -> bool {
    expected.len() == given.len() && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_depend_on_the_key_the_member_and_the_year() {
        let a = Keys::from_bytes([1; 32]);
        let b = Keys::from_bytes([2; 32]);
        assert_eq!(a.member(2026, "nam").len(), TOKEN_CHARS);
        assert_eq!(a.member(2026, "nam"), a.member(2026, "nam"));
        assert_ne!(a.member(2026, "nam"), b.member(2026, "nam"));
        assert_ne!(a.member(2026, "nam"), a.member(2026, "lan"));
        assert_ne!(a.member(2026, "nam"), a.member(2025, "nam"));
        assert_ne!(a.clerk(2026), a.member(2026, "thu-ky"));
        assert!(
            a.member(2026, "nam")
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
        assert_eq!(unhex(&hex(&[7; 32])), Some([7; 32]));
    }
}
