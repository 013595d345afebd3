// Where focus goes after a step of work, decided without the DOM (the screens apply it).

import type { RotationStep } from "../platform/types";

/**
 * In the rotation wizard: the key field when the step asks for a key to be typed, else the new
 * step's title (so the step is read out, and Tab continues from there).
 */
export function wizardFocus(step: RotationStep, automatic: boolean): "key" | "step-title" {
  return step === "enter_key" && !automatic ? "key" : "step-title";
}

/**
 * After an outbox action: the result when one is shown, else the entry (when it is still there),
 * else the outbox heading. Never the page itself.
 */
export function outboxFocus(hasNotice: boolean, entryStillThere: boolean): "notice" | "entry" | "heading" {
  if (hasNotice) return "notice";
  return entryStillThere ? "entry" : "heading";
}
