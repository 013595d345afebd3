// The Campaigns page with the in-memory backend: the menu entry and the empty list; a new
// campaign's form (only accounts that make codes, the rows read and their columns guessed, the
// live preview with the UTM'd destinations and the refused rows); Create and print with its
// progress, its outcome taking focus (printed, waiting then Try again, a closed save dialog); and
// a campaign's detail (progress, the scans chart, best and worst, sortable placements, Export CSV).
import { beforeEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../app/App";
import type { Backend } from "../platform/backend";
import { FakeBackend } from "../platform/fake";
import type { CampaignDraft, CampaignOutcome, PathRequest } from "../platform/types";
import { domRoot } from "../testing/dom-root";
import { settle, until as untilSoon } from "../testing/settle";

const dom = domRoot();

/** Waits longer than the default: the rows are read and the preview asked 250 ms after typing each. */
const until = (what: string, ok: () => boolean) => untilSoon(what, ok, 300);

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...dom.root.querySelectorAll<HTMLElement>(sel)];
const text = (sel: string) => $(sel)?.textContent ?? "";
const value = (sel: string) => ($(sel) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value;

async function type(sel: string, v: string): Promise<void> {
  const el = $(sel) as HTMLInputElement | HTMLTextAreaElement;
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

const ROWS = [1, 2, 3, 4, 5, 6].map((n) => `Table ${n},https://cafe.example/menu?t=${n}`);
const CSV = ["table,url", ...ROWS].join("\n") + "\n";
const UTM_ROW_1 = "https://cafe.example/menu?t=1&utm_source=print&utm_medium=label&utm_campaign=Spring+tables&utm_content=1";

/** Records every draft the page previews and creates. */
class Watched extends FakeBackend {
  readonly previewed: CampaignDraft[] = [];
  readonly created: CampaignDraft[] = [];
  override campaignPreview(draft: CampaignDraft) {
    this.previewed.push(draft);
    return super.campaignPreview(draft);
  }
  override campaignCreate(draft: CampaignDraft) {
    this.created.push(draft);
    return super.campaignCreate(draft);
  }
}

const fresh = () => new Watched({ seeded: true, codeCount: 30, tickMs: 0 });

async function open(hash: string, backend: FakeBackend = fresh()) {
  window.location.hash = hash;
  render(<App backend={backend} />, dom.root);
  await settle();
  return backend;
}

const previewReady = () => $("#campaign-preview-first [data-row='1']") !== null;
const createEnabled = () => !($("#campaign-create") as HTMLButtonElement).disabled;

/** The New campaign form filled in with the six rows, the preview in. */
async function filled(backend: FakeBackend = fresh()) {
  await open("#/campaigns/new", backend);
  await type("#campaign-name", "Spring tables");
  await type("#campaign-rows", CSV);
  await until("the preview", previewReady);
  await until("Create and print", createEnabled);
  return backend;
}

beforeEach(() => {
  window.location.hash = "";
});

describe("Campaigns page", () => {
  it("is in the menu after History, and says when there is no campaign yet", async () => {
    await open("#/campaigns");
    const nav = $$("#nav-list a").map((a) => a.id);
    expect(nav.indexOf("nav-campaigns")).toBe(nav.indexOf("nav-history") + 1);
    expect($("#nav-campaigns")?.getAttribute("aria-current")).toBe("page");
    expect(text("#nav-campaigns")).toBe("Campaigns");
    await until("the empty list", () => $("#campaigns-empty") !== null);
    await click("#campaign-new");
    expect(window.location.hash).toBe("#/campaigns/new");
    await until("the form", () => $("#campaign-new-title") !== null);
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("campaign-new-title");
  });

  it("offers only accounts that make codes, reads the rows, guesses the columns and previews the UTM'd destinations", async () => {
    const backend = (await open("#/campaigns/new")) as Watched;
    const options = $$("#campaign-account option").map((o) => o.textContent);
    expect(options).toEqual(["Marketing (ExaRoutes)", "Menus (test) (QRCodePro, test)", "Bakery group (iloveQR)", "Print shop (QR platform (/api/v1/qr))"]);
    expect(value("#campaign-account")).toBe("1");
    expect(value("#campaign-utm")).toBe("utm_source=print&utm_medium=label&utm_campaign={campaign}&utm_content={serial}");
    expect(text("#campaign-utm-hint")).toMatch(/\{campaign\}.*\{serial\}.*\{row\}/);
    expect(($("#campaign-name-column") as HTMLSelectElement).disabled).toBe(true);
    expect(text("#campaign-create-why")).toBe("Paste the rows or choose a CSV file.");
    expect(text("#campaign-rows-summary")).toBe("No file chosen and no rows pasted yet.");

    await choose("#campaign-account", "2");
    await type("#campaign-name", "Spring tables");
    await type("#campaign-rows", CSV.replace("https://cafe.example/menu?t=3", "cafe.example/menu"));
    await until("the columns", () => value("#campaign-name-column") === "table");
    expect(value("#campaign-destination-column")).toBe("url");
    expect(text("#campaign-rows-summary")).toBe("Pasted rows: 6 rows");
    await until("the preview", previewReady);
    expect(text("#campaign-preview-first [data-row='1'] [data-destination]")).toBe(UTM_ROW_1);
    expect($$("#campaign-preview-first li").map((li) => li.dataset.row)).toEqual(["1", "2", "4", "5", "6"]);
    expect(text("#campaign-preview-count")).toBe("6 rows: 5 will become codes, 1 will not.");
    expect(text("#campaign-problems-title")).toBe("1 row will not become a code");
    expect(text("#campaign-preview-problems")).toBe("Row 3: Start the address with https:// (for example https://example.com/menu).");
    expect(text("#campaign-preview-status")).toBe("Preview updated. 6 rows: 5 will become codes, 1 will not.");
    expect(backend.previewed.at(-1)).toMatchObject({ account: 2, name: "Spring tables", name_column: "table", destination_column: "url", caption: "{name}" });

    // A misspelt column in the template: Rust's sentence, and Create and print waits for a fix.
    await type("#campaign-utm", "utm_term={tabel}");
    await until("the refusal", () => $(".campaign-preview [role=alert]") !== null);
    expect(text(".campaign-preview [role=alert]")).toMatch(/"tabel"/);
    expect(text("#campaign-create-why")).toBe("Correct what the preview says first.");
    // Blank: the destinations stay as they are.
    await type("#campaign-utm", "");
    await until("plain destinations", () => text("#campaign-preview-first [data-row='1'] [data-destination]") === "https://cafe.example/menu?t=1");
    expect(backend.previewed.at(-1)?.utm).toBeNull();

    // Other columns are kept while the new rows have them.
    await choose("#campaign-name-column", "url");
    await type("#campaign-rows", "url,table,where\nhttps://a.example/,A,Patio\n");
    await until("the new columns", () => $$("#campaign-name-column option").length === 3);
    expect(value("#campaign-name-column")).toBe("url");
  });

  it("reads the rows from a chosen file into the text box", async () => {
    await open("#/campaigns/new");
    const input = $("#campaign-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File([CSV], "tables.csv", { type: "text/csv" })] });
    await act(() => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    await until("the rows", () => value("#campaign-rows") === CSV);
    await until("the count", () => text("#campaign-rows-summary") === "tables.csv: 6 rows");
    expect($("#campaign-file")?.getAttribute("aria-describedby")).toBe("campaign-rows-summary");
  });

  it("says when the rows are more than a campaign takes", async () => {
    await open("#/campaigns/new");
    const many = ["table,url", ...Array.from({ length: 10_001 }, (_, i) => `T${i + 1},https://cafe.example/${i + 1}`)].join("\n");
    await type("#campaign-rows", many);
    await until("the sentence", () => $("#campaign-rows-error") !== null);
    expect(text("#campaign-rows-error")).toBe("A campaign takes at most 10,000 rows; these are 10,001: split them.");
    expect($("#campaign-rows")?.getAttribute("aria-describedby")).toBe("campaign-rows-error campaign-rows-summary");
    expect(text("#campaign-create-why")).toBe("Correct the highlighted fields.");
  });

  it("a label design replaces the caption", async () => {
    const backend = (await filled()) as Watched;
    await choose("#campaign-design", "Shelf label");
    expect(($("#campaign-caption") as HTMLSelectElement).disabled).toBe(true);
    expect(text("#campaign-caption-hint")).toBe("The design's fields replace the caption.");
    await until("the new preview", () => backend.previewed.at(-1)?.design === "Shelf label");
    expect(backend.previewed.at(-1)?.caption).toBeNull();
  });

  it("Create and print: the progress while Rust works, then the printed outcome takes focus", async () => {
    const backend = (await filled()) as Watched;
    // Rust answers when the test says so.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const real = backend.campaignCreate.bind(backend);
    (backend as Backend).campaignCreate = async (d): Promise<CampaignOutcome | null> => { await gate; return real(d); };
    const asked: PathRequest[] = [];
    (backend as Backend).openPath = async (r) => { asked.push(r); };

    $("#campaign-create")!.focus();
    await click("#campaign-create");
    expect($("#campaign-create")?.getAttribute("aria-disabled")).toBe("true");
    expect(text("#campaign-create")).toBe("Working…");
    expect(text("#campaign-progress")).toBe("Making codes on the service…");
    expect(document.activeElement?.id).toBe("campaign-create");
    await settle();
    await act(() => release());
    await until("the outcome", () => $("#campaign-outcome") !== null);
    expect(text("#campaign-outcome > p")).toBe("“Spring tables” is printed: 6 codes made, labels saved on 1 page.");
    expect(text("#campaign-output-path")).toBe("/home/you/Documents/QR Desk/campaign-labels.pdf");
    expect(text("#campaign-progress")).toBe("");
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("campaign-outcome");
    await click("#campaign-open-pdf");
    expect(asked).toEqual([{ path: "/home/you/Documents/QR Desk/campaign-labels.pdf" }]);
    expect($("#campaign-send")?.getAttribute("aria-haspopup")).toBe("dialog");
    // The same draft again would make its codes twice.
    expect(createEnabled()).toBe(false);
    expect(text("#campaign-create-why")).toMatch(/^This campaign is made/);
    expect(backend.created).toHaveLength(1);

    await click("#campaign-open");
    expect(window.location.hash).toBe("#/campaigns/1");
    await until("the campaign", () => $("#campaign-placements") !== null);
  });

  it("offline the campaign waits with the reason; Try again prints it", async () => {
    const backend = await filled();
    backend.offline = true;
    await type("#campaign-rows", CSV + "Table 7,\n");
    await until("the preview of 7 rows", () => text("#campaign-preview-count") === "7 rows: 6 will become codes, 1 will not.");
    await until("Create and print", createEnabled);
    await click("#campaign-create");
    await until("the outcome", () => $("#campaign-outcome") !== null);
    expect($("#campaign-outcome")?.classList.contains("notice-warn")).toBe(true);
    expect(text("#campaign-outcome > p")).toBe("“Spring tables” is waiting for the service: 0 of 6 codes confirmed. Nothing is printed until all are.");
    expect(text("#campaign-note")).toMatch(/^Waiting for the service: The service could not be reached/);
    expect(text("#campaign-failed-title")).toBe("1 row did not become a code");
    expect(text("#campaign-failed [data-row='7']")).toMatch(/^Row 7: /);
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("campaign-outcome");

    backend.offline = false;
    await click("#campaign-try-again");
    await until("printed", () => /is printed/.test(text("#campaign-outcome > p")));
    expect(text("#campaign-output-path")).toMatch(/campaign-labels\.pdf$/);
  });

  it("a closed save dialog makes nothing and says so", async () => {
    const backend = await filled();
    (backend as Backend).campaignCreate = async () => null;
    await click("#campaign-create");
    await until("the note", () => $("#campaign-cancelled") !== null);
    expect(text("#campaign-cancelled")).toBe("Nothing was made: the save dialog was closed.");
    expect($("#campaign-outcome")).toBeNull();
    expect(createEnabled()).toBe(true);
  });

  it("lists the campaign; its detail shows progress, the scans chart, best and worst, and sortable placements", async () => {
    const backend = await fresh();
    await backend.campaignCreate({
      account: 2, name: "Spring tables", rows_text: CSV + "Table 7,\n", name_column: "table", destination_column: "url", utm: null,
      layout: "avery-l7160", design: null, style: null, caption: "{name}", start_at: 1,
    });
    await open("#/campaigns", backend);
    await until("the list", () => $("[data-campaign-id='1']") !== null);
    const cells = $$("[data-campaign-id='1'] td").map((td) => td.textContent);
    expect(cells[0]).toBe("Spring tablesMenus (test)");
    expect(cells.slice(1, 4)).toEqual(["Printed", "6 of 6", "1"]);
    expect($("[data-campaign-id='1'] [data-campaign-status]")?.dataset.campaignStatus).toBe("printed");

    await click("[data-campaign-id='1'] [data-action=open]");
    expect(window.location.hash).toBe("#/campaigns/1");
    await until("the detail", () => $("#campaign-placements") !== null);
    expect(text("#campaign-title")).toBe("Spring tables");
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("campaign-title");
    expect(text("#campaign-progress-text")).toBe("Created 6 of 6 codes, 1 row refused, printed.");
    expect(text("#campaign-codes")).toBe("6 of 6");
    expect($("#campaign-scans svg.chart")?.getAttribute("aria-label")).toMatch(/^Daily scans: [\d,]+ scans over 7 days$/);
    expect($("#campaign-resume")).toBeNull();

    // The placements, in row order; the refused row says why.
    const rowOrder = () => $$("#campaign-placements tbody tr").map((tr) => Number(tr.dataset.row));
    expect(rowOrder()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(text("#campaign-placements [data-row='7']")).toMatch(/Not made: /);
    expect(text("#campaign-placements [data-row='1']")).toMatch(/https:\/\/qrcp\.io\/c\//);
    const th = (key: string) => $(`#campaign-sort-${key}`)!.closest("th")!;
    expect(th("row").getAttribute("aria-sort")).toBe("ascending");
    expect(th("scans").getAttribute("aria-sort")).toBe("none");

    // Sort by scans (most first) with the keyboard's button; focus stays on it.
    const details = await backend.campaignDetails(1);
    const byScans = [...details.rows].filter((r) => r.scans !== null).sort((a, b) => b.scans! - a.scans! || a.row - b.row).map((r) => r.row);
    $("#campaign-sort-scans")!.focus();
    await click("#campaign-sort-scans");
    expect(th("scans").getAttribute("aria-sort")).toBe("descending");
    expect(th("row").getAttribute("aria-sort")).toBe("none");
    expect(rowOrder()).toEqual([...byScans, 7]);
    expect(document.activeElement?.id).toBe("campaign-sort-scans");
    expect(text("#campaign-sort-status")).toBe("Sorted by scans, most first.");
    await click("#campaign-sort-scans");
    expect(th("scans").getAttribute("aria-sort")).toBe("ascending");
    const fewestFirst = [...details.rows].filter((r) => r.scans !== null).sort((a, b) => a.scans! - b.scans! || a.row - b.row).map((r) => r.row);
    expect(rowOrder()).toEqual([...fewestFirst, 7]);

    // Best and worst, as Rust names them.
    const best = $$("#campaign-best li").map((li) => Number(li.dataset.row));
    const worst = $$("#campaign-worst li").map((li) => Number(li.dataset.row));
    if (new Set(details.rows.filter((r) => r.scans !== null).map((r) => r.scans)).size > 1) {
      expect(best).toEqual(details.best);
      expect(worst).toEqual(details.worst.filter((n) => !details.best.includes(n)));
    }
  });

  it("Export CSV shows the file with Open; Resume carries a waiting campaign on", async () => {
    const backend = fresh();
    backend.offline = true;
    await backend.campaignCreate({
      account: 2, name: "Offline tables", rows_text: CSV, name_column: "table", destination_column: "url", utm: null,
      layout: "avery-l7160", design: null, style: null, caption: null, start_at: 1,
    });
    await open("#/campaigns/1", backend);
    await until("the detail", () => $("#campaign-placements") !== null);
    expect($("[data-campaign-status]")?.dataset.campaignStatus).toBe("waiting");
    expect(text("#campaign-progress-text")).toBe("Created 0 of 6 codes, 6 waiting for the service, not printed yet.");
    expect($("#campaign-no-scans")).not.toBeNull();
    expect(text("#campaign-standouts")).toMatch(/once the service has made the codes/);
    expect(text("#campaign-placements [data-row='1']")).toMatch(/Waiting for the service/);

    await click("#campaign-export");
    await until("the export", () => $("#campaign-export-result") !== null);
    expect(text("#campaign-export-path")).toBe("/home/you/Downloads/campaign-1-scans.csv");
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("campaign-export-result");
    expect($("#campaign-export-open")).not.toBeNull();

    // Still offline: still waiting, and said so.
    await click("#campaign-resume");
    await until("the result", () => $("#campaign-resume-result") !== null);
    expect($("#campaign-resume-result")?.classList.contains("notice-warn")).toBe(true);
    backend.offline = false;
    await click("#campaign-resume");
    await until("printed", () => /is printed/.test(text("#campaign-resume-result > p")));
    await until("the detail reloaded", () => $("[data-campaign-status]")?.dataset.campaignStatus === "printed");
    expect($("#campaign-resume")).toBeNull();
    expect(text("#campaign-detail-path")).toMatch(/campaign-labels\.pdf$/);
    await settle(20, 2);
    expect(document.activeElement?.id).toBe("campaign-resume-result");
  });
});
