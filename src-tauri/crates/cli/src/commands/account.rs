//! `qrdesk account …`: keys in the OS keychain (the secret comes from stdin or a no-echo prompt).
//!
//! Every command body lives in `qrdesk-app`'s `accounts`; this file reads the secret, calls it
//! and words the outcome. Keys are never taken from argv or the environment.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use qrdesk_app::accounts::{self, parse_expiry, NewAccountKey};
use qrdesk_app::ipc::accounts::{RemoveAccountRequest, RotationState, RotationStep};
use qrdesk_app::AppContext;
use qrdesk_core::{Account, ApiSecret, AppError, ErrorKind, ProviderKind};
use serde_json::json;

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Failure, Outcome};

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add an account; the key is read from stdin or a no-echo prompt, verified, then stored in the keychain.
    Add(AddArgs),
    /// List accounts with masked keys, status and expiry.
    List,
    /// Check that an account's key still works.
    Verify { id: i64 },
    /// Replace an account's key step by step (new key on stdin unless --auto).
    Rotate {
        id: i64,
        /// Create the new key through the service's key API (Exante).
        #[arg(long)]
        auto: bool,
        /// ExaRoutes header pair: the new key's `cust_…` client id (default: the account's).
        #[arg(long, value_name = "ID")]
        client_id: Option<String>,
        /// The new key's expiry date (YYYY-MM-DD), if the service does not tell.
        #[arg(long, value_name = "DATE")]
        expires: Option<String>,
    },
    /// Confirm the old key was revoked; it is then deleted from the keychain.
    ConfirmRevoked { id: i64 },
    /// Remove an account and its keychain entry.
    Remove {
        id: i64,
        /// Also delete the account's cached codes and analytics.
        #[arg(long)]
        purge: bool,
    },
    /// Show the audit log of an account's key events.
    Log { id: i64 },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// auto (detect from the key's prefix), exaroutes, qr-v1, qrcodepro, iloveqr or exante.
    #[arg(long, default_value = "auto")]
    pub provider: String,
    /// A name for the account, shown everywhere.
    #[arg(long)]
    pub label: String,
    /// The service's API address (advanced; default: the documented production host).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// ExaRoutes header-pair scheme: the `cust_…` client id (the api-key comes from stdin).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// ExaRoutes workspace id.
    #[arg(long, value_name = "WS")]
    pub workspace: Option<String>,
    /// iloveQR organization id (listed when omitted and the key has several).
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// The key's expiry date (YYYY-MM-DD), if the service does not tell.
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// Save without contacting the service (marked unverified).
    #[arg(long)]
    pub no_verify: bool,
    /// Read the key from this file instead of stdin (for scripts; never the key itself).
    #[arg(long, value_name = "FILE", hide = true)]
    pub key_file: Option<PathBuf>,
}

pub fn run(global: &GlobalArgs, cmd: AccountCommand) -> CommandResult {
    // The keychain is reached only when a command first needs a key.
    let (ctx, _) = super::open_context(global)?;
    let ctx = &ctx;
    let now = ctx.now();
    match cmd {
        AccountCommand::List => list(ctx),
        AccountCommand::Log { id } => log(ctx, id),
        AccountCommand::Add(args) => super::block_on(add(ctx, args, now))?,
        AccountCommand::Verify { id } => {
            let account = super::block_on(accounts::verify_account(ctx, id))??;
            let human = format!(
                "Account #{id} \"{}\": the key {} works.",
                account.label, account.masked_key
            );
            Ok(Outcome::new(account_json(&account, now), human))
        }
        AccountCommand::Rotate { id, auto, client_id, expires } => {
            super::block_on(rotate(ctx, id, auto, client_id, expires.as_deref()))?
        }
        AccountCommand::ConfirmRevoked { id } => {
            let state = super::block_on(accounts::rotation_confirm_revoked(ctx, id))??;
            rotation_outcome(ctx, id, &state, true)
        }
        AccountCommand::Remove { id, purge } => {
            accounts::remove_account(ctx, &RemoveAccountRequest { id, purge })?;
            let what = if purge { " and its waiting edits" } else { "" };
            let human =
                format!("Removed account #{id}{what}; its key was deleted from the keychain.");
            Ok(Outcome::new(json!({ "removed": id, "purged": purge }), human))
        }
    }
}

async fn add(ctx: &AppContext, args: AddArgs, now: DateTime<Utc>) -> CommandResult {
    let provider = match args.provider.trim() {
        "auto" | "" => None,
        name => Some(ProviderKind::parse(name).ok_or_else(|| {
            Failure::Usage(format!(
                "--provider must be auto, exaroutes, qr-v1, qrcodepro, iloveqr or exante (not \"{name}\")"
            ))
        })?),
    };
    let workspace = match (args.workspace, args.org) {
        (Some(_), Some(_)) => {
            return Err(Failure::Usage(
                "Give either --workspace (ExaRoutes) or --org (iloveQR), not both".into(),
            ))
        }
        (ws, org) => ws.or(org),
    };
    let expires_at = args.expires.as_deref().map(parse_expiry).transpose()?;
    let secret = read_secret(args.key_file.as_deref(), "API key")?;
    let request = NewAccountKey {
        provider,
        label: args.label,
        secret,
        client_id: args.client_id,
        workspace,
        base_url: args.base_url,
        expires_at,
        verify: !args.no_verify,
    };
    let account = accounts::add_account_key(ctx, request).await?;
    let mut human = format!(
        "Added account #{} \"{}\" ({}, key {}): {}.",
        account.id,
        account.label,
        account.provider.display_name(),
        account.masked_key,
        account.status.as_str()
    );
    if let Some(err) = &account.last_error {
        human.push_str(&format!(
            "\nIt is saved as UNVERIFIED because the key could not be checked: {}\nRun `qrdesk account verify {}` when online.",
            err.message, account.id
        ));
    }
    Ok(Outcome::new(account_json(&account, now), human))
}

async fn rotate(
    ctx: &AppContext,
    id: i64,
    auto: bool,
    client_id: Option<String>,
    expires: Option<&str>,
) -> CommandResult {
    let account = accounts::get_account(ctx, id)?;
    let automatic = account.provider.capabilities().key_management;
    if auto {
        let state = accounts::rotate_automatic(ctx, id).await?;
        return rotation_outcome(ctx, id, &state, false);
    }
    if automatic {
        return Err(Failure::Usage(format!(
            "{} keys are created and revoked by QR Desk through the service's API: run `qrdesk account rotate {id} --auto`",
            account.provider.display_name()
        )));
    }
    let expires_at = expires.map(parse_expiry).transpose()?;
    let new_key = || read_secret(None, "New API key");
    let state = accounts::rotate_guided(ctx, id, new_key, client_id, expires_at).await?;
    rotation_outcome(ctx, id, &state, false)
}

/// Words where a rotation stands; a step that did not move on is a failure with its reason
/// (`confirming`: the answer to `confirm-revoked`, where an error at step 4 means the old key
/// still works).
fn rotation_outcome(
    ctx: &AppContext,
    id: i64,
    state: &RotationState,
    confirming: bool,
) -> CommandResult {
    let json = serde_json::to_value(state).unwrap_or_default();
    let new = state.new_masked_key.as_deref().unwrap_or("the new key");
    let old = &state.old_masked_key;
    let human = match state.step {
        RotationStep::Done => {
            let account = accounts::get_account(ctx, id)?;
            if state.automatic {
                format!(
                    "Rotation complete: {} is now the active key of account #{id}. The old key {old} was revoked through the service's API, the service refuses it, and it was deleted from the keychain.",
                    account.masked_key
                )
            } else {
                format!(
                    "Step 5 of 5 done: the service refuses the old key {old}; it was deleted from the keychain. Rotation complete: account #{id} uses {}.",
                    account.masked_key
                )
            }
        }
        // After `confirm-revoked`, still at step 4 means the service still accepts the old key.
        RotationStep::RevokeOld if !(confirming && state.last_error.is_some()) => format!(
            "Steps 1-3 of 5 done: {new} is now the active key of account #{id}; the old key {old} is kept until it is revoked.\nStep 4: revoke the old key {old} in {}.\nStep 5: then run `qrdesk account confirm-revoked {id}`.",
            state.dashboard_hint
        ),
        _ => {
            let err = state.last_error.clone().unwrap_or_else(|| {
                AppError::with_message(
                    ErrorKind::BadInput,
                    format!(
                        "The key rotation of account #{id} is at step \"{}\". Run the command again to continue.",
                        state.step.as_str()
                    ),
                )
            });
            return Err(Failure::App(err));
        }
    };
    Ok(Outcome::new(json, human))
}

fn list(ctx: &AppContext) -> CommandResult {
    let now = ctx.now();
    let accounts = accounts::list_accounts(ctx)?;
    let json = serde_json::Value::Array(accounts.iter().map(|a| account_json(a, now)).collect());
    let mut human = String::new();
    if accounts.is_empty() {
        human.push_str("No accounts yet. Add one with `qrdesk account add --label NAME` (the key is read from stdin).");
    }
    for a in &accounts {
        let expiry =
            a.expires_at.map(|t| format!("  expires {}", t.format("%Y-%m-%d"))).unwrap_or_default();
        let place = a.workspace.as_deref().map(|w| format!("  [{w}]")).unwrap_or_default();
        human.push_str(&format!(
            "#{:<3} {:<10} {:<24} {:<22} {:<4} {:<10}{place}{expiry}\n",
            a.id,
            a.provider.as_str(),
            a.label,
            a.masked_key,
            a.environment.as_str(),
            a.status.as_str()
        ));
        if let Some(err) = &a.last_error {
            human.push_str(&format!("      last error ({}): {}\n", err.kind, err.message));
        }
    }
    Ok(Outcome::new(json, human.trim_end().to_string()))
}

fn log(ctx: &AppContext, id: i64) -> CommandResult {
    let mut events = accounts::audit_log(ctx, Some(id))?;
    events.reverse(); // oldest first, like a log
    let json = serde_json::to_value(&events).unwrap_or_default();
    let human = if events.is_empty() {
        format!("No key events recorded for account #{id}.")
    } else {
        events
            .iter()
            .map(|e| format!("{}  {:<32} {}", e.at.format("%Y-%m-%d %H:%M:%S"), e.event, e.detail))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Outcome::new(json, human))
}

/// The stable JSON of an account (`account list --json`, `account add --json`).
fn account_json(a: &Account, now: DateTime<Utc>) -> serde_json::Value {
    json!({
        "id": a.id,
        "provider": a.provider,
        "label": a.label,
        "masked_key": a.masked_key,
        "environment": a.environment,
        "workspace": a.workspace,
        "status": a.status,
        "last_verified_at": a.last_verified_at,
        "expires_at": a.expires_at,
        "last_error": a.last_error.as_ref().map(|e| json!({ "kind": e.kind, "message": e.message })),
        "client_id": a.client_id,
        "base_url": a.base_url,
        "created_at": a.created_at,
        "key_created_at": a.key_created_at,
        "key_age_days": a.key_age_days(now),
    })
}

/// The secret from a file (scripts), a no-echo prompt (a terminal) or standard input.
fn read_secret(file: Option<&Path>, what: &str) -> Result<ApiSecret, AppError> {
    let raw = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            AppError::io(format!("Could not read the key file {} ({})", path.display(), e.kind()))
        })?,
        None if std::io::stdin().is_terminal() => {
            rpassword::prompt_password(format!("{what} (input hidden): ")).map_err(|e| {
                AppError::io(format!("Could not read the key from the terminal ({})", e.kind()))
            })?
        }
        None => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                AppError::io(format!("Could not read the key from standard input ({})", e.kind()))
            })?;
            text
        }
    };
    if raw.trim().lines().count() > 1 {
        return Err(AppError::bad_input(
            "Give only the key on standard input: one line, nothing else",
        ));
    }
    let secret = ApiSecret::new(raw);
    if secret.is_empty() {
        // The full sentence: the kind's usual advice (add the key again) does not fit here.
        return Err(AppError::with_message(
            ErrorKind::MissingCredentials,
            format!("No {what} was given. Pipe the key into the command (echo \"$KEY\" | qrdesk …) or type it at the prompt."),
        ));
    }
    Ok(secret)
}
