// How a saved printer profile reads in the Print page's picker: its name, then what it corrects in
// words (`Shop laser (0.4 mm right, 0.6 mm up, scale 0.998)`), so people can tell printers apart.

import type { PrinterProfile } from "../platform/types";

/** `0.4`, `1.25`, `0.998`: at most `digits` decimals, no trailing zeros. */
function plain(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function shift(mm: number, positive: string, negative: string): string | null {
  const rounded = Number(mm.toFixed(2));
  if (rounded === 0) return null;
  return `${plain(Math.abs(rounded), 2)} mm ${rounded > 0 ? positive : negative}`;
}

function scale(x: number, y: number): string | null {
  const sx = plain(x, 4);
  const sy = plain(y, 4);
  if (sx === sy) return sx === "1" ? null : `scale ${sx}`;
  return `scale ${sx} across, ${sy} down`;
}

/** What the profile corrects, in words: `0.4 mm right, 0.6 mm up, scale 0.998`. */
export function printerProfileSummary(p: PrinterProfile): string {
  const parts = [
    shift(p.offset_x_mm, "right", "left"),
    shift(p.offset_y_mm, "down", "up"),
    scale(p.scale_x, p.scale_y),
  ].filter((s): s is string => s !== null);
  return parts.length === 0 ? "no correction" : parts.join(", ");
}

/** The picker's option: `Shop laser (0.4 mm right, 0.6 mm up, scale 0.998)`. */
export function printerProfileLabel(p: PrinterProfile): string {
  return `${p.name} (${printerProfileSummary(p)})`;
}
