//! Exante: key management only. Verify (the current key is the listed item whose
//! `key_snippet` ends with the same last four characters), list keys, create a key (the full
//! secret is in that answer only), revoke by uid. Errors: 401 missing/invalid/expired/revoked,
//! 403 scope missing, 429 with `Retry-After`.
//!
//! What it sends and reads: docs/providers/exante.md.

use std::sync::Arc;

use async_trait::async_trait;
use reqwest::Url;
use serde_json::{json, Value};

use qrdesk_core::{ApiSecret, AppError, ErrorKind, ProviderKind};

use crate::config::ProviderConfig;
use crate::error::{ProviderError, ProviderResult};
use crate::error_mapping::{standard, ErrorAnswer};
use crate::http_client::{ApiRequest, HttpCore};
use crate::model::{CreatedKey, KeyInfo, Verified};
use crate::provider::Provider;
use crate::stats::RequestStats;
use crate::tolerant;

use super::{required_id, segment};

const SERVICE: ProviderKind = ProviderKind::Exante;
const KEYS: &str = "/api/api-keys";

pub struct Exante {
    core: HttpCore,
}

impl Exante {
    pub fn connect(config: &ProviderConfig, mut base: Url) -> Result<Self, AppError> {
        let key = super::single_key(config)?;
        // The contract writes the base as `…/api`; paths here carry `/api` themselves.
        if base.path().ends_with("/api") {
            let p = base.path().trim_end_matches("/api").to_string();
            base.set_path(&p);
        }
        Ok(Exante { core: super::core(config, base, super::bearer(&key), rules)? })
    }
}

/// Exante's error rules. Exante answers every key it does not accept, mistyped or expired, with
/// one 401 ("Invalid or expired API key"): that is `invalid_credentials` here. Only the account
/// service, which knows the stored key's expiry, may call it `key_expired`.
pub fn rules(a: &ErrorAnswer) -> ProviderError {
    let text = a.message().unwrap_or_default().to_ascii_lowercase();
    match a.status {
        401 if text.contains("revoked") => a.error(ErrorKind::KeyRevoked),
        401 if text.contains("invalid") => a.error(ErrorKind::InvalidCredentials),
        401 if text.contains("expired") => a.error(ErrorKind::KeyExpired),
        401 if text.contains("missing") => a.error(ErrorKind::MissingCredentials),
        401 => a.error(ErrorKind::InvalidCredentials),
        403 => a.error(ErrorKind::Forbidden),
        _ => standard(a),
    }
}

/// Reads one key object (docs/providers/exante.md, 'Keys'). Never reads the full `key` (see
/// [`parse_created`]).
pub fn parse_key(v: &Value) -> ProviderResult<KeyInfo> {
    Ok(KeyInfo {
        uid: required_id(SERVICE, v, &["uid", "id"])?,
        name: tolerant::string_field(v, &["name"]).unwrap_or_default(),
        snippet: tolerant::string_field(v, &["key_snippet", "keySnippet", "snippet"]),
        scopes: tolerant::field(v, &["scopes"])
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(tolerant::string).collect())
            .unwrap_or_default(),
        created_at: tolerant::timestamp_field(v, &["created_at", "createdAt"]),
        expires_at: tolerant::timestamp_field(v, &["expires_at", "expiresAt"]),
        last_used_at: tolerant::timestamp_field(v, &["last_used_at", "lastUsedAt"]),
        revoked_at: tolerant::timestamp_field(v, &["revoked_at", "revokedAt"]),
    })
}

/// The `data` of an envelope `{status, message, data}`, or the value itself.
fn data(v: &Value) -> &Value {
    tolerant::field(v, &["data"]).unwrap_or(v)
}

/// Reads `{status, data: {items: [...]}}` (also `data: [...]`).
pub fn parse_keys(v: &Value) -> ProviderResult<Vec<KeyInfo>> {
    let items = tolerant::items(data(v), &["items", "keys", "api_keys"]).ok_or_else(|| {
        ProviderError::malformed(SERVICE, 200, &v.to_string(), "a key list without \"items\"")
    })?;
    items.iter().map(parse_key).collect()
}

/// Reads the create answer: the key object plus the full `key`, wrapped as a secret at once.
pub fn parse_created(v: &Value) -> ProviderResult<CreatedKey> {
    let d = data(v);
    let key = tolerant::string_field(d, &["key", "api_key", "secret"]).filter(|k| !k.is_empty()).ok_or_else(|| {
        ProviderError::new(
            ErrorKind::MalformedResponse,
            "Exante created a key but its answer does not contain the key itself; revoke the new key in the dashboard",
        )
    })?;
    let key = ApiSecret::new(key);
    let info = parse_key(d).map_err(|_| {
        ProviderError::new(
            ErrorKind::MalformedResponse,
            "Exante's answer to creating a key has no uid",
        )
    })?;
    Ok(CreatedKey { info, key })
}

/// The last four characters of a key (what `key_snippet` shows).
fn last4(secret: &ApiSecret) -> String {
    let chars: Vec<char> = secret.expose().chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

/// How many live listed keys end in `last4` (Exante shows only that much of a key): more than
/// one, and the account's key cannot be told apart from the others.
pub fn look_alike_keys(keys: &[KeyInfo], last4: &str) -> usize {
    let alike = |k: &&KeyInfo| k.snippet.as_deref().is_some_and(|s| s.ends_with(last4));
    keys.iter().filter(|k| !k.is_revoked()).filter(alike).count()
}

/// The listed key that is the current one: same last four characters, not revoked.
pub fn current_key<'a>(keys: &'a [KeyInfo], last4: &str) -> Option<&'a KeyInfo> {
    let matches = |k: &&KeyInfo| {
        k.snippet.as_deref().is_some_and(|s| !last4.is_empty() && s.ends_with(last4))
    };
    keys.iter().filter(matches).find(|k| !k.is_revoked()).or_else(|| keys.iter().find(matches))
}

#[async_trait]
impl Provider for Exante {
    fn kind(&self) -> ProviderKind {
        SERVICE
    }

    fn stats(&self) -> Arc<RequestStats> {
        self.core.stats()
    }

    async fn verify(&self) -> ProviderResult<Verified> {
        let keys = self.list_keys().await?;
        let suffix = last4(self.core.secret());
        let key = current_key(&keys, &suffix).cloned();
        let look_alike_keys = look_alike_keys(&keys, &suffix);
        Ok(Verified {
            environment: Default::default(),
            workspace: None,
            organizations: Vec::new(),
            key,
            codes_total: None,
            look_alike_keys,
        })
    }

    async fn list_keys(&self) -> ProviderResult<Vec<KeyInfo>> {
        parse_keys(&self.core.send(&ApiRequest::get(KEYS)).await?)
    }

    async fn create_key(
        &self,
        name: &str,
        scopes: &[String],
        expires_in_days: Option<u32>,
    ) -> ProviderResult<CreatedKey> {
        if name.trim().is_empty() {
            return Err(ProviderError::new(ErrorKind::BadInput, "The new key needs a name"));
        }
        let mut body = json!({ "name": name });
        if !scopes.is_empty() {
            body["scopes"] = json!(scopes);
        }
        if let Some(days) = expires_in_days {
            if days == 0 {
                return Err(ProviderError::new(
                    ErrorKind::BadInput,
                    "A key must be valid for at least 1 day",
                ));
            }
            body["expires_in_days"] = json!(days);
        }
        // A POST is not repeated after a lost answer: a second key would be made. The caller
        // lists keys to see whether it exists (its name) before trying again.
        let resp = self.core.send(&ApiRequest::post(KEYS, body)).await?;
        parse_created(&resp)
    }

    async fn revoke_key(&self, uid: &str) -> ProviderResult<KeyInfo> {
        let req = ApiRequest::delete(format!("{KEYS}/{}", segment(uid))).item();
        let v = self.core.send(&req).await?;
        match parse_key(data(&v)) {
            Ok(k) => Ok(k),
            // An answer without the object still means "revoked".
            Err(_) => Ok(KeyInfo {
                uid: uid.to_string(),
                name: String::new(),
                snippet: None,
                scopes: Vec::new(),
                created_at: None,
                expires_at: None,
                last_used_at: None,
                revoked_at: Some(chrono::Utc::now()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;

    #[test]
    fn key_list_create_and_current() {
        let keys = parse_keys(&json!({"status": "success", "data": {"items": [
            {"uid": "u1", "name": "old", "key_snippet": "ex_live_...9AbC", "scopes": ["invoices:read"],
             "expires_at": null, "revoked_at": "2026-05-21T11:00:00Z", "created_at": 1779375600000_i64},
            {"uid": "u2", "name": "cur", "key_snippet": "ex_live_...9AbC", "scopes": [], "extra": 1}
        ]}}))
        .unwrap();
        assert_eq!(current_key(&keys, "9AbC").map(|k| k.uid.as_str()), Some("u2"));
        assert!(keys[0].is_revoked() && keys[0].created_at.is_some());
        assert_eq!(current_key(&keys, "zzzz"), None);
        // Security review, finding 7: one live key ends in 9AbC (the other is revoked).
        assert_eq!(look_alike_keys(&keys, "9AbC"), 1);
        let twins = parse_keys(&json!({"data": {"items": [
            {"uid": "u1", "name": "a", "key_snippet": "ex_live_...9AbC", "scopes": []},
            {"uid": "u2", "name": "b", "key_snippet": "ex_live_...9AbC", "scopes": []}
        ]}}))
        .unwrap();
        assert_eq!(look_alike_keys(&twins, "9AbC"), 2, "two live keys cannot be told apart");
        let c = parse_created(&json!({"status": "success", "message": "API key created", "data": {
            "uid": "u3", "name": "new", "key_snippet": "ex_live_...WXYZ", "expires_at": "2026-06-20T10:00:00Z",
            "key": "ex_live_abcdefghijklmWXYZ"}}))
        .unwrap();
        assert_eq!(c.key.expose(), "ex_live_abcdefghijklmWXYZ");
        assert!(!format!("{c:?}").contains("abcdefghijklm"));
        assert!(parse_created(&json!({"data": {"uid": "u"}})).is_err());
    }

    #[test]
    fn auth_errors() {
        let kind = |s, m: &str| {
            rules(&ErrorAnswer::new(
                SERVICE,
                s,
                HeaderMap::new(),
                json!({"status": "error", "status_code": s, "message": m}).to_string(),
            ))
            .kind
        };
        assert_eq!(kind(401, "API key revoked"), ErrorKind::KeyRevoked);
        assert_eq!(kind(401, "API key expired"), ErrorKind::KeyExpired);
        // The one answer Exante gives a mistyped key and an expired one alike.
        assert_eq!(kind(401, "Invalid or expired API key"), ErrorKind::InvalidCredentials);
        assert_eq!(kind(401, "Invalid API key"), ErrorKind::InvalidCredentials);
        assert_eq!(kind(403, "missing scope api_keys:manage"), ErrorKind::Forbidden);
        assert_eq!(kind(404, "not found"), ErrorKind::NotFound);
    }
}
