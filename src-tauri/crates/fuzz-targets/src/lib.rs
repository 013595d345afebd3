//! The bodies of QR Desk's fuzz targets, one module per target, each a `run(data)` that must
//! never panic, overflow or blow up on any input.
//!
//! Two callers: the libFuzzer binaries in `fuzz/fuzz_targets/` (one line each, built by
//! `scripts/fuzz`, which searches for new inputs), and this crate's `tests/replay.rs`, which
//! feeds every committed corpus and regression input through the same bodies as an ordinary
//! test in the test command. What each target checks lives here; how inputs are found or kept
//! is left to libFuzzer and the corpus folders.

pub mod caption_template;
pub mod csv_reader;
pub mod layout_file;
pub mod provider_responses;
pub mod rate_limit_headers;

/// A target's body: one input in, a panic on a finding.
pub type Body = fn(&[u8]);

/// Every target by the name its fuzz binary and corpus folder carry.
pub const TARGETS: [(&str, Body); 5] = [
    ("csv_reader", csv_reader::run),
    ("caption_template", caption_template::run),
    ("provider_responses", provider_responses::run),
    ("layout_file", layout_file::run),
    ("rate_limit_headers", rate_limit_headers::run),
];
