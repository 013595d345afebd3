//! Rate-limit headers from a misbehaving server (every family the pacer reads), then the pacer
//! fed with what they said: no panic, no overflow, and never an absurd wait.

use std::time::{Duration, Instant, SystemTime};

use http::header::{HeaderMap, HeaderName, HeaderValue};
use qrdesk_providers::rate_limit::{Pacer, RateLimitInfo};

const NAMES: [&str; 10] = [
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "ratelimit",
    "ratelimit-policy",
    "retry-after",
    "x-rate-limit-reset",
];

/// One input, as libFuzzer hands it over.
pub fn run(data: &[u8]) {
    // Lines of "<name index byte><value bytes>".
    let mut headers = HeaderMap::new();
    for line in data.split(|b| *b == b'\n') {
        let Some((&which, value)) = line.split_first() else { continue };
        let name = HeaderName::from_static(NAMES[usize::from(which) % NAMES.len()]);
        if let Ok(value) = HeaderValue::from_bytes(value) {
            headers.append(name, value);
        }
    }
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000);
    let info = RateLimitInfo::from_headers(&headers, now);
    let day = Duration::from_secs(24 * 3600);
    assert!(info.reset_in.is_none_or(|d| d <= day) && info.retry_after.is_none_or(|d| d <= day));
    let pacer = Pacer::new();
    let start = Instant::now();
    pacer.observe(&info, start);
    for i in 0..4 {
        let wait = pacer.reserve(start + Duration::from_millis(i * 10));
        // At most a day after the window resets (plus the spacing between requests).
        assert!(wait <= day + Duration::from_secs(1), "waits {wait:?}");
        pacer.release();
    }
}
