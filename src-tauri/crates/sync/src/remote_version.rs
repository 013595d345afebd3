//! The service's side of a conflict, kept in the outbox entry so the UI can show both versions.

use chrono::{DateTime, Utc};
use qrdesk_core::outbox::OutboxId;
use qrdesk_core::{AppError, CodeStatus, OutboxEntry, QrCode};
use qrdesk_providers::RemoteCode;
use qrdesk_store::{codes, outbox, Store};
use serde::{Deserialize, Serialize};

/// The fields an edit can change, as the service had them when the conflict was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteVersion {
    pub remote_id: String,
    pub name: String,
    pub destination: String,
    pub content: String,
    pub status: CodeStatus,
    pub updated_at: Option<DateTime<Utc>>,
}

impl RemoteVersion {
    pub fn of(remote: &RemoteCode) -> Self {
        RemoteVersion {
            remote_id: remote.remote_id.clone(),
            name: remote.name.clone(),
            destination: remote.destination.clone(),
            content: remote.content.clone(),
            status: remote.status,
            updated_at: remote.updated_at,
        }
    }
}

/// An entry with both sides: the local copy (showing the edit) and the service's version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictView {
    pub entry: OutboxEntry,
    pub local: QrCode,
    /// `None` when the entry is not in conflict (or the version could not be read).
    pub remote: Option<RemoteVersion>,
}

/// Both versions of an entry's code, for a side-by-side view.
pub fn conflict_view(store: &Store, entry: OutboxId) -> Result<ConflictView, AppError> {
    store.read(|c| {
        let e = outbox::get(c, entry)?;
        let local = codes::get(c, e.code)?;
        let remote = stored_remote_version(c, entry)?;
        Ok(ConflictView { entry: e, local, remote })
    })
}

pub(crate) fn stored_remote_version(
    c: &rusqlite::Connection,
    entry: OutboxId,
) -> Result<Option<RemoteVersion>, qrdesk_store::StoreError> {
    Ok(outbox::remote_version(c, entry)?.and_then(|text| serde_json::from_str(&text).ok()))
}
