//! `qrdesk-sync-harness`: the crash and benchmark scripts' helper around a running `qrdesk-sim`.
//! Seeds accounts from the simulator's manifest (keys in memory or in the session's keychain,
//! never in a file),
//! syncs, checks a data folder after a crash, compares the cache with the services and measures
//! search latency. Not shipped to users.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use qrdesk_core::{AppError, CodeChanges, ErrorKind};
use qrdesk_secrets::{KeychainStore, Namespace};
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::{accounts, outbox, Store};
use qrdesk_sync::{block_on, create_code, edit_code, NewCodeInput, SyncEngine, SyncOptions};
use qrdesk_testkit::{compare_with_services, SimConnector};
use serde_json::json;

#[derive(Debug, Parser)]
#[command(name = "qrdesk-sync-harness")]
struct Args {
    /// The data folder's database file.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// The simulator's control URL (`http://127.0.0.1:P/_control`).
    #[arg(long, value_name = "URL")]
    sim: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Add accounts for the manifest's QR accounts whose label contains one of --only.
    Seed {
        #[arg(long)]
        only: Vec<String>,
        /// File each key in the OS keychain (namespace from QRDESK_KEYCHAIN_NAMESPACE), so the
        /// real `qrdesk` binary can sync these accounts.
        #[arg(long)]
        keychain: bool,
    },
    /// Sync every account and print the report.
    Sync {
        #[arg(long, default_value_t = 90)]
        analytics_days: u32,
        #[arg(long)]
        no_analytics: bool,
    },
    /// Queue offline edits: renames of the first N cached codes and N creates.
    Edits {
        #[arg(long, default_value_t = 5)]
        n: usize,
        #[arg(long, default_value = "")]
        tag: String,
    },
    /// Integrity, outbox and code counts of the database.
    Check,
    /// Exit 1 unless every account's cache equals the service's list and the outbox is empty.
    Verify,
    /// Search latency over the cache: p50 and p95 of N queries of a realistic mix, and of
    /// the worst case (a word every code contains).
    SearchBench {
        #[arg(long, default_value_t = 200)]
        queries: usize,
    },
    /// A ROWS-row campaign on the QRCodePro live account, through qrdesk-app, in the folder of
    /// --db: time, requests beside the minimum, 429 answers.
    CampaignBench {
        #[arg(long, default_value_t = 1000)]
        rows: usize,
    },
    /// How long the window's previews take (Print page, style and design editors) over a CSV
    /// of ROWS rows: p50/p95 of RUNS calls each, in a new data folder beside --db.
    PreviewBench {
        #[arg(long, default_value_t = 10_000)]
        rows: usize,
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
    /// Ingest rate of a first sync: the real engine lists N codes from an in-memory service
    /// into a new account (batched writes and the search index rebuild included, no HTTP).
    IngestBench {
        #[arg(long, default_value_t = 100_000)]
        codes: usize,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(value) => {
            println!("{value}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("{}", e.to_json());
            eprintln!("error: {}", e.message);
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<serde_json::Value, AppError> {
    if let Some(parent) = args.db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| AppError::io(format!("Could not create {}: {e}", parent.display())))?;
    }
    let store = Store::open(&args.db)?;
    match args.command {
        Command::Seed { only, keychain } => {
            let sim = block_on(SimConnector::fetch(&sim_url(&args.sim)?))??;
            let ids = if keychain {
                let keys = KeychainStore::new(Namespace::from_env()?);
                sim.seed_accounts_with_keys(&store, &only, &keys)?
            } else {
                sim.seed_accounts(&store, &only)?
            };
            Ok(json!({ "accounts": ids }))
        }
        Command::Sync { analytics_days, no_analytics } => {
            let sim = block_on(SimConnector::fetch(&sim_url(&args.sim)?))??;
            let options =
                SyncOptions { analytics_days, analytics: !no_analytics, ..SyncOptions::default() };
            let report = block_on(SyncEngine::new(&store, &sim).sync(&options))??;
            Ok(serde_json::to_value(&report).unwrap_or_default())
        }
        Command::Edits { n, tag } => queue_edits(&store, n, &tag),
        Command::Check => check(&store, &args.db),
        Command::Verify => {
            let sim = block_on(SimConnector::fetch(&sim_url(&args.sim)?))??;
            block_on(verify(&store, &sim))?
        }
        Command::SearchBench { queries } => search_bench(&store, queries),
        Command::IngestBench { codes } => qrdesk_testkit::ingest_bench::run(&store, codes),
        Command::CampaignBench { rows } => {
            let dir = args.db.parent().unwrap_or(Path::new(".")).join("campaign-bench");
            std::fs::create_dir_all(&dir).map_err(|e| AppError::io(e.to_string()))?;
            block_on(qrdesk_testkit::campaign_bench::run(&sim_url(&args.sim)?, rows, &dir))?
        }
        Command::PreviewBench { rows, runs } => {
            let dir = args.db.parent().unwrap_or(Path::new(".")).join("preview-bench");
            std::fs::create_dir_all(&dir).map_err(|e| AppError::io(e.to_string()))?;
            qrdesk_testkit::preview_bench::run(&dir, rows, runs)
        }
    }
}

fn sim_url(sim: &Option<String>) -> Result<String, AppError> {
    sim.clone().ok_or_else(|| AppError::bad_input("Give the simulator's control URL with --sim"))
}

fn queue_edits(store: &Store, n: usize, tag: &str) -> Result<serde_json::Value, AppError> {
    let all = store.read(|c| accounts::list(c, chrono::Utc::now()))?;
    let mut queued = 0;
    for account in all {
        let filter = CodeFilter {
            account: Some(account.id),
            limit: Some(n as u32),
            ..CodeFilter::default()
        };
        for code in store.read(|c| codes::list(c, &filter))? {
            let name = format!("{} {tag}", code.name.trim()).trim().to_string();
            let name = if name.is_empty() { format!("code {}", code.id) } else { name };
            edit_code(store, code.id, &CodeChanges { name: Some(name), ..CodeChanges::default() })?;
            queued += 1;
        }
        for i in 0..n {
            let input = NewCodeInput {
                name: format!("Crash test {tag} {i}"),
                destination: format!("https://crash.example/{}/{tag}/{i}", account.id),
            };
            create_code(store, account.id, &input)?;
            queued += 1;
        }
    }
    Ok(json!({ "queued": queued }))
}

fn check(store: &Store, db: &Path) -> Result<serde_json::Value, AppError> {
    let counts = store.counts()?;
    let total = store.read(outbox::count_all)?;
    Ok(json!({
        "database": db.display().to_string(),
        "integrity_ok": store.integrity_ok()?,
        "outbox_total": total,
        "outbox_waiting": counts.outbox_waiting,
        "codes": counts.codes,
        "accounts": counts.accounts,
    }))
}

async fn verify(store: &Store, sim: &SimConnector) -> Result<serde_json::Value, AppError> {
    let compared = compare_with_services(store, sim).await?;
    let mismatches: Vec<_> = compared
        .differences
        .iter()
        .map(|d| {
            json!({
                "account": d.account.id,
                "missing": d.only_on_service.len(),
                "extra": d.only_in_cache.len(),
            })
        })
        .collect();
    let waiting = store.counts()?.outbox_waiting;
    if !mismatches.is_empty() || waiting > 0 {
        return Err(AppError::with_message(
            ErrorKind::Conflict,
            format!(
                "The cache differs from the services: {mismatches:?}; outbox waiting: {waiting}"
            ),
        ));
    }
    Ok(json!({ "accounts": compared.accounts, "equal": true }))
}

fn search_bench(store: &Store, queries: usize) -> Result<serde_json::Value, AppError> {
    // What people type: a campaign word, two words, a medium, a store number, part of a short URL.
    let realistic = [
        "spring",
        "summer menu",
        "poster",
        "table tent",
        "store 12",
        "loyalty",
        "gift guide",
        "fabrikam",
        "window",
        "careers fair",
        "badge",
        "receipt",
        "warranty",
        "store 7 flyer",
    ];
    let (p50, p95, hits) = time_queries(store, &realistic, queries)?;
    let (w50, w95, _) = time_queries(store, &["https"], queries / 4)?;
    Ok(json!({
        "queries": queries,
        "codes": store.counts()?.codes,
        "p50_ms": p50,
        "p95_ms": p95,
        "hits": hits,
        "every_code_matches_p50_ms": w50,
        "every_code_matches_p95_ms": w95,
    }))
}

/// p50 and p95 in milliseconds of `n` list queries (first 50 hits, sorted by name).
fn time_queries(store: &Store, words: &[&str], n: usize) -> Result<(f64, f64, u64), AppError> {
    let mut times = Vec::with_capacity(n);
    let mut hits = 0u64;
    for i in 0..n.max(1) {
        let word = words.get(i % words.len()).copied().unwrap_or("menu");
        let filter =
            CodeFilter { search: Some(word.to_string()), limit: Some(50), ..CodeFilter::default() };
        let started = Instant::now();
        let found = store.read(|c| codes::list(c, &filter))?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        hits += found.len() as u64;
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        times.get(((times.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0)
    };
    Ok((pct(0.5), pct(0.95), hits))
}
