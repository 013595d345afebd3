// Printing in the fake: label layouts (the built-ins, then a few gLabels catalogue sheets), CSV
// preview, the rows a print request covers (with the problems the Rust side reports), the sheet
// preview (moved by the named printer profile, else by the two shifts; a label design draws each
// label, design-svg.ts), and a cancellable "print" that reports progress, pretends to write a PDF
// and records it in the print history (history.ts).

import { parseCsv, suggestMapping } from "../../logic/csv";
import { filterRows } from "../../logic/code-filter";
import { hasProblems, sheetsNeeded, validatePrintOptions } from "../../logic/print-options";
import type { Unsubscribe } from "../backend";
import type { CodeRow, CsvPreview, CsvPreviewRequest, DesignDraft, PrintPreview, PrintProgress, PrintRequest, PrintResult, RowProblem, SheetLayout } from "../types";
import { boxProblem, requireDesign } from "./designs";
import { fail } from "./errors";
import { ALL_LAYOUTS } from "./layouts";
import { type LabelItem, sheetImage } from "./sheet-svg";
import { requirePrinterProfile } from "./printers";
import { labelItems, recordJob } from "./history";
import type { FakeLabel, FakeState, Listener } from "./state";
import { requireStyle } from "./styles";

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

  /**
   * The labels a print request covers (content, caption and the columns a design's fields use,
   * numbered by serial from 1), with problems.
   */
  private rows(request: PrintRequest): { labels: FakeLabel[]; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const labels: FakeLabel[] = [];
    const { source, options } = request;
    const add = (row: number, code: number | null, content: string, caption: string, columns: Record<string, string>) => {
      if (content.trim() === "") problems.push({ row, code, message: "The row has no content to encode; it is skipped." });
      else if (content.length > 1200) problems.push({ row, code, message: "Too much text for a printable code; it is skipped." });
      else {
        if (options.design === null && options.size_mm < 15 && content.length > 120) {
          problems.push({ row, code, message: `Long content at ${options.size_mm} mm prints very small modules; it may not scan. Use a larger size.` });
        }
        labels.push({ row, serial: labels.length + 1, content, caption, columns });
      }
    };
    if (source.kind === "csv") {
      const table = parseCsv(source.text);
      const header = table[0] ?? [];
      const ci = header.indexOf(source.mapping.content);
      if (ci === -1) fail("bad_input", `The CSV has no column named "${source.mapping.content}"`);
      const capi = source.mapping.caption === null ? -1 : header.indexOf(source.mapping.caption);
      table.slice(1).forEach((r, i) => {
        const columns = Object.fromEntries(header.map((h, k) => [h, r[k] ?? ""]));
        add(i + 1, null, r[ci] ?? "", capi === -1 ? "" : (r[capi] ?? ""), columns);
      });
    } else {
      const byId = new Map(this.s.accounts.map((a) => [a.id, a]));
      const rows = source.kind === "selection"
        ? source.codes.map((id) => this.s.rows[id - 1]).filter((r): r is CodeRow => r !== undefined)
        : filterRows(this.s.rows, { ...source.query, sort: "name", offset: 0, limit: 0 }, byId);
      rows.forEach((r, i) => {
        if (r.status === "archived") problems.push({ row: i + 1, code: r.id, message: `"${r.name}" is archived: scans lead nowhere. It is printed anyway.` });
        add(i + 1, r.id, r.content, options.caption === "content" ? r.content : r.name, { name: r.name, url: r.content, id: String(r.id) });
      });
    }
    return { labels, problems };
  }

  /** What the request prints: its sheet, design, labels (with the design's texts) and problems. */
  private job(request: PrintRequest): { layout: SheetLayout; design: DesignDraft | null; labels: FakeLabel[]; items: LabelItem[]; problems: RowProblem[] } {
    const layout = ALL_LAYOUTS.find((l) => l.id === request.options.layout);
    const problems = validatePrintOptions(request.options, layout);
    if (!layout || hasProblems(problems)) fail("bad_input", Object.values(problems)[0] ?? "Check the print options");
    // The fake draws styled codes plain; it only checks that the style exists.
    requireStyle(this.s, request.options.style);
    const design = requireDesign(this.s, request.options.design);
    const misplaced = design ? boxProblem(design, layout) : null;
    if (misplaced) fail("bad_input", misplaced);
    const { labels, problems: rowProblems } = this.rows(request);
    return { layout, design, labels, items: labelItems(labels, design), problems: rowProblems };
  }

  async preview(request: PrintRequest): Promise<PrintPreview> {
    const { layout, design, items, problems } = this.job(request);
    // A profile's offset replaces the two shifts; its scale (thousandths) would not show here.
    const profile = requirePrinterProfile(this.s, request.options.printer_profile);
    const drawn = profile ? { ...request.options, offset_x_mm: profile.offset_x_mm, offset_y_mm: profile.offset_y_mm } : request.options;
    const pages = sheetsNeeded(items.length, layout, request.options.start_at);
    return { page_image: sheetImage(layout, drawn, items, design), pages, labels: items.length, problems };
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
    const result = { path: `/home/you/Documents/QR Desk/print-${stamp}.pdf`, pages: preview.pages, labels: total, problems: preview.problems };
    const { design, labels } = this.job(request);
    recordJob(this.s, { source: sourceText(request), settings: request.options, design, labels, result });
    return result;
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
  }
}

/** How the history names what a job printed from. */
function sourceText(request: PrintRequest): string {
  const { source } = request;
  if (source.kind === "csv") return "CSV rows from the window";
  if (source.kind === "selection") return `${source.codes.length} selected ${source.codes.length === 1 ? "code" : "codes"}`;
  return source.query.search.trim() === "" ? "Library search (all codes)" : `Library search “${source.query.search.trim()}”`;
}
