// "Find a sheet" on the Print page: which label sheets a query matches, among QR Desk's built-ins
// and the ~1,750 sheets of the gLabels catalogue. A query matches a product code, brand or name
// (case and spaces/dashes ignored) or a label size typed `70x36`, `70 x 36` or `99.1×33.9 mm`
// (±1 mm, either orientation). The picker renders at most `CATALOGUE_CAP` catalogue sheets.

import type { SheetLayout } from "../platform/types";

/** Catalogue sheets rendered at most in the select (type to narrow the rest). */
export const CATALOGUE_CAP = 200;
/** How far a typed label size may be from a sheet's, in mm. */
export const SIZE_TOLERANCE_MM = 1;

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const SIZE_TERM = new RegExp(`^(${NUM})x(${NUM})$`);

/** What the select shows for a query: the matches by group, the selected sheet always among them. */
export type LayoutChoices = {
  builtIn: SheetLayout[];
  catalogue: SheetLayout[];
  /** Sheets matching the query (every sheet when it is empty); the kept selection is not counted. */
  matches: number;
  /** Catalogue sheets matching the query, and how many of them are in `catalogue` (≤ the cap). */
  catalogueMatches: number;
  catalogueShown: number;
  /** Catalogue sheets in the whole list: the select is grouped only when there are some. */
  catalogueTotal: number;
};

/** Lower case without spaces, dashes or underscores: `L-7162` and `l 7162` are `l7162`. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\-_\u2010-\u2015]+/g, "");
}

/** `70x36`, `70 x 36`, `99,1 × 33,9 mm` → `[70, 36]`; anything else → `null`. */
export function parseSize(text: string): [number, number] | null {
  const m = SIZE_TERM.exec(sizeTerms(text).trim());
  return m ? [num(m[1]!), num(m[2]!)] : null;
}

/** A predicate for one query; `""` matches every sheet. */
export function layoutMatcher(query: string): (layout: SheetLayout) => boolean {
  const whole = normalize(query);
  if (whole === "") return () => true;
  const terms = sizeTerms(query).split(/\s+/).filter((t) => normalize(t) !== "");
  return (layout) => {
    const hay = haystack(layout);
    if (hay.includes(whole)) return true;
    return terms.every((t) => {
      const m = SIZE_TERM.exec(t);
      return m ? sizeMatches(layout, num(m[1]!), num(m[2]!)) : hay.includes(normalize(t));
    });
  };
}

/** The select's options for `query`: built-ins first, then at most `cap` catalogue sheets. */
export function layoutChoices(layouts: readonly SheetLayout[], query: string, selectedId: string, cap = CATALOGUE_CAP): LayoutChoices {
  const match = layoutMatcher(query);
  const out: LayoutChoices = { builtIn: [], catalogue: [], matches: 0, catalogueMatches: 0, catalogueShown: 0, catalogueTotal: 0 };
  for (const l of layouts) {
    const hit = match(l);
    const keep = l.id === selectedId;
    if (hit) out.matches++;
    if (!l.catalogue) {
      if (hit || keep) out.builtIn.push(l);
      continue;
    }
    out.catalogueTotal++;
    if (hit) out.catalogueMatches++;
    if (hit && out.catalogueShown < cap) {
      out.catalogueShown++;
      out.catalogue.push(l);
    } else if (keep) {
      out.catalogue.push(l);
    }
  }
  return out;
}

/** The label size matches `w × h` within the tolerance, either way round. */
function sizeMatches(l: SheetLayout, w: number, h: number): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= SIZE_TOLERANCE_MM + 1e-9;
  return (near(l.label_width_mm, w) && near(l.label_height_mm, h)) || (near(l.label_width_mm, h) && near(l.label_height_mm, w));
}

/** Lower case, with each size written `70x36` (no spaces, no `mm`, `×` and `*` as `x`). */
function sizeTerms(text: string): string {
  return text
    .toLowerCase()
    .replace(new RegExp(`(${NUM})\\s*(?:mm)?\\s*[x×*]\\s*(${NUM})(?:\\s*mm\\b)?`, "g"), "$1x$2");
}

const num = (s: string) => Number(s.replace(",", "."));

/** Id, name, paper and (when not rectangular) shape, each normalized; `|` keeps them apart. */
function haystack(l: SheetLayout): string {
  const shape = l.shape === "round" ? "round circle" : l.shape === "ellipse" ? "oval ellipse elliptical" : "";
  return [l.id, l.name, l.paper, ...shape.split(" ")].map(normalize).join("|");
}
