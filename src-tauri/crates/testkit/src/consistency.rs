//! Comparing the cache with the services: what the crash test, the soak and the benchmarks
//! check after a sync ("the cache equals the service").

use qrdesk_core::{Account, AppError};
use qrdesk_providers::list_all;
use qrdesk_store::codes::{self, CodeFilter};
use qrdesk_store::{accounts, Store};

use qrdesk_sync::Connector;

/// What is compared of a code: remote id, name, destination and printed content.
pub type CodeKey = (String, String, String, String);

/// One account whose cache and service differ.
#[derive(Debug, Clone)]
pub struct Difference {
    pub account: Account,
    pub only_on_service: Vec<CodeKey>,
    pub only_in_cache: Vec<CodeKey>,
}

/// The outcome of a comparison of every account.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub accounts: usize,
    /// Codes that matched.
    pub codes: usize,
    pub differences: Vec<Difference>,
}

/// Lists every account's codes on its service and compares them with the (non-deleted) cache.
pub async fn compare_with_services(
    store: &Store,
    connector: &dyn Connector,
) -> Result<Comparison, AppError> {
    let all = store.read(|c| accounts::list(c, chrono::Utc::now()))?;
    let mut out = Comparison { accounts: all.len(), ..Comparison::default() };
    for account in all {
        let provider = connector.connect(&account)?;
        let mut remote: Vec<CodeKey> = list_all(provider.as_ref(), 100, 1_000_000)
            .await
            .map_err(AppError::from)?
            .into_iter()
            .map(|c| (c.remote_id, c.name, c.destination, c.content))
            .collect();
        remote.sort();
        let filter = CodeFilter { account: Some(account.id), ..CodeFilter::default() };
        let mut local: Vec<CodeKey> = store
            .read(|c| codes::list(c, &filter))?
            .into_iter()
            .map(|c| (c.remote_id.unwrap_or_default(), c.name, c.destination, c.content))
            .collect();
        local.sort();
        if local == remote {
            out.codes += local.len();
            continue;
        }
        let only_on_service = remote.iter().filter(|r| !local.contains(r)).cloned().collect();
        let only_in_cache = local.iter().filter(|l| !remote.contains(l)).cloned().collect();
        out.differences.push(Difference { account, only_on_service, only_in_cache });
    }
    Ok(out)
}
