//! Turns `keyring-core` failures into [`AppError`]s a person can act on.
//!
//! Never formats a keyring error with `Debug` and never shows `BadEncoding` /
//! `BadDataFormat` payloads: those carry the raw entry bytes, that is, the secret.

use keyring_core::Error as KeyringError;
use qrdesk_core::{AppError, ErrorKind};

use crate::platform;

/// Where the failure happened: connecting to the keychain, or using one entry.
pub(crate) enum Phase<'a> {
    Connect,
    Entry { service: &'a str, user: &'a str },
}

pub(crate) fn to_app_error(err: KeyringError, phase: Phase<'_>) -> AppError {
    match err {
        KeyringError::NoStorageAccess(detail) => match phase {
            Phase::Connect => unavailable(platform::UNREACHABLE, &detail.to_string()),
            Phase::Entry { .. } => unavailable(platform::LOCKED, &detail.to_string()),
        },
        KeyringError::PlatformFailure(detail) => match phase {
            Phase::Connect => unavailable(platform::UNREACHABLE, &detail.to_string()),
            Phase::Entry { .. } => unavailable(
                &format!(
                    "The keychain stopped answering while QR Desk used it. {}",
                    platform::UNREACHABLE
                ),
                &detail.to_string(),
            ),
        },
        KeyringError::NoDefaultStore | KeyringError::NotSupportedByStore(_) => {
            unavailable(platform::UNREACHABLE, "")
        }
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => AppError::new(
            ErrorKind::MissingCredentials,
            "The keychain entry for this account could not be read, so the key cannot be used",
        ),
        KeyringError::Ambiguous(_) => {
            let (service, user) = names(&phase);
            AppError::with_message(
                ErrorKind::KeychainUnavailable,
                format!(
                    "The keychain holds more than one entry for service \"{service}\" and user \
                     \"{user}\", so QR Desk cannot tell which key to use. Delete the extra entries \
                     in your keychain app, or remove and add the account again."
                ),
            )
        }
        KeyringError::TooLong(..) | KeyringError::Invalid(..) => {
            let (service, user) = names(&phase);
            unavailable(
                &format!(
                    "The keychain refused the entry name QR Desk uses (service \"{service}\", user \
                     \"{user}\"). Please report this as a bug; QR Desk never writes keys to disk."
                ),
                &err.to_string(),
            )
        }
        KeyringError::NoEntry => AppError::of(ErrorKind::MissingCredentials),
        // A variant added by a later keyring-core: its payload is not known to be safe to show.
        _ => unavailable(platform::UNREACHABLE, ""),
    }
}

fn names<'a>(phase: &Phase<'a>) -> (&'a str, &'a str) {
    match phase {
        Phase::Connect => ("", ""),
        Phase::Entry { service, user } => (service, user),
    }
}

fn unavailable(advice: &str, detail: &str) -> AppError {
    let detail = detail.trim();
    let message = if detail.is_empty() {
        advice.to_string()
    } else {
        format!("{advice} (Details: {detail})")
    };
    AppError::with_message(ErrorKind::KeychainUnavailable, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Phase<'static> {
        Phase::Entry { service: "dev.qrdesk.desktop.test", user: "account-1/active" }
    }

    #[test]
    fn unreachable_and_locked_say_what_to_do() {
        let no_bus = to_app_error(KeyringError::PlatformFailure("no bus".into()), Phase::Connect);
        assert_eq!(no_bus.kind, ErrorKind::KeychainUnavailable);
        assert!(no_bus.message.contains("never writes keys to disk"), "{}", no_bus.message);
        assert!(no_bus.message.ends_with("(Details: no bus)"), "{}", no_bus.message);
        let locked = to_app_error(KeyringError::NoStorageAccess("no result".into()), entry());
        assert_eq!(locked.kind, ErrorKind::KeychainUnavailable);
        assert!(locked.message.contains("locked"), "{}", locked.message);
    }

    #[test]
    fn raw_entry_bytes_never_reach_the_message() {
        let bytes = b"sk_live_RAWBYTES_123".to_vec();
        let errors = [
            to_app_error(KeyringError::BadEncoding(bytes.clone()), entry()),
            to_app_error(KeyringError::BadDataFormat(bytes, "bad".into()), entry()),
        ];
        for err in errors {
            assert_eq!(err.kind, ErrorKind::MissingCredentials);
            assert!(!err.message.contains("RAWBYTES"));
            assert!(!err.message.contains("115, 107"), "no byte list either: {}", err.message);
        }
    }

    #[test]
    fn ambiguous_entries_are_named() {
        let err = to_app_error(KeyringError::Ambiguous(Vec::new()), entry());
        assert!(err.message.contains("account-1/active"), "{}", err.message);
    }
}
