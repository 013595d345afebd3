import { describe, expect, it } from "vitest";
import { actionName, codeRowDescription, codeRowName, distinctNames } from "./a11y-names";

const row = {
  name: "Bakery brochure 00083",
  status: "active" as const,
  outbox_state: null,
  destination: "https://northbakery.example/offers",
  content: "https://exr.to/aB3dE5f",
  scans_total: 1,
};

describe("library row names", () => {
  it("names a row by its code's name only, once", () => {
    expect(codeRowName(row)).toBe("Bakery brochure 00083");
    expect(codeRowName({ name: "  " })).toBe("Untitled code");
  });

  it("describes the rest of the row without repeating the name", () => {
    const d = codeRowDescription(row, { label: "Marketing", environment: "live" });
    expect(d).toBe("Active, leads to https://northbakery.example/offers, short link exr.to/aB3dE5f, Marketing, 1 scan");
    expect(d).not.toContain(row.name);
  });

  it("mentions a waiting edit, a test account and unknown scans", () => {
    const d = codeRowDescription({ ...row, outbox_state: "conflict", scans_total: null, status: "paused" }, { label: "Menus", environment: "test" });
    expect(d).toBe("Paused, edit in conflict, leads to https://northbakery.example/offers, short link exr.to/aB3dE5f, Menus (test)");
    expect(codeRowDescription({ ...row, scans_total: 12000 })).toMatch(/12,000 scans$/);
    // A service without all-time totals (ExaRoutes): the sum of the synced days, said so.
    expect(codeRowDescription({ ...row, scans_total: 40, scans_window_days: 90 })).toMatch(/40 scans in the last 90 days$/);
  });
});

describe("action names", () => {
  it("puts the visible verb first, then what it acts on", () => {
    expect(actionName("Remove", "Demo · ExaRoutes")).toBe("Remove Demo · ExaRoutes");
    expect(actionName("Sync", " Demo · iloveQR ")).toBe("Sync Demo · iloveQR");
    expect(actionName("Discard", "")).toBe("Discard Untitled");
  });

  it("tells apart items that share a name", () => {
    expect(distinctNames([
      { base: "Marketing", detail: "ExaRoutes" },
      { base: "Menus", detail: "QRCodePro" },
      { base: "Marketing", detail: "iloveQR" },
    ])).toEqual(["Marketing · ExaRoutes", "Menus", "Marketing · iloveQR"]);
  });

  it("numbers items that still repeat", () => {
    expect(distinctNames([
      { base: "Poster", detail: "Status → Paused" },
      { base: "Poster", detail: "Status → Paused" },
      { base: "Flyer", detail: "" },
    ])).toEqual(["Poster · Status → Paused (1)", "Poster · Status → Paused (2)", "Flyer"]);
  });
});
