//! Analytics: fetched only for codes whose scans may have changed (see
//! [`crate::pull_plan::analytics_due`]), each stored in its own small transaction so a cancelled
//! or failed pass keeps what it fetched and the next sync fetches only the rest.

use chrono::Utc;
use qrdesk_core::{AppError, CodeId, ErrorKind, ScanSeries};
use qrdesk_store::analytics;
use qrdesk_store::sync_rows::{self, LocalCode};

use crate::engine::{AccountRun, SyncEngine};
use crate::progress::Phase;
use crate::pull_plan::{analytics_due, window_start};

impl AccountRun<'_, '_> {
    pub(crate) async fn fetch_due_analytics(&mut self, days: u32) -> Result<(), AppError> {
        if !self.provider.capabilities().analytics {
            return Ok(());
        }
        let account = self.account.id;
        let totals = self.provider.capabilities().scan_totals_in_list;
        let today = self.today;
        let due: Vec<LocalCode> = self
            .store()
            .read(|c| sync_rows::live_codes(c, account))?
            .into_iter()
            .filter(|c| analytics_due(c, today, totals))
            .collect();
        self.event.analytics_total = due.len() as u64;
        self.emit(Phase::Analytics);
        for code in &due {
            self.check_cancelled()?;
            self.fetch_analytics(code, days).await?;
            self.event.analytics_done += 1;
            self.emit(Phase::Analytics);
        }
        Ok(())
    }

    /// Fetches and stores one code's series for the window of `days` days ending today. A code
    /// the service no longer has is skipped (the next list pass marks it deleted).
    pub(crate) async fn fetch_analytics(
        &mut self,
        code: &LocalCode,
        days: u32,
    ) -> Result<Option<ScanSeries>, AppError> {
        let Some(remote_id) = code.remote_id.as_deref() else {
            return Ok(None);
        };
        let (from, to) = (window_start(self.today, days), self.today);
        let series = match self.call(self.provider.analytics(remote_id, from, to)).await {
            Ok(series) => series,
            Err(e) if e.kind == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        // The list's total, for change detection; `None` where the list gives none (the stored
        // total is then the window's sum, set with the series).
        let list_total = self.provider.capabilities().scan_totals_in_list;
        let (id, total, now) = (code.id, code.scans_total.filter(|_| list_total), Utc::now());
        self.store().transaction(|tx| -> Result<(), AppError> {
            analytics::store_series(tx, id, from, to, &series, total, now)?;
            Ok(())
        })?;
        self.counts.analytics_fetched += 1;
        Ok(Some(series))
    }
}

impl SyncEngine<'_> {
    /// Refreshes one code's analytics now (the user opened it), whatever the once-a-day rule
    /// says, and returns the cached series for the window.
    pub async fn refresh_code_analytics(
        &self,
        code: CodeId,
        days: u32,
    ) -> Result<ScanSeries, AppError> {
        let local = self.store.read(|c| sync_rows::local(c, code))?;
        let account = self.store.read(|c| qrdesk_store::codes::get(c, code))?.account;
        let mut run = self.run_for(account)?;
        if run.provider.capabilities().analytics {
            run.fetch_analytics(&local, days).await?;
        }
        let (from, to) = (window_start(run.today, days), run.today);
        self.store.read(|c| analytics::load_series(c, code, from, to))
    }
}
