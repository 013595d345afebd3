//! What adapters return, the same for every service.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use qrdesk_core::{ApiSecret, CodeStatus, Environment};

/// A QR code as the service describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RemoteCode {
    pub remote_id: String,
    pub name: String,
    /// The service's code type as sent (`url`, `URL`, `dynamic`…); empty when not sent.
    pub kind: String,
    /// Where a scan ends up (the editable target).
    pub destination: String,
    /// What the printed pattern encodes: the redirect / short URL, never the destination.
    pub content: String,
    pub status: CodeStatus,
    pub scans_total: Option<i64>,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    /// The whole object as received, for fields QR Desk does not model.
    pub raw: Value,
}

/// One page of a list, uniform over cursor and page/limit pagination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass back to `list_page` for the next page; `None` on the last page.
    pub next: Option<String>,
    /// Total number of items, when the service sends it.
    pub total: Option<u64>,
}

/// A code to create. `client_ref` is the outbox entry's id: sent as `Idempotency-Key` and used
/// to recognise a create that reached the service although its answer was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCode {
    pub name: String,
    pub destination: String,
    pub client_ref: String,
}

/// An organization (iloveQR) or workspace a key can see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub slug: Option<String>,
    pub role: Option<String>,
}

/// An API key as a key-management API lists it (Exante). Never holds the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    pub uid: String,
    pub name: String,
    /// `ex_live_...9AbC`: the service's own masked form.
    pub snippet: Option<String>,
    pub scopes: Vec<String>,
    pub created_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl KeyInfo {
    pub fn is_revoked(&self) -> bool {
        self.revoked_at.is_some()
    }

    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_some_and(|e| e <= now)
    }
}

/// A key just created: the only moment the full secret is available.
#[derive(Debug, Clone)]
pub struct CreatedKey {
    pub info: KeyInfo,
    pub key: ApiSecret,
}

/// What `verify` learned about the key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verified {
    pub environment: Environment,
    /// The workspace / organization the adapter works in (configured or discovered).
    pub workspace: Option<String>,
    /// Organizations the key can see (iloveQR).
    pub organizations: Vec<Organization>,
    /// The key itself as the service lists it (Exante: name, scopes, created/expires).
    pub key: Option<KeyInfo>,
    /// How many codes the service reports, when the check revealed it.
    pub codes_total: Option<u64>,
    /// Live keys the service lists that look like this one (Exante shows only the last four
    /// characters): more than 1 means QR Desk cannot tell which listed key is this account's.
    pub look_alike_keys: usize,
}
