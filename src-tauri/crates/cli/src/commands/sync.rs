//! `qrdesk sync`: codes and analytics into the local cache, queued edits up to the services
//! (keys from the keychain, like the window).

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use clap::Args;
use qrdesk_app::sync::{sync_accounts, EnginePhase as Phase, EngineProgress, SyncReport};

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Account ids to sync (default: all).
    pub accounts: Vec<i64>,
    /// Window of daily scans to keep: the last N days ending today (UTC).
    #[arg(
        long,
        default_value_t = 90,
        value_name = "N",
        allow_hyphen_values = true,
        value_parser = clap::value_parser!(u32).range(1..=3650)
    )]
    pub analytics_days: u32,
}

pub fn run(global: &GlobalArgs, args: SyncArgs) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    let show_progress = !global.json && std::io::stderr().is_terminal();
    let progress = show_progress.then(|| Arc::new(draw_progress) as Arc<_>);
    let report =
        super::block_on(sync_accounts(&ctx, args.accounts, args.analytics_days, progress))??;
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let json = serde_json::to_value(&report).unwrap_or_default();
    let mut outcome = Outcome::new(json, summary(&report));
    outcome.partial = report.is_partial();
    Ok(outcome)
}

/// One status line on a terminal, rewritten in place.
fn draw_progress(e: &EngineProgress) {
    let what = match e.phase {
        Phase::Push => format!("sending edits ({} sent)", e.pushed),
        Phase::List => format!("page {} ({} codes)", e.pages_done, e.codes),
        Phase::Analytics => format!("analytics {}/{}", e.analytics_done, e.analytics_total),
        Phase::Finished => "done".to_string(),
    };
    let waits = if e.rate_limit_waits > 0 {
        format!(", {} rate-limit waits", e.rate_limit_waits)
    } else {
        String::new()
    };
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[2KAccount #{}: {what}, {} requests{waits}", e.account, e.requests);
    let _ = err.flush();
}

fn summary(r: &SyncReport) -> String {
    let c = &r.counts;
    let mut lines = vec![format!(
        "Synced {} account(s) in {:.1} s with {} requests: {} codes added, {} updated, {} deleted; {} analytics fetched; {} edits sent, {} conflicts, {} need confirmation; {} rate-limit waits.",
        r.accounts.len(),
        c.duration_ms as f64 / 1000.0,
        c.requests,
        c.codes_added,
        c.codes_updated,
        c.codes_deleted,
        c.analytics_fetched,
        c.outbox_pushed,
        c.conflicts,
        c.needs_confirmation,
        c.rate_limit_waits,
    )];
    if r.cancelled {
        lines.push("Cancelled: the next sync continues where this one stopped.".into());
    }
    for e in &r.errors {
        lines.push(format!("Account #{} failed ({}): {}", e.account, e.kind, e.message));
    }
    if c.conflicts + c.needs_confirmation > 0 {
        lines.push("See `qrdesk outbox list` for the edits that wait for you.".into());
    }
    lines.join("\n")
}
