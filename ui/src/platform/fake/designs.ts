// Label designs in the fake: the saved designs (in the shared store; names match in any case, as
// Rust's store compares them), saving and removing them with the checks Rust makes, and the live
// preview: page 1 of a sheet filled with sample rows (columns name, url, id), with the fields cut
// short and the columns the samples lack named in sentences.

import { RULES } from "../../bindings/current-rules";
import { defaultPrintOptions } from "../../logic/print-options";
import { templateProblem } from "../../logic/design-form";
import type { DesignDraft, DesignPreview, DesignPreviewRequest, FieldDraft, SheetLayout } from "../types";
import { SAMPLE_COLUMNS, sampleRows } from "./demo-data";
import { placeDesign } from "./design-svg";
import { fail } from "./errors";
import { requireLayout } from "./layouts";
import type { FakeState } from "./state";
import { sheetImage } from "./sheet-svg";
import { renderTemplate, templateColumns } from "./template";

const LIMITS = RULES.design;
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const copy = (d: DesignDraft): DesignDraft => ({ ...d, fields: d.fields.map((f) => ({ ...f })) });

function fieldProblem(f: FieldDraft, n: number): string | null {
  const text = templateProblem(f.text);
  if (text) return `Field ${n}: ${text}`;
  const sizes = [f.font_size, f.min_font_size ?? Math.min(LIMITS.default_min_font_pt, f.font_size)];
  if (sizes.some((v) => !Number.isFinite(v) || v < LIMITS.min_font_pt || v > LIMITS.max_font_pt)) {
    return `Field ${n}'s font size must be between ${LIMITS.min_font_pt} and ${LIMITS.max_font_pt} points`;
  }
  if (sizes[1]! > f.font_size) return `Field ${n}'s smallest size (${sizes[1]}) is larger than its font size (${f.font_size})`;
  for (const v of [f.x_mm, f.y_mm, f.width_mm, f.height_mm]) {
    if (v !== null && !(Number.isFinite(v) && v >= 0 && v <= 1000)) return `Field ${n}'s box must be between 0 and 1000 mm`;
  }
  if (f.width_mm === 0 || f.height_mm === 0) return `Field ${n}'s box needs a width and height above 0 mm`;
  if (f.anchor !== "box" && (f.x_mm !== null || f.y_mm !== null)) return `Field ${n} follows the code and has x/y too; keep one of them`;
  if (f.anchor === "box" && [f.x_mm, f.y_mm, f.width_mm, f.height_mm].some((v) => v === null)) {
    return `Field ${n} needs a box: x, y, width and height in mm`;
  }
  return null;
}

/** Why Rust would refuse the design, or `null`. */
function designProblem(d: DesignDraft): string | null {
  if (d.fields.length > LIMITS.max_fields) return `The design has ${d.fields.length} fields; a label holds at most ${LIMITS.max_fields}`;
  if (d.code_size_mm !== null && !(Number.isFinite(d.code_size_mm) && d.code_size_mm > 0 && d.code_size_mm <= RULES.print.max_code_mm)) {
    return `The code size must be more than 0 and at most ${RULES.print.max_code_mm} mm`;
  }
  for (const [i, f] of d.fields.entries()) {
    const p = fieldProblem(f, i + 1);
    if (p) return p;
  }
  return null;
}

/** Why the design cannot print on `layout`: a fixed box past the label's edge or over the code. */
export function boxProblem(d: DesignDraft, layout: SheetLayout): string | null {
  const rect = { x: 0, y: 0, w: layout.label_width_mm, h: layout.label_height_mm };
  const { code } = placeDesign(d, rect);
  for (const [i, f] of d.fields.entries()) {
    if (f.anchor !== "box") continue;
    const a = { x: f.x_mm ?? 0, y: f.y_mm ?? 0, w: f.width_mm ?? 0, h: f.height_mm ?? 0 };
    if (a.x + a.w > rect.w + 1e-6 || a.y + a.h > rect.h + 1e-6) {
      return `Field ${i + 1}'s box runs past the ${rect.w} × ${rect.h} mm label; move it or make it smaller`;
    }
    if (a.x < code.x + code.w && code.x < a.x + a.w && a.y < code.y + code.h && code.y < a.y + a.h) {
      return `Field ${i + 1}'s box covers the code or its quiet zone, and scanners need that space clear; move the box or set a smaller code size`;
    }
  }
  return null;
}

export class FakeDesigns {
  constructor(private readonly s: FakeState) {}

  async list(): Promise<DesignDraft[]> {
    return [...this.s.designs].sort((a, b) => a.name.localeCompare(b.name)).map(copy);
  }

  async preview(request: DesignPreviewRequest): Promise<DesignPreview> {
    const { draft } = request;
    const layout = requireLayout(request.layout);
    const problem = designProblem(draft) ?? boxProblem(draft, layout);
    if (problem) fail("bad_input", problem);
    const rows = sampleRows(layout.columns * layout.rows);
    const items = rows.map((r, i) => ({ content: r.url, caption: "", texts: draft.fields.map((f) => renderTemplate(f.text, r, i + 1, i + 1)) }));
    const truncated: { label: number; field: number }[] = [];
    const page_image = sheetImage(layout, { ...defaultPrintOptions(layout.id), design: draft.name }, items, draft, truncated);
    const warnings: string[] = [];
    draft.fields.forEach((f, i) => {
      const cut = truncated.filter((t) => t.field === i + 1).length;
      if (cut > 0) {
        warnings.push(`Field ${i + 1} (“${f.text}”) is cut short on ${cut} of the ${items.length} sample labels. Give it a larger box or a smaller font, or let it wrap.`);
      }
      const missing = templateColumns(f.text).filter((c) => !(SAMPLE_COLUMNS as readonly string[]).includes(c));
      if (missing.length > 0) {
        warnings.push(`Field ${i + 1} names ${missing.map((c) => `“${c}”`).join(", ")}, which the sample rows do not have (${SAMPLE_COLUMNS.join(", ")}): a CSV needs such a column.`);
      }
    });
    return { page_image, warnings, sample_columns: [...SAMPLE_COLUMNS] };
  }

  async save(design: DesignDraft): Promise<DesignDraft> {
    const name = design.name.trim();
    if (name === "") fail("bad_input", "A design needs a name");
    if ([...name].length > LIMITS.max_name_chars) fail("bad_input", `A design's name has at most ${LIMITS.max_name_chars} characters`);
    const problem = designProblem(design);
    if (problem) fail("bad_input", problem);
    const saved = copy({ ...design, name });
    const at = this.s.designs.findIndex((d) => sameName(d.name, name));
    if (at === -1) this.s.designs.push(saved);
    else this.s.designs[at] = saved;
    return copy(saved);
  }

  async remove(name: string): Promise<void> {
    const at = this.s.designs.findIndex((d) => sameName(d.name, name));
    if (at === -1) fail("not_found", `No saved design is called “${name}”`);
    this.s.designs.splice(at, 1);
  }
}

/** The design a print names (`null`: none, the caption applies); refused when none is saved so. */
export function requireDesign(s: FakeState, name: string | null): DesignDraft | null {
  if (name === null) return null;
  const found = s.designs.find((d) => sameName(d.name, name));
  if (!found) fail("bad_input", `No saved design is called “${name}”. Make it on the Designs page`);
  return copy(found);
}
