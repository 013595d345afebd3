//! [`AppContext`]: everything a use case runs against, made once by each front end: the data
//! folder and its store, the secret store (the OS keychain, or memory in tests), the clock, the
//! HTTP tuning, the one connector to the services, and the jobs running now.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use qrdesk_accounts::AccountService;
use qrdesk_core::AppError;
use qrdesk_providers::HttpSettings;
use qrdesk_secrets::{KeychainStore, Namespace, SecretStore};
use qrdesk_store::Store;

use crate::clock::{Clock, SystemClock};
use crate::connector::KeychainConnector;
use crate::data_dir::ensure_dir;
use crate::jobs::Jobs;

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "qrdesk.sqlite3";

/// The secret store a context uses, or why there is none (reported by the commands that need a
/// key; everything else works without).
pub type Secrets = Result<Box<dyn SecretStore>, AppError>;

/// An opened data folder with the parts every use case needs.
pub struct AppContext {
    data_dir: PathBuf,
    store: Store,
    secrets: Secrets,
    clock: Box<dyn Clock>,
    http: HttpSettings,
    jobs: Jobs,
    #[cfg(feature = "demo")]
    pub(crate) demo: tokio::sync::Mutex<Option<crate::demo::DemoServer>>,
}

impl AppContext {
    /// Opens (creating if needed) the data folder and its database, applying migrations, with
    /// the OS keychain in the namespace `QRDESK_KEYCHAIN_NAMESPACE` chooses (tests use `test`).
    /// The keychain is reached lazily, at the first command that needs a key.
    pub fn open(data_dir: &Path) -> Result<AppContext, AppError> {
        let keychain: Secrets = Namespace::from_env()
            .map(|ns| Box::new(KeychainStore::new(ns)) as Box<dyn SecretStore>);
        AppContext::open_with(data_dir, keychain)
    }

    /// Opens the data folder with another secret store (tests use memory).
    pub fn open_with(data_dir: &Path, secrets: Secrets) -> Result<AppContext, AppError> {
        ensure_dir(data_dir)?;
        let store = Store::open(&data_dir.join(DATABASE_FILE))?;
        Ok(AppContext {
            data_dir: data_dir.to_path_buf(),
            store,
            secrets,
            clock: Box::new(SystemClock),
            http: HttpSettings::default(),
            jobs: Jobs::default(),
            #[cfg(feature = "demo")]
            demo: tokio::sync::Mutex::new(None),
        })
    }

    /// Another clock (tests).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// Other timeouts and retries towards the services (tests use short ones).
    pub fn with_http(mut self, http: HttpSettings) -> Self {
        self.http = http;
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The secret store, or why it cannot be used.
    pub fn secrets(&self) -> Result<&dyn SecretStore, AppError> {
        self.secrets.as_deref().map_err(Clone::clone)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// The one way to reach an account's service (keys from the secret store).
    pub fn connector(&self) -> KeychainConnector<'_> {
        KeychainConnector::new(&self.store, self.secrets(), self.http.clone())
    }

    /// The account service over this context's store and secret store.
    pub(crate) fn account_service(&self) -> Result<AccountService<'_>, AppError> {
        Ok(AccountService::new(&self.store, self.secrets()?).with_http(self.http.clone()))
    }
}
