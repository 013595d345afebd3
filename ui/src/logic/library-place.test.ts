import { describe, expect, it } from "vitest";
import { emptyQuery } from "./code-filter";
import { clampActive, placeFor, placeKey } from "./library-place";

describe("library place", () => {
  it("comes back to the same row and scroll for the same results", () => {
    const q = { ...emptyQuery(), search: "poster", status: "active" as const };
    const saved = { key: placeKey(q), active: 27, scrollTop: 1400 };
    expect(placeFor(saved, { ...q, offset: 400 })).toEqual({ active: 27, scrollTop: 1400 });
  });

  it("starts at the top for other results, or when nothing was saved", () => {
    const q = emptyQuery();
    const saved = { key: placeKey({ ...q, search: "menu" }), active: 27, scrollTop: 1400 };
    expect(placeFor(saved, q)).toEqual({ active: 0, scrollTop: 0 });
    expect(placeFor(null, q)).toEqual({ active: 0, scrollTop: 0 });
  });

  it("ignores spaces around the search, not the sort", () => {
    expect(placeKey({ ...emptyQuery(), search: " menu " })).toBe(placeKey({ ...emptyQuery(), search: "menu" }));
    expect(placeKey({ ...emptyQuery(), sort: "scans" })).not.toBe(placeKey(emptyQuery()));
  });

  it("keeps the current row inside a shorter list", () => {
    expect(clampActive(27, 10)).toBe(9);
    expect(clampActive(27, null)).toBe(27);
    expect(clampActive(3, 0)).toBe(0);
  });
});
