// Validation of the editable fields of a code (name, destination), before an edit is queued.

import type { CodeChanges } from "../bindings/CodeChanges";
import { RULES } from "../bindings/current-rules";

/** Rust's limits (`RULES`, generated from qrdesk-core's `rules` module). */
export const DESTINATION_MAX = RULES.max_destination_chars;
export const NAME_MAX = RULES.max_code_name_chars;

/** `null` when the destination is usable, otherwise a sentence saying what to fix. */
export function destinationProblem(value: string): string | null {
  const v = value.trim();
  if (v === "") return "Enter the web address people should reach when they scan.";
  if (v.length > DESTINATION_MAX) return `The address is too long: keep it under ${DESTINATION_MAX} characters.`;
  // Control characters and whitespace inside an address are always a copy-paste accident.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(v)) return "The address contains spaces or line breaks; remove them.";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme === undefined) return "Start the address with https:// (for example https://example.com/menu).";
  if (scheme !== "http" && scheme !== "https") {
    return "Only web addresses (https:// or http://) can be used as a destination.";
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return "This is not a valid web address. Check it for typos.";
  }
  if (url.hostname === "" || !/[a-z0-9]/i.test(url.hostname)) return "The address needs a site name after https://.";
  if (url.username !== "" || url.password !== "") return "Remove the user name or password from the address.";
  return null;
}

export function nameProblem(value: string): string | null {
  const v = value.trim();
  if (v === "") return "Give the code a name.";
  if (v.length > NAME_MAX) return `Keep the name under ${NAME_MAX} characters.`;
  return null;
}

export type EditProblems = { name?: string; destination?: string };

/** The changes that differ from the current values, or the problems that block saving. */
export function buildChanges(
  current: { name: string; destination: string; status: CodeChanges["status"] },
  edited: { name: string; destination: string; status: CodeChanges["status"] },
): { changes: CodeChanges | null; problems: EditProblems } {
  const problems: EditProblems = {};
  // Some services keep codes without a name (ExaRoutes): such a code may stay unnamed, but a
  // name that exists may not be cleared.
  const keptUnnamed = edited.name.trim() === "" && current.name.trim() === "";
  const n = keptUnnamed ? null : nameProblem(edited.name);
  if (n) problems.name = n;
  const d = destinationProblem(edited.destination);
  if (d) problems.destination = d;
  if (problems.name || problems.destination) return { changes: null, problems };
  const changes: CodeChanges = {};
  if (edited.name.trim() !== current.name) changes.name = edited.name.trim();
  if (edited.destination.trim() !== current.destination) changes.destination = edited.destination.trim();
  if (edited.status !== current.status) changes.status = edited.status ?? null;
  return { changes: Object.keys(changes).length === 0 ? null : changes, problems };
}
