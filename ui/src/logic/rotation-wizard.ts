// The rotation wizard's steps (the keys issue's five steps) and what the user may do at each.
// The state itself lives in SQLite on the Rust side; this only decides what the screen shows.

import type { RotationState, RotationStep } from "../platform/types";

export type WizardStep = {
  step: Exclude<RotationStep, "done">;
  title: string;
};

export const WIZARD_STEPS: readonly WizardStep[] = [
  { step: "enter_key", title: "Enter the new key" },
  { step: "verify", title: "Check the new key" },
  { step: "switch", title: "Switch to the new key" },
  { step: "revoke_old", title: "Revoke the old key" },
  { step: "confirm_revoked", title: "Confirm the old key is gone" },
];

export type WizardAction = "submit_key" | "verify" | "switch" | "confirm_revoked" | "close";

export type WizardView = {
  /** 0-based index into WIZARD_STEPS; 5 when done. */
  index: number;
  title: string;
  /** What is happening at this step, in plain words. */
  explanation: string;
  primary: { action: WizardAction; label: string };
  /** Back to entering another key (only at step 2). */
  canGoBack: boolean;
  /** Abandon without any change (only before the switch). */
  canAbandon: boolean;
};

export function stepIndex(step: RotationStep): number {
  const i = WIZARD_STEPS.findIndex((s) => s.step === step);
  return i === -1 ? WIZARD_STEPS.length : i;
}

export function wizardView(state: RotationState): WizardView {
  const index = stepIndex(state.step);
  const beforeSwitch = index <= 2;
  const base = { index, canAbandon: beforeSwitch, canGoBack: state.step === "verify" && !state.automatic };
  switch (state.step) {
    case "enter_key":
      return {
        ...base,
        title: WIZARD_STEPS[0]!.title,
        explanation: state.automatic
          ? "QR Desk will create the new key for you through the service, with the same name, permissions and lifetime as the old one."
          : `Create a new key in ${state.dashboard_hint} and paste it here. Your current key (${state.old_masked_key}) keeps working until the end.`,
        primary: { action: "submit_key", label: state.automatic ? "Create the new key" : "Continue" },
      };
    case "verify":
      return {
        ...base,
        title: WIZARD_STEPS[1]!.title,
        explanation: `QR Desk checks that the new key (${state.new_masked_key ?? "…"}) works and sees the same workspace or organization as the old one. Nothing has changed yet.`,
        primary: { action: "verify", label: "Check the new key" },
      };
    case "switch":
      return {
        ...base,
        title: WIZARD_STEPS[2]!.title,
        explanation: `The new key works. Switching makes it the key QR Desk uses; the old key (${state.old_masked_key}) is kept aside until you have revoked it. After this step the rotation cannot be undone.`,
        primary: { action: "switch", label: "Switch to the new key" },
      };
    case "revoke_old":
      return {
        ...base,
        title: WIZARD_STEPS[3]!.title,
        explanation: state.automatic
          ? `QR Desk revokes the old key (${state.old_masked_key}) through the service for you.`
          : `QR Desk now uses the new key. Revoke the old key (${state.old_masked_key}) in ${state.dashboard_hint}, then come back here.`,
        primary: { action: "confirm_revoked", label: state.automatic ? "Revoke the old key" : "I have revoked it" },
      };
    case "confirm_revoked":
      return {
        ...base,
        title: WIZARD_STEPS[4]!.title,
        explanation: `QR Desk checks that the old key (${state.old_masked_key}) is refused by the service, then deletes it from the keychain.`,
        primary: { action: "confirm_revoked", label: "Check again" },
      };
    case "done":
      return {
        ...base,
        canAbandon: false,
        title: "Rotation complete",
        explanation: `The new key (${state.new_masked_key ?? "…"}) is in use and the old one is gone from the service and from this computer.`,
        primary: { action: "close", label: "Done" },
      };
  }
}
