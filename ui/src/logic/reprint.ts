// The Reprint dialog's rules: reading "3,7-9" ranges of rows or serials, the checks on them and
// on "Start at label" (each a sentence for its control), and the request Rust receives (blank
// ranges go as `null`: not limited).

import type { PrintJobSummary, ReprintRequest } from "../platform/types";

export type ReprintForm = { rows: string; serials: string; start_at: number };
export type ReprintProblems = Partial<Record<keyof ReprintForm, string>>;

export const RANGE_EXAMPLE = "3,7-9";

/** A new reprint: every label, from the sheet's first label. */
export function newReprint(): ReprintForm {
  return { rows: "", serials: "", start_at: 1 };
}

/**
 * The ranges "3, 7-9" stands for (`[[3, 3], [7, 9]]`), as Rust reads them: numbers from 1, a
 * range from low to high, empty parts ignored; `null` when it is anything else. Blank is none.
 */
export function parseRanges(text: string): [number, number][] | null {
  const ranges: [number, number][] = [];
  for (const part of text.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from === 0 || to < from) return null;
    ranges.push([from, to]);
  }
  return ranges;
}

/** Whether `n` is in one of `ranges`. */
export function inRanges(ranges: readonly [number, number][], n: number): boolean {
  return ranges.some(([from, to]) => n >= from && n <= to);
}

/** Why `text` is not a usable range list; `bounds`, when known, are the lowest and highest allowed. */
function rangeProblem(text: string, what: "row" | "serial", bounds: [number, number] | null): string | undefined {
  const ranges = parseRanges(text);
  const plural = `${what}s`;
  if (ranges === null) return `Write the ${plural} as numbers and ranges, like ${RANGE_EXAMPLE}.`;
  if (bounds === null) return undefined;
  const [first, last] = bounds;
  const outside = ranges.flat().find((n) => n < first || n > last);
  if (outside !== undefined) return `This job printed ${plural} ${first} to ${last}; ${outside} is not one of them.`;
  return undefined;
}

/**
 * What would stop the reprint, per control. Serials must be ones the job printed; rows are only
 * read (a reprint's rows keep their first job's numbers, so they need not start at 1).
 */
export function validateReprint(form: ReprintForm, job: Pick<PrintJobSummary, "first_serial" | "last_serial">): ReprintProblems {
  const p: ReprintProblems = {};
  const rows = rangeProblem(form.rows, "row", null);
  if (rows) p.rows = rows;
  const known = job.last_serial >= job.first_serial && job.last_serial > 0;
  const serials = rangeProblem(form.serials, "serial", known ? [job.first_serial, job.last_serial] : null);
  if (serials) p.serials = serials;
  if (!Number.isInteger(form.start_at) || form.start_at < 1) p.start_at = "Start at label 1 or a later one.";
  return p;
}

export function hasReprintProblems(p: ReprintProblems): boolean {
  return Object.keys(p).length > 0;
}

/** The request for `job`: ranges without spaces, a blank one `null` (not limited). */
export function reprintRequest(jobId: number, form: ReprintForm): ReprintRequest {
  const range = (text: string) => {
    const t = text.replace(/\s+/g, "");
    return t === "" ? null : t;
  };
  return { job_id: jobId, rows: range(form.rows), serials: range(form.serials), start_at: form.start_at };
}
