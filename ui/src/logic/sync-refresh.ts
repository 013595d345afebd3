// When the window's screens re-read the cache while a sync runs: a sync brings codes in whether
// or not the Sync screen is open (the background schedule, "Sync all" and then leaving the
// screen), so the app, not one screen, decides when the cached data has changed. It changes when
// an account's sync ends (done, failed or cancelled: a failed pass keeps the pages it wrote),
// and during a long listing at most every REFRESH_WHILE_LISTING_MS, so a first import of many
// codes fills the library as it goes instead of after the last page.
import type { SyncProgress } from "../bindings/SyncProgress";

/** The shortest time between two refreshes while codes are being listed (ms). */
export const REFRESH_WHILE_LISTING_MS = 2000;

/**
 * Whether `progress`, arriving at `now` (ms), should refresh the screens, given the time of the
 * last refresh (`lastRefresh`, ms, or null before the first).
 */
export function refreshesData(progress: Pick<SyncProgress, "phase" | "done">, now: number, lastRefresh: number | null): boolean {
  switch (progress.phase) {
    case "done":
    case "failed":
    case "cancelled":
      return true;
    case "listing":
      return progress.done > 0 && (lastRefresh === null || now - lastRefresh >= REFRESH_WHILE_LISTING_MS);
    default:
      return false;
  }
}
