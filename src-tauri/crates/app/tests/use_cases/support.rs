//! A context over a temporary data folder with a memory secret store, and the simulator.

use std::time::Duration;

use qrdesk_app::accounts::{add_account_key, NewAccountKey};
use qrdesk_app::AppContext;
use qrdesk_core::{Account, ApiSecret, Environment, ProviderKind};
use qrdesk_providers::HttpSettings;
use qrdesk_secrets::MemoryStore;
use qrdesk_sim::{RateLimitMode, SimConfig, Simulator};

pub struct World {
    pub sim: Simulator,
    pub ctx: AppContext,
    _dir: tempfile::TempDir,
}

/// Short timeouts and few retries: tests see failures at once.
fn http() -> HttpSettings {
    HttpSettings {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(5),
        max_retries: 1,
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(20),
        ..HttpSettings::default()
    }
}

impl World {
    pub async fn new() -> World {
        let config = SimConfig {
            codes_per_account: 6,
            scan_days: 5,
            rate_limits: RateLimitMode::Off,
            ..SimConfig::default()
        };
        let sim = Simulator::start(config).await.expect("simulator starts");
        let dir = tempfile::tempdir().expect("temp dir");
        let ctx = AppContext::open_with(dir.path(), Ok(Box::new(MemoryStore::new())))
            .expect("context")
            .with_http(http());
        World { sim, ctx, _dir: dir }
    }

    /// Adds a verified account of `provider` with a key the simulator issues.
    pub async fn account(&self, provider: ProviderKind, label: &str) -> Account {
        let key = self.sim.control().issue_key(provider, Environment::Live, None).expect("key");
        let request = NewAccountKey {
            provider: Some(provider),
            label: label.to_string(),
            secret: ApiSecret::new(key),
            client_id: None,
            workspace: None,
            base_url: Some(self.sim.base_url(provider)),
            expires_at: None,
            verify: true,
        };
        add_account_key(&self.ctx, request).await.expect("account added")
    }
}

/// `qrdesk print --csv CSV --layout avery-l7160 -o OUT` as flags, every other flag at its default.
pub fn csv_flags(
    csv: &std::path::Path,
    out: &std::path::Path,
) -> qrdesk_app::print::flags::PrintFlags {
    use qrdesk_app::print::flags::{FlagOutput, FlagSource, PrintFlags};
    PrintFlags {
        source: FlagSource::Csv {
            path: csv.to_path_buf(),
            column: None,
            delimiter: None,
            quantity_column: None,
        },
        status: None,
        include_deleted: false,
        layout: Some("avery-l7160".into()),
        layout_file: None,
        page: None,
        size: None,
        module: None,
        ec: qrdesk_app::print::EngineEcLevel::M,
        ec_chosen: false,
        color: "k".into(),
        style: None,
        printer_profile: None,
        design: None,
        caption: None,
        serial_start: 1,
        bleed: None,
        crop_marks: false,
        cut_lines: false,
        start_at: 1,
        offset: None,
        scale: None,
        quiet_zone: 4,
        force: false,
        verify: false,
        skip_invalid: false,
        manifest: None,
        output: FlagOutput::Pdf(out.to_path_buf()),
    }
}
