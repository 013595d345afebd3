//! The name under which an account's keys are filed in the keychain.

use std::fmt;

use qrdesk_core::{AccountId, AppError, Result};

/// The longest reference accepted (keychains limit attribute and target-name lengths).
const MAX_LEN: usize = 100;

/// Names an account's keys in the keychain: letters, digits, `.`, `_` and `-`, at most 100.
///
/// Not a secret. Callers either derive it from the SQLite id ([`AccountRef::for_account`]) or,
/// better, keep a random reference per account (a UUID column) so a reused row id or a second
/// data folder can never pick up another account's key ([`AccountRef::parse`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountRef(String);

impl AccountRef {
    /// `account-<id>` for a local account id.
    pub fn for_account(id: AccountId) -> Self {
        AccountRef(format!("account-{id}"))
    }

    /// Checks a stored reference (for example a UUID).
    pub fn parse(value: &str) -> Result<Self> {
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
        if value.is_empty() || value.len() > MAX_LEN || !value.chars().all(ok_char) {
            return Err(AppError::bad_input(format!(
                "\"{value}\" is not a usable keychain reference for an account: use 1 to \
                 {MAX_LEN} letters, digits, '.', '_' or '-'"
            )));
        }
        Ok(AccountRef(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ids_and_uuids_and_refuses_separators() {
        assert_eq!(AccountRef::for_account(3).as_str(), "account-3");
        assert!(AccountRef::parse("0190a5c2-7d1e-7c4f-9a53-2f0b6c1e8d11").is_ok());
        for bad in ["", "a/b", "a b", "ä", &"x".repeat(101)] {
            let err = AccountRef::parse(bad).expect_err(bad);
            assert_eq!(err.kind, qrdesk_core::ErrorKind::BadInput);
        }
    }
}
