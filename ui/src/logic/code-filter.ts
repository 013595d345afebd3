// Library search and filters as pure functions: the FakeBackend runs them over its rows, and the
// library screen uses them to build queries. (The Rust side does the same with SQLite FTS.)

import type { Account } from "../bindings/Account";
import type { CodeRow, CodeQuery } from "../platform/types";

/**
 * Rows per list_codes answer: a screenful and its overscan twice over. Smaller answers come back
 * sooner while typing (a page of 200 took 2–3× longer to find, send and parse than one of 50 for
 * a two-word search over 100,000 codes, scripts/perf-ui); scrolling asks for the next pages.
 */
export const PAGE_SIZE = 50;

export function emptyQuery(): CodeQuery {
  return { search: "", account: null, status: null, environment: null, pending_only: false, sort: "name", offset: 0, limit: PAGE_SIZE };
}

/** Lower-cased search words; every word must match somewhere. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

/** The lower-cased text a search looks in (callers may cache it per row). */
export function haystack(row: CodeRow): string {
  return `${row.name}\n${row.destination}\n${row.content}`.toLowerCase();
}

export function matches(row: CodeRow, q: CodeQuery, accounts: ReadonlyMap<number, Account>, terms = searchTerms(q.search), hay: (row: CodeRow) => string = haystack): boolean {
  if (row.deleted) return false;
  if (q.account !== null && row.account !== q.account) return false;
  if (q.status !== null && row.status !== q.status) return false;
  if (q.environment !== null && accounts.get(row.account)?.environment !== q.environment) return false;
  if (q.pending_only && !row.pending) return false;
  if (terms.length > 0) {
    const text = hay(row);
    for (const t of terms) if (!text.includes(t)) return false;
  }
  return true;
}

export function compareRows(sort: CodeQuery["sort"]): (a: CodeRow, b: CodeRow) => number {
  switch (sort) {
    case "scans":
      return (a, b) => (b.scans_total ?? -1) - (a.scans_total ?? -1) || a.id - b.id;
    case "updated":
      return (a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : a.id - b.id);
    case "name":
      return (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
  }
}

export function filterRows(rows: readonly CodeRow[], q: CodeQuery, accounts: ReadonlyMap<number, Account>): CodeRow[] {
  const terms = searchTerms(q.search);
  return rows.filter((r) => matches(r, q, accounts, terms)).sort(compareRows(q.sort));
}

/** Whether any filter beyond the search box is on (for the "Clear filters" button). */
export function filtersActive(q: CodeQuery): boolean {
  return q.account !== null || q.status !== null || q.environment !== null || q.pending_only || q.search.trim() !== "";
}
