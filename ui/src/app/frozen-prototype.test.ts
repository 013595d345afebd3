// The UI with Object.prototype frozen, as Tauri's `freezePrototype: true` runs it (see
// frozen-prototype.ts). Own file: the freeze below cannot be undone and lasts for the rest of this
// test file's worker, so nothing here is restored. Plain `.ts` without JSX, and everything but
// vitest is imported only after the freeze, as in the window, where the freeze runs before any of
// our scripts (JSX would import preact/jsx-runtime, and with it preact, before the freeze).
import { describe, expect, it } from "vitest";
import type { ComponentChildren } from "preact"; // types only: erased, loads nothing

Object.freeze(Object.prototype);

const { Fragment, h, options, render } = await import("preact");
const { useState } = await import("preact/hooks");
const { act } = await import("preact/test-utils");

const READ_ONLY_CONSTRUCTOR = /read.only property 'constructor'|readonly property/i;

function Counter() {
  const [n, setN] = useState(0);
  return h("button", { id: "count", onClick: () => setN(n + 1) }, `clicked ${n}`);
}

/** Returns an unkeyed fragment: Preact clones its children (cloneNode). */
function Pair({ word }: { word: string }) {
  return h(Fragment, null, h("b", null, word), h("i", null, `${word}!`));
}

let bumpBox: () => void = () => undefined;

/** Re-renders on its own and keeps showing the `children` vnodes it was given once. */
function Box({ children }: { children?: ComponentChildren }) {
  const [n, setN] = useState(0);
  bumpBox = () => setN((v) => v + 1);
  return h("section", { "data-renders": n }, children);
}

function freshRoot(): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  return root;
}

async function settle(ms = 0, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, ms));
    });
  }
}

async function until(what: string, ok: () => boolean, tries = 60): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (ok()) return;
    await settle(5, 1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("with Object.prototype frozen", () => {
  it("the prototype is frozen in this file", () => {
    expect(Object.isFrozen(Object.prototype)).toBe(true);
  });

  // Without the workaround (not installed yet): what stopped the bundle. If these two stop
  // throwing after a Preact upgrade (Preact 11 fixed it, preactjs/preact#5195), remove
  // frozen-prototype.ts, its call in main.tsx and these two cases.
  it("without the workaround, Preact 10 throws on the first state update", () => {
    const root = freshRoot();
    let flush: (() => void) | null = null;
    options.debounceRendering = (cb) => { flush = cb; };
    try {
      render(h(Counter, null), root);
      expect(root.textContent).toBe("clicked 0");
      root.querySelector<HTMLButtonElement>("#count")!.click();
      expect(flush).not.toBeNull();
      expect(() => flush!()).toThrow(READ_ONLY_CONSTRUCTOR);
      expect(root.textContent).toBe("clicked 0");
    } finally {
      options.debounceRendering = undefined;
    }
  });

  it("without the workaround, Preact 10 throws rendering a component that returns <>…</>", () => {
    expect(() => render(h(Pair, { word: "hi" }), freshRoot())).toThrow(READ_ONLY_CONSTRUCTOR);
  });

  it("with the workaround, state updates and fragments render", async () => {
    const { installFrozenPrototypeSupport } = await import("./frozen-prototype");
    installFrozenPrototypeSupport();
    installFrozenPrototypeSupport(); // a second call changes nothing

    const root = freshRoot();
    render(h("div", null, h(Counter, null), h(Pair, { word: "a" }), h(Fragment, null, [h(Pair, { key: "x", word: "b" }), "tail"])), root);
    expect(root.innerHTML).toBe('<div><button id="count">clicked 0</button><b>a</b><i>a!</i><b>b</b><i>b!</i>tail</div>');
    for (let i = 0; i < 3; i++) {
      await act(() => root.querySelector<HTMLButtonElement>("#count")!.click());
    }
    expect(root.querySelector("#count")!.textContent).toBe("clicked 3");
    render(h("div", null, h(Counter, null), h(Pair, { word: "c" })), root);
    expect(root.innerHTML).toBe('<div><button id="count">clicked 3</button><b>c</b><i>c!</i></div>');
    render(null, root);
    expect(root.innerHTML).toBe("");

    // A child vnode shown again by a parent that re-renders alone is re-created by Preact
    // without options.vnode; its own state updates must work afterwards too.
    render(h(Box, null, h(Counter, null)), root);
    await act(() => bumpBox());
    await act(() => bumpBox());
    await act(() => root.querySelector<HTMLButtonElement>("#count")!.click());
    expect(root.innerHTML).toBe('<section data-renders="2"><button id="count">clicked 1</button></section>');
    render(null, root);
  });

  it("the app opens, and the library, a code, accounts, sync, print, styles, designs, history and campaigns work", async () => {
    const { App } = await import("./App");
    const { FakeBackend } = await import("../platform/fake");
    const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
    const backend = new FakeBackend({ seeded: true, codeCount: 60, tickMs: 0 });
    window.location.hash = "";
    const root = freshRoot();
    render(h(App, { backend }), root);
    await settle();

    // Library (the seeded demo has accounts, so it opens there): rows, search, selection.
    await until("the library", () => $("#library-count") !== null);
    expect($("#library-count")!.textContent).toBe("60 codes");
    expect(root.querySelectorAll("#code-list [role=option]").length).toBeGreaterThan(0);
    await until("a QR preview", () => root.querySelector("#code-list svg.qr") !== null);
    const search = $("#library-search") as HTMLInputElement;
    await act(() => {
      search.value = "zzzz-nothing-matches";
      search.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await until("the search to apply", () => $("#library-count")!.textContent !== "60 codes");
    await act(() => {
      search.value = "";
      search.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await until("the search to clear", () => $("#library-count")!.textContent === "60 codes");
    await act(() => root.querySelector<HTMLElement>("#code-list .col-check")!.click());
    expect($("#print-selected")).not.toBeNull();

    // A code: edit its destination and save it; the change waits in the outbox.
    await act(() => { window.location.hash = "#/code/30"; window.dispatchEvent(new HashChangeEvent("hashchange")); });
    await until("the code editor", () => $("#code-destination") !== null);
    const dest = $("#code-destination") as HTMLInputElement;
    await act(() => {
      dest.value = "https://example.com/frozen";
      dest.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(() => $("#save-code")!.click());
    await settle();
    expect((await backend.listOutbox({ account: null, code: 30 })).length).toBeGreaterThan(0);

    // Accounts: the table and the Remove confirmation.
    await act(() => $("#nav-accounts")!.click());
    await until("the accounts table", () => $("#accounts-table") !== null);
    await act(() => $("[data-account-id='1'] [data-action=remove]")!.click());
    await until("the remove dialog", () => $("#confirm-remove") !== null);
    await act(() => $("#keep-account")!.click());
    await until("the dialog to close", () => $("#confirm-remove") === null);

    // Sync: sync every account.
    await act(() => $("#nav-sync")!.click());
    await until("the sync screen", () => $("#sync-all") !== null);
    await act(() => $("#sync-all")!.click());
    await settle(5);
    await until("the sync to finish", () => $("#sync-all") !== null);

    // Print: rows pasted as CSV.
    await act(() => { window.location.hash = "#/print?source=csv"; window.dispatchEvent(new HashChangeEvent("hashchange")); });
    await until("the print screen", () => $("#csv-text") !== null);
    const csv = $("#csv-text") as HTMLTextAreaElement;
    await act(() => {
      csv.value = "url,caption\nhttps://example.com/a,Alpha\nhttps://example.com/b,Beta\n";
      csv.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(() => $("#csv-use-text")!.click());
    await until("the CSV summary", () => $("#csv-summary") !== null);
    expect($("#csv-summary")!.textContent).toMatch(/2/);

    // Styles: the demo style's live proof follows an edit.
    await act(() => $("#nav-styles")!.click());
    const badge = () => $("[data-testid=style-badge]")?.textContent ?? "";
    await until("the style's proof", () => badge() === "Scans");
    const dark = $("#style-dark") as HTMLInputElement;
    await act(() => {
      dark.value = "cmyk:0,0,0,15";
      dark.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await until("the pale ink's proof", () => badge() === "Does not scan");

    // Designs: add a field, move it up; the preview follows.
    await act(() => $("#nav-designs")!.click());
    await until("the design's preview", () => $("#design-preview-image") !== null);
    await act(() => $("#design-add-field")!.click());
    const third = $("#design-field-3-text") as HTMLInputElement;
    await act(() => {
      third.value = "{id}";
      third.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(() => $("#design-field-3-up")!.click());
    expect(($("#design-field-2-text") as HTMLInputElement).value).toBe("{id}");

    // History: a printed job, reprinted.
    const { defaultPrintOptions } = await import("../logic/print-options");
    await backend.printRun({ source: { kind: "csv", text: "url\nhttps://example.com/a\nhttps://example.com/b\n", mapping: { content: "url", caption: null } }, options: defaultPrintOptions() });
    await act(() => $("#nav-history")!.click());
    await until("the job", () => $("[data-job-id='1'] [data-action=reprint]") !== null);
    await act(() => $("[data-job-id='1'] [data-action=reprint]")!.click());
    await act(() => $("#reprint-go")!.click());
    await until("the reprint", () => $("#reprint-result") !== null);

    // Campaigns: pasted rows previewed, created and printed, then the campaign sorted by scans.
    await act(() => { window.location.hash = "#/campaigns/new"; window.dispatchEvent(new HashChangeEvent("hashchange")); });
    await until("the campaign form", () => $("#campaign-rows") !== null);
    const rows = $("#campaign-rows") as HTMLTextAreaElement;
    await act(() => {
      rows.value = "table,url\nTable 1,https://example.com/t1\nTable 2,https://example.com/t2\n";
      rows.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await until("the campaign preview", () => $("#campaign-preview-first") !== null && !($("#campaign-create") as HTMLButtonElement).disabled, 300);
    await act(() => $("#campaign-create")!.click());
    await until("the campaign outcome", () => $("#campaign-open") !== null);
    await act(() => $("#campaign-open")!.click());
    await until("the campaign", () => $("#campaign-sort-scans") !== null);
    await act(() => $("#campaign-sort-scans")!.click());
    expect($("#campaign-sort-scans")!.closest("th")!.getAttribute("aria-sort")).toBe("descending");

    render(null, root);
    root.remove();
  });
});
