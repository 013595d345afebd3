// The Print page's printer profile picker with the in-memory backend: the saved profiles in words,
// choosing one names it in the preview and the print and hides the two shifts, and with none saved
// (or none listable) the picker still says how to make one.
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../app/App";
import { FakeBackend } from "../platform/fake";
import type { PrintRequest } from "../platform/types";
import { domRoot } from "../testing/dom-root";
import { settle, until } from "../testing/settle";

const dom = domRoot();

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel);
const select = () => $("#opt-printer-profile") as HTMLSelectElement;
const optionTexts = () => [...select().options].map((o) => [o.value, o.textContent]);

async function choose(sel: string, value: string): Promise<void> {
  const el = $(sel) as HTMLSelectElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function type(sel: string, value: string): Promise<void> {
  const el = $(sel) as HTMLInputElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Opens Print on the library's codes, recording every preview request. */
async function openPrint(backend = new FakeBackend({ seeded: true, codeCount: 40, tickMs: 0 })): Promise<{ backend: FakeBackend; previews: PrintRequest[] }> {
  const previews: PrintRequest[] = [];
  const preview = backend.printPreview.bind(backend);
  backend.printPreview = (request) => { previews.push(request); return preview(request); };
  window.location.hash = "#/print?source=search";
  render(<App backend={backend} />, dom.root);
  await settle();
  return { backend, previews };
}

beforeEach(() => {
  window.location.hash = "";
});

describe("Print: printer profile", () => {
  it("lists the saved profiles in words after None, with the shifts shown", async () => {
    await openPrint();
    await until("the profiles", () => select()?.options.length === 3);
    expect(dom.root.querySelector("label[for=opt-printer-profile]")?.textContent).toBe("Printer profile");
    expect(optionTexts()).toEqual([
      ["", "None — use the shifts below"],
      ["Office inkjet", "Office inkjet (0.3 mm left, 0.5 mm down, scale 1 across, 1.002 down)"],
      ["Shop laser", "Shop laser (0.4 mm right, 0.6 mm up, scale 0.998)"],
    ]);
    expect(select().value).toBe("");
    expect(select().getAttribute("aria-describedby")).toBe("opt-printer-profile-hint");
    expect($("#opt-printer-profile-hint")?.textContent).toMatch(/saved profile corrects/);
    expect($("#opt-offset_x_mm")).not.toBeNull();
    expect($("#opt-offset_y_mm")).not.toBeNull();
  });

  it("choosing one names it in the preview and the print and hides the shifts; None brings them back", async () => {
    const { backend, previews } = await openPrint();
    await until("the profiles", () => select()?.options.length === 3);
    await until("the first preview", () => $("#print-preview-image") !== null);
    expect(previews.at(-1)?.options.printer_profile).toBeNull();

    // A shift out of range blocks the preview while it is shown...
    await type("#opt-offset_x_mm", "500");
    expect($("#opt-offset_x_mm-error")).not.toBeNull();
    await choose("#opt-printer-profile", "Shop laser");
    // ...but not once a profile replaces it.
    expect($("#opt-offset_x_mm")).toBeNull();
    expect($("#opt-offset_y_mm")).toBeNull();
    expect($("#opt-printer-profile-hint")?.textContent)
      .toBe("The profile's offset and scale are used. Make one with qrdesk print calibration, then qrdesk print profile save.");
    await until("a preview with the profile", () => previews.at(-1)?.options.printer_profile === "Shop laser");
    expect(previews.at(-1)?.options).toMatchObject({ printer_profile: "Shop laser", offset_x_mm: 0, offset_y_mm: 0 });

    const printed: PrintRequest[] = [];
    const run = backend.printRun.bind(backend);
    backend.printRun = async (request) => { printed.push(request); return run(request); };
    await until("Save as PDF", () => !($("#print-run") as HTMLButtonElement).disabled);
    await act(() => $("#print-run")!.click());
    await until("the PDF", () => $("#print-result") !== null);
    expect(printed.map((r) => r.options.printer_profile)).toEqual(["Shop laser"]);

    await choose("#opt-printer-profile", "");
    expect(($("#opt-offset_x_mm") as HTMLInputElement).value).toBe("500");
    expect($("#opt-offset_x_mm-error")).not.toBeNull();
  });

  it("with no profile saved, or none listable, offers None only and says how to make one", async () => {
    for (const list of [async () => [], () => Promise.reject(new Error("unknown command list_printer_profiles"))]) {
      const backend = new FakeBackend({ seeded: true, codeCount: 20, tickMs: 0 });
      backend.listPrinterProfiles = list;
      await openPrint(backend);
      await until("the picker", () => select() !== null);
      expect(optionTexts()).toEqual([["", "None — use the shifts below"]]);
      expect(select().getAttribute("aria-describedby")).toBe("opt-printer-profile-hint");
      expect($("#opt-printer-profile-hint")?.textContent)
        .toBe("No printer profile is saved yet. Make one with qrdesk print calibration, then qrdesk print profile save.");
      expect($("#opt-offset_x_mm")).not.toBeNull();
      await until("the preview", () => $("#print-preview-image") !== null);
      render(null, dom.root);
    }
  });
});
