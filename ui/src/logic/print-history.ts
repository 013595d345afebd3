// How the History page and the print results say what a print job was: its look (design, style
// or plain), its serials, its sheet, its output file's name, and "2 labels on 1 page".

import type { PrintJobSummary, SheetLayout } from "../platform/types";
import { formatCount } from "./format";
import { shortLayoutName } from "./print-options";

/** `Design “Jars”`, `Style “Autumn brand”` (a design names its style too), or `Plain`. */
export function jobLook(job: Pick<PrintJobSummary, "design" | "style">): string {
  if (job.design) return job.style ? `Design “${job.design}”, style “${job.style}”` : `Design “${job.design}”`;
  return job.style ? `Style “${job.style}”` : "Plain";
}

/** `1–21`, or the one serial. */
export function serialsText(job: Pick<PrintJobSummary, "first_serial" | "last_serial">): string {
  return job.first_serial === job.last_serial ? String(job.first_serial) : `${job.first_serial}–${job.last_serial}`;
}

/** A sheet by its short name when it is one the app lists, else as the job recorded it. */
export function sheetText(layouts: readonly SheetLayout[], layout: string): string {
  const found = layouts.find((l) => l.id === layout);
  return found ? shortLayoutName(found.name) : layout;
}

/** The last part of a path (`labels.pdf` of `/home/me/labels.pdf`). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  return parts.at(-1) ?? path;
}

/** `2 labels on 1 page`. */
export function labelsOnPages(labels: number, pages: number): string {
  return `${formatCount(labels)} ${labels === 1 ? "label" : "labels"} on ${formatCount(pages)} ${pages === 1 ? "page" : "pages"}`;
}
