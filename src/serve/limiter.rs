//! Guessing links is slowed down: an address that tried more than a few wrong tokens in the
//! last minute gets "429 Too Many Requests" until the minute has passed.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong tokens allowed per address and window.
pub const WRONG_PER_WINDOW: usize = 5;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Wrong tokens by address.
#[derive(Default)]
pub struct Limiter {
    seen: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl Limiter {
    /// Whether `ip` is blocked now.
    pub fn blocked(&self, ip: IpAddr) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let Some(q) = seen.get_mut(&ip) else {
            return false;
        };
        while q.front().is_some_and(|t| now.duration_since(*t) > WINDOW) {
            q.pop_front();
        }
        if q.is_empty() {
            seen.remove(&ip);
            return false;
        }
        q.len() >= WRONG_PER_WINDOW
    }

    /// Notes a wrong token from `ip`.
    pub fn wrong(&self, ip: IpAddr) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // a flood of addresses cannot grow the table without bound
        if seen.len() > 100_000 {
            seen.clear();
        }
        seen.entry(ip).or_default().push_back(Instant::now());
    }
}
