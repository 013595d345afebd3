//! QR Desk desktop entry point. All logic lives in the library crates; see `lib.rs`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    qrdesk_desktop_lib::run();
}
