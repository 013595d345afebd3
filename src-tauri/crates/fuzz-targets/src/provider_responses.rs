//! Every service's response parsers and error mapping on arbitrary bodies: a misbehaving
//! server's answer becomes data or a typed error, never a panic.

use http::HeaderMap;
use qrdesk_core::ProviderKind;
use qrdesk_providers::error_mapping::{self, ErrorAnswer};
use qrdesk_providers::services::{exante, exaroutes, iloveqr, qr_v1, qrcodepro};

/// One input, as libFuzzer hands it over.
pub fn run(data: &[u8]) {
    let Some((&choice, body)) = data.split_first() else { return };
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) {
        let (page, limit) = (u64::from(choice), u64::from(choice % 101));
        let _ = qr_v1::parse_code(&v);
        let _ = qr_v1::parse_page(&v, page, limit);
        let _ = qr_v1::parse_analytics(&v);
        let _ = qrcodepro::parse_code(&v);
        let _ = qrcodepro::parse_page(&v, page, limit);
        let _ = qrcodepro::parse_analytics(&v, &v);
        let _ = iloveqr::parse_organizations(&v);
        let _ = iloveqr::parse_code(&v);
        let _ = iloveqr::parse_page(&v, page, limit);
        let _ = iloveqr::parse_analytics(&v);
        let _ = exaroutes::parse_code(&v);
        let _ = exaroutes::parse_page(&v);
        let _ = exaroutes::parse_analytics(&v);
        let _ = exante::parse_key(&v);
        if let Ok(keys) = exante::parse_keys(&v) {
            let _ = exante::current_key(&keys, "abcd");
        }
        let _ = exante::parse_created(&v);
        if let Ok(orgs) = iloveqr::parse_organizations(&v) {
            let _ = iloveqr::pick_organization(&orgs);
        }
    }
    // The same body as an error answer with a status the first byte picks.
    let status =
        [400, 401, 403, 404, 409, 410, 422, 423, 428, 429, 500, 502, 503][usize::from(choice) % 13];
    let raw = String::from_utf8_lossy(body).into_owned();
    for service in ProviderKind::ALL {
        let answer = ErrorAnswer::new(service, status, HeaderMap::new(), raw.clone());
        let _ = error_mapping::standard(&answer);
        let _ = match service {
            ProviderKind::QrV1 => qr_v1::rules(&answer),
            ProviderKind::QrCodePro => qrcodepro::rules(&answer),
            ProviderKind::IloveQr => iloveqr::rules(&answer),
            ProviderKind::ExaRoutes => exaroutes::rules(&answer),
            ProviderKind::Exante => exante::rules(&answer),
        };
    }
}
