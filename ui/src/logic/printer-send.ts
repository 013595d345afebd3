// The Print… dialog's rules: which printer it starts on, how a printer is offered, the copies it
// takes, and the sentence saying what the printing system did with the job.

import type { PrinterInfo, PrinterJob } from "../platform/types";

/** Copies one send may ask for. */
export const MAX_COPIES = 99;

/** The system's default printer, else the first one; `""` when there is none. */
export function defaultPrinter(printers: readonly PrinterInfo[]): string {
  return (printers.find((p) => p.is_default) ?? printers[0])?.name ?? "";
}

/** `Office (default)`. */
export function printerOption(p: PrinterInfo): string {
  return p.is_default ? `${p.name} (default)` : p.name;
}

/** The line under the printer select: the paper it holds, when it says. */
export function mediaText(p: PrinterInfo | undefined): string {
  if (!p) return "";
  return p.media ? `Paper in the printer: ${p.media}.` : "The printer does not say which paper it holds.";
}

export function copiesProblem(copies: number): string | undefined {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) return `Print 1 to ${MAX_COPIES} copies.`;
  return undefined;
}

/** `Sent to Office as job Office-12 (2 copies).` */
export function sentSentence(job: PrinterJob): string {
  const copies = job.copies === 1 ? "" : ` (${job.copies} copies)`;
  return `Sent to ${job.printer} as job ${job.job}${copies}.`;
}
