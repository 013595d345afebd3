//! `qrdesk account …`: keys in the OS keychain (the secret comes from stdin or a no-echo prompt).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::cli_args::GlobalArgs;
use crate::output::CommandResult;

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

pub fn run(_global: &GlobalArgs, _cmd: AccountCommand) -> CommandResult {
    super::not_in_this_build("account", "keys and rotation")
}
