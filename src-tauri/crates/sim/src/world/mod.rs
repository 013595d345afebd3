//! The simulator's whole in-memory state and the operations the services and the control API
//! perform on it. How it is first filled is in `seeding`.

mod seeding;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use qrdesk_core::{Environment, ProviderKind};
use serde::Deserialize;

use crate::deterministic_rng::{hash_str, SplitMix64};
use crate::manifest::ManifestAccount;
use crate::model::{Code, Dataset, ExanteKeyMeta, KeyRecord};
use crate::scan_history::ScanClock;
use crate::seed_catalog::{code_ids, key_secret, name_and_destination, parse_status};
use crate::sim_error::SimError;

/// Longest scan history served (ten years); longer requests are cut to it.
pub const MAX_SCAN_DAYS: u32 = 3_660;

/// A server-side edit (the control API's `edit_code`): any field left `None` stays.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CodeEdit {
    pub name: Option<String>,
    pub destination: Option<String>,
    pub status: Option<String>,
}

/// Validated changes a service (or the control API) applies to one code.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub name: Option<String>,
    pub destination: Option<String>,
    pub status: Option<&'static str>,
}

/// What a create asks for, already validated by the service module.
#[derive(Debug, Clone)]
pub struct NewCode {
    pub name: Option<String>,
    pub destination: String,
    pub data_type: &'static str,
    pub status: &'static str,
    /// A client-chosen id (ExaRoutes `uid`) or short code (QRCodePro `short_code`).
    pub id: Option<String>,
    pub short_code: Option<String>,
}

/// Why a create was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateRefusal {
    IdTaken,
    ShortCodeTaken,
}

pub struct World {
    pub clock: ScanClock,
    pub datasets: Vec<Dataset>,
    pub keys: HashMap<String, KeyRecord>,
    /// ExaRoutes `cust_…` client id → its `sk_live_…` key.
    pub exaroutes_clients: HashMap<String, String>,
    /// Seeded accounts for the manifest (base URLs are added by the server).
    pub accounts: Vec<(ProviderKind, ManifestAccount)>,
    pub exante_user_uid: String,
    rng: SplitMix64,
    grace_until: HashMap<String, Instant>,
    pub grace_len: Duration,
    /// iloveQR revoked keys cycle through the four documented answers in revocation order.
    iloveqr_revocations: u64,
}

impl World {
    fn unique_ids(
        &self,
        service: ProviderKind,
        rng: &mut SplitMix64,
        name: &str,
    ) -> (String, String) {
        loop {
            let (id, short) = code_ids(service, rng, name);
            if self.find_code(service, &id).is_none() && !self.short_code_taken(service, &short) {
                return (id, short);
            }
        }
    }

    fn short_code_taken(&self, service: ProviderKind, short: &str) -> bool {
        self.datasets.iter().any(|d| d.service == service && d.by_short_code.contains_key(short))
    }

    fn new_key(
        &mut self,
        service: ProviderKind,
        environment: Environment,
        datasets: Vec<usize>,
    ) -> String {
        loop {
            let secret = key_secret(service, environment, &mut self.rng);
            if !self.keys.contains_key(&secret) {
                self.keys.insert(
                    secret.clone(),
                    KeyRecord {
                        service,
                        datasets,
                        client_id: None,
                        revoked_at: None,
                        expires_at: None,
                        exante: None,
                        revoked_form: 0,
                    },
                );
                return secret;
            }
        }
    }

    fn new_exaroutes_pair(&mut self, dataset: usize) -> (String, String) {
        let client_id = format!("cust_{}", self.rng.alnum(14));
        let api_key = format!("sk_live_{}", self.rng.alnum(32));
        self.keys.insert(
            api_key.clone(),
            KeyRecord {
                service: ProviderKind::ExaRoutes,
                datasets: vec![dataset],
                client_id: Some(client_id.clone()),
                revoked_at: None,
                expires_at: None,
                exante: None,
                revoked_form: 0,
            },
        );
        self.exaroutes_clients.insert(client_id.clone(), api_key.clone());
        (client_id, api_key)
    }

    /// Adds an Exante key to the organization; its last 4 characters are unique there (clients
    /// find their own key in the list by them).
    pub fn new_exante_key(
        &mut self,
        org: usize,
        name: &str,
        scopes: Vec<String>,
        created_at: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    ) -> String {
        loop {
            let secret = self.new_key(ProviderKind::Exante, Environment::Live, vec![org]);
            let tail = last4(&secret);
            let clash = self.keys.iter().any(|(other, record)| {
                record.service == ProviderKind::Exante && *other != secret && last4(other) == tail
            });
            if clash {
                self.keys.remove(&secret);
                continue;
            }
            let uid = self.rng.uuid();
            if let Some(record) = self.keys.get_mut(&secret) {
                record.expires_at = expires_at;
                record.exante = Some(ExanteKeyMeta {
                    uid,
                    name: name.to_string(),
                    user_uid: self.exante_user_uid.clone(),
                    scopes,
                    created_at,
                    updated_at: created_at,
                    last_used_at: None,
                });
            }
            return secret;
        }
    }

    /// The data set a control call means: `scope` is a workspace/organization id, `live`/`test`,
    /// `team`/`starter`, or `None` for the service's first one (of `environment` when given).
    pub fn dataset_for(
        &self,
        service: ProviderKind,
        environment: Option<Environment>,
        scope: Option<&str>,
    ) -> Result<usize, SimError> {
        self.datasets
            .iter()
            .position(|d| {
                d.service == service
                    && match scope {
                        Some(s) => d.id.eq_ignore_ascii_case(s.trim()),
                        None => environment.is_none_or(|e| d.environment == e),
                    }
            })
            .ok_or_else(|| SimError::unknown("data set", scope.unwrap_or(service.as_str())))
    }

    /// Which data set of `service` holds code `id`.
    pub fn find_code(&self, service: ProviderKind, id: &str) -> Option<usize> {
        self.datasets.iter().position(|d| d.service == service && d.by_id.contains_key(id))
    }

    /// Creates a code in data set `index` (ids unique across the service).
    pub fn create_code(&mut self, index: usize, new: NewCode) -> Result<String, CreateRefusal> {
        let service = self.datasets.get(index).map(|d| d.service).ok_or(CreateRefusal::IdTaken)?;
        let mut rng = SplitMix64::new(self.rng.next_u64());
        let (mut id, mut short) =
            self.unique_ids(service, &mut rng, new.name.as_deref().unwrap_or("qr"));
        if let Some(wanted) = new.id {
            if self.find_code(service, &wanted).is_some() {
                return Err(CreateRefusal::IdTaken);
            }
            if service == ProviderKind::ExaRoutes {
                short = wanted.clone();
            }
            id = wanted;
        }
        if let Some(wanted) = new.short_code {
            if self.short_code_taken(service, &wanted) {
                return Err(CreateRefusal::ShortCodeTaken);
            }
            short = wanted;
        }
        let now = Utc::now();
        let code = Code {
            seq: 0,
            id: id.clone(),
            short_code: short,
            name: new.name,
            destination: new.destination,
            data_type: new.data_type,
            status: new.status,
            created_at: now,
            updated_at: now,
            hash: hash_str(&id) ^ rng.next_u64(),
            extra_scans: 0,
        };
        if let Some(dataset) = self.datasets.get_mut(index) {
            dataset.insert(code);
        }
        Ok(id)
    }

    /// A code of data set `index`.
    pub fn code(&self, index: usize, id: &str) -> Option<&Code> {
        self.datasets.get(index).and_then(|d| d.get(id))
    }

    /// Applies `changes` and moves `updated_at` forward (so a client holding an older copy
    /// sees a conflict); `None` when the data set has no such code.
    pub fn apply(&mut self, index: usize, id: &str, changes: Changes) -> Option<&Code> {
        let code = self.datasets.get_mut(index)?.get_mut(id)?;
        if let Some(name) = changes.name {
            code.name = Some(name);
        }
        if let Some(destination) = changes.destination {
            code.destination = destination;
        }
        if let Some(status) = changes.status {
            code.status = status;
        }
        code.updated_at = Utc::now().max(code.updated_at + TimeDelta::milliseconds(1));
        Some(code)
    }

    /// The code an earlier create with the same client id (`Idempotency-Key`) made.
    pub fn replayed(&self, index: usize, client_id: Option<&str>) -> Option<&Code> {
        let dataset = self.datasets.get(index)?;
        dataset.idempotency.get(client_id?).and_then(|id| dataset.get(id))
    }

    /// Creates a code and remembers the client's id, so a repeated create returns it again.
    pub fn create_recorded(
        &mut self,
        index: usize,
        new: NewCode,
        client_id: Option<String>,
    ) -> Result<&Code, CreateRefusal> {
        let id = self.create_code(index, new)?;
        let dataset = self.datasets.get_mut(index).ok_or(CreateRefusal::IdTaken)?;
        if let Some(client_id) = client_id {
            dataset.idempotency.insert(client_id, id.clone());
        }
        dataset.get(&id).ok_or(CreateRefusal::IdTaken)
    }

    /// Issues a new valid key for an existing data set.
    pub fn issue_key(
        &mut self,
        service: ProviderKind,
        environment: Environment,
        scope: Option<&str>,
    ) -> Result<String, SimError> {
        let env_filter = match service {
            ProviderKind::QrCodePro => Some(environment),
            _ => None,
        };
        // Several comma-separated ids: one key in several organizations (iloveQR).
        let indices = match scope {
            Some(list) if list.contains(',') => list
                .split(',')
                .map(|one| self.dataset_for(service, env_filter, Some(one.trim())))
                .collect::<Result<Vec<_>, _>>()?,
            _ => vec![self.dataset_for(service, env_filter, scope)?],
        };
        let index = indices[0];
        if service == ProviderKind::Exante {
            let name = format!("Issued key {}", self.keys.len() + 1);
            return Ok(self.new_exante_key(index, &name, Vec::new(), Utc::now(), None));
        }
        // QRCodePro keys follow their data set; ExaRoutes issues `exr_test_` keys on request.
        let environment = match service {
            ProviderKind::ExaRoutes => environment,
            _ => self.datasets.get(index).map(|d| d.environment).unwrap_or(environment),
        };
        Ok(self.new_key(service, environment, indices))
    }

    /// Issues a new ExaRoutes header pair (`cust_…`, `sk_live_…`) for a workspace.
    pub fn issue_exaroutes_pair(
        &mut self,
        workspace: Option<&str>,
    ) -> Result<(String, String), SimError> {
        let index = self.dataset_for(ProviderKind::ExaRoutes, None, workspace)?;
        Ok(self.new_exaroutes_pair(index))
    }

    pub fn revoke_key(&mut self, key: &str) -> Result<(), SimError> {
        let record = self.keys.get_mut(key.trim()).ok_or(SimError::UnknownKey)?;
        let now = Utc::now();
        if record.revoked_at.is_none() && record.service == ProviderKind::IloveQr {
            record.revoked_form = (self.iloveqr_revocations % 4) as u8;
            self.iloveqr_revocations += 1;
        }
        record.revoked_at.get_or_insert(now);
        if let Some(meta) = record.exante.as_mut() {
            meta.updated_at = now;
        }
        Ok(())
    }

    pub fn expire_key(&mut self, key: &str) -> Result<(), SimError> {
        let record = self.keys.get_mut(key.trim()).ok_or(SimError::UnknownKey)?;
        let past = Utc::now() - TimeDelta::seconds(1);
        record.expires_at = Some(past);
        Ok(())
    }

    pub fn open_grace(&mut self, workspace: &str) -> Result<(), SimError> {
        let index = self.dataset_for(ProviderKind::ExaRoutes, None, Some(workspace))?;
        let id = self.datasets.get(index).map(|d| d.id.clone()).unwrap_or_default();
        self.grace_until.insert(id, Instant::now() + self.grace_len);
        Ok(())
    }

    pub fn close_grace(&mut self, workspace: &str) {
        self.grace_until.remove(workspace.trim());
    }

    pub fn grace_open(&self, workspace: &str) -> bool {
        self.grace_until.get(workspace).is_some_and(|until| Instant::now() < *until)
    }

    /// A server-side edit: bumps `updated_at`, so a client holding an older copy sees a conflict.
    pub fn edit_code(
        &mut self,
        service: ProviderKind,
        id: &str,
        edit: &CodeEdit,
    ) -> Result<(), SimError> {
        let index = self.find_code(service, id).ok_or_else(|| SimError::unknown("code", id))?;
        let status =
            match edit.status.as_deref() {
                Some(text) => Some(parse_status(service, text).ok_or_else(|| {
                    SimError::Invalid(format!("{service} has no status \"{text}\""))
                })?),
                None => None,
            };
        let changes =
            Changes { name: edit.name.clone(), destination: edit.destination.clone(), status };
        self.apply(index, id, changes).map(|_| ()).ok_or_else(|| SimError::unknown("code", id))
    }

    pub fn delete_code(&mut self, service: ProviderKind, id: &str) -> Result<(), SimError> {
        let index = self.find_code(service, id).ok_or_else(|| SimError::unknown("code", id))?;
        self.datasets
            .get_mut(index)
            .and_then(|d| d.remove(id))
            .map(|_| ())
            .ok_or_else(|| SimError::unknown("code", id))
    }

    /// Adds `n` scans (on the last day) to every code of every service.
    pub fn grow_scans(&mut self, n: u64) {
        for dataset in &mut self.datasets {
            for code in dataset.codes.values_mut() {
                code.extra_scans += n;
            }
        }
    }

    /// Creates `n` realistic codes in a service's data set (first one when `scope` is `None`).
    pub fn add_codes(
        &mut self,
        service: ProviderKind,
        scope: Option<&str>,
        n: usize,
    ) -> Result<Vec<String>, SimError> {
        let index = self.dataset_for(service, None, scope)?;
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            let (name, destination) = name_and_destination(&mut self.rng);
            let status = crate::seed_catalog::statuses(service)[0];
            let new = NewCode {
                name: Some(name),
                destination,
                data_type: "url",
                status,
                id: None,
                short_code: None,
            };
            if let Ok(id) = self.create_code(index, new) {
                ids.push(id);
            }
        }
        Ok(ids)
    }
}

/// The last four characters (Exante's `key_snippet` shows them).
pub fn last4(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}
