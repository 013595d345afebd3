//! The `qrdesk` command line's tests, one binary: the conventions every command follows, the
//! codes and outbox commands, brand styles, label designs and printing through CUPS, the
//! bad-input table, and the account commands
//! against a real keychain (those run only inside `tests/with-session.sh` with `QRDESK_KEYCHAIN_TESTS=1`).
//! `support.rs` builds the command the same way for all of them.

mod account_keychain;
mod bad_inputs;
mod codes_and_outbox;
mod conventions;
mod printing;
mod styles;
mod support;
