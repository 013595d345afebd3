//! `qrdesk-soak`: the fault-storm soak (scripts/soak). Syncs four accounts in a loop against a
//! running `qrdesk-sim` while the simulator injects 10 % 5xx, 5 % dropped connections, latency
//! spikes and 429 bursts, codes are edited and deleted on the services and scans grow, and local
//! edits, creates and deletes keep being queued — some on codes the service changes at the same
//! time (conflicts), some destination changes that ExaRoutes wants confirmed (step-up).
//!
//! At the end (faults off): every local edit reached its service or waits visibly as a conflict
//! or needs-confirmation entry (none pending or failed); then the conflicts are settled, the
//! step-up window opened, and the cache must equal every service's list with the outbox empty.
//! Prints the figures as JSON (requests, retries, waits, faults fired, edits, outcomes).
//! Exit 1 when anything was lost or differs. Not shipped to users.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use qrdesk_core::{AppError, CodeChanges, ErrorKind, OutboxState, ProviderKind};
use qrdesk_sim::SplitMix64;
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::{accounts, outbox, Store};
use qrdesk_sync::{
    create_code, delete_code, edit_code, Keep, NewCodeInput, SyncCounts, SyncEngine, SyncOptions,
};
use qrdesk_testkit::{compare_with_services, SimConnector};
use serde_json::{json, Value};

#[derive(Debug, Parser)]
#[command(name = "qrdesk-soak")]
struct Args {
    /// The database file (created).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// The simulator's control URL (`http://127.0.0.1:P/_control`).
    #[arg(long, value_name = "URL")]
    sim: String,
    /// How long the storm lasts.
    #[arg(long, default_value_t = 600)]
    seconds: u64,
    #[arg(long, default_value_t = 3)]
    seed: u64,
}

const ACCOUNTS: [&str; 4] =
    ["Team plan", "QRCodePro – live", "key in one organization", "Main workspace (Bearer)"];

/// One element of `items`, drawn with the simulator's generator (the same seed makes the same
/// storm).
fn pick<'a, T>(rng: &mut SplitMix64, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| &items[rng.below(items.len() as u64) as usize])
}

/// The simulator's control endpoint.
struct Control {
    url: String,
    http: reqwest::Client,
}

impl Control {
    async fn send(
        &self,
        method: reqwest::Method,
        route: &str,
        body: Value,
    ) -> Result<Value, AppError> {
        let res = self
            .http
            .request(method, format!("{}{route}", self.url.trim_end_matches('/')))
            .json(&body)
            .send()
            .await
            .map_err(|e| AppError::io(format!("simulator control {route}: {e}")))?;
        let ok = res.status().is_success();
        let text = res.text().await.unwrap_or_default();
        if !ok {
            return Err(AppError::io(format!("simulator control {route} refused: {text}")));
        }
        Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
    }
    async fn post(&self, route: &str, body: Value) -> Result<Value, AppError> {
        self.send(reqwest::Method::POST, route, body).await
    }
    async fn get(&self, route: &str) -> Result<Value, AppError> {
        self.send(reqwest::Method::GET, route, Value::Null).await
    }
}

#[derive(Default)]
struct Tally {
    rounds: u64,
    syncs: u64,
    syncs_with_errors: u64,
    counts: SyncCounts,
    error_kinds: BTreeMap<String, u64>,
    server_edits: u64,
    server_deletes: u64,
    scan_growths: u64,
    local: BTreeMap<&'static str, u64>,
    latency_spikes: u64,
    bursts_429: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("qrdesk-soak: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(soak(&args)) {
        Ok(report) => {
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("FAIL: {}", e.message);
            ExitCode::FAILURE
        }
    }
}

async fn soak(args: &Args) -> Result<Value, AppError> {
    let store = Store::open(&args.db)?;
    let control = Control { url: args.sim.clone(), http: reqwest::Client::new() };
    let sim = SimConnector::fetch(&args.sim).await?;
    let only: Vec<String> = ACCOUNTS.iter().map(|s| s.to_string()).collect();
    sim.seed_accounts(&store, &only)?;
    let all = store.read(|c| accounts::list(c, chrono::Utc::now()))?;
    let options = SyncOptions { analytics_days: 7, ..SyncOptions::default() };
    let first = SyncEngine::new(&store, &sim).sync(&options).await?;
    if !first.errors.is_empty() {
        return Err(AppError::io(format!("the first sync failed: {:?}", first.errors)));
    }

    // Codes the storm deletes on the services are never edited locally, so every local edit
    // has a code to land on (a remote delete is its own, tested case).
    let mut rng = SplitMix64::new(args.seed);
    let mut reserved: HashSet<i64> = HashSet::new();
    for account in &all {
        let filter = CodeFilter { account: Some(account.id), ..CodeFilter::default() };
        for (i, code) in store.read(|c| codes::list(c, &filter))?.iter().enumerate() {
            if i % 10 == 0 {
                reserved.insert(code.id);
            }
        }
    }

    control
        .post("/faults", json!({"kind": "server_error", "probability": 0.10, "status": 503}))
        .await?;
    control.post("/faults", json!({"kind": "drop_connection", "probability": 0.05})).await?;
    let started = Instant::now();
    let mut t = Tally::default();
    let mut recently_edited_remotely: Vec<(i64, String, ProviderKind)> = Vec::new();
    while started.elapsed() < Duration::from_secs(args.seconds) {
        t.rounds += 1;
        let round = t.rounds;
        // The services change: renames (some on codes edited locally next), deletes, scans.
        recently_edited_remotely.clear();
        for account in &all {
            let filter = CodeFilter { account: Some(account.id), ..CodeFilter::default() };
            let cached = store.read(|c| codes::list(c, &filter))?;
            let editable: Vec<_> = cached.iter().filter(|c| c.remote_id.is_some()).collect();
            for _ in 0..2 {
                let Some(code) = pick(&mut rng, &editable) else { break };
                if reserved.contains(&code.id) {
                    continue;
                }
                let id = code.remote_id.clone().unwrap_or_default();
                let name = format!("Service rename r{round} {}", rng.below(1000));
                control
                    .post(
                        "/codes/edit",
                        json!({"provider": account.provider.as_str(), "id": id, "name": name}),
                    )
                    .await?;
                t.server_edits += 1;
                recently_edited_remotely.push((code.id, id, account.provider));
            }
            if round % 7 == 0 {
                if let Some(code) = editable.iter().find(|c| reserved.contains(&c.id) && !c.deleted)
                {
                    let id = code.remote_id.clone().unwrap_or_default();
                    control
                        .post(
                            "/codes/delete",
                            json!({"provider": account.provider.as_str(), "id": id}),
                        )
                        .await?;
                    reserved.remove(&code.id);
                    t.server_deletes += 1;
                }
            }
        }
        if round % 3 == 0 {
            control.post("/scans/grow", json!({"n": 1})).await?;
            t.scan_growths += 1;
        }

        // Local work queued offline: renames, destination changes, creates, deletes.
        for account in &all {
            let filter = CodeFilter { account: Some(account.id), ..CodeFilter::default() };
            let cached: Vec<_> = store
                .read(|c| codes::list(c, &filter))?
                .into_iter()
                .filter(|c| !reserved.contains(&c.id))
                .collect();
            for _ in 0..2 {
                let Some(code) = pick(&mut rng, &cached) else { break };
                let changes = if rng.below(3) == 0 {
                    *t.local.entry("destination").or_default() += 1;
                    CodeChanges {
                        destination: Some(format!("https://soak.example/r{round}/{}", code.id)),
                        ..CodeChanges::default()
                    }
                } else {
                    *t.local.entry("rename").or_default() += 1;
                    CodeChanges {
                        name: Some(format!("Local rename r{round}")),
                        ..CodeChanges::default()
                    }
                };
                edit_code(&store, code.id, &changes)?;
            }
            // A code the service just renamed, renamed here too: a conflict unless the sync saw
            // the service's version first.
            if let Some((code, _, _)) = recently_edited_remotely
                .iter()
                .find(|(c, _, p)| *p == account.provider && !reserved.contains(c))
            {
                edit_code(
                    &store,
                    *code,
                    &CodeChanges {
                        name: Some(format!("Both sides r{round}")),
                        ..CodeChanges::default()
                    },
                )?;
                *t.local.entry("rename_of_remotely_edited").or_default() += 1;
            }
            let input = NewCodeInput {
                name: format!("Soak create r{round}"),
                destination: format!("https://soak.example/new/{}/{round}", account.id),
            };
            create_code(&store, account.id, &input)?;
            *t.local.entry("create").or_default() += 1;
            if round % 6 == 0 {
                if let Some(code) = pick(&mut rng, &cached) {
                    if delete_code(&store, code.id)?.is_some() {
                        *t.local.entry("delete").or_default() += 1;
                    }
                }
            }
        }

        // Storm extras: a latency spike every 4th round, a 429 burst every 5th.
        if round % 4 == 0 {
            let ms = 300 + rng.below(1200);
            control.post("/faults", json!({"kind": "latency", "next": 25, "ms": ms})).await?;
            t.latency_spikes += 1;
        }
        if round % 5 == 0 {
            let n = 10 + rng.below(20);
            control
                .post("/faults", json!({"kind": "too_many_requests", "next": n, "retry_after": 1}))
                .await?;
            t.bursts_429 += 1;
        }

        let report = SyncEngine::new(&store, &sim).sync(&options).await?;
        t.syncs += 1;
        t.counts.add(&report.counts);
        if !report.errors.is_empty() {
            t.syncs_with_errors += 1;
            for e in &report.errors {
                *t.error_kinds.entry(e.kind.as_str().to_string()).or_default() += 1;
            }
        }
    }

    // The storm ends: faults off, then sync until a clean pass.
    control.send(reqwest::Method::DELETE, "/faults", Value::Null).await?;
    let fired = control.get("/faults/fired").await?;
    let mut settle_syncs = 0;
    loop {
        settle_syncs += 1;
        let report = SyncEngine::new(&store, &sim).sync(&options).await?;
        t.counts.add(&report.counts);
        if report.errors.is_empty() {
            break;
        }
        if settle_syncs >= 5 {
            return Err(AppError::io(format!(
                "no clean sync after the storm: {:?}",
                report.errors
            )));
        }
    }

    // Every local edit reached the service or waits visibly.
    let entries = store.read(|c| outbox::list(c, None, true))?;
    let mut states: BTreeMap<&str, u64> = BTreeMap::new();
    for e in &entries {
        *states.entry(e.state.as_str()).or_default() += 1;
    }
    // Pending is allowed only behind a conflict or step-up of the same code (entries go in
    // order per code); failed never (every edit here is valid).
    let blocks = |e: &qrdesk_core::OutboxEntry| {
        entries.iter().any(|b| {
            b.code == e.code
                && b.id < e.id
                && matches!(b.state, OutboxState::Conflict | OutboxState::NeedsConfirmation)
        })
    };
    let mut queued_behind = 0u64;
    let mut invisible = Vec::new();
    for e in &entries {
        match e.state {
            OutboxState::Pending if blocks(e) => queued_behind += 1,
            OutboxState::Pending | OutboxState::Failed => {
                invisible.push(format!("#{} {} ({:?})", e.id, e.state.as_str(), e.message))
            }
            _ => {}
        }
    }
    if !invisible.is_empty() {
        return Err(AppError::io(format!(
            "local edits neither sent nor shown as conflict/needs confirmation: {invisible:?}"
        )));
    }

    // The person settles what waits, as often as new conflicts appear (a later edit of a code
    // can conflict again once an earlier one is settled): conflicts alternately kept local /
    // remote, step-ups confirmed in the dashboard (grace window) and retried.
    let engine = SyncEngine::new(&store, &sim);
    let (mut kept_local, mut kept_remote, mut confirmed, mut settle_passes) = (0u64, 0u64, 0u64, 0);
    for workspace in exaroutes_workspaces(&sim) {
        control.post("/step-up/grace", json!({"workspace": workspace})).await?;
    }
    loop {
        let waiting = store.read(|c| outbox::list(c, None, false))?;
        let open: Vec<_> = waiting
            .iter()
            .filter(|e| matches!(e.state, OutboxState::Conflict | OutboxState::NeedsConfirmation))
            .collect();
        if open.is_empty() && waiting.is_empty() {
            break;
        }
        settle_passes += 1;
        if settle_passes > 10 {
            return Err(AppError::io(format!("the outbox does not settle: {waiting:?}")));
        }
        for e in open {
            if e.state == OutboxState::Conflict {
                let keep = if e.id % 2 == 0 { Keep::Local } else { Keep::Remote };
                engine.resolve(e.id, keep).await?;
                if keep == Keep::Local {
                    kept_local += 1
                } else {
                    kept_remote += 1
                }
            } else {
                engine.retry(e.id).await?;
                confirmed += 1;
            }
        }
        let last = SyncEngine::new(&store, &sim).sync(&options).await?;
        if !last.errors.is_empty() {
            return Err(AppError::io(format!("a sync while settling failed: {:?}", last.errors)));
        }
    }
    let last = SyncEngine::new(&store, &sim).sync(&options).await?;
    if !last.errors.is_empty() {
        return Err(AppError::io(format!("the final sync failed: {:?}", last.errors)));
    }

    // The cache equals every service; nothing waits.
    let compared = compare_with_services(&store, &sim).await?;
    if let Some(d) = compared.differences.first() {
        let ids: Vec<&str> =
            d.only_on_service.iter().chain(&d.only_in_cache).map(|k| k.0.as_str()).collect();
        let history: Vec<String> = store
            .read(|c| outbox::list(c, None, true))?
            .iter()
            .filter(|e| e.remote_id.as_deref().is_some_and(|r| ids.contains(&r)))
            .map(|e| format!("#{} {} {} {:?}", e.id, e.op.as_str(), e.state.as_str(), e.changes))
            .collect();
        return Err(AppError::with_message(
            ErrorKind::Conflict,
            format!(
                "{}: the cache differs from the service; on the service only: {:?}; in the \
                 cache only: {:?}; outbox entries of those codes: {history:?}",
                d.account.label, d.only_on_service, d.only_in_cache
            ),
        ));
    }
    let compared = compared.codes;
    let waiting = store.counts()?.outbox_waiting;
    if waiting > 0 {
        return Err(AppError::io(format!("{waiting} outbox entries still wait after settling")));
    }
    if !store.integrity_ok()? {
        return Err(AppError::io("PRAGMA integrity_check failed"));
    }
    let c = t.counts;
    Ok(json!({
        "seconds": started.elapsed().as_secs(),
        "rounds": t.rounds,
        "syncs": t.syncs + settle_syncs + 1,
        "syncs_with_errors_during_storm": t.syncs_with_errors,
        "error_kinds_during_storm": t.error_kinds,
        "requests": c.requests,
        "retries": c.retries,
        "responses_429": c.throttled,
        "rate_limit_waits": c.rate_limit_waits,
        "waited_seconds": c.waited_ms / 1000,
        "faults_fired": fired,
        "latency_spikes": t.latency_spikes,
        "bursts_429": t.bursts_429,
        "service_side": { "renames": t.server_edits, "deletes": t.server_deletes, "scan_growths": t.scan_growths },
        "local_edits": t.local,
        "outbox_entries": entries.len(),
        "outbox_states_after_the_storm": states,
        "pending_behind_a_conflict_of_the_same_code": queued_behind,
        "codes_added": c.codes_added, "codes_updated": c.codes_updated, "codes_deleted": c.codes_deleted,
        "analytics_fetched": c.analytics_fetched,
        "conflicts_kept_local": kept_local,
        "conflicts_kept_remote": kept_remote,
        "step_ups_confirmed": confirmed,
        "settle_passes": settle_passes,
        "codes_compared_with_the_services": compared,
        "lost": 0,
        "cache_equals_services": true,
    }))
}

fn exaroutes_workspaces(sim: &SimConnector) -> Vec<String> {
    sim.manifest()
        .services
        .get(ProviderKind::ExaRoutes.as_str())
        .map(|s| s.accounts.iter().filter_map(|a| a.workspace.clone()).collect())
        .unwrap_or_default()
}
