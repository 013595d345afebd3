//! libFuzzer entry for `provider_responses`: the body (and what it checks) is
//! `qrdesk_fuzz_targets::provider_responses`, which the test command also replays over this target's corpus.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qrdesk_fuzz_targets::provider_responses::run(data));
