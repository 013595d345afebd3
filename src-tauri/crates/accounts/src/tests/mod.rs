//! Tests of the account service against the simulator over real loopback HTTP, with the
//! in-memory keychain and an in-memory (or temporary file) SQLite store.

mod add;
mod crash;
mod rotation;
mod support;
