// How the fake backend fails: the same error kinds as the Rust side, each with Rust's sentence of
// advice a person sees, thrown as the BackendError every Backend rejects with.

import type { ErrorKind } from "../../bindings/ErrorKind";
import { RULES } from "../../bindings/current-rules";
import { BackendError } from "../backend";

/** Each kind's advice, as Rust words it (`RULES.errors`). */
export const SENTENCES: Partial<Record<ErrorKind, string>> = Object.fromEntries(
  RULES.errors.map((e) => [e.kind, e.sentence]),
);

/** Throws a BackendError of `kind`: `detail` (what went wrong) followed by the kind's advice. */
export function fail(kind: ErrorKind, detail = ""): never {
  const advice = SENTENCES[kind] ?? "";
  const message = detail === "" ? advice : `${detail}${/[.!?]$/.test(detail) ? "" : "."} ${advice}`.trim();
  throw new BackendError({ kind, message });
}
