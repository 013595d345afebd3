//! The keychain contract against a real Secret Service (Linux).
//!
//! Run inside a throw-away session (private D-Bus + unlocked gnome-keyring):
//!   tests/with-session.sh env QRDESK_KEYCHAIN_TESTS=1 cargo test -p qrdesk-secrets --test keychain
//! Without `QRDESK_KEYCHAIN_TESTS=1` the session tests print a notice and pass without touching
//! any keychain. Entries are written only under the test namespace, except the production probe
//! in `namespaces_are_separate`, which runs only when with-session.sh says the keyring is a
//! throw-away one (`QRDESK_THROWAWAY_KEYRING=1`).
//!
//! `no_session_bus_gives_a_clear_keychain_unavailable_error` needs no session and always runs.
#![cfg(target_os = "linux")]

use std::io::Read;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use qrdesk_core::{ApiSecret, Credential, ErrorKind};
use qrdesk_secrets::{AccountRef, KeychainStore, Namespace, Promotion, SecretStore, Slot};

fn session_tests_enabled(test: &str) -> bool {
    if std::env::var("QRDESK_KEYCHAIN_TESTS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!(
        "note: {test} skipped: it needs a Secret Service. Run it with \
         tests/with-session.sh env QRDESK_KEYCHAIN_TESTS=1 cargo test -p qrdesk-secrets --test keychain"
    );
    false
}

/// An account reference no other run (or test) uses.
fn fresh_account(tag: &str) -> AccountRef {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    AccountRef::parse(&format!("it-{tag}-{}-{nanos}", std::process::id())).expect("valid ref")
}

fn key(value: &str) -> Credential {
    Credential::Key(ApiSecret::new(value))
}

/// What `secret-tool lookup` prints for the entry, or `None` when it finds nothing.
fn secret_tool_lookup(namespace: Namespace, account: &AccountRef, slot: Slot) -> Option<String> {
    let user = KeychainStore::entry_user(account, slot);
    let out = Command::new("secret-tool")
        .args(["lookup", "service", namespace.service(), "username", &user])
        .output()
        .expect("secret-tool runs (apt-get install libsecret-tools)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success() && !text.is_empty()).then_some(text)
}

#[test]
fn store_read_replace_delete() {
    if !session_tests_enabled("store_read_replace_delete") {
        return;
    }
    let store = KeychainStore::new(Namespace::Test);
    let account = fresh_account("crud");
    assert_eq!(store.get(&account).expect("get"), None, "fresh account has no key");

    let first = key("qrcp_test_FIRST_abcdefgh0001");
    store.put(&account, &first).expect("put");
    assert_eq!(store.get(&account).expect("get"), Some(first));
    let seen =
        secret_tool_lookup(Namespace::Test, &account, Slot::Active).expect("secret-tool sees it");
    assert!(seen.contains("qrcp_test_FIRST_abcdefgh0001") && seen.contains(r#""scheme":"key""#));

    let second = Credential::Pair {
        client_id: "cust_77".into(),
        api_key: ApiSecret::new("sk_test_SECOND_abcdefgh0002"),
    };
    store.put(&account, &second).expect("replace");
    assert_eq!(store.get(&account).expect("get"), Some(second));
    let seen = secret_tool_lookup(Namespace::Test, &account, Slot::Active).expect("replaced");
    assert!(seen.contains("sk_test_SECOND_abcdefgh0002") && seen.contains("cust_77"));
    assert!(!seen.contains("FIRST"), "the old key was replaced, not kept beside it");

    store.delete(&account).expect("delete");
    assert_eq!(store.get(&account).expect("get"), None);
    assert_eq!(secret_tool_lookup(Namespace::Test, &account, Slot::Active), None, "gone");
    store.delete(&account).expect("deleting a missing entry is fine");
}

#[test]
fn namespaces_are_separate() {
    if !session_tests_enabled("namespaces_are_separate") {
        return;
    }
    let test_store = KeychainStore::new(Namespace::Test);
    let production = KeychainStore::new(Namespace::Production);
    let account = fresh_account("ns");

    test_store.put(&account, &key("qrcp_test_NAMESPACE_0000003")).expect("put");
    assert_eq!(production.get(&account).expect("read production"), None);
    assert_eq!(secret_tool_lookup(Namespace::Production, &account, Slot::Active), None);
    assert!(secret_tool_lookup(Namespace::Test, &account, Slot::Active).is_some());

    if std::env::var("QRDESK_THROWAWAY_KEYRING").as_deref() == Ok("1") {
        // Only in with-session.sh's throw-away keyring: a production entry is invisible to tests.
        let prod_account = fresh_account("prod-probe");
        production.put(&prod_account, &key("qrcp_live_PRODPROBE_000004")).expect("put prod");
        assert_eq!(test_store.get(&prod_account).expect("read test"), None);
        assert!(secret_tool_lookup(Namespace::Production, &prod_account, Slot::Active).is_some());
        production.delete(&prod_account).expect("clean up the production probe");
        assert_eq!(secret_tool_lookup(Namespace::Production, &prod_account, Slot::Active), None);
    } else {
        eprintln!("note: production-namespace write skipped (not a throw-away keyring)");
    }

    test_store.delete(&account).expect("clean up");
}

#[test]
fn promote_pending_keeps_the_old_key_for_revocation() {
    if !session_tests_enabled("promote_pending_keeps_the_old_key_for_revocation") {
        return;
    }
    let store = KeychainStore::new(Namespace::Test);
    let account = fresh_account("rotate");
    let (old, new) = (key("qrcp_test_OLD_abcdefgh00005"), key("qrcp_test_NEW_abcdefgh00006"));
    store.put(&account, &old).expect("put");

    // Abandoned before step 3: the pending entry goes, the active key stays.
    let abandoned = key("qrcp_test_ABANDONED_abcd00008");
    store.stage_pending(&account, &abandoned).expect("stage");
    assert!(secret_tool_lookup(Namespace::Test, &account, Slot::Pending).is_some());
    store.discard_pending(&account).expect("abandon");
    assert_eq!(secret_tool_lookup(Namespace::Test, &account, Slot::Pending), None);
    assert_eq!(store.get(&account).expect("get"), Some(old.clone()), "abandon changed nothing");

    store.stage_pending(&account, &new).expect("stage");
    assert!(secret_tool_lookup(Namespace::Test, &account, Slot::Pending)
        .is_some_and(|s| s.contains("NEW")));
    assert_eq!(store.get(&account).expect("get"), Some(old.clone()), "not active yet");

    assert_eq!(store.promote_pending(&account).expect("promote"), Promotion::Promoted);
    assert_eq!(store.get(&account).expect("get"), Some(new));
    assert_eq!(store.get_slot(&account, Slot::PendingRevoke).expect("get"), Some(old));
    assert_eq!(store.get_slot(&account, Slot::Pending).expect("get"), None);
    assert_eq!(secret_tool_lookup(Namespace::Test, &account, Slot::Pending), None);
    assert_eq!(store.promote_pending(&account).expect("again"), Promotion::AlreadyPromoted);

    store.delete_slot(&account, Slot::PendingRevoke).expect("step 5: forget the old key");
    assert_eq!(secret_tool_lookup(Namespace::Test, &account, Slot::PendingRevoke), None);
    store.delete(&account).expect("clean up");
    for slot in Slot::ALL {
        assert_eq!(secret_tool_lookup(Namespace::Test, &account, slot), None, "{slot:?} left");
    }
}

/// In a child process with no reachable session bus, every call fails with
/// `keychain_unavailable` and words that say what to do; nothing is written anywhere.
#[test]
fn no_session_bus_gives_a_clear_keychain_unavailable_error() {
    for dead_bus in [Some("unix:path=/nonexistent/qrdesk-no-bus"), None] {
        let runtime_dir = tempfile::tempdir().expect("temp dir");
        rusty_fork::fork(
            rusty_fork::rusty_fork_test_name!(
                no_session_bus_gives_a_clear_keychain_unavailable_error
            ),
            rusty_fork::rusty_fork_id!(),
            |cmd| {
                // No DISPLAY: libdbus must not autolaunch a bus.
                // An empty runtime dir: no $XDG_RUNTIME_DIR/bus to fall back to.
                cmd.env_remove("DISPLAY").env("XDG_RUNTIME_DIR", runtime_dir.path());
                match dead_bus {
                    Some(address) => cmd.env("DBUS_SESSION_BUS_ADDRESS", address),
                    None => cmd.env_remove("DBUS_SESSION_BUS_ADDRESS"),
                };
            },
            |child, output| {
                let status = child.wait().expect("child runs");
                let mut text = String::new();
                output.read_to_string(&mut text).expect("child output");
                assert!(status.success(), "child failed ({dead_bus:?}):\n{text}");
            },
            check_unavailable_in_child,
        )
        .expect("fork a child test process");
    }
}

fn check_unavailable_in_child() {
    let store = KeychainStore::new(Namespace::Test);
    let account = fresh_account("nobus");
    let secret = "qrcp_test_NOBUS_SECRET_000007";
    let results = [
        store.put(&account, &key(secret)).err(),
        store.get(&account).err(),
        store.delete(&account).err(),
        store.check_available().err(),
    ];
    for err in &results {
        let err = err.as_ref().expect("a call without a session bus must fail");
        assert_eq!(err.kind, ErrorKind::KeychainUnavailable, "{}", err.message);
        assert!(err.message.starts_with("No keychain service is running"), "{}", err.message);
        assert!(err.message.contains("never writes keys to disk"), "{}", err.message);
        assert!(!err.message.contains("NOBUS_SECRET"), "secret in error: {}", err.message);
        assert!(!format!("{err:?}").contains("NOBUS_SECRET"));
    }
    if let Some(Some(err)) = results.first() {
        println!("keychain_unavailable message: {}", err.message);
    }
}
