//! QR Desk desktop entry point. All logic lives in the library crates; see `lib.rs`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer stops repainting on displays without GPU buffer sharing
    // (virtual displays, some remote desktops and drivers): the page updates but the window keeps
    // its first paint. The shared-memory path works everywhere; a user can still opt back in.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    qrdesk_desktop_lib::run();
}
