use qrdesk_app::accounts_view;
use qrdesk_core::audit::AuditEvent;
use qrdesk_core::Account;
use tauri::State;

use super::CmdResult;
use crate::state::DesktopState;

#[tauri::command]
pub fn list_accounts(state: State<'_, DesktopState>) -> CmdResult<Vec<Account>> {
    accounts_view::list_accounts(state.ctx()?)
}

#[tauri::command]
pub fn audit_log(state: State<'_, DesktopState>, account: Option<i64>) -> CmdResult<Vec<AuditEvent>> {
    accounts_view::audit_log(state.ctx()?, account)
}
