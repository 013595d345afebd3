// The Designs page's rules: a new design and a new field (defaults from Rust's `RULES.design`),
// the form's state (numbers kept as typed, so a blank code size can mean "automatic") and the
// draft it stands for, the checks that run before a preview or Save (each a sentence for its
// control), and adding, removing and moving fields. Whether text fits its box is Rust's to say
// (the live preview's warnings).

import { RULES } from "../bindings/current-rules";
import type { CodePlacement, DesignDraft, DesignPreviewRequest, FieldAnchor, FieldDraft, TextAlign, TextFit } from "../platform/types";

const LIMITS = RULES.design;

export const CODE_POSITIONS: readonly { value: CodePlacement; label: string }[] = [
  { value: "left", label: "Left" },
  { value: "center", label: "Centre" },
  { value: "top", label: "Top" },
];

export const ANCHORS: readonly { value: FieldAnchor; label: string }[] = [
  { value: "right_of_code", label: "Right of code" },
  { value: "below_code", label: "Below code" },
  { value: "box", label: "Fixed box" },
];

export const ALIGNS: readonly { value: TextAlign; label: string }[] = [
  { value: "left", label: "Left" },
  { value: "center", label: "Centre" },
  { value: "right", label: "Right" },
];

export const FITS: readonly { value: TextFit; label: string }[] = [
  { value: "shrink", label: "Shrink to fit" },
  { value: "wrap", label: "Wrap" },
  { value: "shrink_wrap", label: "Shrink then wrap" },
];

/** What a template may use, as the form's hint says it. */
export const TEMPLATE_HINT = "{name}, {url}, {serial:06} or any column; other text prints as written.";

/** A fixed box's place and size when a field is switched to one (mm from the label's top-left). */
export const NEW_BOX = { x_mm: 2, y_mm: 2, width_mm: 30, height_mm: 6 } as const;

/** One field as the form holds it: its draft, with the numbers as typed and a key for the list. */
export type FieldForm = {
  /** Tells the fields apart while they move (not saved). */
  key: number;
  text: string;
  anchor: FieldAnchor;
  x_mm: string;
  y_mm: string;
  width_mm: string;
  height_mm: string;
  font_size: string;
  align: TextAlign;
  bold: boolean;
  fit: TextFit;
  /** Kept from the saved design as it is (the form does not edit them). */
  min_font_size: number | null;
  font: string | null;
};

export type DesignForm = {
  name: string;
  code_position: CodePlacement;
  /** Blank: the largest code that leaves the fields room. */
  code_size_mm: string;
  fields: FieldForm[];
};

export type FieldControl = "text" | "x_mm" | "y_mm" | "width_mm" | "height_mm" | "font_size";
export type FieldProblems = Partial<Record<FieldControl, string>>;
export type DesignProblems = {
  name?: string;
  code_size_mm?: string;
  /** Too many fields for one label. */
  count?: string;
  /** One entry per field, in order (empty when the field is fine). */
  fields: FieldProblems[];
};

/** A field as it starts: no text yet, right of the code, at Rust's default size. */
export function newField(): FieldDraft {
  return {
    text: "",
    anchor: "right_of_code",
    x_mm: null,
    y_mm: null,
    width_mm: null,
    height_mm: null,
    font_size: LIMITS.default_font_pt,
    min_font_size: null,
    align: "left",
    bold: false,
    fit: "shrink",
    font: null,
  };
}

/** A new design: the code on the left, the code's name beside it. */
export function newDesign(): DesignDraft {
  return { name: "", code_position: "left", code_size_mm: null, fields: [{ ...newField(), text: "{name}" }] };
}

/** A number as the form shows it (`null`: blank). */
export function numberText(n: number | null): string {
  return n === null || !Number.isFinite(n) ? "" : String(n);
}

/** The form's text as a number: blank is `null`, anything else that is not a number `NaN`. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

function fieldForm(f: FieldDraft, key: number): FieldForm {
  return {
    key,
    text: f.text,
    anchor: f.anchor,
    x_mm: numberText(f.x_mm),
    y_mm: numberText(f.y_mm),
    width_mm: numberText(f.width_mm),
    height_mm: numberText(f.height_mm),
    font_size: numberText(f.font_size),
    align: f.align,
    bold: f.bold,
    fit: f.fit,
    min_font_size: f.min_font_size,
    font: f.font,
  };
}

/** A draft as the form holds it; the fields are keyed 1, 2, 3… */
export function toForm(draft: DesignDraft): DesignForm {
  return {
    name: draft.name,
    code_position: draft.code_position,
    code_size_mm: numberText(draft.code_size_mm),
    fields: draft.fields.map((f, i) => fieldForm(f, i + 1)),
  };
}

function fieldDraft(f: FieldForm): FieldDraft {
  const size = parseNumber(f.font_size) ?? NaN;
  const boxed = f.anchor === "box";
  return {
    text: f.text,
    anchor: f.anchor,
    // Rust refuses x/y on a field that follows the code.
    x_mm: boxed ? parseNumber(f.x_mm) : null,
    y_mm: boxed ? parseNumber(f.y_mm) : null,
    width_mm: parseNumber(f.width_mm),
    height_mm: parseNumber(f.height_mm),
    font_size: size,
    // A kept smallest size never goes above the size the text starts from.
    min_font_size: f.min_font_size === null || !(f.min_font_size > size) ? f.min_font_size : size,
    align: f.align,
    bold: f.bold,
    fit: f.fit,
    font: f.font,
  };
}

/**
 * The draft the form stands for (name trimmed). Only meaningful when `validateDesign` finds
 * nothing wrong with the numbers: a number that is not one comes out as `NaN`.
 */
export function toDraft(form: DesignForm): DesignDraft {
  return {
    name: form.name.trim(),
    code_position: form.code_position,
    code_size_mm: parseNumber(form.code_size_mm),
    fields: form.fields.map(fieldDraft),
  };
}

/** Characters as Rust counts them (Unicode scalar values, not UTF-16 units). */
function chars(text: string): number {
  return [...text].length;
}

/** What may follow `serial` in a placeholder, as Rust reads it: nothing, or `:` and a width up to 20. */
function isSerial(spec: string): boolean {
  if (spec === "") return true;
  if (!spec.startsWith(":")) return false;
  const width = spec.slice(1);
  if (/^0*$/.test(width)) return true;
  return /^\d+$/.test(width) && Number(width) <= 20;
}

/**
 * Why Rust's template reader would refuse `text`, or `null`: a `{` without its `}` (or the other
 * way round); `{{` and `}}` are literal braces. Too long a template is refused too.
 */
export function templateProblem(text: string): string | null {
  if (chars(text) > LIMITS.max_template_chars) return `A field's text has at most ${LIMITS.max_template_chars} characters.`;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === "{" || c === "}") && text[i + 1] === c) {
      i += 1;
    } else if (c === "{") {
      const end = text.indexOf("}", i + 1);
      if (end === -1) return "A “{” has no “}” to close it. Write {{ for a brace that prints.";
      const inner = text.slice(i + 1, end).trim();
      if (inner === "") return "“{}” names no column. Put a column in it, like {name}, or write {{}} to print braces.";
      if (inner.startsWith("serial") && !isSerial(inner.slice("serial".length))) {
        return `“{${inner}}” is not a serial number. Write {serial}, or {serial:06} for six digits.`;
      }
      i = end;
    } else if (c === "}") {
      return "A “}” has no “{” before it. Write }} for a brace that prints.";
    }
  }
  return null;
}

function lengthProblem(text: string, what: string, required: boolean, positive: boolean): string | undefined {
  const n = parseNumber(text);
  if (n === null) return required ? `Give the box's ${what} in mm.` : undefined;
  if (Number.isNaN(n)) return `The ${what} is a number of mm.`;
  if (positive && n <= 0) return `The ${what} is more than 0 mm.`;
  if (n < 0) return `The ${what} is 0 mm or more.`;
  return undefined;
}

function fieldProblems(f: FieldForm): FieldProblems {
  const p: FieldProblems = {};
  const text = templateProblem(f.text);
  if (text) p.text = text;
  const size = parseNumber(f.font_size);
  if (size === null || Number.isNaN(size) || size < LIMITS.min_font_pt || size > LIMITS.max_font_pt) {
    p.font_size = `The font size is from ${LIMITS.min_font_pt} to ${LIMITS.max_font_pt} pt.`;
  }
  const boxed = f.anchor === "box";
  const checks = [
    ["x_mm", "x", boxed, false],
    ["y_mm", "y", boxed, false],
    ["width_mm", "width", boxed, true],
    ["height_mm", "height", boxed, true],
  ] as const;
  for (const [key, what, required, positive] of checks) {
    if (!boxed && (key === "x_mm" || key === "y_mm")) continue;
    const problem = lengthProblem(f[key], what, required, positive);
    if (problem) p[key] = problem;
  }
  return p;
}

/**
 * What would stop the preview or Save, per control. A missing name is left out (a new design
 * starts without one; `saveBlocker` says it), and so is a field without text. `others` are the
 * names of the saved designs other than the one being edited: Rust compares names in any case,
 * so saving under one of them would replace it.
 */
export function validateDesign(form: DesignForm, others: readonly string[] = []): DesignProblems {
  const p: DesignProblems = { fields: form.fields.map(fieldProblems) };
  const name = form.name.trim();
  const taken = others.find((o) => o.trim().toLowerCase() === name.toLowerCase());
  if (chars(name) > LIMITS.max_name_chars) p.name = `A design's name has at most ${LIMITS.max_name_chars} characters.`;
  else if (name !== "" && taken !== undefined) p.name = `Another design is already called “${taken}”. Choose another name.`;
  const size = parseNumber(form.code_size_mm);
  if (size !== null && (Number.isNaN(size) || size < RULES.print.min_code_mm || size > RULES.print.max_code_mm)) {
    p.code_size_mm = `The code size is from ${RULES.print.min_code_mm} to ${RULES.print.max_code_mm} mm, or blank for the largest that leaves the fields room.`;
  }
  if (form.fields.length > LIMITS.max_fields) p.count = `A label holds at most ${LIMITS.max_fields} fields. Remove ${form.fields.length - LIMITS.max_fields}.`;
  return p;
}

/** Problems that stop the preview (the name does not change the drawing). */
export function hasLayoutProblems(p: DesignProblems): boolean {
  return p.code_size_mm !== undefined || p.count !== undefined || p.fields.some((f) => Object.keys(f).length > 0);
}

export function hasDesignProblems(p: DesignProblems): boolean {
  return p.name !== undefined || hasLayoutProblems(p);
}

/** Why Save is off, as the line beside it says, or `null` when the design can be saved. */
export function saveBlocker(form: DesignForm, p: DesignProblems): string | null {
  if (hasDesignProblems(p)) return "Correct the highlighted fields to save.";
  if (form.name.trim() === "") return "Give the design a name to save it.";
  const blank = form.fields.findIndex((f) => f.text.trim() === "");
  if (blank !== -1) return `Field ${blank + 1} has no text. Type its text, or remove it.`;
  return null;
}

/** The live preview's request. An unnamed design is drawn as "Untitled design". */
export function previewRequest(form: DesignForm, layout: string): DesignPreviewRequest {
  const draft = toDraft(form);
  return { draft: { ...draft, name: draft.name === "" ? "Untitled design" : draft.name }, layout };
}

/** Whether another field fits on a label. */
export function canAddField(form: DesignForm): boolean {
  return form.fields.length < LIMITS.max_fields;
}

/** The form with a new, empty field at the end (unchanged when the label is full). */
export function addField(form: DesignForm): DesignForm {
  if (!canAddField(form)) return form;
  const key = form.fields.reduce((m, f) => Math.max(m, f.key), 0) + 1;
  return { ...form, fields: [...form.fields, fieldForm(newField(), key)] };
}

export function removeField(form: DesignForm, key: number): DesignForm {
  return { ...form, fields: form.fields.filter((f) => f.key !== key) };
}

/** The form with field `key` moved `by` places (−1 up, +1 down), kept within the list. */
export function moveField(form: DesignForm, key: number, by: number): DesignForm {
  const from = form.fields.findIndex((f) => f.key === key);
  if (from === -1) return form;
  const to = Math.min(form.fields.length - 1, Math.max(0, from + by));
  if (to === from) return form;
  const fields = [...form.fields];
  const [moved] = fields.splice(from, 1);
  fields.splice(to, 0, moved!);
  return { ...form, fields };
}

/**
 * Field `key` changed. Switching a field to a fixed box gives it a place to start from (the
 * width and height it had are kept); back to following the code, its x and y go.
 */
export function updateField(form: DesignForm, key: number, change: Partial<Omit<FieldForm, "key">>): DesignForm {
  return {
    ...form,
    fields: form.fields.map((f) => {
      if (f.key !== key) return f;
      const next = { ...f, ...change };
      if (change.anchor === "box" && f.anchor !== "box") {
        const keep = (text: string, fallback: number) => (text.trim() === "" ? String(fallback) : text);
        return {
          ...next,
          x_mm: keep(next.x_mm, NEW_BOX.x_mm),
          y_mm: keep(next.y_mm, NEW_BOX.y_mm),
          width_mm: keep(next.width_mm, NEW_BOX.width_mm),
          height_mm: keep(next.height_mm, NEW_BOX.height_mm),
        };
      }
      if (change.anchor !== undefined && change.anchor !== "box" && f.anchor === "box") return { ...next, x_mm: "", y_mm: "" };
      return next;
    }),
  };
}

/** "Field 2 moved up: it is now field 1." (said in the page's live region). */
export function moveSentence(from: number, to: number): string {
  return `Field ${from} moved ${to < from ? "up" : "down"}: it is now field ${to}.`;
}
