//! Request counters shared between an adapter and whoever reports on it (sync, CLI, tests).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Counters updated by the HTTP core. Share it with `Arc`; read it with [`RequestStats::snapshot`].
#[derive(Debug, Default)]
pub struct RequestStats {
    requests_sent: AtomicU64,
    retries: AtomicU64,
    rate_limit_waits: AtomicU64,
    wait_micros: AtomicU64,
    throttled: AtomicU64,
}

/// A copy of the counters at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatsSnapshot {
    /// HTTP requests put on the wire (every attempt counts).
    pub requests_sent: u64,
    /// Attempts after the first one of a call.
    pub retries: u64,
    /// Pauses taken because of a rate limit (pacing before a request, or after a 429).
    pub rate_limit_waits: u64,
    /// Total time spent in those pauses and in backoff.
    pub total_wait: Duration,
    /// 429 answers received.
    pub throttled_responses: u64,
}

impl RequestStats {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn snapshot(&self) -> StatsSnapshot {
        StatsSnapshot {
            requests_sent: self.requests_sent.load(Ordering::Relaxed),
            retries: self.retries.load(Ordering::Relaxed),
            rate_limit_waits: self.rate_limit_waits.load(Ordering::Relaxed),
            total_wait: Duration::from_micros(self.wait_micros.load(Ordering::Relaxed)),
            throttled_responses: self.throttled.load(Ordering::Relaxed),
        }
    }

    pub(crate) fn sent(&self) {
        self.requests_sent.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn retried(&self) {
        self.retries.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn throttled(&self) {
        self.throttled.fetch_add(1, Ordering::Relaxed);
    }

    /// A pause; `rate_limit` says whether a rate limit caused it (else it was backoff).
    pub(crate) fn waited(&self, d: Duration, rate_limit: bool) {
        if rate_limit {
            self.rate_limit_waits.fetch_add(1, Ordering::Relaxed);
        }
        let micros = u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
        self.wait_micros.fetch_add(micros, Ordering::Relaxed);
    }
}
