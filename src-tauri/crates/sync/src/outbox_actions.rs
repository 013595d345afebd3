//! What a person does with an outbox entry: retry it, settle a conflict, or discard it.

use chrono::Utc;
use qrdesk_core::outbox::OutboxId;
use qrdesk_core::{AppError, ErrorKind, OutboxEntry, OutboxState};
use qrdesk_store::codes::CodeRecord;
use qrdesk_store::{codes, outbox, sync_rows};
use serde::{Deserialize, Serialize};

use crate::engine::SyncEngine;
use crate::pull_plan::record_of;
use crate::remote_version::{stored_remote_version, RemoteVersion};

/// Which side of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    /// Send the local edit over the service's change.
    Local,
    /// Drop the local edit; the cache takes the service's version.
    Remote,
}

/// What happened to an entry the person acted on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryOutcome {
    /// The entry after the action (`None` when it was removed: discarded or settled remotely).
    pub entry: Option<OutboxEntry>,
    /// The cache was refreshed from the service (otherwise the next sync refreshes it).
    pub refreshed: bool,
}

impl SyncEngine<'_> {
    /// Puts an entry back in line and pushes its code's entries now. A transient failure leaves
    /// it pending (the next sync retries); the entry as it stands is returned.
    pub async fn retry(&self, id: OutboxId) -> Result<EntryOutcome, AppError> {
        let entry = self.store.read(|c| outbox::get(c, id))?;
        if entry.state == OutboxState::Done {
            return Err(AppError::bad_input(format!(
                "Outbox entry #{id} was already confirmed by the service"
            )));
        }
        let now = Utc::now();
        self.store.transaction(|tx| outbox::requeue(tx, id, now))?;
        self.push_code_now(&entry).await?;
        let entry = self.store.read(|c| outbox::get(c, id))?;
        Ok(EntryOutcome { entry: Some(entry), refreshed: false })
    }

    /// Settles a conflict. `Local`: the edit is rebased on the service's version and sent now.
    /// `Remote`: the edit is dropped and the cache takes the service's version.
    pub async fn resolve(&self, id: OutboxId, keep: Keep) -> Result<EntryOutcome, AppError> {
        let (entry, remote) =
            self.store.read(|c| Ok((outbox::get(c, id)?, stored_remote_version(c, id)?)))?;
        if entry.state != OutboxState::Conflict {
            return Err(AppError::bad_input(format!(
                "Outbox entry #{id} is not in conflict (it is {}); use retry or discard",
                entry.state.as_str()
            )));
        }
        match keep {
            Keep::Remote => self.drop_entry(entry, remote).await,
            Keep::Local => {
                let base = remote.as_ref().and_then(|r| r.updated_at);
                let now = Utc::now();
                self.store.transaction(|tx| -> Result<(), AppError> {
                    outbox::rebase(tx, entry.code, entry.id, base)?;
                    outbox::requeue(tx, entry.id, now)?;
                    Ok(())
                })?;
                self.push_code_now(&entry).await?;
                let entry = self.store.read(|c| outbox::get(c, id))?;
                Ok(EntryOutcome { entry: Some(entry), refreshed: false })
            }
        }
    }

    /// Drops an entry without sending it. An unsent create is forgotten with its code; other
    /// codes are re-read from the service when it can be reached (else the next sync does it).
    pub async fn discard(&self, id: OutboxId) -> Result<EntryOutcome, AppError> {
        let (entry, remote) =
            self.store.read(|c| Ok((outbox::get(c, id)?, stored_remote_version(c, id)?)))?;
        if entry.state == OutboxState::Done {
            return Err(AppError::bad_input(format!(
                "Outbox entry #{id} was already confirmed by the service; there is nothing to discard"
            )));
        }
        self.drop_entry(entry, remote).await
    }

    async fn drop_entry(
        &self,
        entry: OutboxEntry,
        stored: Option<RemoteVersion>,
    ) -> Result<EntryOutcome, AppError> {
        let Some(remote_id) = entry.remote_id.clone() else {
            // Never reached the service: forget the code and every edit queued on it.
            self.store.transaction(|tx| sync_rows::forget_unsent(tx, entry.code))?;
            return Ok(EntryOutcome { entry: None, refreshed: false });
        };
        let now = Utc::now();
        self.store.transaction(|tx| outbox::remove(tx, entry.id))?;
        let others_wait = self.store.read(|c| outbox::waiting_for_code(c, entry.code))?;
        if !others_wait.is_empty() {
            return Ok(EntryOutcome { entry: None, refreshed: false });
        }
        // Re-read the service's version; offline, fall back to the one stored at the conflict.
        let fresh = match self.run_for(entry.account) {
            Ok(run) => match run.call(run.provider.get(&remote_id)).await {
                Ok(remote) => Some(Ok(record_of(&remote))),
                Err(e) if e.kind == ErrorKind::NotFound => Some(Err(())),
                Err(_) => None,
            },
            Err(_) => None,
        };
        let refreshed = fresh.is_some();
        self.store.transaction(|tx| -> Result<(), AppError> {
            match fresh {
                Some(Ok(record)) => {
                    sync_rows::overwrite_pulled(tx, entry.code, &record, None, now)?
                }
                Some(Err(())) => sync_rows::mark_deleted(tx, entry.code, now)?,
                None => {
                    if let Some(r) = &stored {
                        let current = codes::get(tx, entry.code)?;
                        let record = CodeRecord {
                            remote_id: Some(r.remote_id.clone()),
                            name: r.name.clone(),
                            kind: current.kind,
                            destination: r.destination.clone(),
                            content: r.content.clone(),
                            status: r.status,
                            scans_total: current.scans_total,
                            remote_created_at: None,
                            remote_updated_at: r.updated_at,
                            raw_json: None,
                        };
                        sync_rows::overwrite_pulled(tx, entry.code, &record, None, now)?;
                    } else if entry.op == qrdesk_core::OutboxOp::Delete {
                        // Show it again until the next sync says otherwise.
                        restore_undeleted(tx, entry.code)?;
                    }
                }
            }
            Ok(())
        })?;
        Ok(EntryOutcome { entry: None, refreshed })
    }

    /// Pushes the entries of one code now (retry, resolve). Failures stay on the entries.
    async fn push_code_now(&self, entry: &OutboxEntry) -> Result<(), AppError> {
        let mut run = match self.run_for(entry.account) {
            Ok(run) => run,
            // Offline or no key: the entry stays pending and the next sync sends it.
            Err(e) if e.kind.is_transient() || e.kind.is_key_problem() => return Ok(()),
            Err(e) => return Err(e),
        };
        match run.push(Some(entry.code)).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind == ErrorKind::Cancelled => Err(e),
            // Recorded on the entry already.
            Err(_) => Ok(()),
        }
    }
}

fn restore_undeleted(tx: &rusqlite::Connection, code: i64) -> Result<(), qrdesk_store::StoreError> {
    let current = codes::get(tx, code)?;
    let record = CodeRecord {
        remote_id: current.remote_id,
        name: current.name,
        kind: current.kind,
        destination: current.destination,
        content: current.content,
        status: current.status,
        scans_total: current.scans_total,
        remote_created_at: None,
        remote_updated_at: current.remote_updated_at,
        raw_json: None,
    };
    sync_rows::overwrite_pulled(tx, code, &record, None, Utc::now())
}
