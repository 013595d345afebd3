//! libFuzzer entry for `rate_limit_headers`: the body (and what it checks) is
//! `qrdesk_fuzz_targets::rate_limit_headers`, which the test command also replays over this target's corpus.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qrdesk_fuzz_targets::rate_limit_headers::run(data));
