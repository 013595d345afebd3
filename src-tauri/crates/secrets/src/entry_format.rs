//! What a keychain entry holds: `{"scheme": "key"|"pair", "client_id"?: "...", "secret": "..."}`.
//!
//! Built and parsed only here. Every buffer that held the secret is zeroed when dropped
//! ([`Zeroizing`]); the write buffer is sized up front so it never reallocates and leaves an
//! unzeroed copy behind. Parse errors never quote the entry.

use qrdesk_core::{ApiSecret, AppError, Credential, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

#[derive(Serialize)]
struct EntryOut<'a> {
    scheme: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id: Option<&'a str>,
    secret: &'a str,
}

#[derive(Deserialize)]
struct EntryIn {
    scheme: String,
    #[serde(default)]
    client_id: Option<String>,
    secret: String,
}

/// The bytes stored in the keychain for `credential`.
pub(crate) fn encode(credential: &Credential) -> Result<Zeroizing<Vec<u8>>> {
    let (scheme, client_id) = match credential {
        Credential::Key(_) => ("key", None),
        Credential::Pair { client_id, .. } => ("pair", Some(client_id.as_str())),
    };
    let secret = credential.secret().expose();
    let entry = EntryOut { scheme, client_id, secret };
    // JSON escaping grows a string at most 6x (`\u00XX`), so this never reallocates.
    let capacity = 64 + 6 * (secret.len() + client_id.map_or(0, str::len));
    let mut out = Zeroizing::new(Vec::with_capacity(capacity));
    serde_json::to_writer(&mut *out, &entry).map_err(|_| {
        AppError::new(ErrorKind::BadInput, "The key could not be prepared for the keychain")
    })?;
    Ok(out)
}

/// The credential in a keychain entry's bytes (which are zeroed when the caller drops them).
pub(crate) fn decode(bytes: &[u8]) -> Result<Credential> {
    let mut entry: EntryIn = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
    let secret = ApiSecret::new(std::mem::take(&mut entry.secret));
    if secret.is_empty() {
        return Err(unreadable());
    }
    match (entry.scheme.as_str(), entry.client_id.take()) {
        ("key", None) => Ok(Credential::Key(secret)),
        ("pair", Some(client_id)) if !client_id.trim().is_empty() => {
            Ok(Credential::Pair { client_id, api_key: secret })
        }
        _ => Err(unreadable()),
    }
}

fn unreadable() -> AppError {
    AppError::new(
        ErrorKind::MissingCredentials,
        "The keychain entry for this account is not in the form QR Desk writes (it may have \
         been changed by another program), so the key cannot be used",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_schemes_round_trip() {
        let key = Credential::Key(ApiSecret::new("qrcp_live_abcdefghijkl9f2a"));
        let pair = Credential::Pair {
            client_id: "cust_42".into(),
            api_key: ApiSecret::new("sk_live_with \"quotes\" and \\ and \u{1}"),
        };
        for credential in [key, pair] {
            let bytes = encode(&credential).expect("encode");
            assert_eq!(decode(&bytes).expect("decode"), credential);
        }
    }

    #[test]
    fn writes_the_documented_shape() {
        let pair = Credential::Pair { client_id: "cust_1".into(), api_key: ApiSecret::new("sk_x") };
        let bytes = encode(&pair).expect("encode");
        let json: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"scheme": "pair", "client_id": "cust_1", "secret": "sk_x"})
        );
        let key = encode(&Credential::Key(ApiSecret::new("k_1"))).expect("encode");
        let json: serde_json::Value = serde_json::from_slice(&key).expect("json");
        assert_eq!(json, serde_json::json!({"scheme": "key", "secret": "k_1"}));
    }

    #[test]
    fn foreign_or_damaged_entries_are_refused_without_quoting_them() {
        let cases: [&[u8]; 6] = [
            b"sk_live_PLAINTEXT_FROM_ELSEWHERE",
            br#"{"scheme":"key","secret":""}"#,
            br#"{"scheme":"pair","secret":"sk_live_PLAINTEXT_FROM_ELSEWHERE"}"#,
            br#"{"scheme":"key","client_id":"c","secret":"sk_live_PLAINTEXT_FROM_ELSEWHERE"}"#,
            br#"{"scheme":"oauth","secret":"sk_live_PLAINTEXT_FROM_ELSEWHERE"}"#,
            b"\xff\xfe",
        ];
        for bytes in cases {
            let err = decode(bytes).expect_err("damaged entry");
            assert_eq!(err.kind, ErrorKind::MissingCredentials);
            assert!(!err.message.contains("PLAINTEXT"), "error quotes the entry: {}", err.message);
        }
    }
}
