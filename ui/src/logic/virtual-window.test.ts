import { describe, expect, it } from "vitest";
import { computeWindow, pagesFor, scrollToReveal } from "./virtual-window";

describe("computeWindow", () => {
  const base = { rowHeight: 56, viewportHeight: 560, overscan: 8 };

  it("renders a few dozen rows at the top of 100,000", () => {
    const w = computeWindow({ ...base, scrollTop: 0, total: 100_000 });
    expect(w).toEqual({ start: 0, end: 19, offsetY: 0, totalHeight: 5_600_000 });
  });

  it("keeps the DOM small anywhere in the list", () => {
    const w = computeWindow({ ...base, scrollTop: 56 * 50_000 + 20, total: 100_000 });
    expect(w.start).toBe(50_000 - 8);
    expect(w.end).toBe(50_000 + 11 + 8);
    expect(w.offsetY).toBe(w.start * 56);
    expect(w.end - w.start).toBeLessThan(40);
  });

  it("clamps at the bottom and past the end", () => {
    const w = computeWindow({ ...base, scrollTop: 1e12, total: 100_000 });
    expect(w.end).toBe(100_000);
    expect(w.start).toBe(100_000 - 10 - 8);
  });

  it("handles empty and tiny lists", () => {
    expect(computeWindow({ ...base, scrollTop: 0, total: 0 })).toEqual({ start: 0, end: 0, offsetY: 0, totalHeight: 0 });
    expect(computeWindow({ ...base, scrollTop: 300, total: 3 })).toMatchObject({ start: 0, end: 3, totalHeight: 168 });
  });
});

describe("pagesFor", () => {
  it("lists the pages a row range touches", () => {
    expect(pagesFor(0, 19, 200)).toEqual([0]);
    expect(pagesFor(190, 215, 200)).toEqual([0, 1]);
    expect(pagesFor(400, 400, 200)).toEqual([]);
  });
});

describe("scrollToReveal", () => {
  it("scrolls only when the row is out of view", () => {
    expect(scrollToReveal(5, 0, 560, 56)).toBeNull();
    expect(scrollToReveal(10, 0, 560, 56)).toBe(56);
    expect(scrollToReveal(2, 560, 560, 56)).toBe(112);
  });
});
