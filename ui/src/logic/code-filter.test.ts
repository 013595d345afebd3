import { describe, expect, it } from "vitest";
import { demoAccounts, demoCodes } from "../platform/fake/demo-data";
import { emptyQuery, filterRows, filtersActive, searchTerms } from "./code-filter";

const now = new Date("2026-11-22T12:00:00Z");
const accounts = demoAccounts(now);
const byId = new Map(accounts.map((a) => [a.id, a]));
const rows = demoCodes(2000, accounts, now);

describe("library search and filters", () => {
  it("splits the search into lower-case words", () => {
    expect(searchTerms("  Harbour   MENU ")).toEqual(["harbour", "menu"]);
  });

  it("matches every word across name, destination and short link", () => {
    const r = filterRows(rows, { ...emptyQuery(), search: "harbour menu" }, byId);
    expect(r.length).toBeGreaterThan(0);
    for (const row of r) {
      const hay = `${row.name} ${row.destination} ${row.content}`.toLowerCase();
      expect(hay).toContain("harbour");
      expect(hay).toContain("menu");
    }
    const slug = rows[7]!.content.split("/").pop()!;
    expect(filterRows(rows, { ...emptyQuery(), search: slug }, byId).map((x) => x.id)).toContain(8);
  });

  it("filters by account, status, environment and pending edits", () => {
    expect(filterRows(rows, { ...emptyQuery(), account: 2 }, byId).every((r) => r.account === 2)).toBe(true);
    expect(filterRows(rows, { ...emptyQuery(), status: "paused" }, byId).every((r) => r.status === "paused")).toBe(true);
    const test = filterRows(rows, { ...emptyQuery(), environment: "test" }, byId);
    expect(test.length).toBe(500);
    expect(test.every((r) => byId.get(r.account)?.environment === "test")).toBe(true);
    rows[3]!.pending = true;
    expect(filterRows(rows, { ...emptyQuery(), pending_only: true }, byId).map((r) => r.id)).toEqual([4]);
    rows[3]!.pending = false;
  });

  it("sorts by name, scans and recent change", () => {
    const byName = filterRows(rows, emptyQuery(), byId);
    expect(byName.map((r) => r.name)).toEqual([...byName.map((r) => r.name)].sort());
    const byScans = filterRows(rows, { ...emptyQuery(), sort: "scans" }, byId);
    expect((byScans[0]!.scans_total ?? 0) >= (byScans[100]!.scans_total ?? 0)).toBe(true);
    const byUpdated = filterRows(rows, { ...emptyQuery(), sort: "updated" }, byId);
    expect(byUpdated[0]!.updated_at >= byUpdated[1]!.updated_at).toBe(true);
  });

  it("knows when filters are on", () => {
    expect(filtersActive(emptyQuery())).toBe(false);
    expect(filtersActive({ ...emptyQuery(), status: "draft" })).toBe(true);
  });
});
