//! [`Connector`]: how the engine gets an adapter for an account without touching the keychain.

use qrdesk_core::{Account, AppError};
use qrdesk_providers::Provider;

/// Builds a connected adapter for an account. The desktop app and the CLI pass one backed by
/// the OS keychain; tests and demo mode pass one backed by the simulator's manifest.
pub trait Connector: Send + Sync {
    fn connect(&self, account: &Account) -> Result<Box<dyn Provider>, AppError>;
}
