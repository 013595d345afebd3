//! Word lists and per-service id shapes the seeded data and new codes are made from.

use qrdesk_core::{Environment, ProviderKind};

use crate::deterministic_rng::SplitMix64;

/// Campaign names codes are named after (also the ingest benchmark's names).
pub const CAMPAIGNS: [&str; 16] = [
    "Spring sale",
    "Summer menu",
    "Autumn launch",
    "Winter clearance",
    "Holiday gift guide",
    "Loyalty club",
    "Grand opening",
    "Product manual",
    "Event check-in",
    "Customer feedback",
    "Guest Wi-Fi",
    "Careers fair",
    "Trade show booth",
    "Recipe card",
    "Warranty registration",
    "Table ordering",
];

/// What a code is printed on.
pub const MEDIA: [&str; 10] = [
    "flyer",
    "poster",
    "table tent",
    "business card",
    "packaging",
    "window sticker",
    "receipt",
    "brochure",
    "badge",
    "shelf tag",
];

const DOMAINS: [&str; 5] = [
    "https://northwind.example",
    "https://shop.contoso.example",
    "https://fabrikam.example",
    "https://www.tailspin.example",
    "https://adventure-works.example",
];

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A realistic display name and destination URL.
pub fn name_and_destination(rng: &mut SplitMix64) -> (String, String) {
    let campaign = rng.pick(&CAMPAIGNS);
    let medium = rng.pick(&MEDIA);
    let mut name = format!("{campaign} {medium}");
    if rng.chance(0.35) {
        name.push_str(&format!(" – store {}", 1 + rng.below(60)));
    }
    let mut destination = format!("{}/{}", rng.pick(&DOMAINS), slug(campaign));
    if rng.chance(0.4) {
        destination.push_str(&format!(
            "?utm_source=qr&utm_medium={}&utm_campaign={}",
            slug(medium),
            slug(campaign)
        ));
    }
    (name, destination)
}

/// A new code id and short code in the service's shape (uniqueness is the caller's job).
pub fn code_ids(service: ProviderKind, rng: &mut SplitMix64, name: &str) -> (String, String) {
    match service {
        ProviderKind::ExaRoutes => {
            let id = rng.alnum(8);
            (id.clone(), id)
        }
        ProviderKind::QrV1 => (rng.uuid(), rng.lower_alnum(6)),
        ProviderKind::QrCodePro => {
            let id = format!("qr_{}", rng.lower_alnum(10));
            let short = if rng.chance(0.5) {
                format!(
                    "{}-{}",
                    slug(name).chars().take(24).collect::<String>(),
                    rng.lower_alnum(3)
                )
            } else {
                rng.alnum(7)
            };
            (id, short)
        }
        ProviderKind::IloveQr | ProviderKind::Exante => {
            (format!("qr_{}", rng.lower_alnum(12)), rng.lower_alnum(6))
        }
    }
}

/// The URL the printed pattern encodes.
pub fn short_url(service: ProviderKind, short_code: &str) -> String {
    match service {
        ProviderKind::ExaRoutes => format!("https://qr.exaroutes.com/r/{short_code}"),
        ProviderKind::QrV1 => {
            format!("https://qrcodegen.allsortswebdesigners.co.za/r/{short_code}")
        }
        ProviderKind::QrCodePro => format!("https://qrcp.io/{short_code}"),
        ProviderKind::IloveQr | ProviderKind::Exante => format!("https://ilqr.co/{short_code}"),
    }
}

/// The service's status words (lower case; the first is the default).
pub fn statuses(service: ProviderKind) -> &'static [&'static str] {
    match service {
        ProviderKind::ExaRoutes => &["active", "inactive"],
        ProviderKind::QrV1 => &["active", "paused"],
        ProviderKind::QrCodePro => &["active", "paused", "draft"],
        ProviderKind::IloveQr | ProviderKind::Exante => &["active", "archived"],
    }
}

/// Normalises a status sent by a client or the control API (`PAUSED` → `paused`), if the
/// service knows it.
pub fn parse_status(service: ProviderKind, text: &str) -> Option<&'static str> {
    statuses(service).iter().copied().find(|s| s.eq_ignore_ascii_case(text.trim()))
}

/// A seeded code's status: mostly the default, sometimes another documented one.
pub fn seeded_status(service: ProviderKind, rng: &mut SplitMix64) -> &'static str {
    let all = statuses(service);
    if rng.chance(0.85) || all.len() < 2 {
        all[0]
    } else {
        all[1 + rng.below(all.len() as u64 - 1) as usize]
    }
}

/// A fresh key secret in the service's documented shape.
pub fn key_secret(service: ProviderKind, environment: Environment, rng: &mut SplitMix64) -> String {
    let test = environment == Environment::Test;
    match service {
        ProviderKind::ExaRoutes if test => format!("exr_test_{}", rng.alnum(24)),
        ProviderKind::ExaRoutes => format!("exr_live_{}", rng.alnum(24)),
        ProviderKind::QrV1 => rng.hex(40),
        ProviderKind::QrCodePro if test => format!("qrcp_test_{}", rng.alnum(20)),
        ProviderKind::QrCodePro => format!("qrcp_live_{}", rng.alnum(20)),
        ProviderKind::IloveQr => format!("ilqr_{}", rng.alnum(32)),
        ProviderKind::Exante => format!("ex_live_{}", rng.alnum(17)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_match_the_contracts() {
        let mut rng = SplitMix64::new(3);
        let (id, short) = code_ids(ProviderKind::ExaRoutes, &mut rng, "x");
        assert_eq!(id, short);
        assert!(
            short_url(ProviderKind::ExaRoutes, &short).starts_with("https://qr.exaroutes.com/r/")
        );
        let key = key_secret(ProviderKind::QrCodePro, Environment::Test, &mut rng);
        assert!(key.starts_with("qrcp_test_") && key.len() == 30);
        assert_eq!(parse_status(ProviderKind::IloveQr, "ARCHIVED"), Some("archived"));
        assert_eq!(parse_status(ProviderKind::QrV1, "draft"), None);
        assert_eq!(slug("Guest Wi-Fi – store 3"), "guest-wi-fi-store-3");
    }
}
