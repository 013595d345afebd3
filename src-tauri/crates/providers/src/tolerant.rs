//! Tolerant reading of service JSON (see docs/providers/README.md, 'Tolerant parsing'), shared
//! by every service.
//!
//! Services disagree on shapes and drift over time, so adapters read bodies as
//! [`serde_json::Value`] through these helpers instead of strict structs: unknown fields are
//! ignored, optional fields may be missing or `null`, timestamps may be ISO-8601 strings or Unix
//! epoch milliseconds, numbers may arrive as strings, enums match in any case and an error
//! `message` may be a string or an array of strings. Nothing here panics on any input.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;

/// The first of `names` that is present and not `null` in `v` (an object; anything else → None).
pub fn field<'a>(v: &'a Value, names: &[&str]) -> Option<&'a Value> {
    let obj = v.as_object()?;
    names.iter().filter_map(|n| obj.get(*n)).find(|x| !x.is_null())
}

/// Follows a path of object keys (`["pagination", "nextCursor"]`).
pub fn path<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().try_fold(v, |cur, k| cur.as_object()?.get(*k)).filter(|x| !x.is_null())
}

/// A string value; numbers and booleans are rendered (ids sometimes arrive as numbers).
pub fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// [`string`] of the first present field.
pub fn string_field(v: &Value, names: &[&str]) -> Option<String> {
    field(v, names).and_then(string)
}

/// An integer: JSON integers, floats (rounded) and numeric strings.
pub fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64().filter(|f| f.is_finite() && f.abs() < 9.0e15).map(|f| f.round() as i64)
        }),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<i64>().ok().or_else(|| {
                s.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite() && f.abs() < 9.0e15)
                    .map(|f| f.round() as i64)
            })
        }
        _ => None,
    }
}

/// [`int`] of the first present field.
pub fn int_field(v: &Value, names: &[&str]) -> Option<i64> {
    field(v, names).and_then(int)
}

/// A non-negative count (page totals): negative numbers are treated as absent.
pub fn count_field(v: &Value, names: &[&str]) -> Option<u64> {
    int_field(v, names).and_then(|n| u64::try_from(n).ok())
}

/// A boolean: JSON booleans, `"true"`/`"false"` in any case, 0/1.
pub fn boolean(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|i| i != 0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// A point in time: RFC 3339 / ISO-8601 strings (with or without zone, date-only), Unix epoch
/// milliseconds as a number or numeric string (values below 10^11 are taken as seconds).
pub fn timestamp(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::Number(_) => int(v).and_then(epoch_to_utc),
        Value::String(s) => parse_time_str(s.trim()),
        _ => None,
    }
}

/// [`timestamp`] of the first present field.
pub fn timestamp_field(v: &Value, names: &[&str]) -> Option<DateTime<Utc>> {
    field(v, names).and_then(timestamp)
}

fn epoch_to_utc(n: i64) -> Option<DateTime<Utc>> {
    if n.abs() < 100_000_000_000 {
        Utc.timestamp_opt(n, 0).single()
    } else {
        Utc.timestamp_millis_opt(n).single()
    }
}

fn parse_time_str(s: &str) -> Option<DateTime<Utc>> {
    if s.is_empty() {
        return None;
    }
    if let Ok(n) = s.parse::<i64>() {
        return epoch_to_utc(n);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f %z") {
        return Some(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// A calendar day: `YYYY-MM-DD`, or the UTC day of any [`timestamp`].
pub fn date(v: &Value) -> Option<NaiveDate> {
    if let Value::String(s) = v {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Some(d);
        }
    }
    timestamp(v).map(|t| t.date_naive())
}

/// An error message that may be a string or an array of strings (NestJS validation): the
/// parts are joined with "; ". Objects yield their own `message`.
pub fn message(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(message).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Object(_) => field(v, &["message", "error", "detail"]).and_then(message),
        Value::Number(_) | Value::Bool(_) => string(v),
        Value::Null => None,
    }
}

/// Case-insensitive comparison of an enum value (`"ACTIVE"` matches `"active"`).
pub fn enum_is(v: &Value, expected: &str) -> bool {
    v.as_str().is_some_and(|s| s.trim().eq_ignore_ascii_case(expected))
}

/// The items of a list response: a bare array, or the array under one of `names`.
pub fn items<'a>(v: &'a Value, names: &[&str]) -> Option<&'a Vec<Value>> {
    if let Value::Array(a) = v {
        return Some(a);
    }
    field(v, names).and_then(Value::as_array)
}

/// At most `max` characters of `text`, on a char boundary, with `…` when cut.
pub fn snippet(text: &str, max: usize) -> String {
    let trimmed = text.trim();
    let mut out: String = trimmed.chars().take(max).collect();
    if trimmed.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn timestamps_in_every_allowed_form() {
        let iso = timestamp(&json!("2026-05-21T15:00:00.000Z")).unwrap();
        let ms = timestamp(&json!(1_779_375_600_000_i64)).unwrap();
        let ms_str = timestamp(&json!("1779375600000")).unwrap();
        let secs = timestamp(&json!(1_779_375_600)).unwrap();
        let float_ms = timestamp(&json!(1_779_375_600_000.0)).unwrap();
        assert_eq!(iso.timestamp(), 1_779_375_600);
        assert_eq!(ms, iso);
        assert_eq!(ms_str, iso);
        assert_eq!(secs, iso);
        assert_eq!(float_ms, iso);
        assert_eq!(timestamp(&json!("2026-05-21T17:00:00+02:00")).unwrap(), iso);
        assert_eq!(timestamp(&json!("2026-05-21 15:00:00")).unwrap(), iso);
        assert_eq!(timestamp(&json!("2026-05-21")).unwrap().timestamp(), 1_779_321_600);
        for bad in [json!("yesterday"), json!(""), json!(null), json!([1]), json!({}), json!(true)]
        {
            assert_eq!(timestamp(&bad), None, "{bad}");
        }
        assert_eq!(timestamp(&json!(i64::MAX)), None);
    }

    #[test]
    fn dates_from_dates_and_timestamps() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert_eq!(date(&json!("2026-05-01")), Some(d));
        assert_eq!(date(&json!("2026-05-01T00:00:00Z")), Some(d));
        assert_eq!(date(&json!(1_777_593_600_000_i64)), Some(d));
        assert_eq!(date(&json!("May 1st")), None);
    }

    #[test]
    fn messages_as_string_array_or_object() {
        assert_eq!(message(&json!("Invalid API key")).as_deref(), Some("Invalid API key"));
        assert_eq!(
            message(&json!(["name should not be empty", "url must be a URL"])).as_deref(),
            Some("name should not be empty; url must be a URL")
        );
        assert_eq!(message(&json!({"code": "x", "message": "inner"})).as_deref(), Some("inner"));
        assert_eq!(message(&json!([])), None);
        assert_eq!(message(&json!("  ")), None);
    }

    #[test]
    fn numbers_and_enums_are_lenient() {
        assert_eq!(int(&json!("42")), Some(42));
        assert_eq!(int(&json!(41.6)), Some(42));
        assert_eq!(int(&json!("x")), None);
        assert_eq!(int(&json!(f64::MAX)), None);
        assert!(enum_is(&json!("ACTIVE"), "active"));
        assert!(!enum_is(&json!(1), "active"));
        assert_eq!(boolean(&json!("TRUE")), Some(true));
        assert_eq!(count_field(&json!({"total": -3}), &["total"]), None);
    }

    #[test]
    fn fields_skip_nulls_and_paths_walk() {
        let v = json!({"a": null, "b": 2, "p": {"next": "x"}});
        assert_eq!(int_field(&v, &["a", "b"]), Some(2));
        assert_eq!(path(&v, &["p", "next"]).and_then(string).as_deref(), Some("x"));
        assert_eq!(path(&v, &["p", "missing"]), None);
        assert_eq!(field(&json!([1]), &["a"]), None);
    }

    #[test]
    fn snippet_cuts_on_char_boundaries() {
        assert_eq!(snippet("héllo wörld", 5), "héllo…");
        assert_eq!(snippet("  short ", 200), "short");
    }
}
