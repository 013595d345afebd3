import { describe, expect, it } from "vitest";
import type { CampaignRowView } from "../platform/types";
import { ariaSort, chartDays, FIRST_SORT, nextSort, sortPlacements, sortSentence, standouts } from "./campaign-placements";

const row = (n: number, scans: number | null, extra: Partial<CampaignRowView> = {}): CampaignRowView => ({
  row: n, serial: n, name: `Table ${n}`, destination: `https://cafe.example/?t=${n}`, code: 100 + n,
  short_link: scans === null ? "" : `https://qrcp.io/c/t${n}`, scans, problem: null, ...extra,
});

const rows = [row(1, 12), row(2, 40), row(3, null, { code: null, serial: null, problem: "Enter the web address" }), row(4, 12), row(5, 3)];
const order = (sorted: CampaignRowView[]) => sorted.map((r) => r.row);

describe("a campaign's placements", () => {
  it("opens in row order; a column's button turns it round, scans start with the most", () => {
    expect(FIRST_SORT).toEqual({ key: "row", descending: false });
    expect(nextSort(FIRST_SORT, "row")).toEqual({ key: "row", descending: true });
    expect(nextSort(FIRST_SORT, "scans")).toEqual({ key: "scans", descending: true });
    expect(nextSort({ key: "scans", descending: true }, "scans")).toEqual({ key: "scans", descending: false });
    expect(nextSort({ key: "scans", descending: true }, "row")).toEqual({ key: "row", descending: false });
    expect(ariaSort(FIRST_SORT, "row")).toBe("ascending");
    expect(ariaSort(FIRST_SORT, "scans")).toBe("none");
    expect(ariaSort({ key: "scans", descending: true }, "scans")).toBe("descending");
    expect(sortSentence({ key: "scans", descending: true })).toBe("Sorted by scans, most first.");
    expect(sortSentence(FIRST_SORT)).toBe("Sorted by row, first to last.");
  });

  it("sorts by row or scans; rows without scans last, equal scans in row order", () => {
    expect(order(sortPlacements(rows, FIRST_SORT))).toEqual([1, 2, 3, 4, 5]);
    expect(order(sortPlacements(rows, { key: "row", descending: true }))).toEqual([5, 4, 3, 2, 1]);
    expect(order(sortPlacements(rows, { key: "scans", descending: true }))).toEqual([2, 1, 4, 5, 3]);
    expect(order(sortPlacements(rows, { key: "scans", descending: false }))).toEqual([5, 1, 4, 2, 3]);
    expect(order(rows)).toEqual([1, 2, 3, 4, 5]);
  });

  it("names the best and worst placements, leaving out of the worst what is among the best", () => {
    const found = standouts({ rows, best: [2, 1, 4], worst: [5, 4, 1] });
    expect(found.kind).toBe("ranked");
    if (found.kind !== "ranked") return;
    expect(order(found.best)).toEqual([2, 1, 4]);
    expect(order(found.worst)).toEqual([5]);
  });

  it("says when nothing stands out: no codes yet, or every code scanned the same", () => {
    expect(standouts({ rows: [row(1, null)], best: [], worst: [] })).toEqual({ kind: "none" });
    expect(standouts({ rows: [row(1, 0), row(2, 0)], best: [1, 2], worst: [2, 1] })).toEqual({ kind: "even", scans: 0 });
  });

  it("hands the scans per day to the chart", () => {
    expect(chartDays([{ day: "2026-11-21", scans: 4 }, { day: "2026-11-22", scans: 9 }])).toEqual([
      { date: "2026-11-21", scans: 4, unique_scans: null },
      { date: "2026-11-22", scans: 9, unique_scans: null },
    ]);
  });
});
