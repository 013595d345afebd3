//! `app_info`: what the window title and the About line show.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    /// The built-in simulator is serving demo accounts.
    pub demo: bool,
}

impl AppInfo {
    /// This build's name and version.
    pub fn current(demo: bool) -> AppInfo {
        AppInfo { name: "QR Desk".into(), version: env!("CARGO_PKG_VERSION").into(), demo }
    }
}
