import { describe, expect, it } from "vitest";
import { peekQr, requestQr } from "./qr-queue";

/** A scheduler the test runs by hand. */
function manual() {
  const pending: (() => void)[] = [];
  return {
    schedule: (run: () => void) => pending.push(run),
    flush: () => {
      while (pending.length > 0) pending.shift()!();
    },
  };
}

describe("qr-queue", () => {
  it("encodes nothing until the slice runs, then calls back with the preview ready", () => {
    const m = manual();
    const content = "https://qr.example.com/r/queue-1";
    expect(peekQr(content)).toBeNull();
    let called = 0;
    requestQr(content, () => called++, m.schedule);
    expect(peekQr(content)).toBeNull();
    m.flush();
    expect(called).toBe(1);
    const p = peekQr(content);
    expect(p).not.toBeNull();
    expect(p).not.toBe("error");
    if (p && p !== "error") {
      expect(p.size).toBeGreaterThan(20);
      expect(p.d).toMatch(/^M\d/);
    }
  });

  it("a cancelled request is never called back", () => {
    const m = manual();
    let called = false;
    const cancel = requestQr("https://qr.example.com/r/queue-2", () => (called = true), m.schedule);
    cancel();
    m.flush();
    expect(called).toBe(false);
  });

  it("content too long to encode is marked as an error, not thrown", () => {
    const m = manual();
    const huge = "x".repeat(5000);
    let called = false;
    requestQr(huge, () => (called = true), m.schedule);
    m.flush();
    expect(called).toBe(true);
    expect(peekQr(huge)).toBe("error");
  });
});
