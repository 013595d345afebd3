import { describe, expect, it } from "vitest";
import { CATALOGUE_LAYOUTS } from "../platform/fake/catalogue-data";
import { LAYOUTS } from "../platform/fake/demo-data";
import { labelSizeText, layoutOptionLabel, layoutSummary, mmText } from "./layout-text";

const byId = (id: string) => [...LAYOUTS, ...CATALOGUE_LAYOUTS].find((l) => l.id === id)!;

describe("layout text", () => {
  it("rounds millimetres to two decimals", () => {
    expect(mmText(84.666666)).toBe("84.67");
    expect(mmText(70)).toBe("70");
  });

  it("names a built-in by its short name and a catalogue sheet with its size and count", () => {
    expect(layoutOptionLabel(byId("avery-l7160"))).toBe("Avery L7160 (A4, 21 labels)");
    expect(layoutOptionLabel(byId("avery-l7162"))).toBe("Avery L7162 (same as Avery 7162), Mailing labels — 99.1 × 33.9 mm, 16 on A4");
    expect(layoutOptionLabel(byId("avery-l7670"))).toBe("Avery L7670, Round labels — 63.5 mm round, 12 on A4");
    expect(layoutOptionLabel({ ...byId("herma-4360"), name: "Herma 4360" })).toBe("Herma 4360 — 70 × 36 mm, 24 on A4");
    const custom = { ...byId("herma-4360"), paper: "Custom" as const, page_width_mm: 100, page_height_mm: 150 };
    expect(layoutOptionLabel(custom)).toMatch(/24 on 100 × 150 mm paper$/);
  });

  it("says round and oval labels", () => {
    expect(labelSizeText(byId("endisch-6400080x"))).toBe("80 × 47 mm oval");
    expect(layoutSummary(byId("avery-l7160"))).toBe("3 × 7 labels of 63.5 × 38.1 mm on A4");
    expect(layoutSummary(byId("avery-l7670"))).toBe("3 × 4 round labels of 63.5 mm on A4");
    expect(layoutSummary(byId("endisch-6400080x"))).toBe("2 × 5 oval labels of 80 × 47 mm on A4");
  });
});
