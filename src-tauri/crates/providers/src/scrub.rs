//! Removing a key from text that came back from a service, before anything else reads it.
//!
//! Every response body passes through [`scrub_secret`] as it arrives (`http_client.rs`), before
//! it is parsed, quoted in an error or cut to length; every error message passes through it
//! again on its way out. It removes the whole key and any run of 8 or more characters of its
//! secret part, so a service that echoes the key (or part of it) can never make it reach a
//! message, the database, a log or the window. The service's public prefix (`ex_live_`,
//! `qrcp_live_`, shown in every masked key) is not secret and is left alone: other keys of the
//! same service, such as one a key API just created, carry it too.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// The shortest run of the key that is removed (shorter runs are common in ordinary text).
pub const MIN_RUN: usize = 8;

/// What replaces a removed run.
pub const HIDDEN: &str = "[key hidden]";

/// `text` with every run of at least [`MIN_RUN`] characters of `secret`'s secret part (after its
/// public prefix) replaced by [`HIDDEN`].
/// Returns the text unchanged (borrowed) when it holds none.
///
/// Every 8-byte window of the key is a pattern of one Aho-Corasick automaton; its overlapping
/// matches cover exactly the bytes that belong to a run of 8 or more (a longer run is the union of
/// its windows). One pass over the text: a 40 KB list page costs tens of microseconds (hashing
/// every window of the text into a set cost about a millisecond).
pub fn scrub_secret<'t>(text: &'t str, secret: &str) -> std::borrow::Cow<'t, str> {
    let secret = secret.trim();
    let public = qrdesk_core::provider::detect_key_format(secret).map_or(0, |f| f.prefix.len());
    let key = secret.as_bytes().get(public..).unwrap_or_default();
    if key.len() < MIN_RUN || text.len() < MIN_RUN {
        return std::borrow::Cow::Borrowed(text);
    }
    // A contiguous NFA: quick to build for one response and fast enough over a page of text.
    let built = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(key.windows(MIN_RUN));
    let Ok(windows) = built else {
        // The automaton of a few dozen 8-byte patterns always builds; if it ever did not, hide
        // the whole text rather than risk showing the key.
        return std::borrow::Cow::Owned(HIDDEN.to_string());
    };
    // Covered ranges, merged as they come (overlapping matches arrive in order of their end,
    // and every pattern has the same length, so also in order of their start).
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for m in windows.find_overlapping_iter(text) {
        match covered.last_mut() {
            Some(last) if m.start() <= last.1 => last.1 = last.1.max(m.end()),
            _ => covered.push((m.start(), m.end())),
        }
    }
    if covered.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in covered {
        // Keys are ASCII, so a covered range never starts or ends inside a multi-byte character;
        // lossy conversion keeps this total even if one did.
        out.push_str(&String::from_utf8_lossy(&bytes[at..start]));
        out.push_str(HIDDEN);
        at = end;
    }
    out.push_str(&String::from_utf8_lossy(&bytes[at..]));
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "qrcp_live_ABCDEFGH12345678ijklmnop";

    /// The secret part of [`KEY`], after its public `qrcp_live_` prefix.
    const BODY: &str = "ABCDEFGH12345678ijklmnop";

    #[test]
    fn the_whole_key_and_any_run_of_8_are_removed() {
        let echoed = format!("{{\"headers\": {{\"authorization\": \"Bearer {KEY}\"}}}}");
        let clean = scrub_secret(&echoed, KEY);
        assert!(!clean.contains(KEY) && !clean.contains(BODY));
        assert!(clean.contains("Bearer qrcp_live_[key hidden]"), "{clean}");
        // A cut in the middle of the key, or the service quoting part of it.
        for part in [&KEY[..20], &KEY[13..], &KEY[12..24]] {
            let text = format!("bad key '{part}', try again");
            let clean = scrub_secret(&text, KEY);
            for w in BODY.as_bytes().windows(MIN_RUN) {
                assert!(!clean.contains(std::str::from_utf8(w).unwrap()), "{clean}");
            }
            assert!(clean.starts_with("bad key '") && clean.ends_with("', try again"));
        }
    }

    /// The rule written the slow, obvious way: every byte inside an 8-byte window that occurs in
    /// the key is hidden, each maximal run of hidden bytes becoming one [`HIDDEN`].
    fn reference(text: &str, key_body: &str) -> String {
        let (bytes, key) = (text.as_bytes(), key_body.as_bytes());
        let mut covered = vec![false; bytes.len()];
        for i in 0..bytes.len().saturating_sub(MIN_RUN - 1) {
            if key.windows(MIN_RUN).any(|w| w == &bytes[i..i + MIN_RUN]) {
                covered[i..i + MIN_RUN].iter_mut().for_each(|c| *c = true);
            }
        }
        let mut out = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            let hidden = covered[i];
            while i < bytes.len() && covered[i] == hidden {
                i += 1;
            }
            if hidden {
                out.push_str(HIDDEN);
            } else {
                out.push_str(&String::from_utf8_lossy(&bytes[start..i]));
            }
        }
        out
    }

    #[test]
    fn agrees_with_the_obvious_rule_on_mixed_text() {
        // Texts made of pieces of the key (any length, any place, repeated, touching) and filler,
        // with a deterministic generator so a failure names its seed.
        let fillers = ["", "x", "\"\"", "ABCDEFG", "漢字 ", "12345678", "-- ", "qrcp_live_"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for case in 0..2_000 {
            let mut text = String::new();
            for _ in 0..next(8) {
                if next(2) == 0 {
                    let start = next(BODY.len());
                    let end = start + next(BODY.len() - start + 1);
                    text.push_str(&BODY[start..end]);
                } else {
                    text.push_str(fillers[next(fillers.len())]);
                }
            }
            assert_eq!(scrub_secret(&text, KEY), reference(&text, BODY), "case {case}: {text:?}");
        }
    }

    #[test]
    fn another_key_of_the_same_service_is_left_whole() {
        let created = r#"{"key": "qrcp_live_ZYXWVUTS98765432zyxwvuts"}"#;
        assert_eq!(scrub_secret(created, KEY), created);
    }

    #[test]
    fn ordinary_text_and_short_keys_are_left_alone() {
        let text = "Invalid or expired API key — «qrcp» 漢字";
        assert!(matches!(scrub_secret(text, KEY), std::borrow::Cow::Borrowed(_)));
        assert_eq!(scrub_secret("abc", KEY), "abc");
        assert_eq!(scrub_secret(text, "short"), text);
        // Seven characters of the key are not enough to be removed.
        let seven = format!("x{}y", &KEY[..7]);
        assert_eq!(scrub_secret(&seven, KEY), seven);
    }
}
