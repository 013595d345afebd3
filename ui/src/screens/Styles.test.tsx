// The Styles page with the in-memory backend: editing a style shows Rust's (here the fake's) live
// proof, only the latest proof is shown, saving and removing, the logo picker's refusals, and the
// Style pickers of Print and a code.
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../app/App";
import { RULES } from "../bindings/current-rules";
import { FakeBackend } from "../platform/fake";
import type { ExportRequest, StylePreviewRequest, StyleProof } from "../platform/types";
import { domRoot } from "../testing/dom-root";
import { settle, until } from "../testing/settle";

const dom = domRoot();

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel);
const badge = () => $("[data-testid=style-badge]")?.textContent ?? "";

async function type(sel: string, value: string): Promise<void> {
  const el = $(sel) as HTMLInputElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function choose(sel: string, value: string): Promise<void> {
  const el = $(sel) as HTMLSelectElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function open(hash: string, backend = new FakeBackend({ seeded: true, codeCount: 40, tickMs: 0 })): Promise<FakeBackend> {
  window.location.hash = hash;
  render(<App backend={backend} />, dom.root);
  await settle();
  return backend;
}

beforeEach(() => {
  window.location.hash = "";
});

describe("Styles page", () => {
  it("opens on the demo style with its proof, and is in the menu after Print", async () => {
    await open("#/styles");
    const nav = [...dom.root.querySelectorAll("#nav-list a")].map((a) => a.id);
    expect(nav.indexOf("nav-styles")).toBe(nav.indexOf("nav-print") + 1);
    expect($("#nav-styles")?.getAttribute("aria-current")).toBe("page");
    await until("the demo style", () => ($("#style-name") as HTMLInputElement | null)?.value === "Autumn brand");
    expect($("[data-style-name='Autumn brand'] [data-action=edit]")?.getAttribute("aria-current")).toBe("true");
    expect($("[data-style-name='Autumn brand'] [data-action=remove]")?.getAttribute("aria-label")).toBe("Remove Autumn brand");
    await until("the proof", () => badge() === "Scans");
    const img = $("[data-testid=style-preview]") as HTMLImageElement;
    expect(img.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(img.alt).toBe("Preview of the style Autumn brand");
    expect($("[data-testid=style-badge]")?.getAttribute("aria-live")).toBe("polite");
    expect($("#style-contrast")?.textContent).toMatch(new RegExp(`^Contrast [\\d.]+:1, at least ${RULES.print.min_contrast}:1 needed$`));
    expect($("#style-ec")?.textContent).toMatch(/Medium/);
  });

  it("a new style: the badge follows the dark colour, then Save adds it to the list", async () => {
    const backend = await open("#/styles");
    await until("the demo style", () => badge() === "Scans");
    await act(() => $("#style-new")!.click());
    expect(document.activeElement?.id).toBe("style-name");
    expect(($("#style-save") as HTMLButtonElement).disabled).toBe(true);
    await type("#style-name", "Menu cards");
    await type("#style-dark", "cmyk:100,72,0,18");
    await choose("#style-modules", "dots");
    expect(($("#style-save") as HTMLButtonElement).disabled).toBe(false);
    await until("Scans", () => badge() === "Scans" && $("[data-testid=style-preview]") !== null);

    await type("#style-dark", "cmyk:0,0,0,15");
    await until("Does not scan", () => badge() === "Does not scan");
    expect($("#style-problem")?.textContent).toMatch(/too close/);

    await type("#style-dark", "cmyk:100,72,0,18");
    await until("Scans again", () => badge() === "Scans");
    await act(() => $("#style-save")!.click());
    await until("the saved style in the list", () => $("[data-style-name='Menu cards']") !== null);
    expect($("#style-saved")?.textContent).toMatch(/“Menu cards” is saved/);
    expect(await backend.listStyles()).toContainEqual(expect.objectContaining({ name: "Menu cards", modules: "dots", dark: "cmyk:100,72,0,18" }));
    expect($("#style-form-title")?.textContent).toBe("Edit “Menu cards”");
  });

  it("refuses a name another style has, and a logo size over Rust's maximum, before saving", async () => {
    await open("#/styles");
    await until("the demo style", () => badge() === "Scans");
    await act(() => $("#style-new")!.click());
    await type("#style-name", "Autumn brand");
    expect($("#style-name-error")?.textContent).toMatch(/already called/);
    expect(($("#style-save") as HTMLButtonElement).disabled).toBe(true);
    await type("#style-name", "Other");
    await type("#style-logo-size", String(RULES.style.max_logo_fraction * 100 + 5));
    expect($("#style-logo-size-error")?.textContent).toMatch(/at most 30 %/);
    expect(($("#style-save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows only the latest proof when answers come back out of order", async () => {
    class Slow extends FakeBackend {
      override async previewStyle(request: StylePreviewRequest): Promise<StyleProof> {
        const answer = await super.previewStyle(request);
        // The pale ink's answer comes back last.
        await new Promise((r) => setTimeout(r, request.style.dark === "cmyk:0,0,0,15" ? 400 : 0));
        return answer;
      }
    }
    await open("#/styles", new Slow({ seeded: true, codeCount: 20, tickMs: 0 }));
    await until("the demo style", () => badge() === "Scans");
    await type("#style-dark", "cmyk:0,0,0,15");
    await settle(150, 1); // past the debounce: the slow request is out
    await type("#style-dark", "k");
    await settle(500, 2); // both answers are back
    expect(badge()).toBe("Scans");
    expect($("#style-problem")).toBeNull();
  });

  it("Remove asks first, opens on “Keep it”, and then removes", async () => {
    const backend = await open("#/styles");
    await until("the demo style", () => $("[data-style-name='Autumn brand']") !== null);
    await act(() => $("[data-style-name='Autumn brand'] [data-action=remove]")!.click());
    expect(($("#remove-style-dialog") as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement?.id).toBe("keep-style");
    await act(() => $("#keep-style")!.click());
    expect($("#remove-style-dialog")).toBeNull();
    expect(await backend.listStyles()).toHaveLength(1);

    await act(() => $("[data-style-name='Autumn brand'] [data-action=remove]")!.click());
    await act(() => $("#confirm-remove-style")!.click());
    await until("the style removed", () => $("[data-style-name='Autumn brand']") === null);
    expect(await backend.listStyles()).toEqual([]);
    expect($("#styles-notice")?.textContent).toMatch(/“Autumn brand” was removed/);
    expect($("#style-form-title")?.textContent).toBe("New style");
  });

  it("reads a picked logo into the style, and refuses one over the size limit with a sentence", async () => {
    await open("#/styles");
    await until("the demo style", () => badge() === "Scans");
    const input = $("#style-logo") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".svg,.png,.jpg,.jpeg,image/svg+xml,image/png,image/jpeg");
    const pick = async (file: File) => {
      Object.defineProperty(input, "files", { configurable: true, value: [file] });
      await act(() => { input.dispatchEvent(new Event("change", { bubbles: true })); });
      await settle(10, 3);
    };
    const big = new File(["x"], "huge.png", { type: "image/png" });
    Object.defineProperty(big, "size", { value: RULES.style.max_logo_bytes + 1 });
    await pick(big);
    expect($("#style-logo-error")?.textContent).toMatch(/“huge.png” is .* at most 2 MB/);
    expect($("#style-logo-remove")).toBeNull();

    await pick(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.svg", { type: "image/svg+xml" }));
    expect($("#style-logo-error")).toBeNull();
    expect($("#style-logo-summary")?.textContent).toMatch(/^logo\.svg \(\d+ bytes\)/);
    await until("the proof at H", () => /Highest/.test($("#style-ec")?.textContent ?? ""));
    await act(() => $("#style-logo-remove")!.click());
    expect($("#style-logo-summary")?.textContent).toMatch(/^No logo/);
  });
});

describe("Style pickers", () => {
  it("Print: choosing a style hides the plain colours and prints with it", async () => {
    const backend = await open("#/print?source=search");
    await until("the styles", () => $("#opt-style option[value='Autumn brand']") !== null);
    expect(($("#opt-style") as HTMLSelectElement).value).toBe("");
    expect($("#opt-foreground")).not.toBeNull();
    await choose("#opt-style", "Autumn brand");
    expect($("#opt-foreground")).toBeNull();
    expect($("#opt-background")).toBeNull();
    expect($("#opt-style-hint")?.textContent).toBe("The style sets the colours.");
    await until("the preview", () => $("#print-preview-image") !== null);
    const seen: string[] = [];
    const run = backend.printRun.bind(backend);
    backend.printRun = async (request) => { seen.push(String(request.options.style)); return run(request); };
    await until("Save as PDF", () => !($("#print-run") as HTMLButtonElement).disabled);
    await act(() => $("#print-run")!.click());
    await until("the PDF", () => $("#print-result") !== null);
    expect(seen).toEqual(["Autumn brand"]);
  });

  it("a code: the styled proof replaces the plain preview, and downloads name the style", async () => {
    const backend = await open("#/code/3");
    await until("the styles", () => $("#code-style option[value='Autumn brand']") !== null);
    expect(dom.root.querySelector(".qr-card svg.qr")).not.toBeNull();
    const asked: StylePreviewRequest[] = [];
    const preview = backend.previewStyle.bind(backend);
    backend.previewStyle = (request) => { asked.push(request); return preview(request); };
    const exports: ExportRequest[] = [];
    const exportCode = backend.exportCode.bind(backend);
    backend.exportCode = (request) => { exports.push(request); return exportCode(request); };

    await choose("#code-style", "Autumn brand");
    await until("the styled code", () => $("#code-style-preview") !== null);
    expect(dom.root.querySelector(".qr-card svg.qr")).toBeNull();
    const code = await backend.getCode(3);
    expect(asked.at(-1)).toMatchObject({ payload: code.content, size_mm: 30, style: { name: "Autumn brand" } });
    await act(() => [...dom.root.querySelectorAll<HTMLButtonElement>(".qr-card button")].find((b) => b.textContent === "SVG")!.click());
    await choose("#code-style", "");
    await act(() => [...dom.root.querySelectorAll<HTMLButtonElement>(".qr-card button")].find((b) => b.textContent === "PNG")!.click());
    await settle();
    expect(exports.map((e) => [e.format, e.style])).toEqual([["svg", "Autumn brand"], ["png", null]]);
  });
});
