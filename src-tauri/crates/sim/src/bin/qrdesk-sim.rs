//! `qrdesk-sim`: runs the simulator until SIGINT/SIGTERM. Prints the manifest (base URLs and
//! keys) as one JSON line on stdout at start; everything else goes to stderr.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use clap::Parser;
use qrdesk_core::{AppError, ErrorKind};
use qrdesk_sim::{Fault, RateLimitMode, SimConfig, Simulator};

/// Serves the five QR Desk provider contracts on 127.0.0.1 from seeded, in-memory data.
#[derive(Debug, Parser)]
#[command(name = "qrdesk-sim", version, max_term_width = 100)]
struct Args {
    /// TCP port on 127.0.0.1 (0 picks a free one; the manifest tells which).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Seed of all generated data and of probabilistic faults.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Codes per account (workspace, organization, live/test set).
    #[arg(long = "codes", default_value_t = 25)]
    codes: usize,
    /// Days of daily scan history.
    #[arg(long, default_value_t = 365)]
    days: u32,
    /// Last day of the scan history (YYYY-MM-DD); default today (UTC).
    #[arg(long)]
    today: Option<String>,
    /// Latency added to every provider request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// off | documented | scaled:LIMIT/SECONDS
    #[arg(long, default_value = "documented")]
    rate_limits: String,
    /// ExaRoutes step-up grace window, in seconds.
    #[arg(long, default_value_t = 300)]
    step_up_grace_secs: u64,
    /// A fault, repeatable: KIND[:next=N|:p=P][:service=S][:status=C][:retry_after=S][:ms=M];
    /// KIND is server_error, too_many_requests, plan_limit, drop_connection, truncated_body,
    /// non_json_body or latency.
    #[arg(long = "fault")]
    faults: Vec<String>,
}

fn config(args: &Args) -> Result<SimConfig, AppError> {
    let bad = |detail: String| AppError::new(ErrorKind::BadInput, detail);
    let today =
        match &args.today {
            Some(text) => Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                bad(format!("--today must be a date like 2026-05-21, not \"{text}\""))
            })?),
            None => None,
        };
    let faults = args
        .faults
        .iter()
        .map(|f| Fault::parse(f).map_err(|e| bad(format!("--fault {f}: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SimConfig {
        seed: args.seed,
        codes_per_account: args.codes,
        scan_days: args.days.max(1),
        latency_ms: args.latency_ms,
        rate_limits: RateLimitMode::parse(&args.rate_limits)
            .map_err(|e| bad(format!("--rate-limits: {e}")))?,
        step_up_grace: Duration::from_secs(args.step_up_grace_secs),
        today,
        port: args.port,
        faults,
    })
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

async fn run(args: Args) -> Result<(), AppError> {
    let config = config(&args)?;
    let simulator = Simulator::start(config).await.map_err(|e| {
        AppError::new(ErrorKind::Io, format!("could not listen on 127.0.0.1:{}: {e}", args.port))
    })?;
    let line = serde_json::to_string(&simulator.manifest())
        .map_err(|e| AppError::new(ErrorKind::Io, format!("could not write the manifest: {e}")))?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{line}")
        .and_then(|()| stdout.flush())
        .map_err(|e| AppError::new(ErrorKind::Io, format!("could not write the manifest: {e}")))?;
    drop(stdout);
    tracing::info!(address = %simulator.address(), "serving until SIGINT or SIGTERM");
    wait_for_signal().await;
    tracing::info!("shutting down");
    simulator.shutdown().await;
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let runtime =
        match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
            Ok(runtime) => runtime,
            Err(e) => {
                eprintln!("qrdesk-sim: could not start: {e}");
                return ExitCode::from(1);
            }
        };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("qrdesk-sim: {}", error.message);
            ExitCode::from(2)
        }
    }
}
