// Print options: defaults, and the checks that run before a preview or a print is asked for.
// The limits are Rust's (`RULES.print`, generated from qrdesk-core's `rules` module), so the form
// refuses exactly what the print job would.

import { RULES } from "../bindings/current-rules";
import type { PrintSettings, SheetLayout } from "../platform/types";

const LIMITS = RULES.print;

/** The sheet the Print page and the Designs page's preview start on. */
export const DEFAULT_LAYOUT = "avery-l7160";

/** The Print page's settings before anything is chosen (the one place they are written down). */
export function defaultPrintOptions(layout: string = DEFAULT_LAYOUT): PrintSettings {
  return {
    layout,
    size_mm: 25,
    ec: "M",
    foreground: "#000000",
    background: "#ffffff",
    caption: "name",
    bleed_mm: 0,
    crop_marks: false,
    start_at: 1,
    offset_x_mm: 0,
    offset_y_mm: 0,
    style: null,
    printer_profile: null,
    design: null,
  };
}

export type OptionField = keyof PrintSettings;
export type OptionProblems = Partial<Record<OptionField, string>>;

const HEX = /^#[0-9a-f]{6}$/i;
export const MIN_SIZE_MM = LIMITS.min_code_mm;

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Room for the symbol on one label (caption takes about a quarter of the height). Round and oval
 * labels keep it inside the largest rectangle the outline holds (w/√2 × h/√2), as Rust does.
 */
export function maxSymbolMm(layout: SheetLayout, withCaption: boolean): number {
  const inset = layout.shape === "rectangle" ? 1 : Math.SQRT1_2;
  const w = layout.label_width_mm * inset;
  const h = layout.label_height_mm * inset * (withCaption ? 0.75 : 1);
  return Math.floor(Math.min(w, h) * 10) / 10;
}

export function validatePrintOptions(o: PrintSettings, layout: SheetLayout | undefined): OptionProblems {
  const p: OptionProblems = {};
  if (!layout) p.layout = "Choose a sheet layout.";
  // A label design sizes the code itself (the size goes out as 0: "the largest that fits").
  const sized = o.design === null;
  if (sized && (!Number.isFinite(o.size_mm) || o.size_mm < MIN_SIZE_MM)) {
    p.size_mm = `Codes smaller than ${MIN_SIZE_MM} mm do not scan reliably.`;
  } else if (sized && layout && o.size_mm > maxSymbolMm(layout, o.caption !== "none")) {
    p.size_mm = `At most ${maxSymbolMm(layout, o.caption !== "none")} mm fits on this label${o.caption !== "none" ? " with a caption" : ""}.`;
  }
  if (!["L", "M", "Q", "H"].includes(o.ec)) p.ec = "Choose an error correction level.";
  // A brand style sets the colours (Rust checks its contrast): the plain colours are not used.
  const plain = o.style === null;
  if (plain && !HEX.test(o.foreground)) p.foreground = "Use a colour like #000000.";
  if (plain && !HEX.test(o.background)) p.background = "Use a colour like #ffffff.";
  if (plain && !p.foreground && !p.background) {
    if (contrastRatio(o.foreground, o.background) < LIMITS.min_contrast) {
      p.foreground = "The code and background colours are too close: scanners need strong contrast.";
    } else if (luminance(o.foreground) > luminance(o.background)) {
      p.foreground = "Light codes on a dark background fail on many scanners; use a darker code colour.";
    }
  }
  if (!Number.isFinite(o.bleed_mm) || o.bleed_mm < 0 || o.bleed_mm > LIMITS.max_bleed_mm) {
    p.bleed_mm = `Bleed is between 0 and ${LIMITS.max_bleed_mm} mm.`;
  }
  const capacity = layout ? layout.columns * layout.rows : 1;
  if (!Number.isInteger(o.start_at) || o.start_at < 1 || o.start_at > capacity) {
    p.start_at = `Start at a label from 1 to ${capacity}.`;
  }
  // A printer profile's offset replaces the two shifts (hidden then): they are not checked.
  for (const f of o.printer_profile === null ? (["offset_x_mm", "offset_y_mm"] as const) : []) {
    if (!Number.isFinite(o[f]) || Math.abs(o[f]) > LIMITS.max_offset_mm) {
      p[f] = `Offsets are between −${LIMITS.max_offset_mm} and ${LIMITS.max_offset_mm} mm.`;
    }
  }
  return p;
}

/**
 * The settings a preview or print is asked with. Under a printer profile the two shifts are not
 * used, so they go out as 0: a value left in the hidden fields cannot get the job refused. Under
 * a label design the code size goes out as 0, so the design's own size (or the largest that
 * leaves its fields room) is used.
 */
export function requestSettings(o: PrintSettings): PrintSettings {
  const shifted = o.printer_profile === null ? o : { ...o, offset_x_mm: 0, offset_y_mm: 0 };
  return o.design === null ? shifted : { ...shifted, size_mm: 0 };
}

export function hasProblems(p: OptionProblems): boolean {
  return Object.keys(p).length > 0;
}

/** Label rectangles of one sheet (for the drawing), in mm, row by row. */
export function labelRects(layout: SheetLayout): { x: number; y: number; w: number; h: number; n: number }[] {
  const rects = [];
  let n = 1;
  for (let r = 0; r < layout.rows; r++) {
    for (let c = 0; c < layout.columns; c++) {
      rects.push({
        x: layout.margin_left_mm + c * layout.pitch_x_mm,
        y: layout.margin_top_mm + r * layout.pitch_y_mm,
        w: layout.label_width_mm,
        h: layout.label_height_mm,
        n: n++,
      });
    }
  }
  return rects;
}

/** Sheets needed for `labels` codes when printing starts at label `startAt`. */
export function sheetsNeeded(labels: number, layout: SheetLayout, startAt: number): number {
  if (labels <= 0) return 0;
  const perSheet = layout.columns * layout.rows;
  return Math.ceil((labels + Math.max(0, startAt - 1)) / perSheet);
}

/**
 * The part of a layout's name that fits the picker (`Avery L7160 / J8160` of
 * `Avery L7160 / J8160: 21 address labels (3 × 7) on A4`); the grid is shown under it.
 */
export function shortLayoutName(name: string): string {
  const cut = name.indexOf(":");
  return cut > 0 ? name.slice(0, cut).trim() : name;
}
