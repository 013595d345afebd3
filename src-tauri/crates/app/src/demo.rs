//! Demo mode: the built-in simulator serves sample accounts on this machine.
//!
//! "Try the demo" starts [`qrdesk_sim`] in-process with a fixed seed, so the same sample codes
//! and keys come back on every start, and adds one account per service through the ordinary
//! add-account path (verified, key in the keychain). When the app starts again with demo accounts
//! in the store, the simulator is started again and the accounts are pointed at its new address.
//! The manifest (addresses and control endpoint; the sample keys are the simulator's own) is
//! written to `demo-simulator.json` in the data folder, where tests and curious users find it.
//!
//! The simulator reaches the product only through this module, behind the `demo` feature that
//! the desktop turns on; the `qrdesk` CLI is built without it.

use std::path::Path;
use std::time::Duration;

use qrdesk_accounts::AccountToAdd;
use qrdesk_core::{ApiSecret, AppError, ProviderKind};
use qrdesk_sim::{Manifest, ManifestAccount, RateLimitMode, SimConfig, Simulator};
use qrdesk_store::accounts;

use crate::context::AppContext;
use crate::ipc::app::AppInfo;

/// The simulator's seed: the same sample data on every start.
pub const DEMO_SEED: u64 = 42;
/// Sample codes per demo account.
pub const DEMO_CODES_PER_ACCOUNT: usize = 40;
/// Where the manifest is written inside the data folder.
pub const DEMO_MANIFEST_FILE: &str = "demo-simulator.json";

/// One demo account: which seeded simulator account it uses and what it is called.
struct DemoAccount {
    provider: ProviderKind,
    /// Index into the manifest's accounts of that service.
    index: usize,
    label: &'static str,
}

const DEMO_ACCOUNTS: [DemoAccount; 6] = [
    DemoAccount { provider: ProviderKind::QrCodePro, index: 0, label: "Demo · QRCodePro" },
    DemoAccount { provider: ProviderKind::QrCodePro, index: 1, label: "Demo · QRCodePro (test)" },
    DemoAccount { provider: ProviderKind::ExaRoutes, index: 1, label: "Demo · ExaRoutes" },
    DemoAccount { provider: ProviderKind::IloveQr, index: 1, label: "Demo · iloveQR" },
    DemoAccount { provider: ProviderKind::QrV1, index: 0, label: "Demo · QR platform" },
    DemoAccount { provider: ProviderKind::Exante, index: 0, label: "Demo · Exante keys" },
];

/// A running demo simulator.
pub struct DemoServer {
    sim: Simulator,
}

impl DemoServer {
    pub fn manifest(&self) -> Manifest {
        self.sim.manifest()
    }

    pub async fn shutdown(self) {
        self.sim.shutdown().await;
    }
}

/// Whether the store holds demo accounts (the app then restarts the simulator on launch).
pub fn has_demo_accounts(ctx: &AppContext) -> Result<bool, AppError> {
    Ok(ctx.store().read(|c| accounts::list(c, ctx.now()))?.iter().any(|a| a.demo))
}

/// `app_info`: the name, version and whether the demo runs.
pub async fn app_info(ctx: &AppContext) -> AppInfo {
    AppInfo::current(ctx.demo.lock().await.is_some())
}

/// "Try the demo": starts the built-in simulator and its sample accounts (idempotent).
pub async fn start_demo(ctx: &AppContext) -> Result<AppInfo, AppError> {
    let mut running = ctx.demo.lock().await;
    if running.is_none() {
        *running = Some(launch(ctx).await?);
    }
    Ok(AppInfo::current(true))
}

/// At launch: when the store holds demo accounts, the simulator comes back (same seed, same
/// sample data), so the demo keeps working across restarts.
pub async fn resume_demo(ctx: &AppContext) -> Result<(), AppError> {
    if has_demo_accounts(ctx)? {
        start_demo(ctx).await?;
    }
    Ok(())
}

/// Stops the simulator if it runs.
pub async fn stop_demo(ctx: &AppContext) {
    if let Some(server) = ctx.demo.lock().await.take() {
        server.shutdown().await;
    }
}

/// The running simulator's manifest (tests).
pub async fn demo_manifest(ctx: &AppContext) -> Option<Manifest> {
    ctx.demo.lock().await.as_ref().map(DemoServer::manifest)
}

/// Starts the simulator and makes sure every demo account exists and points at it.
async fn launch(ctx: &AppContext) -> Result<DemoServer, AppError> {
    let port = previous_port(ctx).unwrap_or(0);
    let sim = match Simulator::start(demo_config(port)).await {
        Ok(sim) => sim,
        // The old port is taken: any free one will do, the accounts are moved below.
        Err(_) if port != 0 => Simulator::start(demo_config(0)).await.map_err(start_failed)?,
        Err(e) => return Err(start_failed(e)),
    };
    let manifest = sim.manifest();
    write_manifest(ctx.data_dir(), &manifest)?;
    let existing = ctx.store().read(|c| accounts::list(c, ctx.now()))?;
    for demo in &DEMO_ACCOUNTS {
        let base_url = sim.base_url(demo.provider);
        if let Some(a) = existing.iter().find(|a| a.demo && a.label == demo.label) {
            if a.base_url != base_url {
                ctx.store().transaction(|tx| accounts::set_base_url(tx, a.id, &base_url))?;
            }
            continue;
        }
        let seeded = seeded_account(&manifest, demo)?;
        let request = AccountToAdd {
            provider: Some(demo.provider),
            label: demo.label.to_string(),
            secret: ApiSecret::new(
                seeded.key.clone().or(seeded.api_key.clone()).unwrap_or_default(),
            ),
            client_id: seeded.client_id.clone(),
            workspace: seeded.workspace.clone().or(seeded.organization.clone()),
            base_url: Some(base_url),
            expires_at: None,
            verify: true,
        };
        let account = crate::accounts::add_account_key(ctx, request).await?;
        ctx.store().transaction(|tx| accounts::set_demo(tx, account.id, true))?;
    }
    Ok(DemoServer { sim })
}

fn demo_config(port: u16) -> SimConfig {
    SimConfig {
        seed: DEMO_SEED,
        codes_per_account: DEMO_CODES_PER_ACCOUNT,
        // Generous limits: the demo shows pacing headers without making people wait.
        rate_limits: RateLimitMode::Scaled { limit: 600, window: Duration::from_secs(60) },
        port,
        ..SimConfig::default()
    }
}

fn start_failed(e: std::io::Error) -> AppError {
    AppError::io(format!("The demo simulator could not start on this computer ({e})"))
}

/// The port the demo accounts used last time (kept so their addresses stay valid).
fn previous_port(ctx: &AppContext) -> Option<u16> {
    let accounts = ctx.store().read(|c| accounts::list(c, ctx.now())).ok()?;
    let url = accounts.into_iter().find(|a| a.demo)?.base_url;
    let rest = url.strip_prefix("http://127.0.0.1:")?;
    rest.split('/').next()?.parse().ok()
}

fn seeded_account<'m>(
    manifest: &'m Manifest,
    demo: &DemoAccount,
) -> Result<&'m ManifestAccount, AppError> {
    manifest
        .services
        .get(demo.provider.as_str())
        .and_then(|s| s.accounts.get(demo.index))
        .ok_or_else(|| {
            AppError::io(format!(
                "The demo simulator has no sample {} account",
                demo.provider.display_name()
            ))
        })
}

/// Writes the manifest next to the database, atomically (temp file + rename), without the
/// sample keys: they are in the keychain like any other key, and the data folder holds no key.
fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<(), AppError> {
    let mut shown = manifest.clone();
    for account in shown.services.values_mut().flat_map(|s| s.accounts.iter_mut()) {
        account.key = None;
        account.api_key = None;
    }
    let json = serde_json::to_vec_pretty(&shown)
        .map_err(|e| AppError::io(format!("Could not describe the demo simulator: {e}")))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        AppError::io(format!("Could not write in the data folder {}: {e}", dir.display()))
    })?;
    std::io::Write::write_all(&mut tmp, &json)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| AppError::io(format!("Could not write the demo manifest: {e}")))?;
    tmp.persist(dir.join(DEMO_MANIFEST_FILE))
        .map_err(|e| AppError::io(format!("Could not write the demo manifest: {e}")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrdesk_secrets::MemoryStore;

    #[tokio::test]
    async fn the_demo_adds_its_accounts_and_its_manifest_file_holds_no_key() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = AppContext::open_with(dir.path(), Ok(Box::new(MemoryStore::new()))).unwrap();
        assert!(start_demo(&ctx).await.unwrap().demo);
        assert!(app_info(&ctx).await.demo);
        assert!(has_demo_accounts(&ctx).unwrap());
        let written = std::fs::read_to_string(dir.path().join(DEMO_MANIFEST_FILE)).unwrap();
        let manifest = demo_manifest(&ctx).await.unwrap();
        assert!(written.contains(&manifest.control_url));
        let keys: Vec<&String> = manifest
            .services
            .values()
            .flat_map(|s| &s.accounts)
            .flat_map(|a| [&a.key, &a.api_key].into_iter().flatten())
            .collect();
        assert!(!keys.is_empty());
        for key in keys {
            assert!(!written.contains(key.as_str()), "the manifest file holds a key");
        }
        stop_demo(&ctx).await;
        assert!(!app_info(&ctx).await.demo);
    }
}
