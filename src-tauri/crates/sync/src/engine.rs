//! [`SyncEngine`]: runs a sync over accounts (push the outbox, pull the list, fetch analytics),
//! each account on its own so one failing never stops the others.

use std::future::Future;
use std::time::Instant;

use chrono::{NaiveDate, Utc};
use futures_util::future::join_all;
use qrdesk_core::{Account, AccountId, AppError, ErrorKind};
use qrdesk_providers::{CancellationToken, Provider, ProviderError, ProviderResult};
use qrdesk_store::{accounts, sync_state, Store};

use crate::connector::Connector;
use crate::options::SyncOptions;
use crate::progress::{Phase, ProgressEvent, ProgressSink};
use crate::report::{AccountReport, SyncCounts, SyncIssue, SyncReport};

/// The sync engine over one store. Cheap to build; holds no connection of its own.
pub struct SyncEngine<'a> {
    pub(crate) store: &'a Store,
    pub(crate) connector: &'a dyn Connector,
    pub(crate) cancel: CancellationToken,
    pub(crate) progress: Option<ProgressSink>,
}

impl<'a> SyncEngine<'a> {
    pub fn new(store: &'a Store, connector: &'a dyn Connector) -> Self {
        SyncEngine { store, connector, cancel: CancellationToken::new(), progress: None }
    }

    /// Cancelling the token stops every account at the next safe point (between two page
    /// transactions, analytics fetches or pushes) and aborts requests in flight.
    pub fn with_cancel(mut self, cancel: CancellationToken) -> Self {
        self.cancel = cancel;
        self
    }

    pub fn with_progress(mut self, sink: ProgressSink) -> Self {
        self.progress = Some(sink);
        self
    }

    pub fn store(&self) -> &Store {
        self.store
    }

    /// Syncs the chosen accounts concurrently (each service is paced by its own adapter).
    /// Failures are reported per account in the report; `Err` only when the local store cannot
    /// be read at all.
    pub async fn sync(&self, options: &SyncOptions) -> Result<SyncReport, AppError> {
        let started = Instant::now();
        let now = Utc::now();
        let all = self.store.read(|c| accounts::list(c, now))?;
        for id in &options.accounts {
            if !all.iter().any(|a| a.id == *id) {
                return Err(AppError::new(
                    ErrorKind::NotFound,
                    format!("There is no account #{id}"),
                ));
            }
        }
        let chosen: Vec<Account> = all
            .into_iter()
            .filter(|a| options.accounts.is_empty() || options.accounts.contains(&a.id))
            .filter(|a| a.provider.has_codes())
            .collect();
        let reports = join_all(chosen.iter().map(|a| self.sync_account(a, options))).await;
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        Ok(SyncReport::from_accounts(reports, elapsed, self.cancel.is_cancelled()))
    }

    async fn sync_account(&self, account: &Account, options: &SyncOptions) -> AccountReport {
        let started = Instant::now();
        let mut report = AccountReport {
            account: account.id,
            label: account.label.clone(),
            provider: account.provider,
            counts: SyncCounts::default(),
            errors: Vec::new(),
        };
        let result = match self.connector.connect(account) {
            Ok(provider) => {
                let mut run = AccountRun::new(self, account.clone(), provider, options.today);
                let result = run.run(options).await;
                report.counts = run.counts;
                result
            }
            Err(e) => Err(e),
        };
        report.counts.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(0);
        if let Err(e) = result {
            if e.kind != ErrorKind::Cancelled {
                report.errors.push(SyncIssue::new(account.id, &e));
            }
            self.remember_failure(account.id, &e);
        }
        report
    }

    /// Puts the error on the account (status for key problems) and on its sync state; best
    /// effort, the report carries it anyway.
    fn remember_failure(&self, account: AccountId, e: &AppError) {
        if e.kind == ErrorKind::Cancelled {
            return;
        }
        let now = Utc::now();
        // Only what the service said goes on the account; a locked keychain or a full disk
        // says nothing about the key.
        let about_the_account = !matches!(
            e.kind,
            ErrorKind::KeychainUnavailable
                | ErrorKind::Storage
                | ErrorKind::Io
                | ErrorKind::BadInput
        );
        let stored = self.store.transaction(|tx| -> Result<(), AppError> {
            if about_the_account {
                accounts::record_verification(tx, account, Err(e), now)?;
            }
            let mut state = sync_state::get(tx, account)?;
            state.last_error_kind = Some(e.kind.as_str().to_string());
            state.last_error_message = Some(e.message.clone());
            sync_state::put(tx, account, &state)?;
            Ok(())
        });
        if let Err(err) = stored {
            tracing::warn!(account, kind = %err.kind, "could not record the sync error");
        }
    }

    /// Connects the account of a code or entry (for single-item operations).
    pub(crate) fn run_for(&self, account: AccountId) -> Result<AccountRun<'_, 'a>, AppError> {
        let acc = self.store.read(|c| accounts::get(c, account, Utc::now()))?;
        let provider = self.connector.connect(&acc)?;
        Ok(AccountRun::new(self, acc, provider, None))
    }
}

/// One account's sync in progress: its adapter, counters and progress snapshot.
pub(crate) struct AccountRun<'e, 'a> {
    pub(crate) engine: &'e SyncEngine<'a>,
    pub(crate) account: Account,
    pub(crate) provider: Box<dyn Provider>,
    pub(crate) counts: SyncCounts,
    pub(crate) event: ProgressEvent,
    pub(crate) today: NaiveDate,
}

impl<'e, 'a> AccountRun<'e, 'a> {
    fn new(
        engine: &'e SyncEngine<'a>,
        account: Account,
        provider: Box<dyn Provider>,
        today: Option<NaiveDate>,
    ) -> Self {
        let event = ProgressEvent {
            account: account.id,
            phase: Phase::Push,
            pages_done: 0,
            codes: 0,
            analytics_done: 0,
            analytics_total: 0,
            pushed: 0,
            requests: 0,
            rate_limit_waits: 0,
        };
        AccountRun {
            engine,
            account,
            provider,
            counts: SyncCounts::default(),
            event,
            today: today.unwrap_or_else(|| Utc::now().date_naive()),
        }
    }

    async fn run(&mut self, options: &SyncOptions) -> Result<(), AppError> {
        let outcome = self.run_phases(options).await;
        self.refresh_request_counts();
        self.emit(Phase::Finished);
        outcome
    }

    async fn run_phases(&mut self, options: &SyncOptions) -> Result<(), AppError> {
        self.push(None).await?;
        self.pull(options.page_size).await?;
        if options.analytics {
            self.fetch_due_analytics(options.analytics_days).await?;
        }
        let (id, now) = (self.account.id, Utc::now());
        self.engine.store.transaction(|tx| -> Result<(), AppError> {
            accounts::record_verification(tx, id, Ok(()), now)?;
            Ok(())
        })
    }

    pub(crate) fn store(&self) -> &Store {
        self.engine.store
    }

    /// Runs a provider call unless the sync is cancelled first (then `cancelled`).
    pub(crate) async fn call<T>(
        &self,
        fut: impl Future<Output = ProviderResult<T>>,
    ) -> ProviderResult<T> {
        if self.engine.cancel.is_cancelled() {
            return Err(ProviderError::cancelled());
        }
        tokio::select! {
            biased;
            _ = self.engine.cancel.cancelled() => Err(ProviderError::cancelled()),
            r = fut => r,
        }
    }

    pub(crate) fn check_cancelled(&self) -> Result<(), AppError> {
        if self.engine.cancel.is_cancelled() {
            Err(AppError::of(ErrorKind::Cancelled))
        } else {
            Ok(())
        }
    }

    pub(crate) fn refresh_request_counts(&mut self) {
        let stats = self.provider.stats().snapshot();
        self.counts.requests = stats.requests_sent;
        self.counts.rate_limit_waits = stats.rate_limit_waits;
        self.counts.retries = stats.retries;
        self.counts.throttled = stats.throttled_responses;
        self.counts.waited_ms = u64::try_from(stats.total_wait.as_millis()).unwrap_or(u64::MAX);
        self.event.requests = stats.requests_sent;
        self.event.rate_limit_waits = stats.rate_limit_waits;
    }

    pub(crate) fn emit(&mut self, phase: Phase) {
        self.refresh_request_counts();
        self.event.phase = phase;
        self.event.pushed = self.counts.outbox_pushed;
        if let Some(sink) = &self.engine.progress {
            sink(&self.event);
        }
    }
}
