//! Which set of keychain entries a process works on: the user's own, or throw-away test ones.

use qrdesk_core::{AppError, Result};

/// The app id; every keychain entry QR Desk writes is filed under a service name starting with it.
pub const APP_ID: &str = "dev.qrdesk.desktop";

/// Environment variable the CLI and the desktop shell map to a [`Namespace`] (`test` selects
/// [`Namespace::Test`]; unset, empty or `production` selects [`Namespace::Production`]).
pub const NAMESPACE_ENV_VAR: &str = "QRDESK_KEYCHAIN_NAMESPACE";

/// Separates a real user's keys from the keys written by tests and development runs, so a test
/// can never read, replace or delete a user's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Namespace {
    /// Service `dev.qrdesk.desktop`: the user's keys.
    Production,
    /// Service `dev.qrdesk.desktop.test`: tests and development runs.
    Test,
}

impl Namespace {
    /// The keychain service name of this namespace.
    pub fn service(self) -> &'static str {
        match self {
            Namespace::Production => APP_ID,
            Namespace::Test => "dev.qrdesk.desktop.test",
        }
    }

    /// Reads a value of [`NAMESPACE_ENV_VAR`] (`None` when it is not set).
    pub fn from_env_value(value: Option<&str>) -> Result<Namespace> {
        match value.map(str::trim) {
            None | Some("") | Some("production") => Ok(Namespace::Production),
            Some("test") => Ok(Namespace::Test),
            Some(other) => Err(AppError::bad_input(format!(
                "{NAMESPACE_ENV_VAR} is \"{other}\"; it must be \"test\" or \"production\" \
                 (or not set)"
            ))),
        }
    }

    /// [`Namespace::from_env_value`] on this process's environment.
    pub fn from_env() -> Result<Namespace> {
        let value = std::env::var_os(NAMESPACE_ENV_VAR);
        Namespace::from_env_value(value.as_deref().map(|v| v.to_str().unwrap_or("\u{fffd}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_values_map_to_namespaces() {
        assert_eq!(Namespace::from_env_value(None).ok(), Some(Namespace::Production));
        assert_eq!(Namespace::from_env_value(Some("")).ok(), Some(Namespace::Production));
        assert_eq!(Namespace::from_env_value(Some("test")).ok(), Some(Namespace::Test));
        let err = Namespace::from_env_value(Some("prod")).expect_err("unknown value");
        assert!(err.message.contains(NAMESPACE_ENV_VAR));
    }

    #[test]
    fn services_carry_the_app_id_and_differ() {
        assert_eq!(Namespace::Production.service(), "dev.qrdesk.desktop");
        assert!(Namespace::Test.service().starts_with(APP_ID));
        assert_ne!(Namespace::Production.service(), Namespace::Test.service());
    }
}
