//! The `codes` table: cached QR codes, filters and full-text search.

use chrono::{DateTime, Utc};
use qrdesk_core::{AccountId, CodeId, CodeStatus, Environment, QrCode};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::StoreError;
use crate::search::fts_query;
use crate::timestamps::{parse_opt, parse_ts, ts};

/// A code as written into the cache (from a service's list, or created locally).
#[derive(Debug, Clone, Default)]
pub struct CodeRecord {
    pub remote_id: Option<String>,
    pub name: String,
    pub kind: String,
    pub destination: String,
    pub content: String,
    pub status: CodeStatus,
    pub scans_total: Option<i64>,
    pub remote_created_at: Option<DateTime<Utc>>,
    pub remote_updated_at: Option<DateTime<Utc>>,
    pub raw_json: Option<String>,
}

/// Which codes to list.
#[derive(Debug, Clone, Default)]
pub struct CodeFilter {
    pub account: Option<AccountId>,
    pub search: Option<String>,
    pub status: Option<CodeStatus>,
    pub environment: Option<Environment>,
    /// Only codes with an edit waiting in the outbox.
    pub pending_only: bool,
    /// Include codes deleted on the service (kept for printing history).
    pub include_deleted: bool,
    pub limit: Option<u32>,
    pub offset: u32,
    pub order: CodeOrder,
}

/// Sort order of a code list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeOrder {
    /// By name, case-insensitively (the library's default).
    #[default]
    Name,
    /// Most recently changed first.
    UpdatedDesc,
    /// Most scanned first (codes without a total last).
    ScansDesc,
}

impl CodeOrder {
    fn sql(self) -> &'static str {
        match self {
            CodeOrder::Name => "c.name COLLATE NOCASE, c.id",
            CodeOrder::UpdatedDesc => "c.updated_at DESC, c.id DESC",
            CodeOrder::ScansDesc => "c.scans_total IS NULL, c.scans_total DESC, c.id",
        }
    }
}

const COLUMNS: &str = "c.id, c.account_id, c.remote_id, c.name, c.kind, c.destination, c.content,
    c.status, c.scans_total, c.remote_updated_at, c.updated_at, c.local_revision, c.deleted,
    EXISTS (SELECT 1 FROM outbox o WHERE o.code_id = c.id AND o.state <> 'done'),
    c.scans_window_days";

/// A search matching more codes than this lists the newest first instead of in the filter's
/// order: sorting every match is what makes a search slow on a large cache (tens of ms at
/// 100,000 codes), and a person refines a search that broad anyway.
pub const SEARCH_SORTED_BY_NAME_UP_TO: usize = 2_000;

pub fn insert(
    conn: &Connection,
    account: AccountId,
    c: &CodeRecord,
    now: DateTime<Utc>,
) -> Result<CodeId, StoreError> {
    insert_row(conn, account, c, now, None)
}

/// Inserts `c`; `seen_in_run` is the sync run that listed it (pulled codes).
pub(crate) fn insert_row(
    conn: &Connection,
    account: AccountId,
    c: &CodeRecord,
    now: DateTime<Utc>,
    seen_in_run: Option<i64>,
) -> Result<CodeId, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO codes (account_id, remote_id, name, kind, destination, content, status, scans_total,
             remote_created_at, remote_updated_at, updated_at, raw_json, seen_in_run)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let values = std::iter::once(Value::from(account))
        .chain(record_values(c, now))
        .chain([Value::from(seen_in_run)]);
    stmt.execute(rusqlite::params_from_iter(values))?;
    Ok(conn.last_insert_rowid())
}

/// A record's columns in the order the statements here bind them: remote_id, name, kind,
/// destination, content, status, scans_total, remote_created_at, remote_updated_at, updated_at
/// (= `now`), raw_json.
pub(crate) fn record_values(c: &CodeRecord, now: DateTime<Utc>) -> [Value; 11] {
    [
        Value::from(c.remote_id.clone()),
        Value::from(c.name.clone()),
        Value::from(c.kind.clone()),
        Value::from(c.destination.clone()),
        Value::from(c.content.clone()),
        Value::from(c.status.as_str().to_string()),
        Value::from(c.scans_total),
        Value::from(c.remote_created_at.map(ts)),
        Value::from(c.remote_updated_at.map(ts)),
        Value::from(ts(now)),
        Value::from(c.raw_json.clone()),
    ]
}

/// A code's status column, refusing values the schema's CHECK would never let in.
pub(crate) fn status_at(r: &Row<'_>, index: usize) -> Result<CodeStatus, StoreError> {
    let status: String = r.get(index)?;
    CodeStatus::parse(&status).ok_or_else(|| StoreError::Corrupt(format!("code status {status:?}")))
}

pub fn get(conn: &Connection, id: CodeId) -> Result<QrCode, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM codes c WHERE c.id = ?1"), [id], |r| {
        Ok(from_row(r))
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("There is no code #{id} in the local cache")))?
}

pub fn find_by_remote_id(
    conn: &Connection,
    account: AccountId,
    remote_id: &str,
) -> Result<Option<QrCode>, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM codes c WHERE c.account_id = ?1 AND c.remote_id = ?2"),
        params![account, remote_id],
        |r| Ok(from_row(r)),
    )
    .optional()?
    .transpose()
}

/// Codes matching `filter` in its order. A search is driven by the full-text index; when it
/// matches more than [`SEARCH_SORTED_BY_NAME_UP_TO`] codes they come newest first instead.
pub fn list(conn: &Connection, filter: &CodeFilter) -> Result<Vec<QrCode>, StoreError> {
    let limit = filter.limit.map(i64::from).unwrap_or(-1);
    let offset = filter.offset;
    let (conds, args) = conditions(filter);
    let Some(fts) = filter.search.as_deref().and_then(fts_query) else {
        // The page's ids first, in the index's order (`codes_by_name`, `codes_by_account`), then
        // the columns of those rows only: the outbox check of COLUMNS would otherwise run for
        // every row before a sort.
        let sql = format!(
            "SELECT {COLUMNS} FROM codes c WHERE c.id IN ({}) ORDER BY {}",
            page_ids_sql(&conds, filter),
            filter.order.sql()
        );
        return query_codes(conn, &sql, args);
    };
    // The index yields matches newest first; the codes table is only read for those.
    let mut fts_conds = vec!["codes_fts MATCH ?"];
    fts_conds.extend(conds.iter().copied());
    let mut fts_args = vec![Value::Text(fts)];
    fts_args.extend(args);
    let from = "FROM codes_fts f CROSS JOIN codes c ON c.id = f.rowid";
    let cap = SEARCH_SORTED_BY_NAME_UP_TO;
    let ids: Vec<i64> = {
        let sql = format!(
            "SELECT c.id {from} {} ORDER BY f.rowid DESC LIMIT {}",
            where_sql(&fts_conds),
            cap + 1
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(fts_args.iter()), |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    if ids.len() > cap {
        let sql = format!(
            "SELECT {COLUMNS} {from} {} ORDER BY f.rowid DESC LIMIT {limit} OFFSET {offset}",
            where_sql(&fts_conds)
        );
        return query_codes(conn, &sql, fts_args);
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let sql = format!(
        "SELECT {COLUMNS} FROM codes c WHERE c.id IN ({marks}) ORDER BY {} LIMIT {limit} OFFSET {offset}",
        filter.order.sql()
    );
    query_codes(conn, &sql, ids.into_iter().map(Value::Integer).collect())
}

/// The ids of the filter's page, in its order (no search).
fn page_ids_sql(conds: &[&str], filter: &CodeFilter) -> String {
    let limit = filter.limit.map(i64::from).unwrap_or(-1);
    format!(
        "SELECT c.id FROM codes c {} ORDER BY {} LIMIT {limit} OFFSET {}",
        where_sql(conds),
        filter.order.sql(),
        filter.offset
    )
}

fn query_codes(conn: &Connection, sql: &str, args: Vec<Value>) -> Result<Vec<QrCode>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| Ok(from_row(r)))?;
    rows.map(|r| r?).collect()
}

/// How many codes match `filter` (ignoring limit/offset).
pub fn count(conn: &Connection, filter: &CodeFilter) -> Result<u64, StoreError> {
    let (mut conds, mut args) = conditions(filter);
    let sql = match filter.search.as_deref().and_then(fts_query) {
        None => format!("SELECT count(*) FROM codes c {}", where_sql(&conds)),
        // Only the search (the library's usual case): count in the index and subtract the few
        // deleted codes, instead of reading every match from the codes table.
        Some(q) if conds == ["c.deleted = 0"] => {
            args = vec![Value::Text(q)];
            "SELECT count(*) FROM codes_fts WHERE codes_fts MATCH ?1 AND rowid NOT IN \
             (SELECT id FROM codes INDEXED BY codes_deleted WHERE deleted = 1)"
                .to_string()
        }
        Some(q) => {
            conds.insert(0, "codes_fts MATCH ?");
            args.insert(0, Value::Text(q));
            format!(
                "SELECT count(*) FROM codes_fts f CROSS JOIN codes c ON c.id = f.rowid {}",
                where_sql(&conds)
            )
        }
    };
    let n: i64 = conn.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// The filter's conditions on `codes c`, except the search.
fn conditions(f: &CodeFilter) -> (Vec<&'static str>, Vec<Value>) {
    let mut conds: Vec<&'static str> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if !f.include_deleted {
        conds.push("c.deleted = 0");
    }
    if let Some(a) = f.account {
        conds.push("c.account_id = ?");
        args.push(Value::Integer(a));
    }
    if let Some(s) = f.status {
        conds.push("c.status = ?");
        args.push(Value::Text(s.as_str().into()));
    }
    if let Some(e) = f.environment {
        conds.push("c.account_id IN (SELECT id FROM accounts WHERE environment = ?)");
        args.push(Value::Text(e.as_str().into()));
    }
    if f.pending_only {
        conds.push("EXISTS (SELECT 1 FROM outbox o WHERE o.code_id = c.id AND o.state <> 'done')");
    }
    (conds, args)
}

fn where_sql(conds: &[&str]) -> String {
    if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    }
}

fn from_row(r: &Row<'_>) -> Result<QrCode, StoreError> {
    Ok(QrCode {
        id: r.get(0)?,
        account: r.get(1)?,
        remote_id: r.get(2)?,
        name: r.get(3)?,
        kind: r.get(4)?,
        destination: r.get(5)?,
        content: r.get(6)?,
        status: status_at(r, 7)?,
        scans_total: r.get(8)?,
        remote_updated_at: parse_opt(r.get(9)?)?,
        updated_at: parse_ts(&r.get::<_, String>(10)?)?,
        local_revision: r.get(11)?,
        deleted: r.get(12)?,
        pending: r.get(13)?,
        scans_window_days: r.get(14)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What SQLite plans for the ids of a library page.
    fn plan(filter: &CodeFilter) -> String {
        let conn = crate::schema::open_memory().unwrap();
        let (conds, args) = conditions(filter);
        let sql = format!("EXPLAIN QUERY PLAN {}", page_ids_sql(&conds, filter));
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3));
        rows.unwrap().map(Result::unwrap).collect::<Vec<_>>().join("; ")
    }

    #[test]
    fn the_library_order_is_read_from_an_index_not_sorted() {
        let all = CodeFilter { limit: Some(100), ..CodeFilter::default() };
        let p = plan(&all);
        assert!(p.contains("codes_by_name") && !p.contains("TEMP B-TREE"), "{p}");
        let one = CodeFilter { account: Some(1), limit: Some(100), offset: 200, ..all.clone() };
        let p = plan(&one);
        assert!(p.contains("codes_by_account") && !p.contains("TEMP B-TREE"), "{p}");
    }
}
