//! Keeps the window on QR Desk's own pages. The CSP stops remote content from loading, but not a
//! script from sending the whole window elsewhere (with data in the URL); every navigation that
//! leaves the app's own origin is refused here.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard").on_navigation(|_webview, url| is_app_url(url)).build()
}

/// The app's own pages: `tauri://localhost` (Linux, macOS) or `http(s)://tauri.localhost`
/// (Windows).
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_origin_is_allowed() {
        let ok = [
            "tauri://localhost/",
            "tauri://localhost/index.html#/print",
            "http://tauri.localhost/",
        ];
        let refused = [
            "https://evil.example/?k=stolen",
            "http://127.0.0.1:8080/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,hi",
            "tauri://evil/",
            "https://tauri.localhost.evil.example/",
        ];
        for u in ok {
            assert!(is_app_url(&Url::parse(u).unwrap()), "{u}");
        }
        for u in refused {
            assert!(!is_app_url(&Url::parse(u).unwrap()), "{u}");
        }
    }
}
