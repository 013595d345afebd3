//! The list pass: page by page into the cache, one transaction per page together with its
//! checkpoint, so an interrupted pass resumes at the page after the last one written. Codes the
//! service no longer lists are marked deleted only at the end of a complete pass.

use chrono::Utc;
use qrdesk_core::{AppError, ErrorKind};
use qrdesk_providers::Page;
use qrdesk_providers::RemoteCode;
use qrdesk_store::sync_state::{self, SyncState};
use qrdesk_store::{search_index, sync_rows};

use crate::engine::AccountRun;
use crate::progress::Phase;
use crate::pull_plan::{plan_page, record_of, PullAction};

/// Upper bound on pages in one pass (a service whose `next` never ends must not loop forever).
const MAX_PAGES: i64 = 200_000;

impl AccountRun<'_, '_> {
    pub(crate) async fn pull(&mut self, page_size: u32) -> Result<(), AppError> {
        let engine = self.engine;
        let bulk = engine.store.bulk_cache();
        let result = self.pull_pages(page_size).await;
        // A bulk import deferred the search index: rebuild it whether the pass ended, failed or
        // was cancelled, so search never stays incomplete for the rest of the session.
        let rebuilt = self.store().transaction(|tx| search_index::finish_deferral(tx));
        drop(bulk);
        result?;
        rebuilt?;
        Ok(())
    }

    async fn pull_pages(&mut self, page_size: u32) -> Result<(), AppError> {
        let account = self.account.id;
        let mut state = self.begin_pass()?;
        let run = state.run_id;
        let mut restarted = false;
        self.event.pages_done = u64::try_from(state.page.unwrap_or(0)).unwrap_or(0);
        self.emit(Phase::List);
        loop {
            self.check_cancelled()?;
            let cursor = state.cursor.clone();
            let mut page =
                match self.call(self.provider.list_page(cursor.as_deref(), page_size)).await {
                    Ok(page) => page,
                    // A checkpointed cursor the service no longer accepts: start the pass over.
                    Err(e)
                        if cursor.is_some()
                            && !restarted
                            && matches!(
                                e.kind,
                                ErrorKind::BadInput | ErrorKind::Validation | ErrorKind::NotFound
                            ) =>
                    {
                        restarted = true;
                        state.cursor = None;
                        state.page = Some(0);
                        continue;
                    }
                    Err(e) => return Err(e.into()),
                };
            // A service that sends more than was asked for does not get to fill the cache.
            page.items.truncate(page_size as usize);
            let pages_done = state.page.unwrap_or(0) + 1;
            let finished = match &page.next {
                None => true,
                Some(next) => Some(next) == cursor.as_ref() || pages_done >= MAX_PAGES,
            };
            state.cursor = page.next.clone();
            state.page = Some(pages_done);
            self.write_page(&page, run, &state)?;
            self.event.pages_done = u64::try_from(pages_done).unwrap_or(0);
            self.event.codes += page.items.len() as u64;
            self.emit(Phase::List);
            if finished {
                break;
            }
        }
        self.end_pass(account, run, state)
    }

    /// The state of the pass to run: the interrupted one, or a new one. A pass into an account
    /// with nothing cached yet is a bulk import: the search index is deferred until it ends.
    fn begin_pass(&self) -> Result<SyncState, AppError> {
        let account = self.account.id;
        self.store().transaction(|tx| -> Result<SyncState, AppError> {
            if sync_rows::account_is_empty(tx, account)? {
                search_index::defer(tx)?;
            }
            let mut state = sync_state::get(tx, account)?;
            if !state.in_progress() {
                state.run_id += 1;
                state.cursor = None;
                state.page = Some(0);
                state.run_started_at = Some(Utc::now());
                sync_state::put(tx, account, &state)?;
            }
            Ok(state)
        })
    }

    /// One page and its checkpoint, in one transaction.
    fn write_page(
        &mut self,
        page: &Page<RemoteCode>,
        run: i64,
        state: &SyncState,
    ) -> Result<(), AppError> {
        let account = self.account.id;
        let now = Utc::now();
        let (added, updated) = self.store().transaction(|tx| -> Result<(u64, u64), AppError> {
            let ids: Vec<&str> = page.items.iter().map(|c| c.remote_id.as_str()).collect();
            let locals = sync_rows::locals_by_remote_ids(tx, account, &ids)?;
            let plan = plan_page(&locals, &page.items);
            let (mut added, mut updated) = (0, 0);
            for (remote, action) in page.items.iter().zip(plan) {
                match action {
                    PullAction::Insert => {
                        sync_rows::insert_pulled(tx, account, &record_of(remote), run, now)?;
                        added += 1;
                    }
                    PullAction::Overwrite { id } => {
                        sync_rows::overwrite_pulled(tx, id, &record_of(remote), Some(run), now)?;
                        updated += 1;
                    }
                    PullAction::RefreshPending { id } => sync_rows::refresh_pending(
                        tx,
                        id,
                        remote.scans_total,
                        &remote.content,
                        run,
                    )?,
                    PullAction::Unchanged { id } => sync_rows::mark_seen(tx, id, run)?,
                    PullAction::Duplicate => {}
                }
            }
            sync_state::put(tx, account, state)?;
            Ok((added, updated))
        })?;
        self.counts.codes_added += added;
        self.counts.codes_updated += updated;
        Ok(())
    }

    /// After the last page: remote deletes, and the pass is closed.
    fn end_pass(&mut self, account: i64, run: i64, mut state: SyncState) -> Result<(), AppError> {
        let now = Utc::now();
        let deleted = self.store().transaction(|tx| -> Result<u64, AppError> {
            let deleted = sync_rows::mark_unseen_deleted(tx, account, run, now)?;
            state.cursor = None;
            state.page = None;
            state.run_started_at = None;
            state.last_success_at = Some(now);
            state.last_error_kind = None;
            state.last_error_message = None;
            sync_state::put(tx, account, &state)?;
            Ok(deleted)
        })?;
        self.counts.codes_deleted += deleted;
        Ok(())
    }
}
