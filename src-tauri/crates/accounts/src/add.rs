//! Adding an account: check the key with the service, store it in the keychain, then the row.

use chrono::{DateTime, Utc};
use qrdesk_core::{Account, AccountStatus, ApiSecret, AppError, ErrorKind, ProviderKind};
use qrdesk_providers::{Organization, ProviderConfig, Verified};
use qrdesk_secrets::AccountRef;
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::audit;

use crate::key_input::{resolve_key, KeyInput};
use crate::rotation::key_lifetime_days;
use crate::service::AccountService;
use crate::view::WorkspaceOption;

/// Longest account label or workspace id accepted (characters).
pub use qrdesk_core::rules::account::MAX_LABEL_CHARS;

/// What a person gives to add an account. `Debug` shows no secret ([`ApiSecret`] redacts).
#[derive(Debug, Clone)]
pub struct AccountToAdd {
    /// `None`: detect the service from the key's prefix.
    pub provider: Option<ProviderKind>,
    pub label: String,
    pub secret: ApiSecret,
    /// ExaRoutes header-pair scheme: the `cust_…` id that goes with an `sk_live_` key.
    pub client_id: Option<String>,
    /// ExaRoutes workspace or iloveQR organization id.
    pub workspace: Option<String>,
    /// `None`: the service's documented address.
    pub base_url: Option<String>,
    /// The expiry the user knows of (Exante reports its own, which wins).
    pub expires_at: Option<DateTime<Utc>>,
    /// `false`: save without asking the service (marked unverified).
    pub verify: bool,
}

/// What the check with the service decided.
struct Checked {
    status: AccountStatus,
    /// Only `network`: the key could not be checked, it is saved as unverified.
    offline: Option<AppError>,
    workspace: Option<String>,
    expires_at: Option<DateTime<Utc>>,
    lifetime_days: Option<i64>,
}

impl AccountService<'_> {
    /// Adds an account. The key is checked with the service first (a refused key is never
    /// saved; an unreachable service saves it as `unverified`), then stored in the keychain,
    /// then the account row and its audit note are written; if writing the row fails the
    /// keychain entry is removed again. SQLite only ever sees the masked key.
    pub async fn add_account(
        &self,
        request: AccountToAdd,
        now: DateTime<Utc>,
    ) -> Result<Account, AppError> {
        let label = request.label.trim().to_string();
        if label.is_empty() {
            return Err(AppError::bad_input("The account needs a label (a name you recognise)"));
        }
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err(AppError::bad_input(format!(
                "The label is too long; keep it under {MAX_LABEL_CHARS} characters"
            )));
        }
        let key = resolve_key(request.provider, request.secret, request.client_id)?;
        let base_url = checked_base_url(key.provider, request.base_url.as_deref())?;
        let workspace = request.workspace.map(|w| w.trim().to_string()).filter(|w| !w.is_empty());
        if workspace.as_ref().is_some_and(|w| w.chars().count() > MAX_LABEL_CHARS) {
            return Err(AppError::bad_input(format!(
                "The workspace or organization id is too long; keep it under {MAX_LABEL_CHARS} characters"
            )));
        }
        if workspace.is_some() && !key.provider.capabilities().workspaces {
            return Err(AppError::bad_input(format!(
                "{} has no workspaces or organizations; leave that field empty",
                key.provider.display_name()
            )));
        }
        let checked = if request.verify {
            self.check_new_key(&key, &base_url, workspace.clone(), request.expires_at, now).await?
        } else {
            Checked {
                status: AccountStatus::Unverified,
                offline: None,
                workspace,
                expires_at: request.expires_at,
                lifetime_days: None,
            }
        };
        let masked = key.credential.masked();
        let row = NewAccount {
            provider: key.provider,
            label: label.clone(),
            base_url,
            workspace: checked.workspace.clone(),
            environment: key.environment,
            masked_key: masked.clone(),
            client_id: match &key.credential {
                qrdesk_core::Credential::Pair { client_id, .. } => Some(client_id.clone()),
                qrdesk_core::Credential::Key(_) => None,
            },
            status: checked.status,
            last_verified_at: (checked.status == AccountStatus::Verified).then_some(now),
            expires_at: checked.expires_at,
            key_lifetime_days: checked.lifetime_days,
            demo: false,
        };

        // The keychain first: a row never exists without its key.
        let key_ref = new_keychain_ref()?;
        self.secrets.put(&key_ref, &key.credential)?;
        let detail = match &checked.offline {
            None if checked.status == AccountStatus::Verified => format!(
                "Added {} account \"{label}\" with key {masked}; the service accepted it.",
                key.provider.display_name()
            ),
            None => format!(
                "Added {} account \"{label}\" with key {masked} without checking it (unverified).",
                key.provider.display_name()
            ),
            Some(_) => format!(
                "Added {} account \"{label}\" with key {masked}; the service could not be reached, \
                 so it is unverified.",
                key.provider.display_name()
            ),
        };
        let written = self.store.transaction(|tx| -> Result<_, AppError> {
            let id = accounts::insert(tx, &row, now)?;
            accounts::set_keychain_ref(tx, id, key_ref.as_str())?;
            if let Some(offline) = &checked.offline {
                accounts::record_verification(tx, id, Err(offline), now)?;
            }
            audit::append(tx, id, "key_added", &detail, now)?;
            Ok(id)
        });
        match written {
            Ok(id) => self.account(id, now),
            Err(err) => {
                // Best effort: the row is not there, so its key must not stay either.
                let _ = self.secrets.delete(&key_ref);
                Err(err)
            }
        }
    }

    /// The workspaces or organizations a key can reach (iloveQR organizations), for the UI's
    /// choice. Services without a list answer an empty one.
    pub async fn list_organizations(
        &self,
        provider: Option<ProviderKind>,
        secret: ApiSecret,
        client_id: Option<String>,
        base_url: Option<&str>,
    ) -> Result<Vec<WorkspaceOption>, AppError> {
        let key = resolve_key(provider, secret, client_id)?;
        if key.provider != ProviderKind::IloveQr {
            return Ok(Vec::new());
        }
        let base_url = checked_base_url(key.provider, base_url)?;
        let mut config = ProviderConfig::new(key.provider, key.credential).with_base_url(base_url);
        config.http = self.http.clone();
        let organizations = qrdesk_providers::connect(config)?.organizations().await?;
        Ok(organizations.into_iter().map(WorkspaceOption::from).collect())
    }

    async fn check_new_key(
        &self,
        key: &KeyInput,
        base_url: &str,
        workspace: Option<String>,
        expires_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Checked, AppError> {
        let mut config = ProviderConfig::new(key.provider, key.credential.clone())
            .with_base_url(base_url)
            .with_workspace(workspace.clone());
        config.http = self.http.clone();
        let provider = qrdesk_providers::connect(config)?;
        let verified: Verified = match provider.verify().await {
            Ok(verified) => verified,
            Err(err) if err.kind == ErrorKind::Network => {
                return Ok(Checked {
                    status: AccountStatus::Unverified,
                    offline: Some(err.into()),
                    workspace,
                    expires_at,
                    lifetime_days: None,
                });
            }
            Err(err) => return Err(err.into()),
        };
        let workspace = match (workspace, verified.workspace) {
            (Some(chosen), _) => Some(chosen),
            (None, Some(found)) => Some(found),
            (None, None) if key.provider == ProviderKind::IloveQr => {
                return Err(organization_choice(&verified.organizations));
            }
            (None, None) => None,
        };
        let remote_key = verified.key.filter(|k| !k.is_expired(now) && !k.is_revoked());
        let (expires_at, lifetime_days) = match &remote_key {
            Some(k) => (
                k.expires_at.or(expires_at),
                (k.created_at.is_some() && k.expires_at.is_some())
                    .then(|| i64::from(key_lifetime_days(k.created_at, k.expires_at))),
            ),
            None => (expires_at, None),
        };
        Ok(Checked {
            status: AccountStatus::Verified,
            offline: None,
            workspace,
            expires_at,
            lifetime_days,
        })
    }
}

/// The service's documented address, or the given one once it passes the base-URL rule.
pub(crate) fn checked_base_url(
    provider: ProviderKind,
    given: Option<&str>,
) -> Result<String, AppError> {
    let raw = given.map(str::trim).filter(|u| !u.is_empty()).unwrap_or(provider.default_base_url());
    let url = qrdesk_providers::check_base_url(raw)?;
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// A random keychain reference, so a reused row id or another data folder never meets this key.
fn new_keychain_ref() -> Result<AccountRef, AppError> {
    AccountRef::parse(&format!("acct-{}", uuid::Uuid::new_v4().simple()))
}

/// The error for an iloveQR key in zero or several organizations and no choice made.
fn organization_choice(organizations: &[Organization]) -> AppError {
    if organizations.is_empty() {
        return AppError::new(
            ErrorKind::NotAMember,
            "This iloveQR key belongs to no organization, so there is nothing to show",
        );
    }
    let listed: Vec<String> =
        organizations.iter().map(|o| format!("{} ({})", o.id, o.name)).collect();
    AppError::with_message(
        ErrorKind::BadInput,
        format!(
            "This iloveQR key belongs to {} organizations: {}. Choose the one this account is \
             for (with --org in the command line) and add it again.",
            organizations.len(),
            listed.join(", ")
        ),
    )
}
