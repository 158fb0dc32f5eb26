//! Stage timings for the benchmark and for profiling: with `MINHBACH_TIMINGS=1` in the
//! environment, each stage of a build prints how long it took to stderr. Off by default, and
//! never part of what a build writes.

use std::time::Instant;

/// A stopwatch that prints each lap when timings are asked for.
pub struct Clock {
    on: bool,
    last: std::cell::Cell<Instant>,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            on: std::env::var_os("MINHBACH_TIMINGS").is_some(),
            last: std::cell::Cell::new(Instant::now()),
        }
    }

    /// Prints a line of what a stage did (counts), when timings are asked for.
    pub fn note(&self, what: &str) {
        if self.on {
            eprintln!("thời gian: {what}");
        }
    }

    /// Prints the time since the previous lap (or the start) under `stage`, with the memory the
    /// process holds now and the most it has held (Linux only).
    pub fn lap(&self, stage: &str) {
        if self.on {
            let now = Instant::now();
            eprintln!(
                "thời gian: {stage}: {:.2} s{}",
                (now - self.last.get()).as_secs_f64(),
                memory().unwrap_or_default()
            );
            self.last.set(now);
        }
    }
}

/// `, bộ nhớ 123 MB (cao nhất 456 MB)` from /proc/self/status.
fn memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = |key: &str| -> Option<u64> {
        status
            .lines()
            .find(|l| l.starts_with(key))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    Some(format!(
        ", bộ nhớ {} MB (cao nhất {} MB)",
        kb("VmRSS:")? / 1024,
        kb("VmHWM:")? / 1024
    ))
}
