use qrdesk_app::ipc::library::{AnalyticsQuery, CodePage, CodeQuery};
use qrdesk_app::ipc::outbox::OutboxFilter;
use qrdesk_app::{library, outbox};
use qrdesk_core::{OutboxEntry, QrCode, ScanSeries};
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

/// A code's daily scans, refreshed from the service first when it answers quickly.
#[tauri::command]
pub async fn code_analytics(
    state: State<'_, DesktopState>,
    query: AnalyticsQuery,
) -> CmdResult<ScanSeries> {
    library::refresh_code_analytics(state.ctx()?, &query).await
}

#[tauri::command]
pub fn list_outbox(
    state: State<'_, DesktopState>,
    filter: OutboxFilter,
) -> CmdResult<Vec<OutboxEntry>> {
    outbox::list_outbox(state.ctx()?, &filter)
}
