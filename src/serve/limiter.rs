//! Guessing links is slowed down without locking anyone out: wrong tokens are counted per client
//! (its own address, or the one the reverse proxy forwards when `--proxy` says there is one), per
//! link (the member id, or the clerk's page) and for the whole server; a wrong token over any of
//! those limits gets "429 Too Many Requests" until a minute has passed. A correct token is never
//! refused: the limiter is asked only after a token turned out wrong, so a guesser behind the
//! same proxy as every member slows down only themselves.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong tokens allowed per client and window.
pub const PER_CLIENT: usize = 5;
/// Wrong tokens allowed per link (one member's, or the clerk's) and window.
pub const PER_LINK: usize = 20;
/// Wrong tokens allowed for the whole server and window.
pub const OVERALL: usize = 300;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// What a wrong token is counted against.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Bucket {
    Client(IpAddr),
    Link(String),
    Overall,
}

/// Wrong tokens by client, link and overall.
#[derive(Default)]
pub struct Limiter {
    seen: Mutex<HashMap<Bucket, VecDeque<Instant>>>,
}

impl Limiter {
    fn buckets(client: IpAddr, link: Option<&str>) -> [(Bucket, usize); 3] {
        [
            (Bucket::Client(client), PER_CLIENT),
            (
                Bucket::Link(link.unwrap_or("").chars().take(64).collect()),
                PER_LINK,
            ),
            (Bucket::Overall, OVERALL),
        ]
    }

    /// Whether a wrong token from `client` for `link` (a member id; `None` for other pages) is
    /// over a limit now.
    pub fn blocked(&self, client: IpAddr, link: Option<&str>) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let mut over = false;
        for (b, limit) in Self::buckets(client, link) {
            if b == Bucket::Link(String::new()) {
                continue;
            }
            let Some(q) = seen.get_mut(&b) else {
                continue;
            };
            while q.front().is_some_and(|t| now.duration_since(*t) > WINDOW) {
                q.pop_front();
            }
            if q.is_empty() {
                seen.remove(&b);
            } else if q.len() >= limit {
                over = true;
            }
        }
        over
    }

    /// Notes a wrong token from `client` for `link`.
    pub fn wrong(&self, client: IpAddr, link: Option<&str>) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // a flood of addresses and ids cannot grow the table without bound
        if seen.len() > 100_000 {
            seen.retain(|b, _| *b == Bucket::Overall);
        }
        let now = Instant::now();
        for (b, limit) in Self::buckets(client, link) {
            if b == Bucket::Link(String::new()) {
                continue;
            }
            let q = seen.entry(b).or_default();
            q.push_back(now);
            // only the last `limit` times matter
            while q.len() > limit {
                q.pop_front();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guesser_is_slowed_per_client_link_and_overall() {
        let l = Limiter::default();
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..PER_CLIENT {
            assert!(!l.blocked(a, Some("nam")));
            l.wrong(a, Some("nam"));
        }
        assert!(l.blocked(a, Some("lan")), "the client");
        assert!(!l.blocked(b, Some("lan")), "another client");
        // many clients on one link
        for i in 0..PER_LINK {
            l.wrong(IpAddr::from([10, 1, 0, i as u8]), Some("lan"));
        }
        assert!(l.blocked(b, Some("lan")), "the link");
        assert!(!l.blocked(b, Some("hoa")), "another link");
        for i in 0..OVERALL {
            l.wrong(
                IpAddr::from([10, 2, (i / 250) as u8, (i % 250) as u8]),
                None,
            );
        }
        assert!(l.blocked(b, Some("hoa")), "overall");
    }
}
