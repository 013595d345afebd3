// The History page with the in-memory backend: the jobs newest first with what they printed, the
// Reprint dialog (ranges checked before Rust is asked, the result with its file), Print… over it,
// and focus going back where it came from.
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../app/App";
import { defaultPrintOptions } from "../logic/print-options";
import type { Backend } from "../platform/backend";
import { FakeBackend } from "../platform/fake";
import type { PathRequest, PrintResult, ReprintRequest } from "../platform/types";
import { domRoot } from "../testing/dom-root";
import { settle, until } from "../testing/settle";

const dom = domRoot();

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel);
const text = (sel: string) => $(sel)?.textContent ?? "";
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));

async function type(sel: string, v: string): Promise<void> {
  const el = $(sel) as HTMLInputElement;
  await act(() => {
    el.value = v;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function click(sel: string): Promise<void> {
  await act(() => $(sel)!.click());
}

const CSV = "url,name\n" + [1, 2, 3, 4, 5].map((n) => `https://example.com/jar/${n},Jar ${n}`).join("\n") + "\n";

/** A backend that has printed five jars with the demo design (job 1). */
async function printed(options: { noPrinting?: boolean } = {}): Promise<FakeBackend> {
  const backend = new FakeBackend({ seeded: true, codeCount: 20, tickMs: 0, ...options });
  await backend.printRun({
    source: { kind: "csv", text: CSV, mapping: { content: "url", caption: null } },
    options: { ...defaultPrintOptions(), design: "Shelf label", size_mm: 0 },
  });
  return backend;
}

async function open(backend: FakeBackend): Promise<FakeBackend> {
  window.location.hash = "#/history";
  render(<App backend={backend} />, dom.root);
  await settle();
  return backend;
}

beforeEach(() => {
  window.location.hash = "";
});

describe("History page", () => {
  it("says when nothing was printed yet", async () => {
    await open(new FakeBackend({ seeded: true, codeCount: 20, tickMs: 0 }));
    expect($("#nav-history")?.getAttribute("aria-current")).toBe("page");
    await until("the empty history", () => $("#history-go-print") !== null);
    expect(text(".empty")).toMatch(/Nothing printed yet/);
  });

  it("lists a job with its source, sheet, design, counts, serials and file, and names its buttons after it", async () => {
    await open(await printed());
    await until("the job", () => $("[data-job-id='1']") !== null);
    const cells = [...dom.root.querySelectorAll("[data-job-id='1'] td")].map((td) => td.textContent);
    expect(cells[0]).toMatch(/^Job 1/);
    expect(cells.slice(1, 7)).toEqual(["CSV rows from the window", "Avery L7160 (A4, 21 labels)", "Design “Shelf label”", "5", "1", "1–5"]);
    // The file name first, its folder under it; the whole path in the tooltip.
    expect(cells[7]).toMatch(/^print-.*\.pdf\/home\/you\/Documents\/QR Desk$/);
    const file = dom.root.querySelector<HTMLElement>("[data-job-id='1'] .history-file");
    expect(file?.title).toMatch(/^\/home\/you\/Documents\/QR Desk\/print-.*\.pdf$/);
    const names = [...dom.root.querySelectorAll("[data-job-id='1'] button")].map((b) => b.getAttribute("aria-label"));
    expect(names).toEqual(["Open the PDF of job 1", "Show in folder the PDF of job 1", "Print job 1", "Reprint job 1"]);
    expect($("#history-table caption")?.textContent).toBe("Print jobs, newest first");
  });

  it("Open and Show in folder ask Rust with the job's file", async () => {
    const backend = await printed();
    const asked: [string, PathRequest][] = [];
    const wired: Backend = backend;
    wired.openPath = async (r) => { asked.push(["open", r]); };
    wired.showInFolder = async (r) => { asked.push(["show", r]); };
    await open(backend);
    await until("the job", () => $("[data-job-id='1']") !== null);
    await click("[data-job-id='1'] [data-action=open]");
    await click("[data-job-id='1'] [data-action=show]");
    const output = (await backend.listPrintJobs())[0]!.output;
    expect(asked).toEqual([["open", { path: output }], ["show", { path: output }]]);
  });

  it("Reprint: opens on Rows, checks the ranges, reprints rows 2-3 and lists the new job", async () => {
    const backend = await printed();
    const requests: ReprintRequest[] = [];
    const reprint = backend.reprintJob.bind(backend);
    backend.reprintJob = (r) => { requests.push(r); return reprint(r); };
    await open(backend);
    await until("the job", () => $("[data-job-id='1']") !== null);
    await click("[data-job-id='1'] [data-action=reprint]");
    expect(($("#reprint-dialog") as HTMLDialogElement).open).toBe(true);
    expect(text("#reprint-title")).toBe("Reprint job 1");
    expect(document.activeElement?.id).toBe("reprint-rows");
    expect(text("#reprint-serials-hint")).toBe("Serials 1–5 were printed; blank: all.");

    await type("#reprint-rows", "2 to 3");
    expect(text("#reprint-rows-error")).toBe("Write the rows as numbers and ranges, like 3,7-9.");
    expect(($("#reprint-go") as HTMLButtonElement).disabled).toBe(true);
    await type("#reprint-serials", "9");
    expect(text("#reprint-serials-error")).toBe("This job printed serials 1 to 5; 9 is not one of them.");
    await type("#reprint-serials", "");
    await type("#reprint-rows", "2-3");
    await click("#reprint-go");
    await until("the result", () => $("#reprint-result") !== null);
    expect(requests).toEqual([{ job_id: 1, rows: "2-3", serials: null, start_at: 1 }]);
    expect(text("#reprint-result > p")).toBe("PDF saved: 2 labels on 1 page.");
    expect(text("#reprint-result-path")).toMatch(/reprint-1-.*\.pdf$/);
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("reprint-result");
    await until("the new job on top", () => dom.root.querySelector("#history-table tbody tr")?.getAttribute("data-job-id") === "2");
    const job2 = (await backend.listPrintJobs())[0]!;
    expect(job2).toMatchObject({ id: 2, codes: 2, first_serial: 2, last_serial: 3, design: "Shelf label" });

    await act(() => { key(document.activeElement!, "Escape"); });
    expect($("#reprint-dialog")).toBeNull();
    expect(document.activeElement).toBe($("[data-job-id='1'] [data-action=reprint]"));
  });

  it("a closed save dialog changes nothing and says so", async () => {
    const backend = await printed();
    // The person closed the save dialog.
    (backend as Backend).reprintJob = async (): Promise<PrintResult | null> => null;
    await open(backend);
    await until("the job", () => $("[data-job-id='1']") !== null);
    await click("[data-job-id='1'] [data-action=reprint]");
    await click("#reprint-go");
    await until("the note", () => $("#reprint-cancelled") !== null);
    expect(text("#reprint-cancelled")).toMatch(/Nothing was saved/);
    expect($("#reprint-result")).toBeNull();
  });

  it("Print… over the reprint's result sends it, and Escape goes back to the reprint", async () => {
    await open(await printed());
    await until("the job", () => $("[data-job-id='1']") !== null);
    await click("[data-job-id='1'] [data-action=reprint]");
    await type("#reprint-rows", "1");
    await click("#reprint-go");
    await until("Print…", () => $("#reprint-send") !== null);
    await click("#reprint-send");
    await until("the printers", () => $("#send-printer") !== null);
    expect(($("#reprint-dialog") as HTMLDialogElement).open).toBe(true);
    await click("#send-go");
    await until("the job", () => $("#send-result") !== null);
    expect(text("#send-result")).toMatch(/^Sent to Office_Laser as job Office_Laser-\d+\.$/);
    await act(() => { key($("#send-dialog")!, "Escape"); });
    expect($("#send-dialog")).toBeNull();
    expect($("#reprint-dialog")).not.toBeNull();
    expect(document.activeElement?.id).toBe("reprint-send");
  });

  it("with no printing system: no Print… buttons, and the page says why", async () => {
    await open(await printed({ noPrinting: true }));
    await until("the job", () => $("[data-job-id='1']") !== null);
    await settle();
    expect(dom.root.querySelectorAll("[data-job-id='1'] button")).toHaveLength(3);
    expect(text("#history-no-printing")).toMatch(/No printing system/);
  });
});
