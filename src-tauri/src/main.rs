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
    // The UI is one small page: JavaScriptCore's optimizing compilers (DFG, FTL) cost the web
    // process memory for no visible speed-up (scripts/perf-ui: idle PSS about 10 MB lower, search
    // times unchanged). The baseline JIT stays on. Set either variable to opt back in.
    #[cfg(target_os = "linux")]
    for var in ["JSC_useDFGJIT", "JSC_useFTLJIT"] {
        if std::env::var_os(var).is_none() {
            std::env::set_var(var, "false");
        }
    }
    qrdesk_desktop_lib::run();
}
