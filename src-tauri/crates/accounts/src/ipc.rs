//! The request and answer types the desktop UI exchanges with the account service
//! (`ui/src/platform/types.ts`). Requests carry the secret as a plain string only until
//! [`AddAccountInput::into_request`] / [`RotationKeyRequest::secret`] wrap it; their `Debug`
//! shows no secret and they cannot be serialised back.

use chrono::{DateTime, NaiveDate, Utc};
use qrdesk_core::{AccountId, ApiSecret, AppError, ProviderKind};
use qrdesk_providers::Organization;
use serde::{Deserialize, Serialize};

use crate::add::AddAccountRequest;
use crate::rotation::{Rotation, RotationMode, Step};

/// `add_account` payload (`AddAccountRequest` in TypeScript).
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "AddAccountRequest"))]
pub struct AddAccountInput {
    pub provider: ProviderKind,
    pub label: String,
    /// The API key (or the `sk_live_…` half of an ExaRoutes pair).
    pub secret: String,
    pub client_id: Option<String>,
    pub workspace: Option<String>,
    pub base_url: Option<String>,
    /// `2027-01-31` (or an RFC 3339 time).
    pub expires_at: Option<String>,
    pub verify: bool,
}

impl AddAccountInput {
    /// Wraps the secret at once and parses the date.
    pub fn into_request(self) -> Result<AddAccountRequest, AppError> {
        let expires_at = self.expires_at.as_deref().map(parse_expiry).transpose()?;
        Ok(AddAccountRequest {
            provider: Some(self.provider),
            label: self.label,
            secret: ApiSecret::new(self.secret),
            client_id: self.client_id,
            workspace: self.workspace,
            base_url: self.base_url,
            expires_at,
            verify: self.verify,
        })
    }
}

impl std::fmt::Debug for AddAccountInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddAccountInput")
            .field("provider", &self.provider)
            .field("label", &self.label)
            .field("secret", &"[REDACTED]")
            .finish_non_exhaustive()
    }
}

/// `list_workspaces` payload: which organizations a key (not yet saved) can reach.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct WorkspaceQuery {
    pub provider: ProviderKind,
    pub secret: String,
    pub client_id: Option<String>,
    pub base_url: Option<String>,
}

impl WorkspaceQuery {
    pub fn secret(self) -> ApiSecret {
        ApiSecret::new(self.secret)
    }
}

impl std::fmt::Debug for WorkspaceQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkspaceQuery")
            .field("provider", &self.provider)
            .field("secret", &"[REDACTED]")
            .finish_non_exhaustive()
    }
}

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

/// `rotation_submit_key` payload.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RotationKeyRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub account: AccountId,
    pub secret: String,
    pub expires_at: Option<String>,
}

impl RotationKeyRequest {
    /// The account, the wrapped secret and the parsed expiry.
    pub fn into_parts(self) -> Result<(AccountId, ApiSecret, Option<DateTime<Utc>>), AppError> {
        let expires_at = self.expires_at.as_deref().map(parse_expiry).transpose()?;
        Ok((self.account, ApiSecret::new(self.secret), expires_at))
    }
}

impl std::fmt::Debug for RotationKeyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RotationKeyRequest")
            .field("account", &self.account)
            .field("secret", &"[REDACTED]")
            .finish_non_exhaustive()
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
    fn requests_never_show_their_secret() {
        let input: AddAccountInput = serde_json::from_value(serde_json::json!({
            "provider": "qrcodepro", "label": "Shop", "secret": "qrcp_live_DEBUGLEAK0000000",
            "client_id": null, "workspace": null, "base_url": null,
            "expires_at": "2027-01-31", "verify": true
        }))
        .expect("parse");
        assert!(!format!("{input:?}").contains("DEBUGLEAK"));
        let request = input.into_request().expect("request");
        assert!(!format!("{request:?}").contains("DEBUGLEAK"));
        assert_eq!(
            request.expires_at.map(|t| t.to_rfc3339()).as_deref(),
            Some("2027-01-31T00:00:00+00:00")
        );
        let key: RotationKeyRequest = serde_json::from_value(serde_json::json!({
            "account": 3, "secret": "qrcp_live_DEBUGLEAK0000001", "expires_at": null
        }))
        .expect("parse");
        assert!(!format!("{key:?}").contains("DEBUGLEAK"));
    }

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
