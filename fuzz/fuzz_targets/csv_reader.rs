//! libFuzzer entry for `csv_reader`: the body (and what it checks) is
//! `qrdesk_fuzz_targets::csv_reader`, which the test command also replays over this target's corpus.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qrdesk_fuzz_targets::csv_reader::run(data));
