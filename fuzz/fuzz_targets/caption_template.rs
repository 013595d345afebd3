//! libFuzzer entry for `caption_template`: the body (and what it checks) is
//! `qrdesk_fuzz_targets::caption_template`, which the test command also replays over this target's corpus.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qrdesk_fuzz_targets::caption_template::run(data));
