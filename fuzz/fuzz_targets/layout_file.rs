//! libFuzzer entry for `layout_file`: the body (and what it checks) is
//! `qrdesk_fuzz_targets::layout_file`, which the test command also replays over this target's corpus.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qrdesk_fuzz_targets::layout_file::run(data));
