// How the Print page names a label sheet: the option in the Layout select and the line under it.
// Catalogue sheets are named by product code only (`Avery L7162`), so their option adds the label
// size and count; round and elliptical labels say so.

import type { SheetLayout } from "../platform/types";
import { shortLayoutName } from "./print-options";

/** `63.5`, `84.67` (two decimals at most, as a sheet's mm values come from inches). */
export function mmText(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `99.1 × 33.9 mm`, `63.5 mm round`, `80 × 47 mm oval`. */
export function labelSizeText(l: SheetLayout): string {
  if (l.shape === "round") return `${mmText(l.label_width_mm)} mm round`;
  const size = `${mmText(l.label_width_mm)} × ${mmText(l.label_height_mm)} mm`;
  return l.shape === "ellipse" ? `${size} oval` : size;
}

/** `A4`, `Letter`, or the page size of a sheet made for no standard paper. */
export function paperText(l: SheetLayout): string {
  return l.paper === "Custom" ? `${mmText(l.page_width_mm)} × ${mmText(l.page_height_mm)} mm paper` : l.paper;
}

/** The option text: a built-in's short name; a catalogue sheet's short name, label size and count. */
export function layoutOptionLabel(l: SheetLayout): string {
  if (!l.catalogue) return shortLayoutName(l.name);
  return `${shortLayoutName(l.name)} — ${labelSizeText(l)}, ${l.columns * l.rows} on ${paperText(l)}`;
}

/** The line under the select: `3 × 7 labels of 63.5 × 38.1 mm on A4`, `3 × 4 round labels of 63.5 mm on A4`. */
export function layoutSummary(l: SheetLayout): string {
  const grid = `${l.columns} × ${l.rows}`;
  if (l.shape === "round") return `${grid} round labels of ${mmText(l.label_width_mm)} mm on ${paperText(l)}`;
  const kind = l.shape === "ellipse" ? "oval labels" : "labels";
  return `${grid} ${kind} of ${mmText(l.label_width_mm)} × ${mmText(l.label_height_mm)} mm on ${paperText(l)}`;
}
