import { describe, expect, it } from "vitest";
import { render } from "preact";
import { useState } from "preact/hooks";
import { act } from "preact/test-utils";
import { Dialog } from "./Dialog";
import { domRoot } from "../testing/dom-root";

const dom = domRoot();

/** A screen with one button opening a confirmation, as the accounts screen has. */
function Screen({ removeOpener = false }: { removeOpener?: boolean }) {
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const [gone, setGone] = useState(false);
  return (
    <div>
      <h1 id="title" tabIndex={-1}>Accounts</h1>
      {!gone && <button id="open" type="button" onClick={(e) => setOpener(e.currentTarget)}>Remove Marketing</button>}
      {opener && (
        <Dialog id="confirm" role="alertdialog" labelledBy="confirm-title" opener={opener} fallback={() => document.getElementById("title")}
          onClose={() => { if (removeOpener) setGone(true); setOpener(null); }} head={<h2 id="confirm-title">Remove “Marketing”?</h2>}>
          <button id="remove" type="button" data-destructive>Remove account</button>
          <button id="keep" type="button" onClick={() => setOpener(null)}>Keep it</button>
        </Dialog>
      )}
    </div>
  );
}

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel);

describe("Dialog", () => {
  it("opens modal, named by its heading, with focus on the safe choice", async () => {
    render(<Screen />, dom.root);
    await act(() => $("#open")!.click());
    const d = $("#confirm") as HTMLDialogElement;
    expect(d.open).toBe(true);
    expect(d.getAttribute("role")).toBe("alertdialog");
    expect(d.getAttribute("aria-labelledby")).toBe("confirm-title");
    expect(document.activeElement?.id).toBe("keep");
  });

  it("closes on Escape and gives focus back to the button that opened it", async () => {
    render(<Screen />, dom.root);
    $("#open")!.focus();
    await act(() => $("#open")!.click());
    await act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    });
    expect($("#confirm")).toBeNull();
    expect(document.activeElement?.id).toBe("open");
  });

  it("“Keep it” also returns focus to the opener, not to the page", async () => {
    render(<Screen />, dom.root);
    await act(() => $("#open")!.click());
    await act(() => $("#keep")!.click());
    expect($("#confirm")).toBeNull();
    expect(document.activeElement?.id).toBe("open");
  });

  it("falls back when the opener is gone", async () => {
    render(<Screen removeOpener />, dom.root);
    await act(() => $("#open")!.click());
    await act(() => {
      $("#keep")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    });
    expect($("#open")).toBeNull();
    expect(document.activeElement?.id).toBe("title");
  });
});
