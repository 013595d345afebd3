//! The list pass: pages from the service into the cache. Received pages are written in batches
//! (one transaction per batch, together with the checkpoint of its last page), so an interrupted
//! pass resumes at the page after the last one written. A pass that stops early (error, cancel)
//! writes the pages it already received before it returns. Codes the service no longer lists are
//! marked deleted only at the end of a complete pass.
//!
//! Why batches: every transaction rewrites the index pages its rows touch (names and remote ids
//! arrive in no particular order), so one transaction per page of 100 wrote each index page
//! hundreds of times during a first sync; a batch of a few thousand codes writes it a few times.

use std::time::{Duration, Instant};

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

/// A batch is written once it holds this many codes…
const BATCH_CODES: usize = 5_000;
/// …or its first page has waited this long (the window shows new codes at least this often).
const BATCH_WAIT: Duration = Duration::from_millis(250);

/// Pages received and not yet written, with the checkpoint that follows the last one.
#[derive(Default)]
struct Batch {
    pages: Vec<Page<RemoteCode>>,
    codes: usize,
    since: Option<Instant>,
    state: Option<SyncState>,
}

impl Batch {
    fn push(&mut self, page: Page<RemoteCode>, state: &SyncState) {
        self.codes += page.items.len();
        self.since.get_or_insert_with(Instant::now);
        self.pages.push(page);
        self.state = Some(state.clone());
    }

    fn is_due(&self) -> bool {
        self.codes >= BATCH_CODES || self.since.is_some_and(|t| t.elapsed() >= BATCH_WAIT)
    }
}

impl AccountRun<'_, '_> {
    pub(crate) async fn pull(&mut self, page_size: u32) -> Result<(), AppError> {
        let engine = self.engine;
        let bulk = engine.store.bulk_mode();
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
        let (mut state, into_empty) = self.begin_pass()?;
        let run = state.run_id;
        self.event.pages_done = u64::try_from(state.page.unwrap_or(0)).unwrap_or(0);
        self.emit(Phase::List);
        let mut batch = Batch::default();
        let received = self.receive_pages(page_size, &mut state, &mut batch).await;
        // Whatever was received is kept, also when the pass stopped early.
        let written = self.write_batch(&mut batch, run);
        received?;
        written?;
        self.end_pass(account, run, state, into_empty)
    }

    /// Lists pages until the last one, writing each batch when it is due.
    async fn receive_pages(
        &mut self,
        page_size: u32,
        state: &mut SyncState,
        batch: &mut Batch,
    ) -> Result<(), AppError> {
        let run = state.run_id;
        let mut restarted = false;
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
            self.event.pages_done = u64::try_from(pages_done).unwrap_or(0);
            self.event.codes += page.items.len() as u64;
            batch.push(page, state);
            if batch.is_due() {
                self.write_batch(batch, run)?;
            }
            self.emit(Phase::List);
            if finished {
                return Ok(());
            }
        }
    }

    /// The state of the pass to run: the interrupted one, or a new one, and whether the account
    /// has nothing cached yet. Such a pass is a bulk import: the search index is deferred until
    /// it ends, and it cannot leave codes unseen.
    fn begin_pass(&self) -> Result<(SyncState, bool), AppError> {
        let account = self.account.id;
        self.store().transaction(|tx| -> Result<(SyncState, bool), AppError> {
            let empty = sync_rows::account_is_empty(tx, account)?;
            if empty {
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
            Ok((state, empty))
        })
    }

    /// The batch's pages and the checkpoint after its last page, in one transaction. Each page
    /// is planned against the cache as the pages before it left it (a code the service moved
    /// between pages is seen twice, not inserted twice).
    fn write_batch(&mut self, batch: &mut Batch, run: i64) -> Result<(), AppError> {
        let Batch { pages, state, .. } = std::mem::take(batch);
        let Some(state) = state else {
            return Ok(());
        };
        let account = self.account.id;
        let now = Utc::now();
        let (added, updated) = self.store().transaction(|tx| -> Result<(u64, u64), AppError> {
            let (mut added, mut updated) = (0, 0);
            for page in &pages {
                let (a, u) = write_page(tx, account, page, run, now)?;
                added += a;
                updated += u;
            }
            sync_state::put(tx, account, &state)?;
            Ok((added, updated))
        })?;
        self.counts.codes_added += added;
        self.counts.codes_updated += updated;
        Ok(())
    }

    /// After the last page: remote deletes, and the pass is closed. A pass that began on an
    /// empty account wrote every code it holds (codes created here and not yet confirmed have
    /// no remote id), so it skips the look for unseen codes (a walk over every row).
    fn end_pass(
        &mut self,
        account: i64,
        run: i64,
        mut state: SyncState,
        into_empty: bool,
    ) -> Result<(), AppError> {
        let now = Utc::now();
        let deleted = self.store().transaction(|tx| -> Result<u64, AppError> {
            let deleted =
                if into_empty { 0 } else { sync_rows::mark_unseen_deleted(tx, account, run, now)? };
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

/// One page's rows (the caller's transaction holds the checkpoint). Returns (added, updated).
fn write_page(
    tx: &rusqlite::Connection,
    account: i64,
    page: &Page<RemoteCode>,
    run: i64,
    now: chrono::DateTime<Utc>,
) -> Result<(u64, u64), AppError> {
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
            PullAction::RefreshPending { id } => {
                sync_rows::refresh_pending(tx, id, remote.scans_total, &remote.content, run)?
            }
            PullAction::Unchanged { id } => sync_rows::mark_seen(tx, id, run)?,
            PullAction::Duplicate => {}
        }
    }
    Ok((added, updated))
}
