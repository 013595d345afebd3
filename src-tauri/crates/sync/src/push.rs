//! Pushing the outbox: entries in order per code, each checked against the service's current
//! version before it is sent, and only marked done once the service confirmed it.

use std::collections::HashSet;

use chrono::Utc;
use qrdesk_core::outbox::OutboxId;
use qrdesk_core::{AppError, CodeId, ErrorKind, OutboxEntry, OutboxOp, OutboxState};
use qrdesk_providers::create_recovery::find_created;
use qrdesk_providers::{NewCode, ProviderError, RemoteCode};
use qrdesk_store::{codes, outbox, sync_rows};

use crate::engine::AccountRun;
use crate::progress::Phase;
use crate::pull_plan::record_of;
use crate::push_plan::{already_applied, is_conflict, plan_push, verdict, PushStep, Verdict};
use crate::remote_version::RemoteVersion;

/// How one attempt ended.
enum Attempt {
    Confirmed,
    /// Not sent: an earlier create of the code has no remote id yet.
    Waiting,
    Conflict,
    NeedsConfirmation,
    Failed,
    RetryLater(AppError),
    Stop(AppError),
}

impl AccountRun<'_, '_> {
    /// Pushes the account's waiting entries (only `code`'s when given). Transient failures leave
    /// the rest for the next sync; a key problem stops the account with that error.
    pub(crate) async fn push(&mut self, code: Option<CodeId>) -> Result<(), AppError> {
        let account = self.account.id;
        let entries = self.store().read(|c| match code {
            Some(code) => outbox::waiting_for_code(c, code),
            None => outbox::list(c, Some(account), false),
        })?;
        if entries.is_empty() {
            return Ok(());
        }
        self.emit(Phase::Push);
        let steps = plan_push(&entries);
        let mut blocked: HashSet<CodeId> = HashSet::new();
        for (entry, step) in entries.iter().zip(steps) {
            if step != PushStep::Send || blocked.contains(&entry.code) {
                continue;
            }
            self.check_cancelled()?;
            match self.push_entry(entry.id).await? {
                Attempt::Confirmed => self.counts.outbox_pushed += 1,
                Attempt::Waiting | Attempt::Failed => {
                    blocked.insert(entry.code);
                }
                Attempt::Conflict => {
                    self.counts.conflicts += 1;
                    blocked.insert(entry.code);
                }
                Attempt::NeedsConfirmation => {
                    self.counts.needs_confirmation += 1;
                    blocked.insert(entry.code);
                }
                Attempt::RetryLater(e) => {
                    tracing::debug!(account, kind = %e.kind, "push paused until the next sync");
                    return Ok(());
                }
                Attempt::Stop(e) => return Err(e),
            }
            self.emit(Phase::Push);
        }
        Ok(())
    }

    /// One entry, read fresh (an earlier create in this run may have given its code a remote id).
    async fn push_entry(&mut self, id: OutboxId) -> Result<Attempt, AppError> {
        let entry = self.store().read(|c| outbox::get(c, id))?;
        if !matches!(entry.state, OutboxState::Pending | OutboxState::NeedsConfirmation) {
            return Ok(Attempt::Waiting);
        }
        let now = Utc::now();
        self.store().transaction(|tx| outbox::begin_attempt(tx, id, now))?;
        let sent = match (entry.op, entry.remote_id.clone()) {
            (OutboxOp::Create, Some(_)) => {
                // Confirmed earlier but not marked (cannot happen: one transaction); settle it.
                self.settle(&entry, Attempt::Confirmed)
            }
            (OutboxOp::Create, None) => self.send_create(&entry).await,
            (_, None) => return Ok(Attempt::Waiting),
            (OutboxOp::Update, Some(remote_id)) => self.send_update(&entry, &remote_id).await,
            (OutboxOp::Delete, Some(remote_id)) => self.send_delete(&entry, &remote_id).await,
        };
        match sent {
            Ok(attempt) => Ok(attempt),
            Err(e) => self.record_failure(&entry, e),
        }
    }

    async fn send_create(&mut self, entry: &OutboxEntry) -> Result<Attempt, ProviderError> {
        let local = self.store().read(|c| codes::get(c, entry.code)).map_err(store_failure)?;
        let new = NewCode {
            name: entry.changes.name.clone().unwrap_or(local.name),
            destination: entry.changes.destination.clone().unwrap_or(local.destination),
            client_ref: entry.client_ref.clone(),
        };
        // An earlier send may have reached the service before QR Desk stopped: look first.
        if entry.attempts > 0 {
            if let Some(found) = self.call(find_created(self.provider.as_ref(), &new)).await? {
                return self.confirm(entry, Some(&found)).map_err(store_failure);
            }
        }
        let created = self.call(self.provider.create(&new)).await?;
        self.confirm(entry, Some(&created)).map_err(store_failure)
    }

    async fn send_update(
        &mut self,
        entry: &OutboxEntry,
        remote_id: &str,
    ) -> Result<Attempt, ProviderError> {
        let current = self.call(self.provider.get(remote_id)).await?;
        if already_applied(&entry.changes, &current) {
            return self.confirm(entry, Some(&current)).map_err(store_failure);
        }
        if is_conflict(entry.base_updated_at, current.updated_at) {
            return self.mark_conflict(entry, &current).map_err(store_failure);
        }
        let updated = self.call(self.provider.update(remote_id, &entry.changes)).await?;
        self.confirm(entry, Some(&updated)).map_err(store_failure)
    }

    async fn send_delete(
        &mut self,
        entry: &OutboxEntry,
        remote_id: &str,
    ) -> Result<Attempt, ProviderError> {
        let current = match self.call(self.provider.get(remote_id)).await {
            Ok(current) => current,
            Err(e) if e.kind == ErrorKind::NotFound => {
                return self.confirm(entry, None).map_err(store_failure)
            }
            Err(e) => return Err(e),
        };
        if is_conflict(entry.base_updated_at, current.updated_at) {
            return self.mark_conflict(entry, &current).map_err(store_failure);
        }
        match self.call(self.provider.delete(remote_id)).await {
            Ok(()) => {}
            Err(e) if e.kind == ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        self.confirm(entry, None).map_err(store_failure)
    }

    /// The service confirmed: the cache takes its version (unless later edits of the code still
    /// wait, which keep showing), later entries are rebased on it, the entry is done.
    fn confirm(
        &mut self,
        entry: &OutboxEntry,
        remote: Option<&RemoteCode>,
    ) -> Result<Attempt, AppError> {
        let (account, now) = (self.account.id, Utc::now());
        self.store().transaction(|tx| -> Result<(), AppError> {
            let later = outbox::waiting_for_code(tx, entry.code)?.iter().any(|e| e.id > entry.id);
            match (entry.op, remote) {
                (OutboxOp::Delete, _) => sync_rows::mark_deleted(tx, entry.code, now)?,
                (_, Some(remote)) => {
                    sync_rows::confirm_remote(
                        tx,
                        entry.code,
                        account,
                        &record_of(remote),
                        later,
                        now,
                    )?;
                    outbox::rebase(tx, entry.code, entry.id + 1, remote.updated_at)?;
                }
                (_, None) => {}
            }
            outbox::set_state(tx, entry.id, OutboxState::Done, None, now)?;
            outbox::set_remote_version(tx, entry.id, None)?;
            Ok(())
        })?;
        Ok(Attempt::Confirmed)
    }

    fn settle(&mut self, entry: &OutboxEntry, attempt: Attempt) -> Result<Attempt, ProviderError> {
        let now = Utc::now();
        self.store()
            .transaction(|tx| outbox::set_state(tx, entry.id, OutboxState::Done, None, now))
            .map_err(|e| store_failure(e.into()))?;
        Ok(attempt)
    }

    /// Both versions are kept: the local copy keeps the edit, the service's goes in the entry.
    fn mark_conflict(
        &mut self,
        entry: &OutboxEntry,
        current: &RemoteCode,
    ) -> Result<Attempt, AppError> {
        let shown =
            if current.name.is_empty() { current.remote_id.as_str() } else { &current.name };
        let message = AppError::new(
            ErrorKind::Conflict,
            format!(
                "\"{shown}\" was changed on {} after you edited it here",
                self.account.provider.display_name()
            ),
        )
        .message;
        let version = serde_json::to_string(&RemoteVersion::of(current)).ok();
        let now = Utc::now();
        self.store().transaction(|tx| -> Result<(), AppError> {
            outbox::set_state(
                tx,
                entry.id,
                OutboxState::Conflict,
                Some((ErrorKind::Conflict, &message)),
                now,
            )?;
            outbox::set_remote_version(tx, entry.id, version.as_deref())?;
            Ok(())
        })?;
        Ok(Attempt::Conflict)
    }

    /// Records a failed attempt on the entry according to its verdict.
    fn record_failure(
        &mut self,
        entry: &OutboxEntry,
        e: ProviderError,
    ) -> Result<Attempt, AppError> {
        let v = verdict(entry.op, e.kind);
        let app: AppError = e.into();
        let (state, attempt) = match v {
            Verdict::Done => return self.confirm(entry, None),
            Verdict::Cancelled => return Err(app),
            Verdict::Conflict => (OutboxState::Conflict, Attempt::Conflict),
            Verdict::NeedsConfirmation => {
                (OutboxState::NeedsConfirmation, Attempt::NeedsConfirmation)
            }
            Verdict::Failed => (OutboxState::Failed, Attempt::Failed),
            Verdict::RetryLater => (OutboxState::Pending, Attempt::RetryLater(app.clone())),
            Verdict::StopAccount => (OutboxState::Pending, Attempt::Stop(app.clone())),
        };
        let now = Utc::now();
        self.store().transaction(|tx| -> Result<(), AppError> {
            outbox::set_state(tx, entry.id, state, Some((app.kind, &app.message)), now)?;
            Ok(())
        })?;
        Ok(attempt)
    }
}

/// A local store failure met while handling a service's answer: reported like the service's
/// own errors so the entry stays pending and the account reports it.
fn store_failure(e: AppError) -> ProviderError {
    ProviderError::new(e.kind, e.message).with_advice()
}
