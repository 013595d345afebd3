// The Designs page with the in-memory backend: the live preview follows the form (debounced, only
// the latest answer shown), fields are added, moved and removed with focus kept and the change
// said, the checks stop the preview or Save with a sentence, saving and removing; and the Print
// page's Label design picker.
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../app/App";
import { RULES } from "../bindings/current-rules";
import { FakeBackend } from "../platform/fake";
import type { DesignPreview, DesignPreviewRequest, PrintRequest } from "../platform/types";
import { domRoot } from "../testing/dom-root";
import { settle, until } from "../testing/settle";

const dom = domRoot();

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel);
const value = (sel: string) => ($(sel) as HTMLInputElement | HTMLSelectElement | null)?.value;
const text = (sel: string) => $(sel)?.textContent ?? "";
const disabled = (sel: string) => ($(sel) as HTMLButtonElement | HTMLSelectElement | HTMLInputElement).disabled;

async function type(sel: string, v: string): Promise<void> {
  const el = $(sel) as HTMLInputElement;
  await act(() => {
    el.value = v;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function choose(sel: string, v: string): Promise<void> {
  const el = $(sel) as HTMLSelectElement;
  await act(() => {
    el.value = v;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function click(sel: string): Promise<void> {
  await act(() => $(sel)!.click());
}

/** Records every preview the page asks for. */
class Watched extends FakeBackend {
  readonly asked: DesignPreviewRequest[] = [];
  override previewDesign(request: DesignPreviewRequest): Promise<DesignPreview> {
    this.asked.push(request);
    return super.previewDesign(request);
  }
}

async function open(hash: string, backend: FakeBackend = new Watched({ seeded: true, codeCount: 40, tickMs: 0 })) {
  window.location.hash = hash;
  render(<App backend={backend} />, dom.root);
  await settle();
  return backend;
}

const previewShown = () => $("#design-preview-image")?.getAttribute("src")?.startsWith("data:image/svg+xml") === true;
const fieldTexts = () => [...dom.root.querySelectorAll<HTMLInputElement>(".design-field input[id$='-text']")].map((i) => i.value);

beforeEach(() => {
  window.location.hash = "";
});

describe("Designs page", () => {
  it("opens on the demo design with Rust's preview, and is in the menu after Styles", async () => {
    await open("#/designs");
    const nav = [...dom.root.querySelectorAll("#nav-list a")].map((a) => a.id);
    expect(nav.indexOf("nav-designs")).toBe(nav.indexOf("nav-styles") + 1);
    expect(nav.indexOf("nav-history")).toBe(nav.indexOf("nav-designs") + 1);
    expect($("#nav-designs")?.getAttribute("aria-current")).toBe("page");
    await until("the demo design", () => value("#design-name") === "Shelf label");
    expect($("[data-design-name='Shelf label'] [data-action=edit]")?.getAttribute("aria-current")).toBe("true");
    expect($("[data-design-name='Shelf label'] [data-action=remove]")?.getAttribute("aria-label")).toBe("Remove Shelf label");
    expect(fieldTexts()).toEqual(["{name}", "No. {serial:04}"]);
    expect(value("#design-code-size")).toBe("");
    expect(($("#design-code-size") as HTMLInputElement).placeholder).toBe("Automatic");
    await until("the preview", previewShown);
    expect(($("#design-preview-image") as HTMLImageElement).alt).toBe("Preview of the design Shelf label on page 1 of Avery L7160 (A4, 21 labels), filled with sample rows");
    expect(text("#design-sample-columns")).toBe("Sample rows have the columns {name}, {url}, {id}.");
    expect(value("#opt-layout")).toBe("avery-l7160");
    expect($("#design-preview-status")?.getAttribute("role")).toBe("status");
  });

  it("a new design with three fields: focus follows each new field, the preview follows the form, Save adds it", async () => {
    const backend = (await open("#/designs")) as Watched;
    await until("the preview", previewShown);
    await click("#design-new");
    expect(document.activeElement?.id).toBe("design-name");
    expect($("#design-form-title")?.textContent).toBe("New design");
    expect(fieldTexts()).toEqual(["{name}"]);
    expect(disabled("#design-save")).toBe(true);
    expect(text("#design-save-why")).toBe("Give the design a name to save it.");

    await type("#design-name", "Jam jars");
    await type("#design-code-size", "24");
    await click("#design-field-1-bold");
    await click("#design-add-field");
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("design-field-2-text");
    expect(text("#designs-said")).toBe("Field 2 added.");
    expect(text("#design-save-why")).toBe("Field 2 has no text. Type its text, or remove it.");
    await type("#design-field-2-text", "Keep cool and dry. Best before: see lid.");
    await choose("#design-field-2-anchor", "box");
    expect(value("#design-field-2-x")).toBe("2");
    await type("#design-field-2-x", "30");
    await type("#design-field-2-y", "20");
    await type("#design-field-2-width", "31");
    await type("#design-field-2-height", "15");
    await choose("#design-field-2-fit", "wrap");
    await type("#design-field-2-size", "8");
    await click("#design-add-field");
    await type("#design-field-3-text", "No. {serial:04}");
    await choose("#design-field-3-align", "right");
    expect(text("#design-fields-count")).toBe(`3 of at most ${RULES.design.max_fields}`);
    expect(disabled("#design-save")).toBe(false);

    await until("the preview of the three fields", () => backend.asked.at(-1)?.draft.fields.length === 3 && previewShown());
    expect(backend.asked.at(-1)).toEqual({
      layout: "avery-l7160",
      draft: {
        name: "Jam jars", code_position: "left", code_size_mm: 24,
        fields: [
          expect.objectContaining({ text: "{name}", anchor: "right_of_code", bold: true, x_mm: null }),
          expect.objectContaining({ text: "Keep cool and dry. Best before: see lid.", anchor: "box", x_mm: 30, y_mm: 20, width_mm: 31, height_mm: 15, fit: "wrap", font_size: 8 }),
          expect.objectContaining({ text: "No. {serial:04}", align: "right", anchor: "right_of_code" }),
        ],
      },
    });

    await click("#design-save");
    await until("the saved design in the list", () => $("[data-design-name='Jam jars']") !== null);
    expect(text("#design-saved")).toMatch(/“Jam jars” is saved\. Choose it under Label design on the Print page\./);
    expect($("#design-form-title")?.textContent).toBe("Edit “Jam jars”");
    const saved = (await backend.listDesigns()).find((d) => d.name === "Jam jars")!;
    expect(saved.fields.map((f) => [f.text, f.anchor, f.bold, f.align])).toEqual([
      ["{name}", "right_of_code", true, "left"],
      ["Keep cool and dry. Best before: see lid.", "box", false, "left"],
      ["No. {serial:04}", "right_of_code", false, "right"],
    ]);
  });

  it("asks for one preview after a burst of typing, and a new one for another sheet", async () => {
    const backend = (await open("#/designs")) as Watched;
    await until("the preview", previewShown);
    const before = backend.asked.length;
    for (const t of ["{na", "{name", "{name}", "{name} —", "{name} — {id}"]) await type("#design-field-1-text", t);
    await settle(250, 2);
    expect(backend.asked.length).toBe(before + 1);
    expect(backend.asked.at(-1)?.draft.fields[0]?.text).toBe("{name} — {id}");
    await choose("#opt-layout", "avery-l7163");
    await until("the other sheet", () => backend.asked.at(-1)?.layout === "avery-l7163");
  });

  it("moves and removes fields, keeping focus on the field and saying what happened", async () => {
    await open("#/designs");
    await until("the demo design", () => fieldTexts().length === 2);
    $("#design-field-2-up")!.focus();
    await click("#design-field-2-up");
    await settle(20, 2);
    expect(fieldTexts()).toEqual(["No. {serial:04}", "{name}"]);
    expect(text("#designs-said")).toBe("Field 2 moved up: it is now field 1.");
    // At the top, Move up is off: focus goes to the field's Move down.
    expect(disabled("#design-field-1-up")).toBe(true);
    expect(document.activeElement?.id).toBe("design-field-1-down");
    expect($("#design-field-1-down")?.getAttribute("aria-label")).toBe("Move down field 1");

    await click("#design-field-1-remove");
    await settle(20, 2);
    expect(fieldTexts()).toEqual(["{name}"]);
    expect(text("#designs-said")).toBe("Field 1 removed.");
    expect(document.activeElement?.id).toBe("design-field-1-text");
    await click("#design-field-1-remove");
    await settle(20, 2);
    expect(fieldTexts()).toEqual([]);
    expect(document.activeElement?.id).toBe("design-add-field");
  });

  it("stops the preview on a bad number or template, with the sentence by the control", async () => {
    const backend = (await open("#/designs")) as Watched;
    await until("the preview", previewShown);
    const before = backend.asked.length;
    await type("#design-field-1-size", String(RULES.design.max_font_pt + 1));
    expect(text("#design-field-1-size-error")).toBe(`The font size is from ${RULES.design.min_font_pt} to ${RULES.design.max_font_pt} pt.`);
    expect($("#design-field-1-size")?.getAttribute("aria-describedby")).toBe("design-field-1-size-error");
    expect($("#design-preview-image")).toBeNull();
    expect(text(".design-preview .preview-empty")).toBe("Correct the highlighted fields to see the preview.");
    expect(text("#design-save-why")).toBe("Correct the highlighted fields to save.");
    await type("#design-field-1-size", "11");
    await type("#design-field-1-text", "{name");
    expect(text("#design-field-1-text-error")).toMatch(/has no “}”/);
    await settle(250, 2);
    expect(backend.asked.length).toBe(before);
    await type("#design-field-1-text", "{name}");
    await until("the preview again", previewShown);
  });

  it("refuses another design's name in any case", async () => {
    await open("#/designs");
    await until("the demo design", () => value("#design-name") === "Shelf label");
    await click("#design-new");
    await type("#design-name", "SHELF LABEL");
    expect(text("#design-name-error")).toBe("Another design is already called “Shelf label”. Choose another name.");
    expect(disabled("#design-save")).toBe(true);
  });

  it("shows Rust's warnings when a field is cut short", async () => {
    await open("#/designs");
    await until("the preview", previewShown);
    await type("#design-field-2-text", "No. {serial:04} — a very long text that cannot possibly fit on a single line beside the code");
    await until("the warning", () => $("#design-warnings") !== null);
    expect(text("#design-warnings")).toMatch(/Field 2 .* is cut short/);
    expect(text("#design-preview-status")).toMatch(/worth knowing/);
  });

  it("Remove asks first, opens on “Keep it”, and then removes", async () => {
    const backend = await open("#/designs");
    await until("the demo design", () => $("[data-design-name='Shelf label']") !== null);
    await click("[data-design-name='Shelf label'] [data-action=remove]");
    expect(($("#remove-design-dialog") as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement?.id).toBe("keep-design");
    expect(text("#remove-design-text")).toMatch(/Labels already printed with it stay as they are/);
    await click("#keep-design");
    expect($("#remove-design-dialog")).toBeNull();
    expect(await backend.listDesigns()).toHaveLength(1);

    await click("[data-design-name='Shelf label'] [data-action=remove]");
    await click("#confirm-remove-design");
    await until("the design removed", () => $("[data-design-name='Shelf label']") === null);
    expect(await backend.listDesigns()).toEqual([]);
    expect(text("#designs-notice")).toMatch(/“Shelf label” was removed/);
    expect($("#design-form-title")?.textContent).toBe("New design");
  });
});

describe("Print: the Label design picker", () => {
  it("choosing a design disables the caption and code size with a note, and prints with it", async () => {
    const backend = await open("#/print?source=search");
    await until("the designs", () => $("#opt-design option[value='Shelf label']") !== null);
    expect(value("#opt-design")).toBe("");
    expect(disabled("#opt-caption")).toBe(false);
    await choose("#opt-design", "Shelf label");
    expect(disabled("#opt-caption")).toBe(true);
    expect(text("#opt-caption-hint")).toBe("The design's fields replace the caption.");
    expect($("#opt-caption")?.getAttribute("aria-describedby")).toBe("opt-caption-hint");
    expect(disabled("#opt-size_mm")).toBe(true);
    expect(text("#opt-size_mm-hint")).toBe("The design sets the code's size.");
    const seen: PrintRequest[] = [];
    const run = backend.printRun.bind(backend);
    backend.printRun = async (request) => { seen.push(request); return run(request); };
    await until("the preview", () => $("#print-preview-image") !== null);
    await until("Save as PDF", () => !disabled("#print-run"));
    await click("#print-run");
    await until("the PDF", () => $("#print-result") !== null);
    expect(seen.map((r) => [r.options.design, r.options.size_mm])).toEqual([["Shelf label", 0]]);
    const jobs = await backend.listPrintJobs();
    expect(jobs[0]).toMatchObject({ design: "Shelf label" });
  });

  it("after the PDF, Print… sends it to the default printer and says CUPS's job id", async () => {
    await open("#/print?source=search");
    await until("Save as PDF", () => $("#print-run") !== null && !disabled("#print-run"));
    await click("#print-run");
    await until("Print…", () => $("#print-to-printer") !== null);
    expect($("#print-to-printer")?.getAttribute("aria-label")).toBe("Print the PDF");
    await click("#print-to-printer");
    expect(($("#send-dialog") as HTMLDialogElement).open).toBe(true);
    await until("the printers", () => $("#send-printer") !== null);
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("send-printer");
    expect(value("#send-printer")).toBe("Office_Laser");
    expect(text("#send-printer-hint")).toBe("Paper in the printer: A4.");
    await choose("#send-printer", "Label_Printer");
    expect(text("#send-printer-hint")).toBe("Paper in the printer: Letter.");
    await type("#send-copies", "100");
    expect(text("#send-copies-error")).toBe("Print 1 to 99 copies.");
    expect(disabled("#send-go")).toBe(true);
    await type("#send-copies", "2");
    await click("#send-go");
    await until("the job", () => $("#send-result") !== null);
    expect(text("#send-result")).toMatch(/^Sent to Label_Printer as job Label_Printer-\d+ \(2 copies\)\./);
    expect(text("#send-warnings")).toMatch(/A4 paper but Label_Printer holds Letter/);
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("send-result");
    await click("#send-close");
    expect($("#send-dialog")).toBeNull();
    expect(document.activeElement?.id).toBe("print-to-printer");
  });

  it("with no printing system, there is no Print… and a sentence says why", async () => {
    await open("#/print?source=search", new FakeBackend({ seeded: true, codeCount: 40, tickMs: 0, noPrinting: true }));
    await until("Save as PDF", () => $("#print-run") !== null && !disabled("#print-run"));
    await click("#print-run");
    await until("the PDF", () => $("#print-result") !== null);
    await settle();
    expect($("#print-to-printer")).toBeNull();
    expect(text("#print-unavailable")).toMatch(/No printing system/);
  });
});
