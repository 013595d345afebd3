//! The sync engine against the simulator over real loopback HTTP (one test binary).

mod support;

mod edits_and_outbox;
mod faults;
mod full_sync;
