//! Loading and saving a rotation: the state machine's JSON in the `rotations` row, written in
//! the same transaction as its audit note (and, at the switch, the account's new key metadata).

use chrono::{DateTime, Utc};
use qrdesk_core::{AccountId, AppError};
use qrdesk_store::{accounts, audit, rotations};

use crate::rotation::{Rotation, Transition};
use crate::service::AccountService;

/// A rotation as read back from the store.
#[derive(Debug, Clone)]
pub(crate) struct Persisted {
    pub rotation: Rotation,
    pub updated_at: DateTime<Utc>,
}

/// Account metadata that changes together with a transition.
#[derive(Debug, Clone, Default)]
pub(crate) enum AccountUpdate {
    #[default]
    Nothing,
    /// Step 3: the new key is active.
    NewKey {
        masked: String,
        expires_at: Option<DateTime<Utc>>,
        client_id: Option<String>,
        lifetime_days: Option<i64>,
    },
}

impl AccountService<'_> {
    pub(crate) fn load_rotation(&self, id: AccountId) -> Result<Option<Persisted>, AppError> {
        let Some(row) = self.store.read(|c| rotations::get(c, id))? else {
            return Ok(None);
        };
        let rotation: Rotation = serde_json::from_str(&row.state).map_err(|_| {
            AppError::storage(format!(
                "The saved key rotation of account #{id} is damaged and cannot be resumed"
            ))
        })?;
        Ok(Some(Persisted { rotation, updated_at: row.updated_at }))
    }

    /// Writes the transition's state (or deletes the row when it is terminal), its audit note
    /// and `update`, all in one transaction.
    pub(crate) fn save_transition(
        &self,
        id: AccountId,
        transition: &Transition,
        update: &AccountUpdate,
        now: DateTime<Utc>,
    ) -> Result<Persisted, AppError> {
        let rotation = &transition.rotation;
        let state = serde_json::to_string(rotation)
            .map_err(|e| AppError::storage(format!("The key rotation could not be saved ({e})")))?;
        self.store.transaction(|tx| -> Result<(), AppError> {
            if rotation.step.is_terminal() {
                rotations::delete(tx, id)?;
            } else {
                rotations::save(
                    tx,
                    id,
                    rotation.step.as_str(),
                    &state,
                    rotation.started_at,
                    rotation.last_error.as_ref(),
                    now,
                )?;
            }
            audit::append(tx, id, transition.audit.event, &transition.audit.detail, now)?;
            if let AccountUpdate::NewKey { masked, expires_at, client_id, lifetime_days } = update {
                accounts::record_new_key(tx, id, masked, *expires_at, now)?;
                accounts::set_client_id(tx, id, client_id.as_deref())?;
                if lifetime_days.is_some() {
                    accounts::set_key_lifetime_days(tx, id, *lifetime_days)?;
                }
            }
            Ok(())
        })?;
        Ok(Persisted { rotation: rotation.clone(), updated_at: now })
    }
}
