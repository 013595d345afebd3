import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "./App";
import { FakeBackend } from "../platform/fake";
import type { SyncProgress } from "../bindings/SyncProgress";
import type { CodePage, CodeQuery } from "../platform/types";

/** A backend whose sync progress events the test sends itself (`syncDone`). */
class SyncedByTest extends FakeBackend {
  private listeners: ((p: SyncProgress) => void)[] = [];
  override onSyncProgress(handler: (p: SyncProgress) => void) {
    this.listeners.push(handler);
    return Promise.resolve(() => { this.listeners = this.listeners.filter((h) => h !== handler); });
  }
  syncDone(account: number, codes: number): void {
    for (const h of this.listeners) h({ account, phase: "done", done: codes, total: codes, error: null });
  }
}

/** A backend whose list answers wait until `release()` (to look at the window in between). */
class HeldAnswers extends SyncedByTest {
  hold = false;
  private held: (() => void)[] = [];
  override listCodes(query: CodeQuery): Promise<CodePage> {
    if (!this.hold) return super.listCodes(query);
    return new Promise((resolve) => this.held.push(() => resolve(super.listCodes(query))));
  }
  release(): void {
    for (const go of this.held.splice(0)) go();
  }
  releaseFirst(): void {
    this.held.shift()?.();
  }
}

/** A backend whose cache stays empty until `arrive()`, like a first sync the schedule starts. */
class ArrivingCodes extends SyncedByTest {
  arrived = false;
  override listCodes(query: CodeQuery): Promise<CodePage> {
    return this.arrived ? super.listCodes(query) : Promise.resolve({ total: 0, offset: query.offset, rows: [] });
  }
  arrive(account: number): void {
    this.arrived = true;
    this.syncDone(account, 40);
  }
}

/** Types `value` into an input as a person would (one input event). */
function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

let root: HTMLElement;

async function settle(ms = 0): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, ms));
    });
  }
}

function $(selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
}

beforeEach(() => {
  window.location.hash = "";
  root = document.createElement("div");
  document.body.appendChild(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe("App shell", () => {
  it("opens on the first-run screen with the three choices and the navigation", async () => {
    render(<App backend={new FakeBackend({ codeCount: 50, tickMs: 0 })} />, root);
    await settle();
    for (const id of ["#try-demo", "#add-account", "#print-csv", "#nav-library", "#nav-print", "#nav-accounts", "#nav-sync"]) {
      expect(root.querySelector(id), id).not.toBeNull();
    }
    expect($("h1").textContent).toBe("Welcome to QR Desk");
  });

  it("Try the demo leads to a virtualised library", async () => {
    render(<App backend={new FakeBackend({ codeCount: 5000, tickMs: 0 })} />, root);
    await settle();
    await act(() => $("#try-demo").click());
    await settle(5);
    expect(window.location.hash).toBe("#/library");
    expect($("#library-count").textContent).toBe("5,000 codes");
    const rows = root.querySelectorAll("#code-list [role=option]");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
  });

  it("the add-account form masks the key and detects the service from its prefix", async () => {
    window.location.hash = "#/accounts/add";
    render(<App backend={new FakeBackend({ codeCount: 10, tickMs: 0 })} />, root);
    await settle();
    const key = $("#account-key") as HTMLInputElement;
    expect(key.type).toBe("password");
    expect(key.getAttribute("autocomplete")).toBe("off");
    await act(() => typeInto(key, "sk_live_0123456789abcdef"));
    expect($("#account-key-hint").textContent).toContain("ExaRoutes live key");
    expect(root.querySelector("#account-client-id")).not.toBeNull();
    expect(root.querySelector("#account-workspace")).not.toBeNull();
  });

  it("refuses a javascript: destination in the code editor without queueing anything", async () => {
    const backend = new FakeBackend({ seeded: true, codeCount: 30, tickMs: 0 });
    window.location.hash = "#/code/30";
    render(<App backend={backend} />, root);
    await settle();
    const dest = $("#code-destination") as HTMLInputElement;
    await act(() => typeInto(dest, "javascript:alert(1)"));
    await act(() => $("#save-code").click());
    await settle();
    expect($("#code-destination-error").textContent).toMatch(/Only web addresses/);
    expect(await backend.listOutbox({ account: null, code: 30 })).toEqual([]);
  });

  it("the open library fills in when a sync it did not start brings codes (no visit to Sync)", async () => {
    const backend = new ArrivingCodes({ seeded: true, codeCount: 40, tickMs: 0 });
    window.location.hash = "#/library";
    render(<App backend={backend} />, root);
    await settle();
    expect($("#library-count").textContent).toBe("0 codes");
    expect($("#library-go-sync").textContent).toBe("Go to Sync");
    const [account] = await backend.listAccounts();
    if (!account) throw new Error("the seeded backend has no account");
    await act(() => backend.arrive(account.id));
    await settle();
    expect($("#library-count").textContent).toBe("40 codes");
    expect(root.querySelector("#code-list #row-0[data-code-id]")).not.toBeNull();
  });

  it("a new search keeps the rows on screen until its answer, then patches them in place", async () => {
    const backend = new HeldAnswers({ seeded: true, codeCount: 300, tickMs: 0 });
    window.location.hash = "#/library";
    render(<App backend={backend} />, root);
    await settle();
    const before = root.querySelector("#row-0");
    const firstName = $("#row-0-option").textContent;
    expect(before?.getAttribute("data-code-id")).not.toBeNull();
    backend.hold = true;
    const search = $("#library-search") as HTMLInputElement;
    await act(() => typeInto(search, "zzz-matches-nothing-but-waits"));
    await settle();
    expect(root.querySelector("#code-list .row-loading"), "no placeholders while the answer is on its way").toBeNull();
    expect($("#row-0-option").textContent).toBe(firstName);
    await act(async () => {
      typeInto(search, "");
      backend.release();
      await Promise.resolve();
    });
    backend.hold = false;
    backend.release();
    await settle();
    expect($("#library-count").textContent).toBe("300 codes");
    expect(root.querySelector("#row-0"), "the same element, patched").toBe(before);
  });

  it("a sync finishing while the library's first answer is on its way does not leave it loading", async () => {
    const backend = new HeldAnswers({ seeded: true, codeCount: 40, tickMs: 0 });
    backend.hold = true;
    window.location.hash = "#/library";
    render(<App backend={backend} />, root);
    await settle();
    expect($("#library-count").textContent).toBe("Loading codes…");
    await act(() => backend.syncDone(1, 1)); // the data changed: the library asks again
    await settle();
    await act(async () => {
      backend.releaseFirst(); // the answer asked before the change arrives first
      await Promise.resolve();
    });
    await settle();
    expect($("#library-count").textContent).toBe("40 codes");
    expect(root.querySelector("#row-0[data-code-id]")).not.toBeNull();
    backend.hold = false;
    backend.release();
    await settle();
    expect($("#library-count").textContent).toBe("40 codes");
  });
});
