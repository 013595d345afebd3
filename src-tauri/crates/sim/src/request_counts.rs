//! Counts the requests each route served, keyed `"GET /qrcodepro/v1/qrcodes/{id}"` (ids
//! replaced by the route's placeholders), so tests can assert how many requests a sync needed.

use std::collections::BTreeMap;

/// Every route the simulated services serve, with axum's placeholder syntax.
pub const ROUTES: [&str; 19] = [
    "/exaroutes/api/qr/codes",
    "/exaroutes/api/qr/codes/{id}",
    "/exaroutes/api/qr/codes/{id}/analytics",
    "/exaroutes/api/qr/dynamic-qr",
    "/exaroutes/api/qr/workspace-bulk-replace",
    "/qr-v1/api/v1/qr",
    "/qr-v1/api/v1/qr/{id}",
    "/qr-v1/api/v1/qr/{id}/analytics",
    "/qrcodepro/v1/qrcodes",
    "/qrcodepro/v1/qrcodes/{id}",
    "/qrcodepro/v1/qrcodes/{id}/analytics",
    "/qrcodepro/v1/qrcodes/{id}/analytics/timeseries",
    "/iloveqr/api/v1/users/me/organizations",
    "/iloveqr/api/v1/organizations/{org}/qr-codes",
    "/iloveqr/api/v1/organizations/{org}/qr-codes/analytics",
    "/iloveqr/api/v1/organizations/{org}/qr-codes/{id}",
    "/iloveqr/api/v1/organizations/{org}/qr-codes/{id}/analytics",
    "/exante/api/api-keys",
    "/exante/api/api-keys/{id}",
];

/// The route template a concrete path belongs to (literal segments win over placeholders, so
/// `…/qr-codes/analytics` is not taken for a code id); unknown paths are kept as they are.
pub fn normalise(path: &str) -> String {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let mut best: Option<(usize, &str)> = None;
    for template in ROUTES {
        let parts: Vec<&str> = template.split('/').collect();
        if parts.len() != segments.len() {
            continue;
        }
        let mut literals = 0;
        let fits = parts.iter().zip(&segments).all(|(part, segment)| {
            if part.starts_with('{') {
                !segment.is_empty()
            } else {
                literals += 1;
                part == segment
            }
        });
        if fits && best.is_none_or(|(score, _)| literals > score) {
            best = Some((literals, template));
        }
    }
    match best {
        Some((_, template)) => template.to_string(),
        None => path.chars().take(200).collect(),
    }
}

/// Requests per `"METHOD /route"`.
#[derive(Debug, Default)]
pub struct RequestCounts {
    counts: BTreeMap<String, u64>,
}

impl RequestCounts {
    pub fn record(&mut self, method: &str, path: &str) {
        *self.counts.entry(format!("{method} {}", normalise(path))).or_insert(0) += 1;
    }

    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        self.counts.clone()
    }

    pub fn reset(&mut self) {
        self.counts.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_placeholders_and_literals_win() {
        assert_eq!(normalise("/qrcodepro/v1/qrcodes/qr_abc"), "/qrcodepro/v1/qrcodes/{id}");
        assert_eq!(
            normalise("/iloveqr/api/v1/organizations/org_1/qr-codes/analytics"),
            "/iloveqr/api/v1/organizations/{org}/qr-codes/analytics"
        );
        assert_eq!(
            normalise("/iloveqr/api/v1/organizations/org_1/qr-codes/qr_9"),
            "/iloveqr/api/v1/organizations/{org}/qr-codes/{id}"
        );
        assert_eq!(normalise("/nowhere"), "/nowhere");
        for route in ROUTES {
            assert_eq!(normalise(route), route);
        }
        let mut counts = RequestCounts::default();
        counts.record("GET", "/qr-v1/api/v1/qr/1");
        counts.record("GET", "/qr-v1/api/v1/qr/2");
        assert_eq!(counts.snapshot().get("GET /qr-v1/api/v1/qr/{id}"), Some(&2));
    }
}
