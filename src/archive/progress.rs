//! What `hoso archive` shows while it works: on a terminal a progress bar (cells done / total,
//! documents per second, time left) with failing cells printed above it as they happen; in a log
//! file or CI, a plain line a few times a minute, never a flood.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Event;

/// How often a plain line is printed without a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(15);

/// The progress display of one run.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    total: AtomicUsize,
    done: AtomicUsize,
    documents: AtomicUsize,
    last_line: Mutex<Instant>,
}

impl Progress {
    /// A display for standard error: a bar when it is a terminal, plain lines otherwise.
    pub fn new(terminal: bool) -> Progress {
        let bar = terminal.then(|| {
            let b = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template(
                    "{bar:30.green/white} {pos}/{len} chi bộ · {msg} · còn {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("█▉▊▋▌▍▎▏ "),
            );
            b
        });
        Progress {
            bar,
            started: Instant::now(),
            total: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            documents: AtomicUsize::new(0),
            last_line: Mutex::new(Instant::now()),
        }
    }

    fn rate(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(0.001);
        format!(
            "{:.0} văn bản/giây",
            self.documents.load(Ordering::Relaxed) as f64 / secs
        )
    }

    fn plain_line(&self) -> String {
        format!(
            "đã xong {}/{} chi bộ ({} văn bản, {})",
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
            self.documents.load(Ordering::Relaxed),
            self.rate()
        )
    }

    /// Shows what happened.
    pub fn event(&self, e: Event) {
        match e {
            Event::Start {
                cells,
                to_build,
                failed,
            } => {
                self.total.store(to_build, Ordering::Relaxed);
                let mut line = format!("{cells} chi bộ: {to_build} cần tạo");
                let unchanged = cells - to_build - failed;
                if unchanged > 0 {
                    line.push_str(&format!(", {unchanged} không đổi từ lần trước"));
                }
                if failed > 0 {
                    line.push_str(&format!(", {failed} có lỗi trong dữ liệu"));
                }
                match &self.bar {
                    Some(b) => {
                        b.set_length(to_build as u64);
                        b.println(line);
                    }
                    None => eprintln!("{line}"),
                }
            }
            Event::Built { documents, .. } => {
                self.documents.fetch_add(documents, Ordering::Relaxed);
                self.done.fetch_add(1, Ordering::Relaxed);
                self.tick();
            }
            Event::Failed { input, error } => {
                let line = format!("không tạo được hồ sơ của {input}: {error}");
                match &self.bar {
                    Some(b) => b.println(line),
                    None => eprintln!("{line}"),
                }
            }
        }
    }

    fn tick(&self) {
        match &self.bar {
            Some(b) => {
                b.set_position(self.done.load(Ordering::Relaxed) as u64);
                b.set_message(self.rate());
            }
            None => {
                let mut last = self.last_line.lock().unwrap_or_else(|e| e.into_inner());
                if last.elapsed() >= PLAIN_EVERY {
                    eprintln!("{}", self.plain_line());
                    *last = Instant::now();
                }
            }
        }
    }

    /// Clears the bar; without a terminal, prints the last count.
    pub fn finish(&self) {
        match &self.bar {
            Some(b) => b.finish_and_clear(),
            None if self.total.load(Ordering::Relaxed) > 0 => eprintln!("{}", self.plain_line()),
            None => {}
        }
    }
}
