//! Secrets that redact themselves.
//!
//! An [`ApiSecret`] wraps `secrecy::SecretString`: it zeroes its memory on drop, prints as
//! `ApiSecret([REDACTED])` in `Debug`, has no `Display` and no `Serialize`, so a secret cannot
//! end up in a log line, an error message, a JSON document or SQLite by accident. The only way
//! out is [`ApiSecret::expose`], used where a request header is built and where the keychain
//! entry is written.

use secrecy::{ExposeSecret, SecretString};

/// An API key, token or secret half of a key pair.
#[derive(Clone)]
pub struct ApiSecret(SecretString);

impl ApiSecret {
    /// Wraps a secret, trimming the whitespace and newlines a paste often brings along.
    pub fn new(value: impl Into<String>) -> Self {
        let mut raw: String = value.into();
        let trimmed = raw.trim();
        if trimmed.len() != raw.len() {
            let t = trimmed.to_string();
            zeroize_string(&mut raw);
            raw = t;
        }
        ApiSecret(SecretString::from(raw))
    }

    /// The secret itself: only for request headers and the keychain.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }

    /// The masked form shown to people: `prefix…last4` (`qrcp_live_…9f2a`).
    pub fn masked(&self) -> String {
        mask_secret(self.expose())
    }
}

impl std::fmt::Debug for ApiSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiSecret([REDACTED])")
    }
}

impl PartialEq for ApiSecret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

fn zeroize_string(s: &mut String) {
    use secrecy::zeroize::Zeroize;
    s.zeroize();
}

/// Masks a secret as `prefix…last4`. The prefix is the known key-format prefix
/// (`qrcp_live_`, `ilqr_`, …) or nothing for opaque keys; short secrets show only `…`.
pub fn mask_secret(secret: &str) -> String {
    let secret = secret.trim();
    let prefix = crate::provider::detect_key_format(secret).map(|f| f.prefix).unwrap_or("");
    let rest = &secret[prefix.len()..];
    let chars: Vec<char> = rest.chars().collect();
    if chars.len() < 12 {
        return format!("{prefix}…");
    }
    let last4: String = chars[chars.len() - 4..].iter().collect();
    format!("{prefix}…{last4}")
}

/// What an account authenticates with. ExaRoutes has two schemes; the others one key each.
#[derive(Clone, Debug, PartialEq)]
pub enum Credential {
    /// `Authorization: Bearer <key>` (ExaRoutes `exr_…`, QRCodePro, the `/api/v1/qr` platform, Exante)
    /// or `X-API-Key` (iloveQR): the adapter knows which header its service wants.
    Key(ApiSecret),
    /// ExaRoutes header pair: `client-id: cust_…` (an identifier) and `api-key: sk_live_…` (the secret).
    Pair { client_id: String, api_key: ApiSecret },
}

impl Credential {
    /// The part that is secret.
    pub fn secret(&self) -> &ApiSecret {
        match self {
            Credential::Key(k) => k,
            Credential::Pair { api_key, .. } => api_key,
        }
    }

    pub fn masked(&self) -> String {
        self.secret().masked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let s = ApiSecret::new("qrcp_live_SUPERSECRET123456");
        let c = Credential::Pair { client_id: "cust_1".into(), api_key: s.clone() };
        assert!(!format!("{s:?}").contains("SUPERSECRET"));
        assert!(!format!("{c:?}").contains("SUPERSECRET"));
    }

    #[test]
    fn trims_pasted_whitespace() {
        assert_eq!(ApiSecret::new("  ilqr_abc\n").expose(), "ilqr_abc");
    }

    #[test]
    fn masks_with_prefix_and_last_four() {
        assert_eq!(mask_secret("qrcp_live_abcdefghijkl9f2a"), "qrcp_live_…9f2a");
        assert_eq!(mask_secret("0123456789abcdefWXYZ"), "…WXYZ");
        assert_eq!(mask_secret("ilqr_short"), "ilqr_…");
    }
}
