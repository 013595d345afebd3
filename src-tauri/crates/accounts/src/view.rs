//! What the account service answers, in the form people see: a rotation's step and masked keys
//! ([`RotationState`]), the workspaces a key reaches ([`WorkspaceOption`]), and how a typed
//! expiry date is read ([`parse_expiry`]). `qrdesk-app` hands these to the window (its `ipc`
//! module re-exports them) and the CLI prints them; the requests that carry a secret are
//! defined in `qrdesk-app`'s `ipc` module, which wraps the secret before calling in here.

use chrono::{DateTime, NaiveDate, Utc};
use qrdesk_core::{AccountId, AppError};
use qrdesk_providers::Organization;
use serde::{Deserialize, Serialize};

use crate::rotation::{Rotation, RotationMode, Step};

/// One workspace or organization a key can reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct WorkspaceOption {
    pub id: String,
    pub name: String,
}

impl From<Organization> for WorkspaceOption {
    fn from(o: Organization) -> Self {
        WorkspaceOption { id: o.id, name: o.name }
    }
}

/// The step a rotation is on (what happens next), as the UI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum RotationStep {
    EnterKey,
    Verify,
    Switch,
    RevokeOld,
    ConfirmRevoked,
    Done,
}

impl RotationStep {
    pub fn of(step: Step) -> RotationStep {
        match step {
            Step::AwaitingNewKey | Step::RejectingNewKey | Step::Abandoning => {
                RotationStep::EnterKey
            }
            Step::NewKeyStaged => RotationStep::Verify,
            Step::NewKeyVerified => RotationStep::Switch,
            Step::Switched => RotationStep::RevokeOld,
            Step::OldKeyRevoked | Step::OldKeyDead => RotationStep::ConfirmRevoked,
            Step::Completed | Step::Abandoned => RotationStep::Done,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RotationStep::EnterKey => "enter_key",
            RotationStep::Verify => "verify",
            RotationStep::Switch => "switch",
            RotationStep::RevokeOld => "revoke_old",
            RotationStep::ConfirmRevoked => "confirm_revoked",
            RotationStep::Done => "done",
        }
    }
}

/// A rotation as the UI shows it. Masked key forms only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RotationState {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    pub step: RotationStep,
    pub old_masked_key: String,
    pub new_masked_key: Option<String>,
    /// QR Desk creates and revokes keys through the service's API (Exante).
    pub automatic: bool,
    /// Where in the service's dashboard the user revokes the old key.
    pub dashboard_hint: String,
    pub last_error: Option<AppError>,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl RotationState {
    pub fn new(account: AccountId, rotation: &Rotation, updated_at: DateTime<Utc>) -> Self {
        RotationState {
            account,
            step: RotationStep::of(rotation.step),
            old_masked_key: rotation.old_masked.clone(),
            new_masked_key: rotation.new_masked.clone(),
            automatic: rotation.mode == RotationMode::Automatic,
            dashboard_hint: rotation.provider.key_dashboard_hint().to_string(),
            last_error: rotation.last_error.clone(),
            started_at: rotation.started_at,
            updated_at,
        }
    }
}

/// Reads an expiry typed by a person: `2027-01-31` (midnight UTC) or an RFC 3339 time.
pub fn parse_expiry(text: &str) -> Result<DateTime<Utc>, AppError> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if let Some(t) = date.and_hms_opt(0, 0, 0) {
            return Ok(t.and_utc());
        }
    }
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|_| {
        AppError::bad_input(format!(
            "\"{text}\" is not a date QR Desk understands: write it as YYYY-MM-DD (2027-01-31)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_dates_parse_or_say_how_to_write_them() {
        assert!(parse_expiry("2027-01-31T12:00:00Z").is_ok());
        let err = parse_expiry("31/01/2027").expect_err("not ISO");
        assert!(err.message.contains("YYYY-MM-DD"), "{}", err.message);
    }

    #[test]
    fn steps_have_the_ui_names() {
        let json = serde_json::to_string(&RotationStep::of(Step::Switched)).expect("json");
        assert_eq!(json, "\"revoke_old\"");
        for step in Step::ALL {
            let name = RotationStep::of(step);
            assert_eq!(serde_json::to_value(name).expect("json"), name.as_str());
        }
    }
}
