//! Keeps the webview's memory small for an app that stays open all day: WebKit's caches are
//! sized for a document viewer (one page, no back/forward cache, small memory cache) instead of
//! a web browser. The UI is one local page, so nothing is lost.

use tauri::{Manager, Runtime};

pub fn apply<R: Runtime>(app: &tauri::AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else { return };
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
