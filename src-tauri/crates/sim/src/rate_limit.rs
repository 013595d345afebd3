//! Fixed-window rate limiting per service and key, aligned to the epoch so that
//! `X-RateLimit-Reset` (epoch seconds) and `RateLimit-Reset` (seconds from now) are exact.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use qrdesk_core::ProviderKind;

use crate::config::RateLimitMode;
use crate::deterministic_rng::hash_str;

/// The limiter's answer for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateDecision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// When the current window ends (Unix epoch milliseconds).
    pub reset_at_ms: u64,
    pub now_ms: u64,
    /// How many requests this service has refused so far (1 for the first refusal): used to
    /// vary whether optional `Retry-After` headers are sent.
    pub refusal_number: u64,
}

impl RateDecision {
    /// `X-RateLimit-Reset`: the window's end in epoch seconds (rounded up).
    pub fn reset_epoch_secs(&self) -> u64 {
        self.reset_at_ms.div_ceil(1000)
    }

    /// `RateLimit-Reset` / `Retry-After`: whole seconds until the window ends (at least 1).
    pub fn reset_in_secs(&self) -> u64 {
        self.reset_at_ms.saturating_sub(self.now_ms).div_ceil(1000).max(1)
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    index: u64,
    used: u32,
}

pub struct RateLimiter {
    mode: RateLimitMode,
    windows: HashMap<(ProviderKind, u64), Window>,
    refusals: HashMap<ProviderKind, u64>,
}

impl RateLimiter {
    pub fn new(mode: RateLimitMode) -> Self {
        RateLimiter { mode, windows: HashMap::new(), refusals: HashMap::new() }
    }

    pub fn mode(&self) -> RateLimitMode {
        self.mode
    }

    /// Changes the mode and forgets every window.
    pub fn set_mode(&mut self, mode: RateLimitMode) {
        self.mode = mode;
        self.windows.clear();
    }

    /// Counts one request by `credential` (the raw auth header value; empty when none was sent).
    /// `None` when the service is not limited in this mode.
    pub fn check(
        &mut self,
        service: ProviderKind,
        credential: &str,
        now: SystemTime,
    ) -> Option<RateDecision> {
        let (limit, window) = self.mode.policy(service)?;
        let window_ms = u64::try_from(window.as_millis()).unwrap_or(u64::MAX).max(1);
        let now_ms = u64::try_from(now.duration_since(UNIX_EPOCH).unwrap_or_default().as_millis())
            .unwrap_or(0);
        let index = now_ms / window_ms;
        let slot = self
            .windows
            .entry((service, hash_str(credential)))
            .or_insert(Window { index, used: 0 });
        if slot.index != index {
            *slot = Window { index, used: 0 };
        }
        let allowed = slot.used < limit;
        if allowed {
            slot.used += 1;
        }
        let refusal_number = if allowed {
            self.refusals.get(&service).copied().unwrap_or(0)
        } else {
            let count = self.refusals.entry(service).or_insert(0);
            *count += 1;
            *count
        };
        Some(RateDecision {
            allowed,
            limit,
            remaining: limit.saturating_sub(slot.used),
            reset_at_ms: (index + 1).saturating_mul(window_ms),
            now_ms,
            refusal_number,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn refuses_after_the_limit_and_resets_with_the_window() {
        let mode = RateLimitMode::Scaled { limit: 3, window: Duration::from_secs(10) };
        let mut limiter = RateLimiter::new(mode);
        let start = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let decisions: Vec<RateDecision> =
            (0..4).filter_map(|_| limiter.check(ProviderKind::QrCodePro, "k", start)).collect();
        assert_eq!(decisions.iter().filter(|d| d.allowed).count(), 3);
        assert_eq!(decisions[2].remaining, 0);
        assert!(!decisions[3].allowed);
        assert_eq!(decisions[3].refusal_number, 1);
        assert_eq!(decisions[3].reset_epoch_secs(), 1_000_010);
        assert_eq!(decisions[3].reset_in_secs(), 10);
        // Another key has its own window.
        assert!(limiter.check(ProviderKind::QrCodePro, "other", start).is_some_and(|d| d.allowed));
        let later = start + Duration::from_secs(10);
        assert!(limiter.check(ProviderKind::QrCodePro, "k", later).is_some_and(|d| d.allowed));
        assert!(RateLimiter::new(RateLimitMode::Off)
            .check(ProviderKind::Exante, "k", later)
            .is_none());
    }
}
