// Where the library was (current row and scroll position) so that coming back from a code lands
// on the same row, for the same search and filters.

import type { CodeQuery } from "../platform/types";

export type LibraryPlace = { key: string; active: number; scrollTop: number };

/** What identifies a list of results: the search, the filters and the sort (not the paging). */
export function placeKey(q: CodeQuery): string {
  return JSON.stringify([q.search.trim(), q.account, q.status, q.environment, q.pending_only, q.sort]);
}

/** The place to start at for `q`: the saved one when it was for the same results, else the top. */
export function placeFor(saved: LibraryPlace | null, q: CodeQuery): { active: number; scrollTop: number } {
  if (!saved || saved.key !== placeKey(q)) return { active: 0, scrollTop: 0 };
  return { active: Math.max(0, Math.floor(saved.active)), scrollTop: Math.max(0, saved.scrollTop) };
}

/** The current row kept inside the list once its length is known. */
export function clampActive(active: number, total: number | null): number {
  if (total === null) return active;
  return Math.max(0, Math.min(active, total - 1));
}
