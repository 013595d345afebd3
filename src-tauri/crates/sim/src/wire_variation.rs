//! The deterministic variations the contracts allow, so clients' tolerance is exercised:
//! timestamps as ISO-8601 strings or epoch milliseconds, and enum values in varying case.
//!
//! The choice is a pure function of a code's hash, so the same code always looks the same.

use chrono::{DateTime, SecondsFormat, Utc};
use qrdesk_core::ProviderKind;
use serde_json::Value;

use crate::deterministic_rng::mix64;

/// How one timestamp field is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStyle {
    /// `2026-05-21T15:00:00Z`
    Iso,
    /// `2026-05-21T15:00:00.000Z`
    IsoMillis,
    /// `1779375600000`
    EpochMillis,
}

impl TimeStyle {
    /// The style a service uses for one field of one object (`salt` tells fields apart).
    pub fn choose(service: ProviderKind, code_hash: u64, salt: u64) -> TimeStyle {
        let h = mix64(code_hash ^ salt.wrapping_mul(0x9E37_79B9));
        match service {
            // ExaRoutes' two surfaces disagree (epoch ms vs ISO): mix both evenly.
            ProviderKind::ExaRoutes => {
                if h.is_multiple_of(2) {
                    TimeStyle::EpochMillis
                } else {
                    TimeStyle::IsoMillis
                }
            }
            ProviderKind::Exante => TimeStyle::Iso,
            _ => match h % 5 {
                0 => TimeStyle::EpochMillis,
                1 => TimeStyle::IsoMillis,
                _ => TimeStyle::Iso,
            },
        }
    }

    pub fn render(self, at: DateTime<Utc>) -> Value {
        match self {
            TimeStyle::Iso => Value::from(at.to_rfc3339_opts(SecondsFormat::Secs, true)),
            TimeStyle::IsoMillis => Value::from(at.to_rfc3339_opts(SecondsFormat::Millis, true)),
            TimeStyle::EpochMillis => Value::from(at.timestamp_millis()),
        }
    }
}

/// Renders a timestamp in the style chosen for this service, object and field.
pub fn timestamp(service: ProviderKind, code_hash: u64, salt: u64, at: DateTime<Utc>) -> Value {
    TimeStyle::choose(service, code_hash, salt).render(at)
}

/// Writes an enum value in its documented case most of the time, and in another case for about
/// one object in five (`active` → `ACTIVE`, `ACTIVE` → `active`, or `Active`).
pub fn enum_case(value: &str, code_hash: u64, documented_upper: bool) -> String {
    let documented =
        if documented_upper { value.to_ascii_uppercase() } else { value.to_ascii_lowercase() };
    match mix64(code_hash ^ 0xCA5E) % 10 {
        0 => {
            if documented_upper {
                value.to_ascii_lowercase()
            } else {
                value.to_ascii_uppercase()
            }
        }
        1 => {
            let lower = value.to_ascii_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => lower,
            }
        }
        _ => documented,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exaroutes_mixes_both_timestamp_forms() {
        let styles: Vec<TimeStyle> =
            (0..40).map(|h| TimeStyle::choose(ProviderKind::ExaRoutes, h, 1)).collect();
        assert!(styles.contains(&TimeStyle::EpochMillis));
        assert!(styles.contains(&TimeStyle::IsoMillis));
        let at = DateTime::from_timestamp(1_779_375_600, 0).unwrap_or_default();
        assert_eq!(TimeStyle::EpochMillis.render(at), Value::from(1_779_375_600_000_i64));
        assert_eq!(TimeStyle::Iso.render(at), Value::from("2026-05-21T15:00:00Z"));
    }

    #[test]
    fn enum_case_varies_but_keeps_the_value() {
        let forms: std::collections::BTreeSet<String> =
            (0..60).map(|h| enum_case("active", h, false)).collect();
        assert!(forms.contains("active") && forms.contains("ACTIVE") && forms.contains("Active"));
        assert!(forms.iter().all(|f| f.eq_ignore_ascii_case("active")));
    }
}
