//! Account and key-rotation requests and answers. Requests that carry a key hold it as a plain
//! string only until they are turned into the account service's own types (which wrap it in an
//! [`ApiSecret`] at once); their `Debug` shows no secret and they cannot be serialised back.

use chrono::{DateTime, Utc};
use qrdesk_accounts::{parse_expiry, AccountToAdd};
use qrdesk_core::{AccountId, ApiSecret, AppError, ProviderKind};
use serde::{Deserialize, Serialize};

pub use qrdesk_accounts::{RotationState, RotationStep, WorkspaceOption};

/// `add_account` payload.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AddAccountRequest {
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

impl AddAccountRequest {
    /// Wraps the secret at once and parses the date.
    pub fn into_request(self) -> Result<AccountToAdd, AppError> {
        let expires_at = self.expires_at.as_deref().map(parse_expiry).transpose()?;
        Ok(AccountToAdd {
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

impl std::fmt::Debug for AddAccountRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddAccountRequest")
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

/// `remove_account` payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RemoveAccountRequest {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: AccountId,
    /// Also delete the account's cached codes and analytics.
    pub purge: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_never_show_their_secret() {
        let input: AddAccountRequest = serde_json::from_value(serde_json::json!({
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
}
