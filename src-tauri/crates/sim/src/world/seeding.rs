//! The first fill of the world: per service, the documented account shapes (workspaces,
//! organizations, live/test sets, plans, Exante's key list) with `codes_per_account` codes each,
//! all derived from the seed.

use std::collections::HashMap;

use chrono::{NaiveTime, TimeDelta, Utc};
use qrdesk_core::{Environment, ProviderKind};

use super::{World, MAX_SCAN_DAYS};
use crate::config::SimConfig;
use crate::deterministic_rng::{hash, SplitMix64};
use crate::manifest::ManifestAccount;
use crate::model::{Code, Dataset};
use crate::scan_history::ScanClock;
use crate::seed_catalog::{name_and_destination, seeded_status};

/// One seeded Exante key: name, scopes, created days ago, expires in days, revoked days ago,
/// and whether the manifest lists it.
struct SeededExanteKey(&'static str, &'static [&'static str], i64, Option<i64>, Option<i64>, bool);

impl World {
    /// Seeds every service. Deterministic for a given `seed`, `codes_per_account` and `today`.
    pub fn seeded(config: &SimConfig) -> World {
        let today = config.today.unwrap_or_else(|| Utc::now().date_naive());
        let mut world = World {
            clock: ScanClock::new(config.seed, today, config.scan_days.clamp(1, MAX_SCAN_DAYS)),
            datasets: Vec::new(),
            keys: HashMap::new(),
            exaroutes_clients: HashMap::new(),
            accounts: Vec::new(),
            exante_user_uid: String::new(),
            rng: SplitMix64::new(hash(&[config.seed, 0xACC0])),
            grace_until: HashMap::new(),
            grace_len: config.step_up_grace,
            iloveqr_revocations: 0,
        };
        world.seed_exaroutes(config);
        world.seed_qr_v1(config);
        world.seed_qrcodepro(config);
        world.seed_iloveqr(config);
        world.seed_exante();
        world
    }

    fn add_dataset(
        &mut self,
        config: &SimConfig,
        service: ProviderKind,
        id: String,
        name: &str,
        environment: Environment,
        codes: usize,
    ) -> usize {
        let index = self.datasets.len();
        self.datasets.push(Dataset::new(service, id, name.to_string(), environment));
        let mut rng = SplitMix64::new(hash(&[config.seed, 0xDA7A, index as u64]));
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
        let end = self.clock.today.and_time(noon).and_utc();
        let span_days = (self.clock.today - self.clock.first_day).num_days() + 1 + 90;
        let start = end - TimeDelta::days(span_days);
        let span_secs = (span_days - 1) * 86_400;
        for i in 0..codes {
            let (name, destination) = name_and_destination(&mut rng);
            let offset = span_secs * i as i64 / codes.max(1) as i64;
            let created_at = start + TimeDelta::seconds(offset + rng.below(3_600) as i64);
            let updated_at =
                (created_at + TimeDelta::seconds(rng.below(30 * 86_400) as i64)).min(end);
            let status = seeded_status(service, &mut rng);
            // ExaRoutes names are optional: some codes come without one.
            let name =
                if service == ProviderKind::ExaRoutes && i % 9 == 4 { None } else { Some(name) };
            let code_hash = rng.next_u64();
            let (id, short_code) =
                self.unique_ids(service, &mut rng, name.as_deref().unwrap_or("qr"));
            let code = Code {
                seq: 0,
                id,
                short_code,
                name,
                destination,
                data_type: "url",
                status,
                created_at,
                updated_at,
                hash: code_hash,
                extra_scans: 0,
            };
            if let Some(dataset) = self.datasets.get_mut(index) {
                dataset.insert(code);
            }
        }
        index
    }

    fn seed_exaroutes(&mut self, config: &SimConfig) {
        let n = config.codes_per_account;
        let main_id = format!("ws_{}", self.rng.lower_alnum(10));
        let partner_id = format!("ws_{}", self.rng.lower_alnum(10));
        let main = self.add_dataset(
            config,
            ProviderKind::ExaRoutes,
            main_id.clone(),
            "Main workspace",
            Environment::Live,
            n,
        );
        let partner = self.add_dataset(
            config,
            ProviderKind::ExaRoutes,
            partner_id.clone(),
            "Partner workspace",
            Environment::Live,
            n,
        );
        let (client_id, api_key) = self.new_exaroutes_pair(main);
        let mut pair =
            ManifestAccount::new("ExaRoutes – Main workspace (client-id + api-key)", "live");
        pair.workspace = Some(main_id.clone());
        pair.client_id = Some(client_id);
        pair.api_key = Some(api_key);
        pair.note =
            Some(format!("not a member of {partner_id}: X-Workspace-Id {partner_id} gets 403"));
        self.accounts.push((ProviderKind::ExaRoutes, pair));
        let bearer = self.new_key(ProviderKind::ExaRoutes, Environment::Live, vec![main]);
        let mut account = ManifestAccount::new("ExaRoutes – Main workspace (Bearer)", "live");
        account.workspace = Some(main_id);
        account.key = Some(bearer);
        account.note = Some("same data as the header-pair account".into());
        self.accounts.push((ProviderKind::ExaRoutes, account));
        let other = self.new_key(ProviderKind::ExaRoutes, Environment::Live, vec![partner]);
        let mut account = ManifestAccount::new("ExaRoutes – Partner workspace (Bearer)", "live");
        account.workspace = Some(partner_id);
        account.key = Some(other);
        self.accounts.push((ProviderKind::ExaRoutes, account));
    }

    fn seed_qr_v1(&mut self, config: &SimConfig) {
        let team = self.add_dataset(
            config,
            ProviderKind::QrV1,
            "team".into(),
            "Team plan account",
            Environment::Live,
            config.codes_per_account,
        );
        let starter = self.add_dataset(
            config,
            ProviderKind::QrV1,
            "starter".into(),
            "Starter plan account",
            Environment::Live,
            0,
        );
        if let Some(d) = self.datasets.get_mut(starter) {
            d.api_access = false;
        }
        let key = self.new_key(ProviderKind::QrV1, Environment::Live, vec![team]);
        let mut account = ManifestAccount::new("QR platform – Team plan", "live");
        account.key = Some(key);
        self.accounts.push((ProviderKind::QrV1, account));
        let key = self.new_key(ProviderKind::QrV1, Environment::Live, vec![starter]);
        let mut account = ManifestAccount::new("QR platform – Starter plan", "live");
        account.key = Some(key);
        account.note = Some("plan below Team: every call gets 403".into());
        account.refused = true;
        self.accounts.push((ProviderKind::QrV1, account));
    }

    fn seed_qrcodepro(&mut self, config: &SimConfig) {
        let n = config.codes_per_account;
        for (environment, label) in
            [(Environment::Live, "QRCodePro – live"), (Environment::Test, "QRCodePro – test")]
        {
            let index = self.add_dataset(
                config,
                ProviderKind::QrCodePro,
                environment.as_str().into(),
                label,
                environment,
                n,
            );
            let key = self.new_key(ProviderKind::QrCodePro, environment, vec![index]);
            let mut account = ManifestAccount::new(label, environment.as_str());
            account.key = Some(key);
            self.accounts.push((ProviderKind::QrCodePro, account));
        }
    }

    fn seed_iloveqr(&mut self, config: &SimConfig) {
        let n = config.codes_per_account;
        let first_id = format!("org_{}", self.rng.lower_alnum(8));
        let second_id = format!("org_{}", self.rng.lower_alnum(8));
        let first = self.add_dataset(
            config,
            ProviderKind::IloveQr,
            first_id.clone(),
            "Northwind Marketing",
            Environment::Live,
            n,
        );
        let second = self.add_dataset(
            config,
            ProviderKind::IloveQr,
            second_id.clone(),
            "Contoso Events",
            Environment::Live,
            n,
        );
        let key = self.new_key(ProviderKind::IloveQr, Environment::Live, vec![first, second]);
        let mut account = ManifestAccount::new("iloveQR – key in two organizations", "live");
        account.key = Some(key);
        account.organizations = vec![first_id.clone(), second_id.clone()];
        account.note = Some("belongs to two organizations: the user picks one".into());
        self.accounts.push((ProviderKind::IloveQr, account));
        let key = self.new_key(ProviderKind::IloveQr, Environment::Live, vec![first]);
        let mut account = ManifestAccount::new("iloveQR – key in one organization", "live");
        account.key = Some(key);
        account.organization = Some(first_id.clone());
        account.organizations = vec![first_id];
        account.note = Some(format!("not a member of {second_id}: its routes get 403"));
        self.accounts.push((ProviderKind::IloveQr, account));
    }

    fn seed_exante(&mut self) {
        let org_uid = self.rng.uuid();
        let org = self.datasets.len();
        self.datasets.push(Dataset::new(
            ProviderKind::Exante,
            org_uid,
            "Exante organization".into(),
            Environment::Live,
        ));
        self.exante_user_uid = self.rng.uuid();
        let now = Utc::now();
        let day = TimeDelta::days(1);
        // name, scopes, created days ago, expires in days, revoked days ago, in the manifest
        let seeded = [
            SeededExanteKey("Production integration", &[], 120, Some(20), None, true),
            SeededExanteKey("Reporting (read-only)", &["invoices:read"], 60, None, None, true),
            SeededExanteKey(
                "Old CI key",
                &["invoices:read", "invoices:write"],
                300,
                None,
                Some(40),
                false,
            ),
            SeededExanteKey("Legacy import", &[], 400, Some(-10), None, false),
        ];
        for SeededExanteKey(name, scopes, created_ago, expires_in, revoked_ago, listed) in seeded {
            let created_at = now - day * created_ago as i32;
            let secret = self.new_exante_key(
                org,
                name,
                scopes.iter().map(|s| s.to_string()).collect(),
                created_at,
                expires_in.map(|d| now + day * d as i32),
            );
            if let Some(record) = self.keys.get_mut(&secret) {
                record.revoked_at = revoked_ago.map(|d| now - day * d as i32);
                if let Some(meta) = record.exante.as_mut() {
                    meta.last_used_at = Some(now - day * (created_ago / 3) as i32);
                }
            }
            if listed {
                let mut account = ManifestAccount::new(&format!("Exante – {name}"), "live");
                account.key = Some(secret);
                if !scopes.is_empty() {
                    account.note = Some("scoped to invoices:read: key management gets 403".into());
                }
                self.accounts.push((ProviderKind::Exante, account));
            }
        }
    }
}
