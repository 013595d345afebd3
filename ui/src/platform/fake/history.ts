// The print history in the fake: every "written" PDF is recorded with its settings, its design and
// what each label held; the History page lists the jobs newest first, and a reprint prints chosen
// labels of a job again (by row or serial, the same codes and texts) and is recorded too.

import { inRanges, parseRanges } from "../../logic/reprint";
import { sheetsNeeded } from "../../logic/print-options";
import type { DesignDraft, PrintJobSummary, PrintResult, PrintSettings, ReprintRequest } from "../types";
import { fail } from "./errors";
import { requireLayout } from "./layouts";
import type { LabelItem } from "./sheet-svg";
import type { FakeLabel, FakeState } from "./state";
import { renderTemplate } from "./template";

/** The labels as the sheet drawing takes them: a design's field texts filled in. */
export function labelItems(labels: readonly FakeLabel[], design: DesignDraft | null): LabelItem[] {
  return labels.map((l) => ({
    content: l.content,
    caption: l.caption,
    texts: design ? design.fields.map((f) => renderTemplate(f.text, l.columns, l.row, l.serial)) : [],
  }));
}

/** Records a job that wrote `result`. */
export function recordJob(s: FakeState, job: { source: string; settings: PrintSettings; design: DesignDraft | null; labels: FakeLabel[]; result: PrintResult }): void {
  const serials = job.labels.map((l) => l.serial);
  const summary: PrintJobSummary = {
    id: s.nextId.job++,
    created_at: s.stamp(),
    source: job.source,
    source_sha256: null,
    layout: job.settings.layout,
    style: job.settings.style,
    design: job.design?.name ?? null,
    rows: new Set(job.labels.map((l) => l.row)).size,
    codes: job.labels.length,
    pages: job.result.pages,
    output: job.result.path,
    first_serial: serials.length > 0 ? Math.min(...serials) : 0,
    last_serial: serials.length > 0 ? Math.max(...serials) : 0,
  };
  s.jobs.push({ summary, settings: job.settings, design: job.design, labels: job.labels.map((l) => ({ ...l })) });
}

export class FakeHistory {
  constructor(private readonly s: FakeState) {}

  /** Newest first, as `list_print_jobs` answers. */
  async list(): Promise<PrintJobSummary[]> {
    return [...this.s.jobs].reverse().map((j) => ({ ...j.summary }));
  }

  async reprint(request: ReprintRequest): Promise<PrintResult> {
    const job = this.s.jobs.find((j) => j.summary.id === request.job_id);
    if (!job) fail("not_found", `Job ${request.job_id} is not in the print history`);
    const rows = parseRanges(request.rows ?? "");
    const serials = parseRanges(request.serials ?? "");
    if (rows === null) fail("bad_input", `“${request.rows}” is not a list of rows; write them like 3,7-9`);
    if (serials === null) fail("bad_input", `“${request.serials}” is not a list of serials; write them like 3,7-9`);
    const chosen = job.labels.filter((l) => (rows.length === 0 || inRanges(rows, l.row)) && (serials.length === 0 || inRanges(serials, l.serial)));
    if (chosen.length === 0) fail("bad_input", `No label of job ${job.summary.id} has those rows and serials`);
    const layout = requireLayout(job.settings.layout);
    const capacity = layout.columns * layout.rows;
    if (!Number.isInteger(request.start_at) || request.start_at < 1 || request.start_at > capacity) {
      fail("bad_input", `Start at a label from 1 to ${capacity}`);
    }
    const stamp = this.s.stamp().replace(/[:T]/g, "-").slice(0, 16);
    const result: PrintResult = {
      path: `/home/you/Documents/QR Desk/reprint-${job.summary.id}-${stamp}.pdf`,
      pages: sheetsNeeded(chosen.length, layout, request.start_at),
      labels: chosen.length,
      problems: [],
    };
    recordJob(this.s, { source: `Reprint of job ${job.summary.id}`, settings: { ...job.settings, start_at: request.start_at }, design: job.design, labels: chosen, result });
    return result;
  }
}
