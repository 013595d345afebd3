//! Scan history computed on demand from the seed: a code's scans on a day are a pure function of
//! `(seed, code hash, day)`, so a year of history for 100,000 codes costs no memory, and two
//! simulators with the same seed agree on every number.

use chrono::{Datelike, NaiveDate};

use crate::deterministic_rng::{hash, unit};
use crate::model::Code;

/// Scans on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayScans {
    pub scans: u64,
    pub unique: u64,
}

impl std::ops::AddAssign for DayScans {
    fn add_assign(&mut self, other: DayScans) {
        self.scans += other.scans;
        self.unique += other.unique;
    }
}

/// The history window every code shares: `first_day ..= today`.
#[derive(Debug, Clone, Copy)]
pub struct ScanClock {
    pub seed: u64,
    pub today: NaiveDate,
    pub first_day: NaiveDate,
}

impl ScanClock {
    pub fn new(seed: u64, today: NaiveDate, days: u32) -> Self {
        let back = chrono::Days::new(u64::from(days.max(1)) - 1);
        ScanClock { seed, today, first_day: today.checked_sub_days(back).unwrap_or(today) }
    }

    /// Scans of `code` on `day` (zero outside the window and before the code existed).
    pub fn day(&self, code: &Code, day: NaiveDate) -> DayScans {
        if day < self.first_day || day > self.today || day < code.created_at.date_naive() {
            return DayScans::default();
        }
        let base = 0.3 * (200.0_f64).powf(unit(hash(&[code.hash, 1])));
        let weekend_factor = 0.6 + 0.8 * unit(hash(&[code.hash, 2]));
        let trend = 0.7 + 0.6 * unit(hash(&[code.hash, 3]));
        let unique_ratio = 0.55 + 0.4 * unit(hash(&[code.hash, 4]));
        let day_number = u64::try_from(day.num_days_from_ce()).unwrap_or_default();
        let draw = hash(&[self.seed, code.hash, day_number]);
        let mut scans = 0;
        if unit(draw ^ 0xD0) >= 0.08 {
            let age = (self.today - day).num_days() as f64 / 365.0;
            let weekday = day.weekday().number_from_monday();
            let season = if weekday >= 6 { weekend_factor } else { 1.0 };
            let level = base * season * (trend + (1.0 - trend) * age.min(1.0));
            scans = (level * (0.3 + 1.4 * unit(draw))).round() as u64;
        }
        let mut unique = ((scans as f64) * unique_ratio + unit(draw ^ 0x77)).floor() as u64;
        if scans > 0 {
            unique = unique.clamp(1, scans);
        }
        if day == self.today && code.extra_scans > 0 {
            scans += code.extra_scans;
            unique += code.extra_scans.div_ceil(2);
        }
        DayScans { scans, unique }
    }

    /// Daily scans for `from ..= to` (empty when `from > to`).
    pub fn series(
        &self,
        code: &Code,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<(NaiveDate, DayScans)> {
        from.iter_days().take_while(|d| *d <= to).map(|d| (d, self.day(code, d))).collect()
    }

    /// Sum over `from ..= to`, clipped to the window.
    pub fn total_between(&self, code: &Code, from: NaiveDate, to: NaiveDate) -> DayScans {
        let from = from.max(self.first_day).max(code.created_at.date_naive());
        let to = to.min(self.today);
        let mut total = DayScans::default();
        for day in from.iter_days().take_while(|d| *d <= to) {
            total += self.day(code, day);
        }
        total
    }

    /// Every scan the code ever had (the whole window).
    pub fn lifetime(&self, code: &Code) -> DayScans {
        self.total_between(code, self.first_day, self.today)
    }
}

/// The sum of a series.
pub fn sum(series: &[(NaiveDate, DayScans)]) -> DayScans {
    let mut total = DayScans::default();
    for (_, day) in series {
        total += *day;
    }
    total
}

/// The top cities of a code: about 60% of its scans, split over [`CITIES`], largest first,
/// as `(city, country, scans)`.
pub fn top_cities(total: u64, code_hash: u64, salt: u64) -> Vec<(String, &'static str, u64)> {
    let labels: Vec<&str> = CITIES.iter().map(|(city, _)| *city).collect();
    split(total * 3 / 5, &labels, &[], code_hash, salt)
        .into_iter()
        .take(5)
        .map(|(city, scans)| {
            let country = CITIES.iter().find(|(c, _)| *c == city).map(|(_, k)| *k).unwrap_or("US");
            (city, country, scans)
        })
        .collect()
}

/// Splits `total` over `labels` with per-code weights (largest remainder, so the parts add up
/// exactly); parts are sorted largest first and zero parts are left out.
pub fn split(
    total: u64,
    labels: &[&str],
    base_weights: &[f64],
    code_hash: u64,
    salt: u64,
) -> Vec<(String, u64)> {
    let weights: Vec<f64> = labels
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let jitter = unit(hash(&[code_hash, salt, i as u64]));
            base_weights.get(i).copied().unwrap_or(1.0) * (0.25 + jitter * jitter * 1.5)
        })
        .collect();
    let sum: f64 = weights.iter().sum();
    if total == 0 || sum <= 0.0 {
        return Vec::new();
    }
    let exact: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut left = total.saturating_sub(parts.iter().sum());
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|a, b| {
        let fa = exact[*a] - exact[*a].floor();
        let fb = exact[*b] - exact[*b].floor();
        fb.total_cmp(&fa)
    });
    for index in order {
        if left == 0 {
            break;
        }
        parts[index] += 1;
        left -= 1;
    }
    let mut out: Vec<(String, u64)> = labels
        .iter()
        .zip(parts)
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| (label.to_string(), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

pub const COUNTRIES: [&str; 10] = ["US", "GB", "DE", "FR", "NL", "CA", "AU", "ZA", "ES", "SE"];
pub const COUNTRY_WEIGHTS: [f64; 10] = [30.0, 14.0, 10.0, 8.0, 5.0, 6.0, 5.0, 7.0, 4.0, 3.0];
pub const DEVICES: [&str; 3] = ["mobile", "desktop", "tablet"];
pub const DEVICE_WEIGHTS: [f64; 3] = [72.0, 20.0, 8.0];
pub const CITIES: [(&str, &str); 8] = [
    ("New York", "US"),
    ("London", "GB"),
    ("Berlin", "DE"),
    ("Paris", "FR"),
    ("Cape Town", "ZA"),
    ("Amsterdam", "NL"),
    ("Toronto", "CA"),
    ("Sydney", "AU"),
];

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn code(hash: u64) -> Code {
        Code {
            seq: 1,
            id: "x".into(),
            short_code: "x".into(),
            name: None,
            destination: "https://example.com".into(),
            data_type: "url",
            status: "active",
            created_at: Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap(),
            hash,
            extra_scans: 0,
        }
    }

    #[test]
    fn history_is_deterministic_and_bounded_by_the_window() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 21).unwrap();
        let clock = ScanClock::new(42, today, 365);
        let c = code(9);
        assert_eq!(clock.lifetime(&c), clock.lifetime(&c));
        assert!(clock.lifetime(&c).scans > 0);
        let before = clock.first_day.pred_opt().unwrap();
        assert_eq!(clock.day(&c, before), DayScans::default());
        let series = clock.series(&c, clock.first_day, today);
        assert_eq!(series.len(), 365);
        let summed: u64 = series.iter().map(|(_, d)| d.scans).sum();
        assert_eq!(summed, clock.lifetime(&c).scans);
        assert!(series.iter().all(|(_, d)| d.unique <= d.scans));
    }

    #[test]
    fn growth_moves_the_total() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 21).unwrap();
        let clock = ScanClock::new(42, today, 30);
        let mut c = code(3);
        let before = clock.lifetime(&c).scans;
        c.extra_scans = 5;
        assert_eq!(clock.lifetime(&c).scans, before + 5);
    }

    #[test]
    fn split_adds_up() {
        let parts = split(1001, &COUNTRIES, &COUNTRY_WEIGHTS, 77, 1);
        assert_eq!(parts.iter().map(|p| p.1).sum::<u64>(), 1001);
        assert!(parts.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(split(0, &DEVICES, &DEVICE_WEIGHTS, 1, 2).is_empty());
    }
}
