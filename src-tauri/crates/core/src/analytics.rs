//! Scan analytics: daily series and breakdowns (country, device, …) per code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Scans on one UTC day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DailyScans {
    pub date: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub scans: i64,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub unique_scans: Option<i64>,
}

/// What a breakdown groups scans by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum BreakdownKind {
    Country,
    Device,
    Os,
    Browser,
    City,
    Referrer,
}

impl BreakdownKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BreakdownKind::Country => "country",
            BreakdownKind::Device => "device",
            BreakdownKind::Os => "os",
            BreakdownKind::Browser => "browser",
            BreakdownKind::City => "city",
            BreakdownKind::Referrer => "referrer",
        }
    }

    pub fn parse(s: &str) -> Option<BreakdownKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "country" | "countries" => Some(BreakdownKind::Country),
            "device" | "devices" | "device_type" => Some(BreakdownKind::Device),
            "os" => Some(BreakdownKind::Os),
            "browser" | "browsers" => Some(BreakdownKind::Browser),
            "city" | "cities" => Some(BreakdownKind::City),
            "referrer" | "referrers" => Some(BreakdownKind::Referrer),
            _ => None,
        }
    }
}

/// One bar of a breakdown chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Breakdown {
    pub kind: BreakdownKind,
    pub label: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub scans: i64,
}

/// A code's analytics over a window, as fetched from the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ScanSeries {
    pub days: Vec<DailyScans>,
    pub breakdowns: Vec<Breakdown>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub total_scans: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub unique_scans: Option<i64>,
}
