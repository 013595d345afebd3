//! Keeps the window on QR Desk's own pages. The CSP stops remote content from loading, but not a
//! script from sending the whole window elsewhere (with data in the URL); every navigation that
//! leaves the app's own origin is refused here.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard").on_navigation(|_webview, url| is_app_url(url)).build()
}

/// The app's own origin on this platform: `tauri://localhost` on Linux and macOS,
/// `http://tauri.localhost` on Windows (Tauri's default, `useHttpsScheme` off). Scheme, host and
/// port must all match: no other port, no https twin, no other platform's form.
pub fn is_app_url(url: &Url) -> bool {
    is_origin(url, APP_ORIGIN)
}

#[cfg(not(windows))]
const APP_ORIGIN: (&str, &str) = ("tauri", "localhost");
#[cfg(windows)]
const APP_ORIGIN: (&str, &str) = ("http", "tauri.localhost");

fn is_origin(url: &Url, (scheme, host): (&str, &str)) -> bool {
    url.scheme() == scheme
        && url.host_str() == Some(host)
        && url.port().is_none()
        && url.username().is_empty()
        && url.password().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_origin_is_allowed() {
        #[cfg(not(windows))]
        let (ok, other_platform) = (
            ["tauri://localhost/", "tauri://localhost/index.html#/print"],
            "http://tauri.localhost/",
        );
        #[cfg(windows)]
        let (ok, other_platform) = (
            ["http://tauri.localhost/", "http://tauri.localhost/index.html#/print"],
            "tauri://localhost/",
        );
        let refused = [
            other_platform,
            "https://tauri.localhost/",
            "http://tauri.localhost:8080/",
            "tauri://localhost:9/",
            "tauri://user@localhost/",
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
