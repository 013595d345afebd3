import { describe, expect, it } from "vitest";
import { CATALOGUE_LAYOUTS } from "../platform/fake/catalogue-data";
import { LAYOUTS } from "../platform/fake/demo-data";
import type { SheetLayout } from "../platform/types";
import { CATALOGUE_CAP, layoutChoices, layoutMatcher, normalize, parseSize } from "./layout-search";

const ALL = [...LAYOUTS, ...CATALOGUE_LAYOUTS];
const ids = (query: string, selected = "avery-l7160") => {
  const c = layoutChoices(ALL, query, selected);
  return [...c.builtIn, ...c.catalogue].map((l) => l.id);
};
const matching = (query: string) => ALL.filter(layoutMatcher(query)).map((l) => l.id);

/** `n` catalogue sheets `brand-1000`…, 50 × 25 mm, like the ~1,750 gLabels ones. */
function bigCatalogue(n: number): SheetLayout[] {
  const base = CATALOGUE_LAYOUTS[1]!;
  return Array.from({ length: n }, (_, i) => ({ ...base, id: `brand-${1000 + i}`, name: `Brand ${1000 + i}`, label_width_mm: 50, label_height_mm: 25 }));
}

describe("normalize and parseSize", () => {
  it("ignores case, spaces and dashes", () => {
    expect(normalize(" Avery L-7162 ")).toBe("averyl7162");
    expect(normalize("zweck – form_3490")).toBe("zweckform3490");
  });

  it("reads a label size in any of the usual spellings", () => {
    expect(parseSize("70x36")).toEqual([70, 36]);
    expect(parseSize("70 x 36")).toEqual([70, 36]);
    expect(parseSize("99.1×33.9 mm")).toEqual([99.1, 33.9]);
    expect(parseSize("99,1 X 33,9")).toEqual([99.1, 33.9]);
    expect(parseSize("70mm x 36mm")).toEqual([70, 36]);
    expect(parseSize("L7162")).toBeNull();
    expect(parseSize("70x")).toBeNull();
  });
});

describe("layoutMatcher", () => {
  it("finds a sheet by product code, with or without brand, case, spaces or dashes", () => {
    expect(matching("L7162")).toEqual(["avery-l7162"]);
    expect(matching("l 7162")).toEqual(["avery-l7162"]);
    expect(matching("avery-l7162")).toEqual(["avery-l7162"]);
    expect(matching("Avery 7162")).toEqual(["avery-l7162"]);
    expect(matching("3490")).toEqual(["zweckform-3490"]);
  });

  it("finds every sheet of a brand, built-in or catalogue", () => {
    expect(matching("herma")).toEqual(["herma-4360"]);
    expect(matching("ZWECK FORM")).toEqual(["zweckform-3490"]);
    const avery = matching("avery");
    expect(avery).toContain("avery-l7160");
    expect(avery).toContain("avery-l7670");
    expect(avery.every((id) => id.startsWith("avery-"))).toBe(true);
  });

  it("finds a label size in either orientation, within 1 mm", () => {
    expect(matching("70x36")).toEqual(["herma-4360", "zweckform-3490"]);
    expect(matching("36 x 70")).toEqual(["herma-4360", "zweckform-3490"]);
    expect(matching("70.8×35.2 mm")).toEqual(["herma-4360", "zweckform-3490"]);
    expect(matching("99x34")).toEqual(["avery-l7162"]);
    expect(matching("63.5x38.1")).toEqual(["avery-l7160"]);
    expect(matching("63.5 x 63.5")).toEqual(["avery-l7670"]);
    expect(matching("72x36")).toEqual([]);
  });

  it("combines words: brand and size, shape, paper", () => {
    expect(matching("herma 70x36")).toEqual(["herma-4360"]);
    expect(matching("round")).toEqual(["avery-l7670", "endisch-6500067x"]);
    expect(matching("oval")).toEqual(["endisch-6400080x"]);
    expect(matching("letter 101.6x84.67")).toEqual(["avery-5164"]);
  });

  it("matches nothing for an unknown code", () => {
    expect(matching("XYZ-0000")).toEqual([]);
  });
});

describe("layoutChoices", () => {
  it("an empty query lists every sheet: built-ins, then the catalogue", () => {
    const c = layoutChoices(ALL, "  ", "avery-l7160");
    expect(c.builtIn.map((l) => l.id)).toEqual(LAYOUTS.map((l) => l.id));
    expect(c.catalogue.map((l) => l.id)).toEqual(CATALOGUE_LAYOUTS.map((l) => l.id));
    expect(c.matches).toBe(ALL.length);
    expect(c.catalogueTotal).toBe(CATALOGUE_LAYOUTS.length);
    expect(c.catalogueShown).toBe(c.catalogueMatches);
  });

  it("always keeps the selected sheet, without counting it as a match", () => {
    expect(ids("L7162")).toEqual(["avery-l7160", "avery-l7162"]);
    expect(ids("L7162", "zweckform-3490")).toEqual(["avery-l7162", "zweckform-3490"]);
    const none = layoutChoices(ALL, "XYZ-0000", "herma-4360");
    expect(none.matches).toBe(0);
    expect([...none.builtIn, ...none.catalogue].map((l) => l.id)).toEqual(["herma-4360"]);
  });

  it("renders at most the cap of catalogue sheets, plus a selected one beyond it", () => {
    const list = [...LAYOUTS, ...bigCatalogue(1754)];
    const c = layoutChoices(list, "", "brand-2700");
    expect(c.catalogueTotal).toBe(1754);
    expect(c.catalogueMatches).toBe(1754);
    expect(c.catalogueShown).toBe(CATALOGUE_CAP);
    expect(c.catalogue.length).toBe(CATALOGUE_CAP + 1);
    expect(c.catalogue.at(-1)!.id).toBe("brand-2700");
    expect(c.builtIn.length).toBe(LAYOUTS.length);

    const narrow = layoutChoices(list, "Brand-27", "avery-l7160");
    expect(narrow.catalogue.map((l) => l.id)).toEqual(Array.from({ length: 54 }, (_, i) => `brand-${2700 + i}`));
    expect(narrow.catalogueShown).toBe(narrow.catalogueMatches);
  });
});
