// The label sheets the fake lists: the built-ins first, then a few gLabels catalogue sheets, as
// `list_layouts` answers; print and the design preview look a sheet up here.

import type { SheetLayout } from "../types";
import { CATALOGUE_LAYOUTS } from "./catalogue-data";
import { LAYOUTS } from "./demo-data";
import { fail } from "./errors";

export const ALL_LAYOUTS: readonly SheetLayout[] = [...LAYOUTS, ...CATALOGUE_LAYOUTS];

/** The sheet called `id`, or the refusal Rust gives for an unknown one. */
export function requireLayout(id: string): SheetLayout {
  const found = ALL_LAYOUTS.find((l) => l.id === id);
  if (!found) fail("bad_input", `No label sheet is called “${id}”. Choose one from the list`);
  return found;
}
