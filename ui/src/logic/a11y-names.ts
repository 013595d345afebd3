// Short, specific accessible names: a library row is called by its code's name (the rest is its
// description), and a button repeated on every row says which row it acts on ("Remove Marketing").
// The visible word stays at the start of the name, so speech input ("click Remove") still works.

import type { CodeRow } from "../platform/types";
import { displayName, formatCount, shortUrl } from "./format";

const STATUS: Record<CodeRow["status"], string> = { active: "Active", paused: "Paused", draft: "Draft", archived: "Archived" };
const OUTBOX: Record<NonNullable<CodeRow["outbox_state"]>, string> = {
  pending: "edit pending",
  needs_confirmation: "edit needs confirmation",
  conflict: "edit in conflict",
  failed: "edit refused",
  done: "",
};

/** A library row's accessible name: the code's name only. */
export function codeRowName(row: Pick<CodeRow, "name">): string {
  return displayName(row.name);
}

/** The rest of a library row, read after its name: status, edits, destination, link, account, scans. */
export function codeRowDescription(
  row: Pick<CodeRow, "status" | "outbox_state" | "destination" | "content" | "scans_total"> & Partial<Pick<CodeRow, "scans_window_days">>,
  account?: { label: string; environment: "live" | "test" },
): string {
  const parts = [STATUS[row.status]];
  const edit = row.outbox_state ? OUTBOX[row.outbox_state] : "";
  if (edit) parts.push(edit);
  if (row.destination) parts.push(`leads to ${row.destination}`);
  if (row.content) parts.push(`short link ${shortUrl(row.content)}`);
  if (account) parts.push(account.environment === "test" ? `${account.label} (test)` : account.label);
  if (row.scans_total !== null) {
    const window = row.scans_window_days ? ` in the last ${row.scans_window_days} days` : "";
    parts.push(`${formatCount(row.scans_total)} ${row.scans_total === 1 ? "scan" : "scans"}${window}`);
  }
  return parts.join(", ");
}

/** "Remove Marketing": the visible verb, then what it acts on. */
export function actionName(verb: string, subject: string): string {
  const s = subject.trim();
  return `${verb} ${s === "" ? "Untitled" : s}`;
}

/**
 * Names that tell items apart: each item's `base`, with ` · detail` added where two items share
 * a base, and a number where even that repeats.
 */
export function distinctNames(items: readonly { base: string; detail: string }[]): string[] {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const bases = count(items.map((i) => i.base));
  const first = items.map((i) => ((bases.get(i.base) ?? 0) > 1 && i.detail ? `${i.base} · ${i.detail}` : i.base));
  const again = count(first);
  const seen = new Map<string, number>();
  return first.map((n) => {
    if ((again.get(n) ?? 0) < 2) return n;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return `${n} (${k})`;
  });
}
