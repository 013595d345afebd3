//! The platform keychain behind [`crate::KeychainStore`], chosen at compile time, and the words
//! that tell a person how to make it reachable on this system.

use std::collections::HashMap;
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};

/// Opens (connects to) this system's keychain.
#[cfg(target_os = "linux")]
pub(crate) fn open_store() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = dbus_secret_service_keyring_store::Store::new()?;
    Ok(store)
}

#[cfg(target_os = "macos")]
pub(crate) fn open_store() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
    Ok(store)
}

#[cfg(target_os = "windows")]
pub(crate) fn open_store() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
    Ok(store)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
pub(crate) fn open_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(keyring_core::Error::NotSupportedByStore(
        "QR Desk has no keychain support for this operating system yet".to_string(),
    ))
}

/// The entry for `service`/`user`; on Linux it also gets a label people recognise in
/// "Passwords and Keys" (the other stores take no label modifier).
pub(crate) fn build_entry(
    store: &CredentialStore,
    service: &str,
    user: &str,
    label: &str,
) -> keyring_core::Result<Entry> {
    if cfg!(target_os = "linux") {
        let modifiers = HashMap::from([("label", label)]);
        store.build(service, user, Some(&modifiers))
    } else {
        store.build(service, user, None)
    }
}

/// No keychain service could be reached at all.
pub(crate) const UNREACHABLE: &str = if cfg!(target_os = "linux") {
    "No keychain service is running, so QR Desk cannot store or read API keys. On Linux, start \
     a desktop session with GNOME Keyring or KWallet, or run QR Desk inside one; QR Desk never \
     writes keys to disk."
} else if cfg!(target_os = "macos") {
    "The macOS Keychain could not be used, so QR Desk cannot store or read API keys. Open \
     Keychain Access, check that your login keychain exists and is unlocked, then try again; \
     QR Desk never writes keys to disk."
} else if cfg!(target_os = "windows") {
    "Windows Credential Manager could not be used, so QR Desk cannot store or read API keys. \
     Sign in to Windows with your own user account and try again; QR Desk never writes keys to \
     disk."
} else {
    "QR Desk does not support the keychain of this operating system yet, so it cannot store \
     API keys here. It never writes keys to disk."
};

/// The keychain answered but is locked, has nowhere to store keys, or denied access.
pub(crate) const LOCKED: &str = if cfg!(target_os = "linux") {
    "The keychain is locked or has no default keyring, so QR Desk cannot store or read API keys. \
     Unlock it (log in to the desktop session again, or open \"Passwords and Keys\" and unlock \
     the Login keyring), then try again; QR Desk never writes keys to disk."
} else if cfg!(target_os = "macos") {
    "The macOS login keychain is locked or refused access, so QR Desk cannot store or read API \
     keys. Unlock it in Keychain Access (or allow QR Desk when macOS asks), then try again; QR \
     Desk never writes keys to disk."
} else {
    "The system keychain refused access, so QR Desk cannot store or read API keys. Sign in with \
     your own user account and try again; QR Desk never writes keys to disk."
};
