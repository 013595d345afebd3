import { describe, expect, it } from "vitest";
import { detectKey, maskKey, validateKeyForm, workspaceLabel } from "./key-detect";

describe("detectKey", () => {
  it.each([
    ["qrcp_live_abcdef", "qrcodepro", "live", false],
    ["qrcp_test_abcdef", "qrcodepro", "test", false],
    ["exr_live_abcdef", "exaroutes", "live", false],
    ["exr_test_abcdef", "exaroutes", "test", false],
    ["sk_live_abcdef", "exaroutes", "live", true],
    ["ex_live_abcdef", "exante", "live", false],
    ["  ilqr_abcdef\n", "iloveqr", "live", false],
  ] as const)("%s → %s %s", (key, provider, environment, needsClientId) => {
    expect(detectKey(key)).toMatchObject({ provider, environment, needsClientId, recognised: true });
  });

  it("treats opaque keys as the /api/v1/qr platform", () => {
    expect(detectKey("a1b2c3d4e5f6a7b8")).toEqual({ provider: "qr-v1", environment: "live", prefix: "", needsClientId: false, recognised: false });
  });

  it("does not confuse ex_live_ (Exante) with exr_live_ (ExaRoutes)", () => {
    expect(detectKey("exr_live_x")?.provider).toBe("exaroutes");
    expect(detectKey("ex_live_x")?.provider).toBe("exante");
  });

  it("returns null while the field is empty", () => {
    expect(detectKey("")).toBeNull();
    expect(detectKey("   ")).toBeNull();
  });
});

describe("maskKey", () => {
  it("keeps the prefix and the last four characters only", () => {
    expect(maskKey("qrcp_live_SUPERSECRET123456")).toBe("qrcp_live_…3456");
    expect(maskKey("0123456789abcdefWXYZ")).toBe("…WXYZ");
  });
  it("shows nothing of short secrets", () => {
    expect(maskKey("ilqr_short")).toBe("ilqr_…");
  });
});

describe("validateKeyForm", () => {
  const ok = { label: "Marketing", secret: "qrcp_live_abcdefabcdef", clientId: "", baseUrl: "" };
  it("accepts a complete form", () => {
    expect(validateKeyForm(ok)).toEqual([]);
  });
  it("asks for the ExaRoutes client id next to an sk_live_ key", () => {
    expect(validateKeyForm({ ...ok, secret: "sk_live_abcdef" }).map((p) => p.field)).toEqual(["client_id"]);
    expect(validateKeyForm({ ...ok, secret: "sk_live_abcdef", clientId: "12345" })[0]?.message).toMatch(/cust_/);
    expect(validateKeyForm({ ...ok, secret: "sk_live_abcdef", clientId: "cust_123" })).toEqual([]);
  });
  it("flags missing name, missing key, spaces in the key and a bad base URL", () => {
    const fields = validateKeyForm({ label: " ", secret: "", clientId: "", baseUrl: "ftp://x" }).map((p) => p.field);
    expect(fields).toEqual(["label", "secret", "base_url"]);
    expect(validateKeyForm({ ...ok, secret: "qrcp_live_ab cd" })[0]?.field).toBe("secret");
  });
  it("names the workspace concept per service", () => {
    expect(workspaceLabel("exaroutes")).toBe("Workspace");
    expect(workspaceLabel("iloveqr")).toBe("Organization");
    expect(workspaceLabel("qrcodepro")).toBeNull();
  });
});
