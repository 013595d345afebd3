//! When a failed request may be sent again, and how long to wait first.

use std::time::Duration;

use qrdesk_core::ErrorKind;

use crate::error::ProviderError;

/// How a request may be repeated (see docs/providers/README.md, 'Retries and creates').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryMode {
    /// GET, PUT, PATCH, DELETE: repeating has the same effect as sending once.
    Safe,
    /// A POST: repeated only after an answer that proves it was not processed (429 rate limit).
    /// Other failures go back to the caller, which checks before resending (see `create_recovery`).
    RejectedOnly,
}

impl RetryMode {
    /// Whether `err` (a failed attempt in this mode) may be retried by the HTTP core.
    pub fn allows(self, err: &ProviderError) -> bool {
        match err.kind {
            ErrorKind::RateLimited => true,
            ErrorKind::Network | ErrorKind::ServerError => self == RetryMode::Safe,
            // An unreadable success body (cut off) may read fine next time; an unreadable
            // refusal (a proxy's HTML 404) will not.
            ErrorKind::MalformedResponse => {
                self == RetryMode::Safe && err.status.is_none_or(|s| (200..300).contains(&s))
            }
            _ => false,
        }
    }
}

/// Exponential backoff with jitter: attempt `n` (0-based) waits a random time in
/// `[d/2, d]` where `d = min(base · 2ⁿ, max)`.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub base: Duration,
    pub max: Duration,
}

impl Backoff {
    pub fn delay(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.min(20));
        let full = self.base.saturating_mul(factor).min(self.max);
        let half = full / 2;
        let spread = full.saturating_sub(half).as_micros() as u64;
        half + Duration::from_micros(if spread == 0 { 0 } else { fastrand::u64(0..=spread) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_caps() {
        let b = Backoff { base: Duration::from_millis(100), max: Duration::from_secs(1) };
        for attempt in 0..8 {
            let d = b.delay(attempt);
            let full = (100u64 << attempt).min(1000);
            assert!(
                d >= Duration::from_millis(full / 2) && d <= Duration::from_millis(full),
                "{d:?}"
            );
        }
        assert!(b.delay(u32::MAX) <= Duration::from_secs(1));
    }

    #[test]
    fn posts_are_retried_only_when_rejected() {
        let rl = ProviderError::new(ErrorKind::RateLimited, "");
        let net = ProviderError::new(ErrorKind::Network, "");
        let quota = ProviderError::new(ErrorKind::QuotaExhausted, "");
        assert!(RetryMode::RejectedOnly.allows(&rl));
        assert!(!RetryMode::RejectedOnly.allows(&net));
        assert!(RetryMode::Safe.allows(&net));
        assert!(!RetryMode::Safe.allows(&quota));
    }
}
