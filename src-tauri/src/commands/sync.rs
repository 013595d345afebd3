use qrdesk_app::sync_view::{self, SyncOverview};
use tauri::State;

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub fn sync_status(state: State<'_, DesktopState>) -> CmdResult<SyncOverview> {
    sync_view::sync_status(state.ctx()?, &[])
}
