// Printing in the fake: label layouts (the built-ins, then a few gLabels catalogue sheets), CSV
// preview, the rows a print request covers (with the problems the Rust side reports), the sheet
// preview (moved by the named printer profile, else by the two shifts), and a cancellable "print"
// that reports progress and pretends to write a PDF.

import { parseCsv, suggestMapping } from "../../logic/csv";
import { filterRows } from "../../logic/code-filter";
import { hasProblems, validatePrintOptions } from "../../logic/print-options";
import type { Unsubscribe } from "../backend";
import type { CodeRow, CsvPreview, CsvPreviewRequest, PrintPreview, PrintProgress, PrintRequest, PrintResult, RowProblem, SheetLayout } from "../types";
import { CATALOGUE_LAYOUTS } from "./catalogue-data";
import { LAYOUTS } from "./demo-data";
import { fail } from "./errors";
import { type LabelItem, sheetImage } from "./sheet-svg";
import { requirePrinterProfile } from "./printers";
import type { FakeState, Listener } from "./state";
import { requireStyle } from "./styles";

/** Built-ins first, then the gLabels catalogue, as `list_layouts` answers. */
const ALL_LAYOUTS: readonly SheetLayout[] = [...LAYOUTS, ...CATALOGUE_LAYOUTS];

export class FakePrint {
  private cancelled = false;
  private readonly listeners = new Set<Listener<PrintProgress>>();

  constructor(private readonly s: FakeState) {}

  async layouts(): Promise<SheetLayout[]> {
    return ALL_LAYOUTS.map((l) => ({ ...l }));
  }

  async csvPreview(request: CsvPreviewRequest): Promise<CsvPreview> {
    const table = parseCsv(request.text);
    const header = table[0];
    if (!header || header.length === 0) fail("bad_input", "The CSV file is empty");
    const body = table.slice(1);
    return { columns: header, rows: body.slice(0, 10), row_count: body.length, suggested: suggestMapping(header, body.slice(0, 50)) };
  }

  /** The rows a print request covers: content + caption, with problems. */
  private rows(request: PrintRequest): { items: LabelItem[]; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const items: LabelItem[] = [];
    const { source, options } = request;
    const add = (row: number, code: number | null, content: string, caption: string) => {
      if (content.trim() === "") problems.push({ row, code, message: "The row has no content to encode; it is skipped." });
      else if (content.length > 1200) problems.push({ row, code, message: "Too much text for a printable code; it is skipped." });
      else {
        if (options.size_mm < 15 && content.length > 120) problems.push({ row, code, message: `Long content at ${options.size_mm} mm prints very small modules; it may not scan. Use a larger size.` });
        items.push({ content, caption });
      }
    };
    if (source.kind === "csv") {
      const table = parseCsv(source.text);
      const header = table[0] ?? [];
      const ci = header.indexOf(source.mapping.content);
      if (ci === -1) fail("bad_input", `The CSV has no column named "${source.mapping.content}"`);
      const capi = source.mapping.caption === null ? -1 : header.indexOf(source.mapping.caption);
      table.slice(1).forEach((r, i) => add(i + 1, null, r[ci] ?? "", capi === -1 ? "" : (r[capi] ?? "")));
    } else {
      const byId = new Map(this.s.accounts.map((a) => [a.id, a]));
      const rows = source.kind === "selection"
        ? source.codes.map((id) => this.s.rows[id - 1]).filter((r): r is CodeRow => r !== undefined)
        : filterRows(this.s.rows, { ...source.query, sort: "name", offset: 0, limit: 0 }, byId);
      rows.forEach((r, i) => {
        if (r.status === "archived") problems.push({ row: i + 1, code: r.id, message: `"${r.name}" is archived: scans lead nowhere. It is printed anyway.` });
        add(i + 1, r.id, r.content, options.caption === "content" ? r.content : r.name);
      });
    }
    return { items, problems };
  }

  async preview(request: PrintRequest): Promise<PrintPreview> {
    const layout = ALL_LAYOUTS.find((l) => l.id === request.options.layout);
    const problems = validatePrintOptions(request.options, layout);
    if (!layout || hasProblems(problems)) fail("bad_input", Object.values(problems)[0] ?? "Check the print options");
    // The fake draws styled codes plain; it only checks that the style exists.
    requireStyle(this.s, request.options.style);
    // A profile's offset replaces the two shifts; its scale (thousandths) would not show here.
    const profile = requirePrinterProfile(this.s, request.options.printer_profile);
    const drawn = profile ? { ...request.options, offset_x_mm: profile.offset_x_mm, offset_y_mm: profile.offset_y_mm } : request.options;
    const { items, problems: rowProblems } = this.rows(request);
    const perSheet = layout.columns * layout.rows;
    const skip = request.options.start_at - 1;
    const pages = items.length === 0 ? 0 : Math.ceil((items.length + skip) / perSheet);
    return { page_image: sheetImage(layout, drawn, items), pages, labels: items.length, problems: rowProblems };
  }

  async onProgress(handler: Listener<PrintProgress>): Promise<Unsubscribe> {
    this.listeners.add(handler);
    return () => this.listeners.delete(handler);
  }

  /** Rejects with kind `cancelled` when `cancel` comes first. */
  async run(request: PrintRequest): Promise<PrintResult> {
    this.cancelled = false;
    const preview = await this.preview(request);
    const total = preview.labels;
    const steps = 8;
    for (let step = 1; step <= steps; step++) {
      await this.s.wait();
      if (this.cancelled) fail("cancelled");
      const p = { done: Math.round((total * step) / steps), total };
      for (const l of this.listeners) l(p);
    }
    const stamp = this.s.stamp().replace(/[:T]/g, "-").slice(0, 16);
    return { path: `/home/you/Documents/QR Desk/print-${stamp}.pdf`, pages: preview.pages, labels: total, problems: preview.problems };
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
  }
}
