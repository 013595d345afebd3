//! QR Desk's test tooling: never shipped (`publish = false`, no front end depends on it).
//!
//! It owns what tests, benchmarks and the long-running scripts need beside the product:
//! - [`SimConnector`]: adapters for a running `qrdesk-sim`, keys from its manifest (the sim's
//!   own [`qrdesk_sim::Manifest`] type), and seeding accounts from it, with or without their keys
//!   in a keychain;
//! - [`consistency`]: "the cache equals every service", checked after a sync;
//! - [`pdf_labels`]: a printed sheet rendered and each label's code decoded from its own pixels;
//! - [`campaign_bench`]: a campaign run through `qrdesk-app` against the simulator, measured;
//! - [`ingest_bench`]: the first sync's ingest through the real engine from an in-memory service;
//! - the binaries `qrdesk-sync-harness` (seeding, checks and measurements for
//!   `scripts/crash-trials`, `scripts/crash-sync` and `scripts/bench-sync`) and `qrdesk-soak`
//!   (the fault-storm soak of `scripts/soak`).
//!
//! It leaves the product's logic to the product crates: everything here drives them from the
//! outside and checks what they left behind.

pub mod campaign_bench;
pub mod consistency;
pub mod ingest_bench;
pub mod pdf_labels;
pub mod preview_bench;
pub mod sim_connector;

pub use consistency::{compare_with_services, Comparison, Difference};
pub use sim_connector::{SeededAccount, SimConnector};
