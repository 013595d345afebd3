import { describe, expect, it } from "vitest";
import { CATALOGUE_LAYOUTS } from "../platform/fake/catalogue-data";
import { LAYOUTS } from "../platform/fake/demo-data";
import { RULES } from "../bindings/current-rules";
import { contrastRatio, DEFAULT_LAYOUT, defaultPrintOptions, hasProblems, labelRects, maxSymbolMm, requestSettings, sheetsNeeded, shortLayoutName, validatePrintOptions } from "./print-options";

const l7160 = LAYOUTS.find((l) => l.id === "avery-l7160")!;

describe("print options", () => {
  it("defaults are valid on every layout that fits them", () => {
    expect(validatePrintOptions(defaultPrintOptions("avery-l7160"), l7160)).toEqual({});
  });

  it("keeps the defaults in one place: the default sheet, no style, profile or design", () => {
    expect(defaultPrintOptions()).toEqual(defaultPrintOptions(DEFAULT_LAYOUT));
    expect(defaultPrintOptions()).toMatchObject({ layout: "avery-l7160", style: null, printer_profile: null, design: null });
  });

  it("under a label design, leaves the code size to the design (sent as 0, not checked)", () => {
    const o = { ...defaultPrintOptions(), design: "Jars", size_mm: NaN };
    expect(validatePrintOptions(o, l7160)).toEqual({});
    expect(requestSettings(o).size_mm).toBe(0);
    expect(requestSettings({ ...o, design: null, size_mm: 25 }).size_mm).toBe(25);
  });

  it("checks size against the label (with and without a caption)", () => {
    expect(maxSymbolMm(l7160, true)).toBe(28.5);
    expect(maxSymbolMm(l7160, false)).toBe(38.1);
    const o = { ...defaultPrintOptions("avery-l7160"), size_mm: 30 };
    expect(validatePrintOptions(o, l7160).size_mm).toMatch(/28.5 mm/);
    expect(validatePrintOptions({ ...o, caption: "none" }, l7160)).toEqual({});
    expect(validatePrintOptions({ ...o, size_mm: 8 }, l7160).size_mm).toMatch(/smaller than 10 mm/);
    expect(validatePrintOptions({ ...o, size_mm: NaN }, l7160).size_mm).toBeDefined();
  });

  it("keeps the code inside a round or oval label (the rectangle it holds: w/√2 × h/√2)", () => {
    const round = CATALOGUE_LAYOUTS.find((l) => l.id === "avery-l7670")!;
    expect(maxSymbolMm(round, false)).toBe(44.9);
    expect(maxSymbolMm(round, true)).toBe(33.6);
    expect(maxSymbolMm({ ...round, shape: "rectangle" }, false)).toBe(63.5);
    const oval = CATALOGUE_LAYOUTS.find((l) => l.shape === "ellipse")!;
    expect(maxSymbolMm(oval, false)).toBe(33.2);
  });

  it("checks colours and contrast", () => {
    const o = defaultPrintOptions("avery-l7160");
    expect(validatePrintOptions({ ...o, foreground: "black" }, l7160).foreground).toMatch(/#000000/);
    expect(validatePrintOptions({ ...o, foreground: "#777777", background: "#888888" }, l7160).foreground).toMatch(/contrast/);
    expect(validatePrintOptions({ ...o, foreground: "#ffffff", background: "#000000" }, l7160).foreground).toMatch(/Light codes/);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 0);
  });

  it("leaves the colours to a brand style when one is chosen", () => {
    const o = defaultPrintOptions("avery-l7160");
    expect(o.style).toBeNull();
    const pale = { ...o, foreground: "#777777", background: "#888888" };
    expect(validatePrintOptions({ ...pale, style: "Autumn brand" }, l7160)).toEqual({});
    expect(validatePrintOptions({ ...o, foreground: "black", style: "Autumn brand" }, l7160)).toEqual({});
    expect(validatePrintOptions(pale, l7160).foreground).toMatch(/contrast/);
  });

  it("leaves the shifts to a printer profile when one is chosen, and sends them as 0", () => {
    const o = defaultPrintOptions("avery-l7160");
    expect(o.printer_profile).toBeNull();
    const drifted = { ...o, offset_x_mm: NaN, offset_y_mm: RULES.print.max_offset_mm + 1 };
    expect(Object.keys(validatePrintOptions(drifted, l7160))).toEqual(["offset_x_mm", "offset_y_mm"]);
    const profiled = { ...drifted, printer_profile: "Shop laser" };
    expect(validatePrintOptions(profiled, l7160)).toEqual({});
    expect(requestSettings(profiled)).toEqual({ ...profiled, offset_x_mm: 0, offset_y_mm: 0 });
    const shifted = { ...o, offset_x_mm: 0.5, offset_y_mm: -1 };
    expect(requestSettings(shifted)).toBe(shifted);
  });

  it("checks start-at, bleed and offsets", () => {
    const o = defaultPrintOptions("avery-l7160");
    expect(validatePrintOptions({ ...o, start_at: 21 }, l7160)).toEqual({});
    expect(validatePrintOptions({ ...o, start_at: 22 }, l7160).start_at).toMatch(/1 to 21/);
    expect(validatePrintOptions({ ...o, start_at: 1.5 }, l7160).start_at).toBeDefined();
    expect(validatePrintOptions({ ...o, bleed_mm: RULES.print.max_bleed_mm }, l7160).bleed_mm).toBeUndefined();
    expect(validatePrintOptions({ ...o, bleed_mm: RULES.print.max_bleed_mm + 1 }, l7160).bleed_mm).toBeDefined();
    expect(validatePrintOptions({ ...o, offset_x_mm: -RULES.print.max_offset_mm }, l7160).offset_x_mm).toBeUndefined();
    expect(validatePrintOptions({ ...o, offset_x_mm: -RULES.print.max_offset_mm - 1 }, l7160).offset_x_mm).toBeDefined();
    expect(hasProblems(validatePrintOptions(o, undefined))).toBe(true);
  });

  it("lays out labels and counts sheets", () => {
    const rects = labelRects(l7160);
    expect(rects).toHaveLength(21);
    expect(rects[0]).toEqual({ x: 7.25, y: 15.15, w: 63.5, h: 38.1, n: 1 });
    expect(rects[4]?.x).toBeCloseTo(7.25 + 66.04);
    expect(sheetsNeeded(21, l7160, 1)).toBe(1);
    expect(sheetsNeeded(21, l7160, 2)).toBe(2);
    expect(sheetsNeeded(0, l7160, 5)).toBe(0);
  });
});

describe("shortLayoutName", () => {
  it("keeps the product name before the colon", () => {
    expect(shortLayoutName("Avery L7160 / J8160: 21 address labels (3 × 7) on A4")).toBe("Avery L7160 / J8160");
  });
  it("leaves a name without a description alone", () => {
    expect(shortLayoutName("Custom grid")).toBe("Custom grid");
  });
});
