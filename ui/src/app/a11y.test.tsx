// Focus and names across screens, with the in-memory backend: where focus lands after each piece
// of work, and what the repeated controls are called.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "./App";
import { FakeBackend } from "../platform/fake";

let root: HTMLElement;

async function settle(ms = 0, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, ms));
    });
  }
}

async function until(what: string, ok: () => boolean, tries = 40): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (ok()) return;
    await settle(5, 1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));

async function open(hash: string, codeCount = 60): Promise<FakeBackend> {
  window.location.hash = hash;
  const backend = new FakeBackend({ seeded: true, codeCount, tickMs: 0 });
  render(<App backend={backend} />, root);
  await settle();
  return backend;
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

describe("accounts", () => {
  it("names every row action after its account", async () => {
    await open("#/accounts");
    const names = [...root.querySelectorAll("#accounts-table button")].map((b) => b.getAttribute("aria-label"));
    expect(names).toContain("Remove Marketing");
    expect(names).toContain("Check Menus (test)");
    expect(names).toContain("Rotate key of Bakery group");
    expect(new Set(names).size).toBe(names.length);
  });

  it("the Remove confirmation opens on “Keep it”; Escape closes it and focus returns to its Remove button", async () => {
    await open("#/accounts");
    const remove = $("[data-account-id='1'] [data-action=remove]")!;
    remove.focus();
    await act(() => remove.click());
    expect(($("#remove-dialog") as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement?.id).toBe("keep-account");
    expect($("#confirm-remove")?.hasAttribute("data-destructive")).toBe(true);
    await act(() => { key(document.activeElement!, "Escape"); });
    expect($("#remove-dialog")).toBeNull();
    expect(document.activeElement).toBe($("[data-account-id='1'] [data-action=remove]"));
  });

  it("after removing, focus goes to the result, not to the page", async () => {
    await open("#/accounts");
    await act(() => $("[data-account-id='2'] [data-action=remove]")!.click());
    await act(() => $("#confirm-remove")!.click());
    await until("the account removed", () => $("[data-account-id='2']") === null && $("#accounts-notice") !== null);
    expect(document.activeElement?.id).toBe("accounts-notice");
  });

  it("the rotation wizard: focus on the key field, then on the next step's title; Escape returns to Rotate key", async () => {
    await open("#/accounts");
    const rotate = $("[data-account-id='1'] [data-action=rotate]")!;
    await act(() => rotate.click());
    await until("the key step", () => $("#rotation-wizard form[data-step=enter_key]") !== null);
    expect(document.activeElement?.id).toBe("rotation-key");
    const input = $("#rotation-key") as HTMLInputElement;
    await act(() => {
      input.value = "sk_live_0123456789abcdefNEWKEY1";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(() => $("#wizard-next")!.click());
    await until("the next step", () => $("#rotation-wizard form[data-step=verify]") !== null);
    await settle();
    expect(document.activeElement?.id).toBe("wizard-step-title");
    await act(() => { key(document.activeElement!, "Escape"); });
    expect($("#rotation-wizard")).toBeNull();
    expect(document.activeElement).toBe($("[data-account-id='1'] [data-action=rotate]"));
  });
});

describe("library", () => {
  it("names a row by its code once, describes the rest, and keeps controls out of the options", async () => {
    await open("#/library");
    await until("rows", () => $("#row-0[data-code-id]") !== null);
    const row = $("#row-0")!;
    const option = row.querySelector<HTMLElement>("[role=option]")!;
    expect(option.id).toBe("row-0-option");
    expect(option.getAttribute("aria-label")).toBeNull();
    const name = option.textContent!;
    expect(name.length).toBeGreaterThan(0);
    expect(row.querySelector(".row-dest")?.getAttribute("aria-hidden")).toBe("true");
    expect(row.querySelectorAll("input, button, a, [tabindex]").length).toBe(0);
    const desc = document.getElementById(option.getAttribute("aria-describedby")!)!.textContent!;
    expect(desc).not.toContain(name);
    expect(desc).toContain("short link");
    expect($("#code-list")!.getAttribute("aria-activedescendant")).toBe("row-0-option");
  });

  it("coming back from a code lands on the same row", async () => {
    await open("#/library");
    await until("rows", () => $("#row-0[data-code-id]") !== null);
    const list = $("#code-list")!;
    list.focus();
    for (let i = 0; i < 5; i++) await act(() => { key(list, "ArrowDown"); });
    expect(list.getAttribute("aria-activedescendant")).toBe("row-5-option");
    await act(() => { key(list, "Enter"); });
    await until("the code", () => $("#code-name") !== null);
    await act(() => (root.querySelector(".back") as HTMLElement).click());
    await until("the library", () => $("#code-list") !== null);
    await settle(20);
    expect($("#code-list")!.getAttribute("aria-activedescendant")).toBe("row-5-option");
    expect(document.activeElement?.id).toBe("code-list");
  });
});

describe("sync", () => {
  it("names Sync and outbox buttons after what they act on", async () => {
    await open("#/sync");
    await until("the outbox", () => root.querySelector(".outbox-item") !== null);
    const sync = [...root.querySelectorAll("#sync-table [data-action=sync]")].map((b) => b.getAttribute("aria-label"));
    expect(sync).toContain("Sync Marketing");
    const discard = [...root.querySelectorAll("[data-action=discard]")].map((b) => b.getAttribute("aria-label")!);
    expect(discard.length).toBeGreaterThan(1);
    expect(new Set(discard).size).toBe(discard.length);
    for (const n of discard) expect(n).toMatch(/^Discard the change to /);
  });

  it("after Discard, focus goes to the result", async () => {
    await open("#/sync");
    await until("the outbox", () => root.querySelector(".outbox-item") !== null);
    const first = root.querySelector<HTMLElement>(".outbox-item [data-action=discard]")!;
    const id = first.closest<HTMLElement>(".outbox-item")!.dataset.entryId;
    first.focus();
    first.click();
    // Plain waiting (not inside act(), which holds renders back until it ends): the rendering and
    // the frame come in the order a browser has them.
    for (let i = 0; i < 40 && document.activeElement?.id !== "sync-notice"; i++) await new Promise((r) => setTimeout(r, 10));
    expect(root.querySelector(`.outbox-item[data-entry-id="${id}"]`)).toBeNull();
    expect(document.activeElement?.id).toBe("sync-notice");
  });
});
