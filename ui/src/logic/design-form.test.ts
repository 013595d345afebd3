import { describe, expect, it } from "vitest";
import { RULES } from "../bindings/current-rules";
import type { DesignDraft } from "../platform/types";
import {
  addField, canAddField, hasDesignProblems, hasLayoutProblems, moveField, moveSentence, NEW_BOX, newDesign, newField, numberText, parseNumber,
  previewRequest, removeField, saveBlocker, templateProblem, toDraft, toForm, updateField, validateDesign,
} from "./design-form";

const LIMITS = RULES.design;

/** A design with three fields: the name beside the code, a fixed note, a serial below. */
const jars: DesignDraft = {
  name: "Jars",
  code_position: "left",
  code_size_mm: 24,
  fields: [
    { ...newField(), text: "{name}", bold: true, font_size: 11 },
    { ...newField(), text: "Keep cool", anchor: "box", x_mm: 30, y_mm: 20, width_mm: 31, height_mm: 15, fit: "wrap", min_font_size: 6 },
    { ...newField(), text: "No. {serial:04}", anchor: "below_code", align: "right", height_mm: 5 },
  ],
};

describe("new designs and fields", () => {
  it("start from Rust's defaults and are valid once named", () => {
    const f = newField();
    expect(f.font_size).toBe(LIMITS.default_font_pt);
    expect(f.min_font_size).toBeNull();
    expect(f).toMatchObject({ anchor: "right_of_code", align: "left", fit: "shrink", bold: false, font: null, x_mm: null });
    const d = newDesign();
    expect(d).toMatchObject({ name: "", code_position: "left", code_size_mm: null });
    expect(d.fields.map((x) => x.text)).toEqual(["{name}"]);
    const form = toForm(d);
    expect(hasDesignProblems(validateDesign(form))).toBe(false);
    expect(saveBlocker(form, validateDesign(form))).toMatch(/name/);
    expect(saveBlocker({ ...form, name: "Jars" }, validateDesign(form))).toBeNull();
  });
});

describe("draft ↔ form", () => {
  it("round-trips a design, keying the fields 1, 2, 3", () => {
    const form = toForm(jars);
    expect(form.code_size_mm).toBe("24");
    expect(form.fields.map((f) => f.key)).toEqual([1, 2, 3]);
    expect(form.fields[1]).toMatchObject({ x_mm: "30", y_mm: "20", width_mm: "31", height_mm: "15", font_size: String(LIMITS.default_font_pt) });
    expect(form.fields[0]).toMatchObject({ x_mm: "", width_mm: "" });
    expect(toDraft(form)).toEqual(jars);
  });

  it("reads a blank code size as automatic, and trims the name", () => {
    const form = { ...toForm(jars), name: "  Jars ", code_size_mm: "" };
    expect(toDraft(form)).toMatchObject({ name: "Jars", code_size_mm: null });
  });

  it("drops x/y of a field that follows the code, and keeps a kept smallest size under the size", () => {
    const form = toForm(jars);
    const f = form.fields[1]!;
    const anchored = { ...form, fields: [form.fields[0]!, { ...f, anchor: "right_of_code" as const }, form.fields[2]!] };
    expect(toDraft(anchored).fields[1]).toMatchObject({ x_mm: null, y_mm: null, width_mm: 31, height_mm: 15 });
    const smaller = updateField(form, 2, { font_size: "5" });
    expect(toDraft(smaller).fields[1]).toMatchObject({ font_size: 5, min_font_size: 5 });
    expect(toDraft(form).fields[1]!.min_font_size).toBe(6);
  });

  it("numbers: blank is null, anything else not a number is NaN", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("  ")).toBeNull();
    expect(parseNumber("2.5")).toBe(2.5);
    expect(parseNumber("abc")).toBeNaN();
    expect(numberText(null)).toBe("");
    expect(numberText(NaN)).toBe("");
    expect(numberText(0)).toBe("0");
  });

  it("the preview request names an unnamed design and carries the sheet", () => {
    const req = previewRequest({ ...toForm(jars), name: " " }, "avery-l7163");
    expect(req.layout).toBe("avery-l7163");
    expect(req.draft.name).toBe("Untitled design");
    expect(req.draft.fields).toEqual(jars.fields);
  });
});

describe("templateProblem", () => {
  it("accepts columns, serials, {row} and doubled braces", () => {
    for (const t of ["{name}", "No. {serial:04}", "{serial}", "{serial:}", "{serial:0}", "Row {row}", "{{not a column}}", "Best before {best before}", "", "plain words"]) {
      expect(templateProblem(t), t).toBeNull();
    }
  });

  it("refuses what Rust's template reader refuses, in a sentence", () => {
    expect(templateProblem("{name")).toMatch(/has no “}”/);
    expect(templateProblem("name}")).toMatch(/has no “{” before it/);
    expect(templateProblem("{}")).toMatch(/names no column/);
    expect(templateProblem("{ }")).toMatch(/names no column/);
    expect(templateProblem("{serial:abc}")).toMatch(/not a serial number/);
    expect(templateProblem("{serial:21}")).toMatch(/not a serial number/);
    expect(templateProblem("{serialnumber}")).toMatch(/not a serial number/);
    expect(templateProblem("é".repeat(LIMITS.max_template_chars))).toBeNull();
    expect(templateProblem("é".repeat(LIMITS.max_template_chars + 1))).toMatch(String(LIMITS.max_template_chars));
  });
});

describe("validateDesign", () => {
  it("checks the name: not too long, not another design's in any case", () => {
    const form = toForm(jars);
    expect(validateDesign({ ...form, name: "é".repeat(LIMITS.max_name_chars + 1) }).name).toMatch(String(LIMITS.max_name_chars));
    expect(validateDesign({ ...form, name: " jars " }, ["Jars", "Other"]).name).toMatch(/already called “Jars”/);
    expect(validateDesign(form, ["Other"]).name).toBeUndefined();
    // A missing name is for Save's line, not a field error.
    expect(validateDesign({ ...form, name: "" }).name).toBeUndefined();
  });

  it("checks the code size against Rust's print limits; blank is automatic", () => {
    const form = toForm(jars);
    expect(validateDesign({ ...form, code_size_mm: "" }).code_size_mm).toBeUndefined();
    expect(validateDesign({ ...form, code_size_mm: String(RULES.print.min_code_mm - 1) }).code_size_mm).toMatch(`from ${RULES.print.min_code_mm} to ${RULES.print.max_code_mm} mm`);
    expect(validateDesign({ ...form, code_size_mm: "x" }).code_size_mm).toBeDefined();
  });

  it("checks each field: font size in Rust's range, a fixed box's four numbers, optional sizes of a following field", () => {
    let form = updateField(toForm(jars), 1, { font_size: String(LIMITS.max_font_pt + 1) });
    let p = validateDesign(form);
    expect(p.fields[0]!.font_size).toBe(`The font size is from ${LIMITS.min_font_pt} to ${LIMITS.max_font_pt} pt.`);
    expect(hasLayoutProblems(p)).toBe(true);
    form = updateField(toForm(jars), 2, { x_mm: "", width_mm: "0", height_mm: "-1" });
    p = validateDesign(form);
    expect(p.fields[1]).toEqual({ x_mm: "Give the box's x in mm.", width_mm: "The width is more than 0 mm.", height_mm: "The height is more than 0 mm." });
    form = updateField(toForm(jars), 3, { height_mm: "", width_mm: "" });
    expect(validateDesign(form).fields[2]).toEqual({});
    form = updateField(toForm(jars), 1, { text: "{name" });
    expect(validateDesign(form).fields[0]!.text).toMatch(/“{”/);
  });

  it("a field without text stops Save (with a sentence), not the preview", () => {
    const form = addField({ ...toForm(jars), name: "Jars" });
    const p = validateDesign(form);
    expect(hasDesignProblems(p)).toBe(false);
    expect(saveBlocker(form, p)).toBe("Field 4 has no text. Type its text, or remove it.");
  });
});

describe("fields: add, remove, move, switch placement", () => {
  it("adds empty fields with new keys, up to Rust's maximum", () => {
    let form = toForm(jars);
    form = addField(form);
    expect(form.fields.at(-1)).toMatchObject({ key: 4, text: "", anchor: "right_of_code" });
    while (canAddField(form)) form = addField(form);
    expect(form.fields).toHaveLength(LIMITS.max_fields);
    expect(addField(form)).toBe(form);
    const over = { ...form, fields: [...form.fields, { ...form.fields[0]!, key: 99 }] };
    expect(validateDesign(over).count).toMatch(`at most ${LIMITS.max_fields}`);
  });

  it("removes and moves fields by key, staying within the list", () => {
    const form = toForm(jars);
    expect(removeField(form, 2).fields.map((f) => f.key)).toEqual([1, 3]);
    expect(moveField(form, 3, -1).fields.map((f) => f.key)).toEqual([1, 3, 2]);
    expect(moveField(form, 1, 1).fields.map((f) => f.key)).toEqual([2, 1, 3]);
    expect(moveField(form, 1, -1)).toBe(form);
    expect(moveField(form, 3, 1)).toBe(form);
    expect(moveField(form, 42, 1)).toBe(form);
    expect(moveSentence(2, 1)).toBe("Field 2 moved up: it is now field 1.");
    expect(moveSentence(1, 2)).toBe("Field 1 moved down: it is now field 2.");
  });

  it("a field switched to a fixed box gets a place to start from; back, its x and y go", () => {
    const form = toForm(jars);
    const boxed = updateField(form, 1, { anchor: "box" });
    expect(boxed.fields[0]).toMatchObject({ anchor: "box", x_mm: String(NEW_BOX.x_mm), y_mm: String(NEW_BOX.y_mm), width_mm: String(NEW_BOX.width_mm), height_mm: String(NEW_BOX.height_mm) });
    expect(validateDesign(boxed).fields[0]).toEqual({});
    const kept = updateField(updateField(form, 3, { anchor: "box" }), 3, {});
    expect(kept.fields[2]).toMatchObject({ height_mm: "5" });
    const back = updateField(form, 2, { anchor: "below_code" });
    expect(back.fields[1]).toMatchObject({ anchor: "below_code", x_mm: "", y_mm: "", width_mm: "31", height_mm: "15" });
  });
});
