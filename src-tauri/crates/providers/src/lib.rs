//! QR Desk's adapters for the five remote services (see docs/providers/README.md).
//!
//! What this crate owns:
//! - the [`Provider`] trait, one implementation per service under [`services`], built from an
//!   account's settings by [`connect`];
//! - one HTTP core ([`http_client`]): reqwest with rustls, connect and request timeouts, no
//!   redirects, the rate-limit [`rate_limit::Pacer`], retries with backoff + jitter only for
//!   requests safe to repeat ([`retry`]), creates that are checked before any resend
//!   ([`create_recovery`]), cancellation and shared [`RequestStats`];
//! - the mapping of every service's failures onto the one error vocabulary ([`error_mapping`],
//!   each service's `rules`), as a structured [`ProviderError`] that converts into `AppError`;
//! - tolerant reading of bodies ([`tolerant`]) and the base-URL rule ([`base_url`]).
//!
//! What it deliberately does not do: store anything (codes, keys, cursors: that is `store` and
//! the keychain), decide what to sync or when (the sync engine), or render codes. It never logs or
//! formats a secret: keys live in `ApiSecret`, travel only in marked-sensitive headers and are
//! scrubbed from any message a service might echo them in.

pub mod base_url;
pub mod config;
pub mod create_recovery;
pub mod error;
pub mod error_mapping;
pub mod http_client;
pub mod model;
pub mod provider;
pub mod rate_limit;
pub mod retry;
pub mod scrub;
pub mod services;
pub mod stats;
pub mod tolerant;

pub use base_url::check_base_url;
pub use config::{HttpSettings, ProviderConfig};
pub use error::{ProviderError, ProviderResult};
pub use model::{CreatedKey, KeyInfo, NewCode, Organization, Page, RemoteCode, Verified};
pub use provider::{list_all, Provider, MAX_PAGE_SIZE};
pub use stats::{RequestStats, StatsSnapshot};
pub use tokio_util::sync::CancellationToken;

use qrdesk_core::{AppError, ErrorKind, ProviderKind};

/// Builds the adapter for an account. Refuses, before any connection, a base URL that breaks
/// the base-URL rule (`bad_input`; see docs/providers/README.md, 'Base URL') and an empty key
/// (`missing_credentials`).
pub fn connect(config: ProviderConfig) -> Result<Box<dyn Provider>, AppError> {
    let base = check_base_url(&config.base_url)?;
    if config.credential.secret().is_empty() {
        return Err(AppError::new(
            ErrorKind::MissingCredentials,
            format!("No API key was given for {}", config.kind.display_name()),
        ));
    }
    Ok(match config.kind {
        ProviderKind::ExaRoutes => {
            Box::new(services::exaroutes::ExaRoutes::connect(&config, base)?)
        }
        ProviderKind::QrV1 => Box::new(services::qr_v1::QrV1::connect(&config, base)?),
        ProviderKind::QrCodePro => {
            Box::new(services::qrcodepro::QrCodePro::connect(&config, base)?)
        }
        ProviderKind::IloveQr => Box::new(services::iloveqr::IloveQr::connect(&config, base)?),
        ProviderKind::Exante => Box::new(services::exante::Exante::connect(&config, base)?),
    })
}
