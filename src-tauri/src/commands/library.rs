use qrdesk_app::library::{self, AnalyticsQuery, CodePage, CodeQuery};
use qrdesk_app::outbox_view::{self, OutboxFilter};
use qrdesk_app::sync_service::KeychainConnector;
use qrdesk_core::{OutboxEntry, QrCode, ScanSeries};
use qrdesk_sync::SyncEngine;
use tauri::State;

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub fn list_codes(state: State<'_, DesktopState>, query: CodeQuery) -> CmdResult<CodePage> {
    library::list_codes(state.ctx()?, &query)
}

#[tauri::command]
pub fn get_code(state: State<'_, DesktopState>, id: i64) -> CmdResult<QrCode> {
    library::get_code(state.ctx()?, id)
}

/// A code's daily scans. Opening a code refreshes its analytics from the service first (briefly:
/// offline, the cached series is shown at once).
#[tauri::command]
pub async fn code_analytics(
    state: State<'_, DesktopState>,
    query: AnalyticsQuery,
) -> CmdResult<ScanSeries> {
    let ctx = state.ctx()?;
    if let Ok(secrets) = state.secrets() {
        let connector = KeychainConnector::new(ctx.store(), secrets);
        let engine = SyncEngine::new(ctx.store(), &connector);
        let days = ((query.to - query.from).num_days() + 1).clamp(1, 366) as u32;
        let refresh = engine.refresh_code_analytics(query.code, days);
        let _ = tokio::time::timeout(ANALYTICS_REFRESH_LIMIT, refresh).await;
    }
    library::code_analytics(ctx, &query)
}

/// How long opening a code may wait for fresh analytics before showing the cached ones.
const ANALYTICS_REFRESH_LIMIT: std::time::Duration = std::time::Duration::from_secs(6);

#[tauri::command]
pub fn list_outbox(
    state: State<'_, DesktopState>,
    filter: OutboxFilter,
) -> CmdResult<Vec<OutboxEntry>> {
    outbox_view::list_outbox(state.ctx()?, &filter)
}
