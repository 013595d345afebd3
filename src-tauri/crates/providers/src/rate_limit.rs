//! Rate-limit headers and the pacer that obeys them (see docs/providers/README.md, 'Rate limits
//! and pacing').
//!
//! Every response's headers are read, whichever family the service uses:
//! `Retry-After` (seconds or HTTP date), `X-RateLimit-Limit/Remaining/Reset` (Reset = epoch
//! seconds), `RateLimit-Limit/Remaining/Reset` (Reset = seconds from now) or the combined
//! `RateLimit` header (`limit=100, remaining=5, reset=30` or `"default";r=5;t=30`). The
//! [`Pacer`] counts its own requests against the announced `Remaining` and makes the next request
//! wait for the window to reset *before* it would drive `Remaining` below zero, so a service that
//! announces its limits never has to answer 429.

use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// Safety margin added to a reset time (clock skew, whole-second headers).
const RESET_MARGIN: Duration = Duration::from_millis(30);

/// What one response said about the rate limit. All parts are optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RateLimitInfo {
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    /// Time until the window resets, measured from when the response arrived.
    pub reset_in: Option<Duration>,
    /// `Retry-After`, measured the same way.
    pub retry_after: Option<Duration>,
}

impl RateLimitInfo {
    /// Reads every supported header family. `now` is the wall clock (for epoch and HTTP dates).
    pub fn from_headers(headers: &HeaderMap, now: SystemTime) -> Self {
        let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
        let mut info = RateLimitInfo {
            retry_after: get("retry-after").and_then(|v| parse_retry_after(v, now)),
            ..Default::default()
        };
        if let Some(combined) = get("ratelimit") {
            let (l, r, t) = parse_combined(combined);
            info.limit = l;
            info.remaining = r;
            info.reset_in = t.map(|secs| Duration::from_secs_f64(secs.min(86_400.0)));
        }
        for (prefix, epoch) in [("x-ratelimit-", true), ("ratelimit-", false)] {
            let num = |suffix: &str| get(&format!("{prefix}{suffix}")).and_then(parse_number);
            if let Some(l) = num("limit") {
                info.limit = info.limit.or(Some(l.max(0.0) as u64));
            }
            if let Some(r) = num("remaining") {
                info.remaining = info.remaining.or(Some(r.max(0.0) as u64));
            }
            if let Some(reset) = num("reset") {
                info.reset_in = info.reset_in.or_else(|| reset_to_delay(reset, epoch, now));
            }
        }
        info
    }

    pub fn is_empty(&self) -> bool {
        *self == RateLimitInfo::default()
    }
}

fn parse_number(v: &str) -> Option<f64> {
    v.split([',', ';']).next()?.trim().parse::<f64>().ok().filter(|f| f.is_finite())
}

/// `Reset` as a delay. Values that look like epoch seconds (or milliseconds) are treated as
/// such whatever the header family, small values as seconds from now.
fn reset_to_delay(reset: f64, epoch_family: bool, now: SystemTime) -> Option<Duration> {
    if reset < 0.0 {
        return None;
    }
    let now_secs = now.duration_since(UNIX_EPOCH).ok()?.as_secs_f64();
    let looks_epoch_ms = reset > 1.0e12;
    let looks_epoch = reset > 1.0e9;
    let delay = if looks_epoch_ms {
        reset / 1000.0 - now_secs
    } else if looks_epoch || (epoch_family && reset > 1.0e6) {
        reset - now_secs
    } else {
        reset
    };
    Some(Duration::from_secs_f64(delay.clamp(0.0, 86_400.0)))
}

fn parse_retry_after(v: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(secs) = v.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0)
            .then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let at: SystemTime = at.with_timezone(&chrono::Utc).into();
    Some(at.duration_since(now).unwrap_or(Duration::ZERO).min(Duration::from_secs(86_400)))
}

/// `limit=100, remaining=5, reset=30` (draft 7) or `"default";r=5;t=30` (draft 8+; no limit).
fn parse_combined(v: &str) -> (Option<u64>, Option<u64>, Option<f64>) {
    let (mut l, mut r, mut t) = (None, None, None);
    for part in v.split([',', ';']) {
        let Some((k, val)) = part.split_once('=') else { continue };
        let num =
            val.trim().trim_matches('"').parse::<f64>().ok().filter(|f| f.is_finite() && *f >= 0.0);
        match k.trim().to_ascii_lowercase().as_str() {
            "limit" | "l" | "q" => l = l.or(num.map(|n| n as u64)),
            "remaining" | "r" => r = r.or(num.map(|n| n as u64)),
            "reset" | "t" => t = t.or(num),
            _ => {}
        }
    }
    (l, r, t)
}

#[derive(Debug, Default)]
struct PacerState {
    limit: Option<u64>,
    /// Requests still allowed in the current window, minus the ones reserved and in flight.
    remaining: Option<u64>,
    reset_at: Option<Instant>,
    /// Nobody sends before this (after a 429).
    blocked_until: Option<Instant>,
    in_flight: u64,
}

/// Paces the requests of one account from the headers of earlier responses.
#[derive(Debug, Default)]
pub struct Pacer {
    state: Mutex<PacerState>,
}

impl Pacer {
    pub fn new() -> Self {
        Self::default()
    }

    /// The pacer shared by every adapter of one account in this process (same service, address
    /// and key), so a sync that starts right after another, or a detail view refreshing its
    /// analytics during a sync, knows what the service said about the window in use. `account`
    /// is a fingerprint of the key, held in memory only.
    pub fn shared(service: &str, base: &str, account: u64) -> std::sync::Arc<Pacer> {
        use std::collections::HashMap;
        use std::sync::{Arc, LazyLock};
        type Key = (String, String, u64);
        static PACERS: LazyLock<Mutex<HashMap<Key, Arc<Pacer>>>> = LazyLock::new(Default::default);
        let Ok(mut all) = PACERS.lock() else { return Arc::new(Pacer::new()) };
        all.entry((service.to_string(), base.to_string(), account)).or_default().clone()
    }

    /// Reserves a slot for one request and returns how long to wait before sending it.
    /// Every reservation must be followed by [`Pacer::observe`] or [`Pacer::release`].
    pub fn reserve(&self, now: Instant) -> Duration {
        let Ok(mut s) = self.state.lock() else { return Duration::ZERO };
        let mut wait = Duration::ZERO;
        if let Some(until) = s.blocked_until {
            if until > now {
                wait = until - now;
            } else {
                s.blocked_until = None;
            }
        }
        if s.remaining == Some(0) {
            match s.reset_at {
                Some(reset) if reset + RESET_MARGIN > now => {
                    wait = wait.max(reset + RESET_MARGIN - now);
                }
                _ => {}
            }
            // The request will go out in the next window.
            s.remaining = s.limit;
            s.reset_at = None;
        }
        if let Some(r) = s.remaining.as_mut() {
            *r = r.saturating_sub(1);
        }
        s.in_flight += 1;
        wait
    }

    /// Records what a response said (the request's reservation ends here).
    pub fn observe(&self, info: &RateLimitInfo, now: Instant) {
        let Ok(mut s) = self.state.lock() else { return };
        s.in_flight = s.in_flight.saturating_sub(1);
        if info.limit.is_some() {
            s.limit = info.limit;
        }
        // Within a window we know, `remaining` only goes down: a slow response can carry a count
        // taken before requests we have sent since (or in an earlier window).
        let same_window = s.reset_at.is_some_and(|reset| reset > now);
        if let Some(reset_in) = info.reset_in {
            if !same_window {
                s.reset_at = Some(now + reset_in);
            }
        }
        if let Some(r) = info.remaining {
            // Requests still in flight were counted by us but not yet by the server.
            let reported = r.saturating_sub(s.in_flight);
            s.remaining = Some(match s.remaining {
                Some(known) if same_window => known.min(reported),
                _ => reported,
            });
        }
    }

    /// Ends a reservation whose request got no answer.
    pub fn release(&self) {
        if let Ok(mut s) = self.state.lock() {
            s.in_flight = s.in_flight.saturating_sub(1);
        }
    }

    /// After a 429: nobody sends for `wait`.
    pub fn block_for(&self, wait: Duration, now: Instant) {
        if let Ok(mut s) = self.state.lock() {
            let until = now + wait;
            s.blocked_until = Some(s.blocked_until.map_or(until, |b| b.max(until)));
            s.remaining = None;
            s.reset_at = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn x_ratelimit_reset_is_epoch_seconds() {
        let h = headers(&[
            ("X-RateLimit-Limit", "100"),
            ("X-RateLimit-Remaining", "95"),
            ("X-RateLimit-Reset", "1699574400"),
        ]);
        let i = RateLimitInfo::from_headers(&h, at(1_699_574_370));
        assert_eq!((i.limit, i.remaining), (Some(100), Some(95)));
        assert_eq!(i.reset_in, Some(Duration::from_secs(30)));
        assert_eq!(i.retry_after, None);
    }

    #[test]
    fn ratelimit_reset_is_seconds_from_now() {
        let h = headers(&[
            ("RateLimit-Limit", "10"),
            ("RateLimit-Remaining", "0"),
            ("RateLimit-Reset", "7"),
        ]);
        let i = RateLimitInfo::from_headers(&h, at(1_800_000_000));
        assert_eq!(
            (i.limit, i.remaining, i.reset_in),
            (Some(10), Some(0), Some(Duration::from_secs(7)))
        );
    }

    #[test]
    fn combined_header_both_drafts() {
        let d7 = headers(&[("RateLimit", "limit=100, remaining=25, reset=5")]);
        let i = RateLimitInfo::from_headers(&d7, at(1_800_000_000));
        assert_eq!(
            (i.limit, i.remaining, i.reset_in),
            (Some(100), Some(25), Some(Duration::from_secs(5)))
        );
        let d8 = headers(&[("RateLimit", "\"default\";r=3;t=2.5")]);
        let i = RateLimitInfo::from_headers(&d8, at(1_800_000_000));
        assert_eq!((i.remaining, i.reset_in), (Some(3), Some(Duration::from_millis(2500))));
    }

    #[test]
    fn absurd_values_are_clamped_not_panics() {
        let h = headers(&[
            ("RateLimit", "limit=1e308, remaining=-5, reset=1e300"),
            ("Retry-After", "1e300"),
            ("X-RateLimit-Reset", "-1"),
        ]);
        let i = RateLimitInfo::from_headers(&h, at(1_800_000_000));
        assert_eq!(i.reset_in, Some(Duration::from_secs(86_400)));
        assert_eq!(i.retry_after, Some(Duration::from_secs(86_400)));
        // A Retry-After date years ahead is held to the same day.
        let far = headers(&[("retry-after", "Wed, 21 Oct 2099 07:28:00 GMT")]);
        let i = RateLimitInfo::from_headers(&far, at(1_790_000_000));
        assert_eq!(i.retry_after, Some(Duration::from_secs(86_400)));
        assert_eq!(i.remaining, None);
    }

    #[test]
    fn retry_after_seconds_or_http_date() {
        let now = at(1_445_412_480); // Wed, 21 Oct 2015 07:28:00 GMT
        let s = RateLimitInfo::from_headers(&headers(&[("Retry-After", "120")]), now);
        assert_eq!(s.retry_after, Some(Duration::from_secs(120)));
        let d = RateLimitInfo::from_headers(
            &headers(&[("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT")]),
            now,
        );
        assert_eq!(d.retry_after, Some(Duration::from_secs(30)));
        let junk = RateLimitInfo::from_headers(
            &headers(&[("Retry-After", "soon"), ("X-RateLimit-Remaining", "x")]),
            now,
        );
        assert!(junk.is_empty());
    }

    #[test]
    fn pacer_waits_for_reset_before_remaining_goes_negative() {
        let p = Pacer::new();
        let t0 = Instant::now();
        assert_eq!(p.reserve(t0), Duration::ZERO);
        p.observe(
            &RateLimitInfo {
                limit: Some(2),
                remaining: Some(1),
                reset_in: Some(Duration::from_secs(1)),
                retry_after: None,
            },
            t0,
        );
        // One left: the next goes at once, the one after waits for the reset.
        assert_eq!(p.reserve(t0), Duration::ZERO);
        p.observe(
            &RateLimitInfo {
                limit: Some(2),
                remaining: Some(0),
                reset_in: Some(Duration::from_secs(1)),
                retry_after: None,
            },
            t0,
        );
        let w = p.reserve(t0);
        assert!(w >= Duration::from_secs(1) && w < Duration::from_millis(1100), "{w:?}");
        p.release();
    }

    #[test]
    fn pacer_counts_reservations_in_flight() {
        let p = Pacer::new();
        let t0 = Instant::now();
        p.reserve(t0);
        p.observe(
            &RateLimitInfo {
                limit: Some(3),
                remaining: Some(2),
                reset_in: Some(Duration::from_secs(2)),
                retry_after: None,
            },
            t0,
        );
        assert_eq!(p.reserve(t0), Duration::ZERO);
        assert_eq!(p.reserve(t0), Duration::ZERO);
        assert!(p.reserve(t0) >= Duration::from_secs(2));
    }

    #[test]
    fn a_slow_response_with_an_older_count_does_not_raise_what_is_left() {
        let p = Pacer::new();
        let t0 = Instant::now();
        let info = |remaining| RateLimitInfo {
            limit: Some(10),
            remaining: Some(remaining),
            reset_in: Some(Duration::from_secs(1)),
            retry_after: None,
        };
        p.reserve(t0);
        p.observe(&info(2), t0);
        // A response delayed by a latency spike reports 8 left, counted long before.
        p.reserve(t0);
        p.observe(&info(8), t0 + Duration::from_millis(100));
        assert_eq!(p.reserve(t0), Duration::ZERO, "one request was still left");
        assert!(p.reserve(t0) >= Duration::from_millis(900), "then the window is used up");
    }

    #[test]
    fn pacer_without_headers_never_waits_and_block_for_does() {
        let p = Pacer::new();
        let t0 = Instant::now();
        for _ in 0..50 {
            assert_eq!(p.reserve(t0), Duration::ZERO);
            p.observe(&RateLimitInfo::default(), t0);
        }
        p.block_for(Duration::from_millis(300), t0);
        assert_eq!(p.reserve(t0), Duration::from_millis(300));
    }
}
