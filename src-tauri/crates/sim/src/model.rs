//! The records the simulator keeps in memory: codes, data sets (workspaces, organizations,
//! live/test sets) and keys. Scan history is not stored (see `scan_history`).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use qrdesk_core::{Environment, ProviderKind};

/// One QR code as a service stores it. `status` holds the service's own lower-case word
/// (`active`, `inactive`, `paused`, `draft`, `archived`); both it and `data_type` come from
/// constant tables, so a code costs no allocation for them.
#[derive(Debug, Clone)]
pub struct Code {
    /// Creation order inside its data set (lists are served in this order).
    pub seq: u64,
    pub id: String,
    pub short_code: String,
    pub name: Option<String>,
    pub destination: String,
    pub data_type: &'static str,
    pub status: &'static str,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Drives the code's scan history and its wire variations.
    pub hash: u64,
    /// Scans added on the last day by `grow_scans`.
    pub extra_scans: u64,
}

/// A set of codes one key sees: an ExaRoutes workspace, an iloveQR organization, a QRCodePro
/// live or test set, a `/api/v1/qr` account, or Exante's organization (keys only).
#[derive(Debug, Clone)]
pub struct Dataset {
    pub service: ProviderKind,
    /// `ws_…`, `org_…`, or a label for services without one.
    pub id: String,
    pub name: String,
    pub environment: Environment,
    /// The `/api/v1/qr` plan: false for plans below Team (every call gets 403).
    pub api_access: bool,
    pub codes: BTreeMap<u64, Code>,
    pub by_id: HashMap<String, u64>,
    pub by_short_code: HashMap<String, u64>,
    /// Client-chosen create ids (`Idempotency-Key`) → code id.
    pub idempotency: HashMap<String, String>,
    pub next_seq: u64,
}

impl Dataset {
    pub fn new(service: ProviderKind, id: String, name: String, environment: Environment) -> Self {
        Dataset {
            service,
            id,
            name,
            environment,
            api_access: true,
            codes: BTreeMap::new(),
            by_id: HashMap::new(),
            by_short_code: HashMap::new(),
            idempotency: HashMap::new(),
            next_seq: 1,
        }
    }

    pub fn insert(&mut self, mut code: Code) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        code.seq = seq;
        self.by_id.insert(code.id.clone(), seq);
        self.by_short_code.insert(code.short_code.clone(), seq);
        self.codes.insert(seq, code);
        seq
    }

    pub fn get(&self, id: &str) -> Option<&Code> {
        self.by_id.get(id).and_then(|seq| self.codes.get(seq))
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Code> {
        match self.by_id.get(id) {
            Some(seq) => self.codes.get_mut(seq),
            None => None,
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Code> {
        let seq = self.by_id.remove(id)?;
        let code = self.codes.remove(&seq)?;
        self.by_short_code.remove(&code.short_code);
        Some(code)
    }
}

/// Exante keys carry more than a secret: their list shows every one of them.
#[derive(Debug, Clone)]
pub struct ExanteKeyMeta {
    pub uid: String,
    pub name: String,
    pub user_uid: String,
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// One API key the simulator accepts (or remembers as revoked/expired).
#[derive(Debug, Clone)]
pub struct KeyRecord {
    pub service: ProviderKind,
    /// Indexes into `World::datasets`: the workspaces/organizations the key may use; the first is
    /// the default.
    pub datasets: Vec<usize>,
    /// ExaRoutes header pair: the `cust_…` id sent beside this `sk_live_…` key.
    pub client_id: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Which of the service's revoked-key answers this key gets (iloveQR has four forms).
    pub revoked_form: u8,
    pub expires_at: Option<DateTime<Utc>>,
    pub exante: Option<ExanteKeyMeta>,
}

/// What a presented key turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    Valid,
    Revoked,
    Expired,
}

impl KeyRecord {
    pub fn state(&self, now: DateTime<Utc>) -> KeyState {
        if self.revoked_at.is_some() {
            KeyState::Revoked
        } else if self.expires_at.is_some_and(|at| at <= now) {
            KeyState::Expired
        } else {
            KeyState::Valid
        }
    }
}
