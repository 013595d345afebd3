//! How a simulator is started: seed, data size, latency and rate-limit mode.

use std::time::Duration;

use chrono::NaiveDate;
use qrdesk_core::ProviderKind;

/// How the simulated services limit request rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateLimitMode {
    /// No limits and no rate-limit headers.
    Off,
    /// Each service's documented (or, where undocumented, chosen) limit: see [`RateLimitMode::policy`].
    #[default]
    Documented,
    /// Every limited service allows `limit` requests per `window` (fast tests: 10 per second).
    Scaled { limit: u32, window: Duration },
}

impl RateLimitMode {
    /// The limit and window a service uses in this mode (`None`: unlimited).
    ///
    /// Documented mode: QRCodePro 100/min (its Pro plan), ExaRoutes 120/min, `/api/v1/qr` 60/min,
    /// iloveQR 120/min, Exante 60/min. Only QRCodePro publishes a number; the others are chosen.
    pub fn policy(self, service: ProviderKind) -> Option<(u32, Duration)> {
        let minute = Duration::from_secs(60);
        match self {
            RateLimitMode::Off => None,
            RateLimitMode::Scaled { limit, window } => Some((limit.max(1), window)),
            RateLimitMode::Documented => Some(match service {
                ProviderKind::QrCodePro => (100, minute),
                ProviderKind::ExaRoutes => (120, minute),
                ProviderKind::QrV1 => (60, minute),
                ProviderKind::IloveQr => (120, minute),
                ProviderKind::Exante => (60, minute),
            }),
        }
    }

    /// Parses `off`, `documented` or `scaled:LIMIT/SECONDS` (seconds may be fractional).
    pub fn parse(text: &str) -> Result<RateLimitMode, String> {
        let text = text.trim().to_ascii_lowercase();
        match text.as_str() {
            "off" => return Ok(RateLimitMode::Off),
            "documented" => return Ok(RateLimitMode::Documented),
            _ => {}
        }
        let usage = "use off, documented or scaled:LIMIT/SECONDS (for example scaled:10/1)";
        let rest = text
            .strip_prefix("scaled:")
            .ok_or_else(|| format!("unknown rate-limit mode: {usage}"))?;
        let (limit, seconds) = rest.split_once('/').ok_or_else(|| usage.to_string())?;
        let limit: u32 = limit.trim().parse().map_err(|_| format!("bad LIMIT: {usage}"))?;
        let seconds: f64 = seconds.trim().parse().map_err(|_| format!("bad SECONDS: {usage}"))?;
        if limit == 0 || !(seconds > 0.0 && seconds <= 86_400.0) {
            return Err(format!(
                "LIMIT must be at least 1 and SECONDS between 0 and 86400: {usage}"
            ));
        }
        Ok(RateLimitMode::Scaled { limit, window: Duration::from_secs_f64(seconds) })
    }
}

/// Everything a simulator start needs. `Default` is seed 42, 25 codes per account, 365 days of
/// scans, no latency and the documented rate limits.
#[derive(Debug, Clone)]
pub struct SimConfig {
    pub seed: u64,
    /// Codes seeded into every account (workspace, organization, live/test data set).
    pub codes_per_account: usize,
    /// Days of daily scan history, ending on `today` (1 to 3,660).
    pub scan_days: u32,
    /// Added to every provider request (not to `/_control`).
    pub latency_ms: u64,
    pub rate_limits: RateLimitMode,
    /// How long an ExaRoutes step-up grace window stays open (the service's is 5 minutes).
    pub step_up_grace: Duration,
    /// The last day of scan history; `None` = today (UTC). Pin it for byte-identical runs.
    pub today: Option<NaiveDate>,
    /// TCP port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Faults active from the start (same as injecting them through the control handle).
    pub faults: Vec<crate::faults::Fault>,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            seed: 42,
            codes_per_account: 25,
            scan_days: 365,
            latency_ms: 0,
            rate_limits: RateLimitMode::Documented,
            step_up_grace: Duration::from_secs(300),
            today: None,
            port: 0,
            faults: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rate_limit_modes() {
        assert_eq!(RateLimitMode::parse("off"), Ok(RateLimitMode::Off));
        assert_eq!(RateLimitMode::parse("Documented"), Ok(RateLimitMode::Documented));
        assert_eq!(
            RateLimitMode::parse("scaled:10/1"),
            Ok(RateLimitMode::Scaled { limit: 10, window: Duration::from_secs(1) })
        );
        assert!(RateLimitMode::parse("scaled:0/1").is_err());
        assert!(RateLimitMode::parse("fast").is_err());
        let qrcp = RateLimitMode::Documented.policy(ProviderKind::QrCodePro);
        assert_eq!(qrcp, Some((100, Duration::from_secs(60))));
    }
}
