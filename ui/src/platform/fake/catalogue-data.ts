// A few sheets of the gLabels template catalogue, as `list_layouts` returns them after QR Desk's
// built-ins on a computer with `glabels-data` installed (about 1,750 there): ids `brand-part` in
// lower case, names as the Rust side writes them (`Brand Part, Description: N labels (C × R) of
// W × H mm on Paper`), round and elliptical labels included, so dev mode and tests can search them.

import type { SheetLayout } from "../types";

const A4 = { paper: "A4", page_width_mm: 210, page_height_mm: 297 } as const;
const LETTER = { paper: "Letter", page_width_mm: 215.9, page_height_mm: 279.4 } as const;

/** Sorted by id, as the Rust side lists the catalogue. */
export const CATALOGUE_LAYOUTS: SheetLayout[] = [
  // 4 × 3⅓ in shipping labels: left 0.15625 in, top 0.5 in, pitch 4.1875 × 3⅓ in.
  { id: "avery-5164", name: "Avery 5164, Shipping labels: 6 labels (2 × 3) of 101.6 × 84.67 mm on US-Letter", ...LETTER, columns: 2, rows: 3, label_width_mm: 101.6, label_height_mm: 84.67, margin_top_mm: 12.7, margin_left_mm: 3.97, pitch_x_mm: 106.36, pitch_y_mm: 84.67, shape: "rectangle", catalogue: true },
  { id: "avery-l7162", name: "Avery L7162 (same as Avery 7162), Mailing labels: 16 labels (2 × 8) of 99.1 × 33.9 mm on A4", ...A4, columns: 2, rows: 8, label_width_mm: 99.1, label_height_mm: 33.9, margin_top_mm: 12.9, margin_left_mm: 4.65, pitch_x_mm: 101.6, pitch_y_mm: 33.9, shape: "rectangle", catalogue: true },
  { id: "avery-l7670", name: "Avery L7670, Round labels: 12 round labels (3 × 4) of 63.5 × 63.5 mm on A4", ...A4, columns: 3, rows: 4, label_width_mm: 63.5, label_height_mm: 63.5, margin_top_mm: 15.1, margin_left_mm: 7.6, pitch_x_mm: 66.5, pitch_y_mm: 66.5, shape: "round", catalogue: true },
  { id: "endisch-6400080x", name: "Endisch 6400080x, Elliptical labels: 10 oval labels (2 × 5) of 80 × 47 mm on A4", ...A4, columns: 2, rows: 5, label_width_mm: 80, label_height_mm: 47, margin_top_mm: 11, margin_left_mm: 15, pitch_x_mm: 100, pitch_y_mm: 57, shape: "ellipse", catalogue: true },
  { id: "endisch-6500067x", name: "Endisch 6500067x, Round labels: 12 round labels (3 × 4) of 67.5 × 67.5 mm on A4", ...A4, columns: 3, rows: 4, label_width_mm: 67.5, label_height_mm: 67.5, margin_top_mm: 8.25, margin_left_mm: 1.75, pitch_x_mm: 69.5, pitch_y_mm: 71, shape: "round", catalogue: true },
  { id: "herma-4360", name: "Herma 4360, Multipurpose labels: 24 labels (3 × 8) of 70 × 36 mm on A4", ...A4, columns: 3, rows: 8, label_width_mm: 70, label_height_mm: 36, margin_top_mm: 4.5, margin_left_mm: 0, pitch_x_mm: 70, pitch_y_mm: 36, shape: "rectangle", catalogue: true },
  { id: "zweckform-3490", name: "Zweckform 3490, Rectangular labels: 24 labels (3 × 8) of 70 × 36 mm on A4", ...A4, columns: 3, rows: 8, label_width_mm: 70, label_height_mm: 36, margin_top_mm: 4.5, margin_left_mm: 0, pitch_x_mm: 70, pitch_y_mm: 36, shape: "rectangle", catalogue: true },
];
