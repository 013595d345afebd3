import { describe, expect, it } from "vitest";
import { outboxFocus, wizardFocus } from "./focus-rules";

describe("focus rules", () => {
  it("rotation wizard: the key field when a key must be typed, else the new step's title", () => {
    expect(wizardFocus("enter_key", false)).toBe("key");
    expect(wizardFocus("enter_key", true)).toBe("step-title");
    for (const step of ["verify", "switch", "revoke_old", "confirm_revoked", "done"] as const) {
      expect(wizardFocus(step, false)).toBe("step-title");
    }
  });

  it("outbox: the result, else the entry still there, else the heading", () => {
    expect(outboxFocus(true, true)).toBe("notice");
    expect(outboxFocus(false, true)).toBe("entry");
    expect(outboxFocus(false, false)).toBe("heading");
  });
});
