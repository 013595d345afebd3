//! Removing a key from text that came back from a service, before anything else reads it.
//!
//! Every response body passes through [`scrub_secret`] as it arrives (`http_client.rs`), before
//! it is parsed, quoted in an error or cut to length; every error message passes through it
//! again on its way out. It removes the whole key and any run of 8 or more characters of its
//! secret part, so a service that echoes the key (or part of it) can never make it reach a
//! message, the database, a log or the window. The service's public prefix (`ex_live_`,
//! `qrcp_live_`, shown in every masked key) is not secret and is left alone: other keys of the
//! same service, such as one a key API just created, carry it too.

use std::collections::HashSet;

/// The shortest run of the key that is removed (shorter runs are common in ordinary text).
pub const MIN_RUN: usize = 8;

/// What replaces a removed run.
pub const HIDDEN: &str = "[key hidden]";

/// `text` with every run of at least [`MIN_RUN`] characters of `secret`'s secret part (after its
/// public prefix) replaced by [`HIDDEN`].
/// Returns the text unchanged (borrowed) when it holds none.
pub fn scrub_secret<'t>(text: &'t str, secret: &str) -> std::borrow::Cow<'t, str> {
    let secret = secret.trim();
    let public = qrdesk_core::provider::detect_key_format(secret).map_or(0, |f| f.prefix.len());
    let key = secret.as_bytes().get(public..).unwrap_or_default();
    let bytes = text.as_bytes();
    if key.len() < MIN_RUN || bytes.len() < MIN_RUN {
        return std::borrow::Cow::Borrowed(text);
    }
    let windows: HashSet<&[u8]> = key.windows(MIN_RUN).collect();
    // Every byte covered by an 8-byte window that occurs in the key: a run of the key of any
    // length >= 8 is the union of its windows, so it is covered whole.
    let mut covered = vec![false; bytes.len()];
    let mut any = false;
    for (i, w) in bytes.windows(MIN_RUN).enumerate() {
        if windows.contains(w) {
            covered[i..i + MIN_RUN].iter_mut().for_each(|c| *c = true);
            any = true;
        }
    }
    if !any {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if covered[i] {
            while i < bytes.len() && covered[i] {
                i += 1;
            }
            out.push_str(HIDDEN);
        } else {
            // Copy up to the next covered byte; keys are ASCII, so a covered range never starts
            // or ends inside a multi-byte character and the slice boundaries are valid.
            let start = i;
            while i < bytes.len() && !covered[i] {
                i += 1;
            }
            out.push_str(&String::from_utf8_lossy(&bytes[start..i]));
        }
    }
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
