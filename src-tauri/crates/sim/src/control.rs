//! `SimControl`: the in-process handle tests use to steer a running simulator. The HTTP
//! control endpoint (`/_control/…`, see `control_http`) offers the same operations.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use qrdesk_core::{Environment, ProviderKind};

use crate::config::RateLimitMode;
use crate::faults::Fault;
use crate::manifest::Manifest;
use crate::shared_state::{lock, Shared};
use crate::sim_error::SimError;
use crate::world::CodeEdit;

/// A cheap, cloneable handle on a running simulator.
#[derive(Clone)]
pub struct SimControl {
    shared: Arc<Shared>,
    address: SocketAddr,
}

impl SimControl {
    pub(crate) fn new(shared: Arc<Shared>, address: SocketAddr) -> Self {
        SimControl { shared, address }
    }

    pub fn manifest(&self) -> Manifest {
        crate::manifest::build(self.address, &self.shared)
    }

    /// A new valid key for an existing data set. `scope`: ExaRoutes workspace (`ws_…`), iloveQR
    /// organization (`org_…`), `/api/v1/qr` account (`team`/`starter`), or `None` for the
    /// service's first data set (QRCodePro: the one of `environment`). ExaRoutes issues
    /// `exr_test_` keys for `Environment::Test`; Exante adds a full-access key to its list.
    pub fn issue_key(
        &self,
        provider: ProviderKind,
        environment: Environment,
        scope: Option<&str>,
    ) -> Result<String, SimError> {
        lock(&self.shared.world).issue_key(provider, environment, scope)
    }

    /// A new ExaRoutes header pair `(client_id, api_key)` for a workspace (`None`: the main one).
    pub fn issue_exaroutes_pair(
        &self,
        workspace: Option<&str>,
    ) -> Result<(String, String), SimError> {
        lock(&self.shared.world).issue_exaroutes_pair(workspace)
    }

    /// The key gets 401 (iloveQR: 401/403 with `API_KEY_REVOKED`) from now on.
    pub fn revoke_key(&self, key: &str) -> Result<(), SimError> {
        lock(&self.shared.world).revoke_key(key)
    }

    /// The key's expiry moves into the past: 401 from now on (Exante lists it as expired).
    pub fn expire_key(&self, key: &str) -> Result<(), SimError> {
        lock(&self.shared.world).expire_key(key)
    }

    pub fn inject_fault(&self, fault: Fault) {
        lock(&self.shared.faults).push(fault);
    }

    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// How many times each kind of fault fired since the simulator started.
    pub fn faults_fired(&self) -> std::collections::BTreeMap<String, u64> {
        lock(&self.shared.faults).fired()
    }

    /// The faults still active (next-N faults disappear once used up).
    pub fn faults(&self) -> Vec<Fault> {
        lock(&self.shared.faults).list()
    }

    /// Latency added to every provider request from now on.
    pub fn set_latency_ms(&self, ms: u64) {
        self.shared.latency_ms.store(ms, Ordering::Relaxed);
    }

    /// Changes the rate-limit mode (all windows restart).
    pub fn set_rate_limits(&self, mode: RateLimitMode) {
        lock(&self.shared.limiter).set_mode(mode);
    }

    pub fn rate_limits(&self) -> RateLimitMode {
        lock(&self.shared.limiter).mode()
    }

    /// Opens the ExaRoutes step-up grace window of a workspace (as if the user had confirmed in
    /// the dashboard); it lasts `SimConfig::step_up_grace`.
    pub fn open_grace(&self, workspace: &str) -> Result<(), SimError> {
        lock(&self.shared.world).open_grace(workspace)
    }

    pub fn close_grace(&self, workspace: &str) {
        lock(&self.shared.world).close_grace(workspace);
    }

    /// A server-side edit; bumps `updated_at` (creates conflicts with local edits).
    pub fn edit_code(
        &self,
        provider: ProviderKind,
        remote_id: &str,
        edit: CodeEdit,
    ) -> Result<(), SimError> {
        lock(&self.shared.world).edit_code(provider, remote_id, &edit)
    }

    pub fn delete_code(&self, provider: ProviderKind, remote_id: &str) -> Result<(), SimError> {
        lock(&self.shared.world).delete_code(provider, remote_id)
    }

    /// Adds `n` scans today to every code of every service (totals move between syncs).
    pub fn grow_scans(&self, n: u64) {
        lock(&self.shared.world).grow_scans(n);
    }

    /// Adds `n` codes to the service's first data set; returns their ids.
    pub fn add_codes(&self, provider: ProviderKind, n: usize) -> Result<Vec<String>, SimError> {
        lock(&self.shared.world).add_codes(provider, None, n)
    }

    /// Adds `n` codes to one data set (workspace, organization, `live`/`test`, `team`).
    pub fn add_codes_to(
        &self,
        provider: ProviderKind,
        scope: &str,
        n: usize,
    ) -> Result<Vec<String>, SimError> {
        lock(&self.shared.world).add_codes(provider, Some(scope), n)
    }

    /// The ids of a data set's codes, in list order.
    pub fn code_ids(
        &self,
        provider: ProviderKind,
        scope: Option<&str>,
    ) -> Result<Vec<String>, SimError> {
        let world = lock(&self.shared.world);
        let index = world.dataset_for(provider, None, scope)?;
        Ok(world
            .datasets
            .get(index)
            .map(|d| d.codes.values().map(|c| c.id.clone()).collect())
            .unwrap_or_default())
    }

    /// Requests served per `"METHOD /route"` (ids as `{id}`/`{org}`), control calls excluded.
    pub fn request_counts(&self) -> BTreeMap<String, u64> {
        lock(&self.shared.counts).snapshot()
    }

    pub fn reset_counts(&self) {
        lock(&self.shared.counts).reset();
    }
}
