//! `qrdesk outbox …`: edits waiting to reach the services.

use clap::{Subcommand, ValueEnum};
use qrdesk_app::ipc::outbox::ConflictChoice;
use qrdesk_app::outbox::{self, OutboxOutcome};
use qrdesk_app::AppContext;
use qrdesk_core::OutboxEntry;
use serde_json::{json, Value};

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// List waiting entries (pending, needs confirmation, conflict, failed).
    List {
        /// Include entries the services already confirmed.
        #[arg(long)]
        all: bool,
    },
    /// Send an entry again now.
    Retry { id: i64 },
    /// Settle a conflict by keeping one side.
    Resolve {
        id: i64,
        #[arg(long, value_enum)]
        keep: Keep,
    },
    /// Drop an entry without sending it (the local copy is refreshed at the next sync).
    Discard { id: i64 },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Keep {
    Local,
    Remote,
}

pub fn run(global: &GlobalArgs, cmd: OutboxCommand) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    match cmd {
        OutboxCommand::List { all } => {
            let entries = outbox::list_all(&ctx, all)?;
            let json = Value::Array(entries.iter().map(entry_json).collect());
            let human = if entries.is_empty() {
                "Nothing waits in the outbox.".to_string()
            } else {
                entries.iter().map(entry_line).collect::<Vec<_>>().join("\n")
            };
            Ok(Outcome::new(json, human))
        }
        OutboxCommand::Retry { id } => act(&ctx, id, Action::Retry),
        OutboxCommand::Resolve { id, keep } => act(&ctx, id, Action::Resolve(keep)),
        OutboxCommand::Discard { id } => act(&ctx, id, Action::Discard),
    }
}

enum Action {
    Retry,
    Resolve(Keep),
    Discard,
}

fn act(ctx: &AppContext, id: i64, action: Action) -> CommandResult {
    let outcome: OutboxOutcome = super::block_on(async {
        match action {
            Action::Retry => outbox::retry(ctx, id).await,
            Action::Resolve(Keep::Local) => {
                outbox::resolve(ctx, id, ConflictChoice::KeepMine).await
            }
            Action::Resolve(Keep::Remote) => {
                outbox::resolve(ctx, id, ConflictChoice::KeepTheirs).await
            }
            Action::Discard => outbox::discard(ctx, id).await,
        }
    })??;
    let human = match &outcome.entry {
        Some(e) => format!(
            "Entry #{id} is now {}.{}",
            e.state.as_str(),
            e.message.as_deref().map(|m| format!(" {m}")).unwrap_or_default()
        ),
        None if outcome.refreshed => {
            format!("Entry #{id} was dropped; the code shows the service's version again.")
        }
        None => format!(
            "Entry #{id} was dropped; the code is refreshed from its service at the next sync."
        ),
    };
    let json = json!({
        "id": id,
        "entry": outcome.entry.as_ref().map(entry_json),
        "removed": outcome.entry.is_none(),
        "refreshed": outcome.refreshed,
    });
    Ok(Outcome::new(json, human))
}

/// The stable shape of `outbox list --json`.
fn entry_json(e: &OutboxEntry) -> Value {
    json!({
        "id": e.id,
        "code": e.code,
        "remote_id": e.remote_id,
        "op": e.op,
        "state": e.state,
        "kind": e.kind,
        "message": e.message,
        "account": e.account,
        "attempts": e.attempts,
        "changes": e.changes,
    })
}

fn entry_line(e: &OutboxEntry) -> String {
    let why = e.message.as_deref().map(|m| format!(" — {m}")).unwrap_or_default();
    format!(
        "#{} {} code #{} (account #{}) {}{why}",
        e.id,
        e.op.as_str(),
        e.code,
        e.account,
        e.state.as_str()
    )
}
