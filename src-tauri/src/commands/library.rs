use qrdesk_app::library::{self, AnalyticsQuery, CodePage, CodeQuery};
use qrdesk_app::outbox_view::{self, OutboxFilter};
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

#[tauri::command]
pub fn code_analytics(
    state: State<'_, DesktopState>,
    query: AnalyticsQuery,
) -> CmdResult<ScanSeries> {
    library::code_analytics(state.ctx()?, &query)
}

#[tauri::command]
pub fn list_outbox(
    state: State<'_, DesktopState>,
    filter: OutboxFilter,
) -> CmdResult<Vec<OutboxEntry>> {
    outbox_view::list_outbox(state.ctx()?, &filter)
}
