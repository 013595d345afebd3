//! The command-line grammar: the list of commands (each command's own flags live beside its
//! body in `commands/`, the global flags in `global_args.rs`).

use clap::{Parser, Subcommand};

use crate::commands::{account, analytics, campaign, codes, design, outbox, print, style, sync};
use crate::global_args::GlobalArgs;

/// QR Desk: print QR codes and look after the API keys behind them.
///
/// Secrets are never taken from the command line: commands that need a key read it from
/// standard input or a no-echo prompt.
#[derive(Debug, Parser)]
#[command(name = "qrdesk", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show where QR Desk keeps its data and what it holds.
    Info,
    /// Add, verify, rotate and remove API keys (stored in the OS keychain).
    #[command(subcommand)]
    Account(account::AccountCommand),
    /// Bring codes and scan analytics into the local cache and push queued edits.
    Sync(sync::SyncArgs),
    /// List, show, edit, create, import and delete cached QR codes (edits wait in the outbox).
    #[command(subcommand)]
    Codes(codes::CodesCommand),
    /// Look at and act on edits waiting to reach the services.
    #[command(subcommand)]
    Outbox(outbox::OutboxCommand),
    /// Make print-ready PDFs of QR codes from a CSV or from cached codes.
    Print(Box<print::PrintArgs>),
    /// Keep brand styles (colours, shapes, a logo, a frame) for printing.
    #[command(subcommand)]
    Style(style::StyleCommand),
    /// Keep label designs (the code's place and several text fields) for printing.
    #[command(subcommand)]
    Design(design::DesignCommand),
    /// Make new dynamic codes from a spreadsheet and print them as labels, in one job.
    #[command(subcommand)]
    Campaign(campaign::CampaignCommand),
    /// Export the cached scans of a campaign or an account as CSV.
    #[command(subcommand)]
    Analytics(analytics::AnalyticsCommand),
}
