// A campaign's placements (one row → one code → one short link → its scans) as the detail view
// shows them: sorted by row or by scans (each column's sort button and its aria-sort), the best
// and worst placements Rust names (unless every code scanned the same), and the scans per day
// in the shape the scans chart draws.

import type { CampaignDay, CampaignDetails, CampaignRowView, DailyScans } from "../platform/types";

export type PlacementKey = "row" | "scans";
export type PlacementSort = { key: PlacementKey; descending: boolean };

/** How the table opens: in row order, as the labels were printed. */
export const FIRST_SORT: PlacementSort = { key: "row", descending: false };

/** Rows the table shows before "Show all" (a campaign holds up to `RULES.max_campaign_rows`). */
export const PLACEMENTS_SHOWN = 200;

/** The sort after pressing `key`'s button: the same column turns round; scans start with the most. */
export function nextSort(current: PlacementSort, key: PlacementKey): PlacementSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === "scans" };
}

/** `aria-sort` of `key`'s column header. */
export function ariaSort(sort: PlacementSort, key: PlacementKey): "ascending" | "descending" | "none" {
  if (sort.key !== key) return "none";
  return sort.descending ? "descending" : "ascending";
}

/** What the live region says after a sort. */
export function sortSentence(sort: PlacementSort): string {
  if (sort.key === "row") return sort.descending ? "Sorted by row, last first." : "Sorted by row, first to last.";
  return sort.descending ? "Sorted by scans, most first." : "Sorted by scans, fewest first.";
}

/**
 * The rows in `sort`'s order. Rows without scans (no code, or not synced yet) come last either
 * way; equal scans keep row order.
 */
export function sortPlacements(rows: readonly CampaignRowView[], sort: PlacementSort): CampaignRowView[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.key === "row") return dir * (a.row - b.row);
    if (a.scans === null || b.scans === null) {
      if (a.scans === b.scans) return a.row - b.row;
      return a.scans === null ? 1 : -1;
    }
    return dir * (a.scans - b.scans) || a.row - b.row;
  });
}

export type Standouts =
  /** Nothing to compare: no code has its link yet. */
  | { kind: "none" }
  /** Every code has the same scans (a new campaign: 0). */
  | { kind: "even"; scans: number }
  | { kind: "ranked"; best: CampaignRowView[]; worst: CampaignRowView[] };

/** Rust's best and worst rows, as rows; the worst leaves out any row already among the best. */
export function standouts(details: Pick<CampaignDetails, "rows" | "best" | "worst">): Standouts {
  const byRow = new Map(details.rows.map((r) => [r.row, r]));
  const pick = (rows: readonly number[]) => rows.map((n) => byRow.get(n)).filter((r): r is CampaignRowView => r !== undefined);
  const best = pick(details.best);
  const ranked = [...best, ...pick(details.worst)];
  if (ranked.length === 0) return { kind: "none" };
  const scans = new Set(details.rows.filter((r) => r.short_link !== "").map((r) => r.scans ?? 0));
  if (scans.size <= 1) return { kind: "even", scans: [...scans][0] ?? 0 };
  const worst = pick(details.worst).filter((r) => !best.includes(r));
  return { kind: "ranked", best, worst };
}

/** The campaign's scans per day as the scans chart takes them (no unique counts). */
export function chartDays(days: readonly CampaignDay[]): DailyScans[] {
  return days.map((d) => ({ date: d.day, scans: d.scans, unique_scans: null }));
}
