//! Breakdowns (countries, devices, browsers…) as the JSON rows the services send.

use serde_json::{json, Value};

/// `[{ "<key>": label, "scans": n }, …]`
pub fn rows(parts: Vec<(String, u64)>, key: &str) -> Vec<Value> {
    parts.into_iter().map(|(label, scans)| json!({ key: label, "scans": scans })).collect()
}

/// Rows with each part's share of `total` in percent, one decimal (iloveQR).
pub fn rows_with_share(parts: Vec<(String, u64)>, total: u64, key: &str) -> Vec<Value> {
    parts
        .into_iter()
        .map(|(label, scans)| json!({ key: label, "scans": scans, "percentage": percent(scans, total) }))
        .collect()
}

pub fn percent(scans: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (scans as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_their_key_and_share() {
        let parts = vec![("US".to_string(), 3), ("GB".to_string(), 1)];
        assert_eq!(rows(parts.clone(), "country")[0], json!({ "country": "US", "scans": 3 }));
        assert_eq!(rows_with_share(parts, 4, "country")[1]["percentage"], json!(25.0));
        assert_eq!(percent(1, 0), 0.0);
    }
}
