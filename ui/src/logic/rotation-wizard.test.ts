import { describe, expect, it } from "vitest";
import { FakeBackend } from "../platform/fake";
import { stepIndex, WIZARD_STEPS, wizardView } from "./rotation-wizard";

describe("rotation wizard", () => {
  it("has the keys issue's five steps in order", () => {
    expect(WIZARD_STEPS.map((s) => s.step)).toEqual(["enter_key", "verify", "switch", "revoke_old", "confirm_revoked"]);
    expect(stepIndex("done")).toBe(5);
  });

  it("walks a manual rotation forward with a way back before the switch", async () => {
    const b = new FakeBackend({ seeded: true, codeCount: 20, tickMs: 0 });
    let s = await b.rotationStart(2);
    let v = wizardView(s);
    expect(v).toMatchObject({ index: 0, canGoBack: false, canAbandon: true, primary: { action: "submit_key" } });
    expect(v.explanation).toContain("QRCodePro dashboard");

    s = await b.rotationSubmitKey({ account: 2, secret: "qrcp_test_NEWKEY0000000009", expires_at: null });
    v = wizardView(s);
    expect(v).toMatchObject({ index: 1, canGoBack: true, canAbandon: true, primary: { action: "verify" } });
    expect(s.new_masked_key).toBe("qrcp_test_…0009");

    s = await b.rotationBack(2);
    expect(wizardView(s).index).toBe(0);
    expect(s.new_masked_key).toBeNull();

    s = await b.rotationSubmitKey({ account: 2, secret: "qrcp_test_NEWKEY0000000009", expires_at: null });
    s = await b.rotationVerify(2);
    v = wizardView(s);
    expect(v).toMatchObject({ index: 2, canGoBack: false, canAbandon: true, primary: { action: "switch" } });

    s = await b.rotationSwitch(2);
    v = wizardView(s);
    expect(v).toMatchObject({ index: 3, canGoBack: false, canAbandon: false, primary: { action: "confirm_revoked", label: "I have revoked it" } });
    expect((await b.listAccounts()).find((a) => a.id === 2)?.masked_key).toBe("qrcp_test_…0009");
    await expect(b.rotationAbandon(2)).rejects.toMatchObject({ kind: "bad_input" });

    s = await b.rotationConfirmRevoked(2);
    v = wizardView(s);
    expect(v).toMatchObject({ index: 5, canAbandon: false, primary: { action: "close" } });

    const log = await b.auditLog(2);
    expect(log.map((e) => e.event)).toContain("rotation_step");
    expect(JSON.stringify(log)).not.toContain("NEWKEY");
  });

  it("offers the automatic path for Exante and abandons without change", async () => {
    const b = new FakeBackend({ seeded: true, codeCount: 20, tickMs: 0 });
    const before = (await b.listAccounts()).find((a) => a.id === 5)?.masked_key;
    const s = await b.rotationStart(5);
    expect(wizardView(s).primary.label).toBe("Create the new key");
    expect((await b.listAccounts()).find((a) => a.id === 5)?.status).toBe("rotating");
    await b.rotationAbandon(5);
    expect(await b.rotationState(5)).toBeNull();
    expect((await b.listAccounts()).find((a) => a.id === 5)?.masked_key).toBe(before);
  });

  it("refuses a key of another service and keeps the step", async () => {
    const b = new FakeBackend({ seeded: true, codeCount: 20, tickMs: 0 });
    await b.rotationStart(2);
    await expect(b.rotationSubmitKey({ account: 2, secret: "exr_live_0000000000000", expires_at: null })).rejects.toMatchObject({ kind: "bad_input", message: expect.stringContaining("ExaRoutes") });
    expect((await b.rotationState(2))?.step).toBe("enter_key");
  });
});
