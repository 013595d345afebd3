// The fake's key rotation state machine, one rotation per account, following the keys issue's
// five steps: enter_key → verify → switch → revoke_old → confirm_revoked → done. Before the switch
// it can go back or be abandoned; after it, it can only be finished.

import { DASHBOARD_HINTS, detectKey, maskKey, PROVIDER_NAMES } from "../../logic/key-detect";
import type { BackendError } from "../backend";
import type { RotationKeyRequest, RotationState } from "../types";
import { prng } from "./demo-data";
import { fail } from "./errors";
import type { FakeState } from "./state";


export class FakeRotation {
  constructor(private readonly s: FakeState) {}

  private rotation(account: number): RotationState {
    const r = this.s.rotations.get(account);
    if (!r) fail("bad_input", "No rotation is in progress for this account");
    return r;
  }

  private setStep(r: RotationState, step: RotationState["step"], detail: string): RotationState {
    r.step = step;
    r.last_error = null;
    r.updated_at = this.s.stamp();
    this.s.log(r.account, "rotation_step", detail);
    return { ...r };
  }

  /** Runs a network step; a failure is kept on the rotation (shown by the wizard) and rethrown. */
  private online(r: RotationState): void {
    try {
      this.s.requireOnline();
    } catch (e) {
      r.last_error = (e as BackendError).toAppError();
      throw e;
    }
  }

  async state(account: number): Promise<RotationState | null> {
    const r = this.s.rotations.get(account);
    return r ? { ...r } : null;
  }

  async start(account: number): Promise<RotationState> {
    const a = this.s.account(account);
    const existing = this.s.rotations.get(account);
    if (existing && existing.step !== "done") return { ...existing };
    const r: RotationState = {
      account,
      step: "enter_key",
      old_masked_key: a.masked_key,
      new_masked_key: null,
      automatic: a.provider === "exante",
      dashboard_hint: DASHBOARD_HINTS[a.provider],
      last_error: null,
      started_at: this.s.stamp(),
      updated_at: this.s.stamp(),
    };
    this.s.rotations.set(account, r);
    this.s.log(account, "rotation_started", `Rotation of key ${a.masked_key} started.`);
    return { ...r };
  }

  async submitKey(request: RotationKeyRequest): Promise<RotationState> {
    const r = this.rotation(request.account);
    const a = this.s.account(request.account);
    if (r.step !== "enter_key") fail("bad_input", "The new key was already entered");
    let masked: string;
    if (r.automatic) {
      this.s.requireOnline();
      masked = `ex_live_…${Math.floor(prng(a.id + Date.now())() * 0xffff).toString(16).padStart(4, "0")}`;
    } else {
      const d = detectKey(request.secret);
      if (!d) fail("bad_input", "Paste the new key");
      if (d.recognised && d.provider !== a.provider) fail("bad_input", `This key belongs to ${PROVIDER_NAMES[d.provider]}, not ${PROVIDER_NAMES[a.provider]}`);
      masked = maskKey(request.secret);
      if (masked === a.masked_key) fail("bad_input", "This is the key already in use; create a new one");
    }
    r.new_masked_key = masked;
    return this.setStep(r, "verify", `New key ${masked} entered.`);
  }

  async verify(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "verify") fail("bad_input", "Enter the new key first");
    this.online(r);
    return this.setStep(r, "switch", `New key ${r.new_masked_key ?? ""} verified against the same workspace.`);
  }

  async switchKey(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "switch") fail("bad_input", "Verify the new key first");
    const a = this.s.account(account);
    a.masked_key = r.new_masked_key ?? a.masked_key;
    a.key_created_at = this.s.stamp();
    a.last_verified_at = this.s.stamp();
    a.status = "verified";
    if (r.automatic) a.expires_at = new Date(this.s.now().getTime() + 90 * 86_400_000).toISOString();
    return this.setStep(r, "revoke_old", `Keychain switched to ${a.masked_key}; ${r.old_masked_key} kept as pending revoke.`);
  }

  async confirmRevoked(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "revoke_old" && r.step !== "confirm_revoked") fail("bad_input", "Switch to the new key first");
    this.online(r);
    if (r.step === "revoke_old") this.setStep(r, "confirm_revoked", r.automatic ? `Old key ${r.old_masked_key} revoked through the API.` : `User reports ${r.old_masked_key} revoked.`);
    return this.setStep(r, "done", `Old key ${r.old_masked_key} is refused by the service and was deleted from the keychain.`);
  }

  async back(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "verify") fail("bad_input", "You can only go back before the switch");
    r.new_masked_key = null;
    return this.setStep(r, "enter_key", "New key discarded before verification.");
  }

  async abandon(account: number): Promise<void> {
    const r = this.rotation(account);
    if (r.step !== "enter_key" && r.step !== "verify" && r.step !== "switch") fail("bad_input", "After the switch a rotation can only be finished");
    this.s.rotations.delete(account);
    this.s.log(account, "rotation_abandoned", "Rotation abandoned; nothing changed.");
  }
}
