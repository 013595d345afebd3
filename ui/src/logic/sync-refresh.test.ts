import { describe, expect, it } from "vitest";
import { REFRESH_WHILE_LISTING_MS, refreshesData } from "./sync-refresh";

describe("refreshesData", () => {
  it("refreshes when an account's sync ends, however it ends", () => {
    for (const phase of ["done", "failed", "cancelled"] as const) {
      expect(refreshesData({ phase, done: 0 }, 10, 9)).toBe(true);
    }
  });

  it("refreshes while listing once codes have arrived, at most every REFRESH_WHILE_LISTING_MS", () => {
    expect(refreshesData({ phase: "listing", done: 0 }, 0, null)).toBe(false);
    expect(refreshesData({ phase: "listing", done: 100 }, 0, null)).toBe(true);
    expect(refreshesData({ phase: "listing", done: 200 }, REFRESH_WHILE_LISTING_MS - 1, 0)).toBe(false);
    expect(refreshesData({ phase: "listing", done: 300 }, REFRESH_WHILE_LISTING_MS, 0)).toBe(true);
  });

  it("does not refresh for the outbox and analytics phases (the end of the account does)", () => {
    expect(refreshesData({ phase: "outbox", done: 3 }, 5000, 0)).toBe(false);
    expect(refreshesData({ phase: "analytics", done: 3 }, 5000, 0)).toBe(false);
  });
});
