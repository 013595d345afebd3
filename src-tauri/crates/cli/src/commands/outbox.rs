//! `qrdesk outbox …`: edits waiting to reach the services.

use clap::{Subcommand, ValueEnum};
use qrdesk_core::OutboxEntry;
use qrdesk_store::outbox;
use qrdesk_sync::{block_on, EntryOutcome, SyncEngine};
use serde_json::{json, Value};

use crate::cli_args::GlobalArgs;
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
    let store = ctx.store();
    match cmd {
        OutboxCommand::List { all } => {
            let entries = store.read(|c| outbox::list(c, None, all))?;
            let json = Value::Array(entries.iter().map(entry_json).collect());
            let human = if entries.is_empty() {
                "Nothing waits in the outbox.".to_string()
            } else {
                entries.iter().map(entry_line).collect::<Vec<_>>().join("\n")
            };
            Ok(Outcome::new(json, human))
        }
        OutboxCommand::Retry { id } => act(store, id, Action::Retry),
        OutboxCommand::Resolve { id, keep } => act(store, id, Action::Resolve(keep)),
        OutboxCommand::Discard { id } => act(store, id, Action::Discard),
    }
}

enum Action {
    Retry,
    Resolve(Keep),
    Discard,
}

fn act(store: &qrdesk_store::Store, id: i64, action: Action) -> CommandResult {
    let outcome: EntryOutcome = block_on(async {
        let connector = super::sync::connector(store).await;
        let engine = SyncEngine::new(store, &connector);
        match action {
            Action::Retry => engine.retry(id).await,
            Action::Resolve(Keep::Local) => engine.resolve(id, qrdesk_sync::Keep::Local).await,
            Action::Resolve(Keep::Remote) => engine.resolve(id, qrdesk_sync::Keep::Remote).await,
            Action::Discard => engine.discard(id).await,
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
