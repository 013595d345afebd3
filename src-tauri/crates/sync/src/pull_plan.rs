//! Pull planning, with no IO: what to write for each code of a list page, and which codes'
//! analytics are worth fetching. Tested with case tables; `pull` applies the plan.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use qrdesk_providers::RemoteCode;
use qrdesk_store::codes::CodeRecord;
use qrdesk_store::sync_rows::LocalCode;

/// What to do with one remote code of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullAction {
    /// Not cached yet.
    Insert,
    /// Cached and different (or marked deleted): take the service's version.
    Overwrite { id: i64 },
    /// A local edit waits: refresh only the scan total and short URL, keep the edit visible.
    RefreshPending { id: i64 },
    /// Cached and identical: only remember it was seen in this pass.
    Unchanged { id: i64 },
    /// The same remote id appeared earlier on this page (defensive; the service repeated it).
    Duplicate,
}

/// One action per remote code, in page order.
pub fn plan_page(locals: &HashMap<String, LocalCode>, remotes: &[RemoteCode]) -> Vec<PullAction> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(remotes.len());
    remotes
        .iter()
        .map(|remote| {
            if !seen.insert(remote.remote_id.as_str()) {
                return PullAction::Duplicate;
            }
            plan_code(locals.get(&remote.remote_id), remote)
        })
        .collect()
}

/// The action for one remote code given what the cache holds.
pub fn plan_code(local: Option<&LocalCode>, remote: &RemoteCode) -> PullAction {
    match local {
        None => PullAction::Insert,
        Some(l) if l.pending => PullAction::RefreshPending { id: l.id },
        Some(l) if l.deleted || differs(l, remote) => PullAction::Overwrite { id: l.id },
        Some(l) => PullAction::Unchanged { id: l.id },
    }
}

fn differs(l: &LocalCode, r: &RemoteCode) -> bool {
    l.name != r.name
        || l.kind != r.kind
        || l.destination != r.destination
        || l.content != r.content
        || l.status != r.status
        // A list without totals (ExaRoutes) says nothing about them: the analytics keep theirs.
        || (r.scans_total.is_some() && l.scans_total != r.scans_total)
        || !same_instant(l.remote_updated_at, r.updated_at)
}

/// Timestamps as the store keeps them (millisecond precision).
pub fn same_instant(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> bool {
    a.map(|t| t.timestamp_millis()) == b.map(|t| t.timestamp_millis())
}

/// The most characters kept of a pulled name (longer ones end in "…").
pub const MAX_PULLED_NAME_CHARS: usize = qrdesk_core::rules::code::MAX_NAME_CHARS;
/// The most characters kept of a pulled address (destination, short link): four times what an
/// edit may set, so no real address is cut, while a hostile service cannot fill the disk.
pub const MAX_PULLED_URL_CHARS: usize = 4 * qrdesk_core::rules::code::MAX_DESTINATION_CHARS;
/// The largest raw record kept (for diagnostics); a larger one is replaced by a note.
pub const MAX_RAW_JSON_BYTES: usize = 64 * 1024;

/// The cache row for a remote code, with every field the service sent capped.
pub fn record_of(remote: &RemoteCode) -> CodeRecord {
    let raw = serde_json::to_string(&remote.raw).ok().map(|raw| {
        if raw.len() > MAX_RAW_JSON_BYTES {
            format!(
                r#"{{"note": "the service's record was {} bytes; QR Desk kept none of it"}}"#,
                raw.len()
            )
        } else {
            raw
        }
    });
    CodeRecord {
        remote_id: Some(cap(&remote.remote_id, 200, "")),
        name: cap(&remote.name, MAX_PULLED_NAME_CHARS, "…"),
        kind: cap(&remote.kind, 100, ""),
        destination: cap(&remote.destination, MAX_PULLED_URL_CHARS, ""),
        content: cap(&remote.content, MAX_PULLED_URL_CHARS, ""),
        status: remote.status,
        scans_total: remote.scans_total,
        remote_created_at: remote.created_at,
        remote_updated_at: remote.updated_at,
        raw_json: raw,
    }
}

/// `text` cut to `max` characters, ending in `mark` when cut.
fn cap(text: &str, max: usize, mark: &str) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(mark.chars().count())).collect();
    kept + mark
}

/// Whether a code's analytics may have changed since they were last fetched: never fetched, a
/// new UTC day started since, or (where the list carries scan totals) the total moved. Services
/// without totals in the list (ExaRoutes) are thereby refreshed at most once per day.
pub fn analytics_due(local: &LocalCode, today: NaiveDate, totals_in_list: bool) -> bool {
    match local.analytics_fetched_at {
        None => true,
        Some(at) if at.date_naive() < today => true,
        Some(_) => totals_in_list && local.scans_total != local.analytics_scans_total,
    }
}

/// The first day of a window of `days` days ending on `today`.
pub fn window_start(today: NaiveDate, days: u32) -> NaiveDate {
    let back = u64::from(days.max(1) - 1);
    today.checked_sub_days(chrono::Days::new(back)).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use qrdesk_core::CodeStatus;

    fn t(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, h, 0, 0).unwrap()
    }

    fn remote(id: &str) -> RemoteCode {
        RemoteCode {
            remote_id: id.into(),
            name: "Menu".into(),
            kind: "url".into(),
            destination: "https://a.example/menu".into(),
            content: format!("https://qr.example/r/{id}"),
            status: CodeStatus::Active,
            scans_total: Some(10),
            created_at: Some(t(1)),
            updated_at: Some(t(2)),
            raw: serde_json::json!({ "id": id }),
        }
    }

    fn local_of(r: &RemoteCode, id: i64) -> LocalCode {
        LocalCode {
            id,
            remote_id: Some(r.remote_id.clone()),
            name: r.name.clone(),
            kind: r.kind.clone(),
            destination: r.destination.clone(),
            content: r.content.clone(),
            status: r.status,
            scans_total: r.scans_total,
            remote_updated_at: r.updated_at,
            deleted: false,
            pending: false,
            analytics_fetched_at: None,
            analytics_scans_total: None,
        }
    }

    #[test]
    fn each_remote_code_gets_the_right_action() {
        let r = remote("a");
        let same = local_of(&r, 1);
        let renamed = LocalCode { name: "Old".into(), ..same.clone() };
        let newer_remote = LocalCode { remote_updated_at: Some(t(1)), ..same.clone() };
        let scans_moved = LocalCode { scans_total: Some(3), ..same.clone() };
        let deleted = LocalCode { deleted: true, ..same.clone() };
        let pending = LocalCode { pending: true, name: "Local edit".into(), ..same.clone() };
        let sub_milli = LocalCode {
            remote_updated_at: r.updated_at.map(|u| u + chrono::Duration::microseconds(300)),
            ..same.clone()
        };
        let cases: [(&str, Option<&LocalCode>, PullAction); 8] = [
            ("new code", None, PullAction::Insert),
            ("identical", Some(&same), PullAction::Unchanged { id: 1 }),
            ("renamed on the service", Some(&renamed), PullAction::Overwrite { id: 1 }),
            ("updated_at moved", Some(&newer_remote), PullAction::Overwrite { id: 1 }),
            ("scan total moved", Some(&scans_moved), PullAction::Overwrite { id: 1 }),
            ("came back after a delete", Some(&deleted), PullAction::Overwrite { id: 1 }),
            ("local edit waits", Some(&pending), PullAction::RefreshPending { id: 1 }),
            ("same millisecond", Some(&sub_milli), PullAction::Unchanged { id: 1 }),
        ];
        for (name, local, want) in cases {
            assert_eq!(plan_code(local, &r), want, "{name}");
        }
    }

    #[test]
    fn a_page_plans_in_order_and_skips_repeats() {
        let a = remote("a");
        let b = remote("b");
        let locals = HashMap::from([("b".to_string(), local_of(&b, 7))]);
        let plan = plan_page(&locals, &[a.clone(), b, a]);
        assert_eq!(
            plan,
            vec![PullAction::Insert, PullAction::Unchanged { id: 7 }, PullAction::Duplicate]
        );
    }

    #[test]
    fn analytics_are_fetched_only_when_they_may_have_changed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let base = local_of(&remote("a"), 1);
        let fresh = LocalCode {
            analytics_fetched_at: Some(t(3)),
            analytics_scans_total: Some(10),
            ..base.clone()
        };
        let yesterday = LocalCode {
            analytics_fetched_at: Some(t(3) - chrono::Duration::days(1)),
            ..fresh.clone()
        };
        let moved = LocalCode { scans_total: Some(12), ..fresh.clone() };
        // (case, code, totals in list, due)
        let cases: [(&str, &LocalCode, bool, bool); 7] = [
            ("never fetched", &base, true, true),
            ("never fetched, no totals", &base, false, true),
            ("fetched today, total unchanged", &fresh, true, false),
            ("fetched today, no totals", &fresh, false, false),
            ("fetched yesterday", &yesterday, true, true),
            ("fetched yesterday, no totals", &yesterday, false, true),
            ("total moved", &moved, true, true),
        ];
        for (name, code, totals, due) in cases {
            assert_eq!(analytics_due(code, today, totals), due, "{name}");
        }
        assert!(!analytics_due(&moved, today, false), "without totals: once a day only");
    }

    #[test]
    fn the_window_ends_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        assert_eq!(window_start(today, 1), today);
        assert_eq!(window_start(today, 90), NaiveDate::from_ymd_opt(2026, 8, 23).unwrap());
        assert_eq!(window_start(today, 0), today);
    }

    #[test]
    fn a_hostile_record_is_capped_before_it_is_stored() {
        let mut r = remote("r1");
        r.name = "n".repeat(10_000);
        r.destination = format!("https://a.example/{}", "d".repeat(100_000));
        r.raw = serde_json::json!({ "blob": "b".repeat(200_000) });
        let rec = record_of(&r);
        assert_eq!(rec.name.chars().count(), MAX_PULLED_NAME_CHARS);
        assert!(rec.name.ends_with('…'));
        assert_eq!(rec.destination.chars().count(), MAX_PULLED_URL_CHARS);
        let raw = rec.raw_json.unwrap();
        assert!(raw.len() < 200 && raw.contains("kept none"), "{raw}");
        let ok = record_of(&remote("r2"));
        assert_eq!(ok.name, remote("r2").name, "ordinary records are kept whole");
    }
}
