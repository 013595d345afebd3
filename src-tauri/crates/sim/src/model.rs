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
    /// The keys of `codes` in order, so a page of the whole list is found by position without
    /// walking every code before it (100,000 codes: a list page took milliseconds).
    order: Vec<u64>,
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
            order: Vec::new(),
        }
    }

    pub fn insert(&mut self, mut code: Code) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        code.seq = seq;
        self.by_id.insert(code.id.clone(), seq);
        self.by_short_code.insert(code.short_code.clone(), seq);
        self.codes.insert(seq, code);
        // Sequence numbers only grow, so the order stays sorted by appending.
        self.order.push(seq);
        seq
    }

    /// `take` codes from position `skip` of the whole list, in creation order.
    pub fn slice(&self, skip: usize, take: usize) -> impl Iterator<Item = &Code> {
        let keys = self.order.get(skip..).unwrap_or_default();
        keys.iter().take(take).filter_map(|seq| self.codes.get(seq))
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
        if let Ok(at) = self.order.binary_search(&seq) {
            self.order.remove(at);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn code(n: u64) -> Code {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        Code {
            seq: 0,
            id: format!("c{n}"),
            short_code: format!("s{n}"),
            name: Some(format!("code {n}")),
            destination: "https://example.com".into(),
            data_type: "url",
            status: "active",
            created_at: at,
            updated_at: at,
            hash: n,
            extra_scans: 0,
        }
    }

    #[test]
    fn a_slice_is_the_list_walked_from_the_start() {
        let mut set =
            Dataset::new(ProviderKind::QrCodePro, "live".into(), "Live".into(), Environment::Live);
        for n in 0..50 {
            set.insert(code(n));
        }
        for n in [0, 7, 8, 30, 49] {
            set.remove(&format!("c{n}"));
        }
        set.insert(code(50));
        for skip in [0, 1, 10, 44, 45, 46, 100] {
            for take in [0, 1, 10, 100] {
                let walked: Vec<&str> =
                    set.codes.values().skip(skip).take(take).map(|c| c.id.as_str()).collect();
                let sliced: Vec<&str> = set.slice(skip, take).map(|c| c.id.as_str()).collect();
                assert_eq!(sliced, walked, "skip {skip}, take {take}");
            }
        }
    }
}
