// How the Campaigns page words where a campaign stands: "5 of 6" codes, the progress line
// ("Created 5 of 6 codes, 1 waiting for the service, printed"), the outcome of Create and print
// or Try again, and the rows that did not become codes.

import type { CampaignOutcome, CampaignPreview, CampaignSummary } from "../platform/types";
import { formatCount } from "./format";

/** What the live region says while Rust makes the codes and prints. */
export const MAKING_CODES = "Making codes on the service…";
/** …and while it carries a waiting campaign on. */
export const RESUMING = "Asking the service for the missing codes…";

/** Rows that can become codes: every row but the refused ones. */
export function goodRows(s: Pick<CampaignSummary, "rows" | "failed">): number {
  return Math.max(0, s.rows - s.failed);
}

/** `5 of 6`: codes the service confirmed of the rows that can become codes. */
export function codesOf(s: Pick<CampaignSummary, "rows" | "failed" | "codes">): string {
  return `${formatCount(s.codes)} of ${formatCount(goodRows(s))}`;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** `Created 5 of 6 codes, 1 waiting for the service, not printed yet.` */
export function progressSentence(s: Pick<CampaignSummary, "rows" | "failed" | "codes" | "waiting" | "status">): string {
  const parts = [`Created ${formatCount(s.codes)} of ${plural(goodRows(s), "code", "codes")}`];
  if (s.waiting > 0) parts.push(`${formatCount(s.waiting)} waiting for the service`);
  if (s.failed > 0) parts.push(`${plural(s.failed, "row", "rows")} refused`);
  parts.push(s.status === "printed" ? "printed" : "not printed yet");
  return `${parts.join(", ")}.`;
}

/** `6 rows: all will become codes.`, `6 rows: 5 will become codes, 1 will not.` */
export function previewCount(p: Pick<CampaignPreview, "rows" | "problems">): string {
  if (p.rows === 0) return "No rows under the column names yet.";
  const bad = p.problems.length;
  const good = Math.max(0, p.rows - bad);
  const rows = plural(p.rows, "row", "rows");
  const codes = (n: number) => (n === 1 ? "a code" : "codes");
  if (bad === 0) return `${rows}: ${good === 1 ? "it" : good === 2 ? "both" : "all"} will become ${codes(good)}.`;
  if (good === 0) return `${rows}: none will become a code.`;
  return `${rows}: ${formatCount(good)} will become ${codes(good)}, ${formatCount(bad)} will not.`;
}

/** The outcome of Create and print (or Try again) in a sentence. */
export function outcomeSentence(o: CampaignOutcome): string {
  if (o.status === "printed") {
    const pages = o.pages > 0 ? ` on ${plural(o.pages, "page", "pages")}` : "";
    return `“${o.name}” is printed: ${plural(o.codes_created, "code", "codes")} made, labels saved${pages}.`;
  }
  const expected = o.codes_created + o.waiting;
  return `“${o.name}” is waiting for the service: ${formatCount(o.codes_created)} of ${plural(expected, "code", "codes")} confirmed. Nothing is printed until all are.`;
}

/** The heading over the rows that did not become codes. */
export function failedHeading(n: number): string {
  return n === 1 ? "1 row did not become a code" : `${formatCount(n)} rows did not become codes`;
}

