import { describe, expect, it } from "vitest";
import { emptyQuery } from "../../logic/code-filter";
import { defaultPrintOptions } from "../../logic/print-options";
import { newStyle } from "../../logic/style-form";
import { newDesign } from "../../logic/design-form";
import { RULES } from "../../bindings/current-rules";
import { BackendError, toAppError } from "../backend";
import { FakeBackend } from "./index";
import type { CampaignDraft, SyncProgress } from "../types";

const quick = () => new FakeBackend({ seeded: true, codeCount: 400, tickMs: 0 });

async function syncAndWait(b: FakeBackend, account: number | null): Promise<SyncProgress[]> {
  const seen: SyncProgress[] = [];
  const done = new Promise<void>((resolve) => {
    void b.onSyncProgress((p) => {
      seen.push(p);
      if (p.phase === "done" || p.phase === "failed" || p.phase === "cancelled") resolve();
    });
  });
  await b.startSync({ account });
  await done;
  return seen;
}

describe("FakeBackend", () => {
  it("starts empty (first run) and seeds the demo on request", async () => {
    const b = new FakeBackend({ codeCount: 100, tickMs: 0 });
    expect(await b.listAccounts()).toEqual([]);
    expect((await b.startDemo()).demo).toBe(true);
    expect((await b.listAccounts()).length).toBe(5);
    expect((await b.listCodes(emptyQuery())).total).toBe(100);
  });

  it("pages and searches 100,000 codes quickly", async () => {
    const b = new FakeBackend({ seeded: true, codeCount: 100_000, tickMs: 0 });
    const all = await b.listCodes({ ...emptyQuery(), offset: 99_900, limit: 200 });
    expect(all.total).toBe(100_000);
    expect(all.rows).toHaveLength(100);
    const t0 = performance.now();
    const hits = await b.listCodes({ ...emptyQuery(), search: "harbour poster" });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(hits.total).toBeGreaterThan(0);
    expect(hits.rows.every((r) => /harbour/i.test(r.name + r.destination) && /poster/i.test(r.name + r.destination))).toBe(true);
  });

  it("adds an account without ever returning the secret", async () => {
    const b = quick();
    const secret = "qrcp_live_TOPSECRETVALUE99887766";
    const a = await b.addAccount({ provider: "qrcodepro", label: "Shop", secret, client_id: null, workspace: null, base_url: null, expires_at: null, verify: true });
    expect(a.masked_key).toBe("qrcp_live_…7766");
    expect(a.status).toBe("verified");
    const everything = JSON.stringify([a, await b.listAccounts(), await b.auditLog(null)]);
    expect(everything).not.toContain("TOPSECRET");
  });

  it("refuses a key that belongs to another service, and saves unverified when asked", async () => {
    const b = quick();
    await expect(b.addAccount({ provider: "iloveqr", label: "X", secret: "qrcp_live_abc", client_id: null, workspace: null, base_url: null, expires_at: null, verify: true }))
      .rejects.toMatchObject({ kind: "bad_input" });
    b.offline = true;
    const a = await b.addAccount({ provider: "qr-v1", label: "Offline", secret: "0123456789abcdef", client_id: null, workspace: null, base_url: null, expires_at: null, verify: false });
    expect(a.status).toBe("unverified");
    await expect(b.verifyAccount(a.id)).rejects.toMatchObject({ kind: "network" });
  });

  it("edit offline → sync → step-up → confirm → sent (the e2e story)", async () => {
    const b = quick();
    b.offline = true;
    // Code 21 belongs to ExaRoutes (accounts rotate 1..4) and has no outbox entry yet.
    await expect(b.editCode({ code: 21, changes: { destination: "javascript:alert(1)" } })).rejects.toMatchObject({ kind: "validation" });
    const code = await b.editCode({ code: 21, changes: { destination: "https://harbourcafe.example/new" } });
    expect(code.pending).toBe(true);
    let entry = (await b.listOutbox({ account: null, code: 21 }))[0]!;
    expect(entry.state).toBe("pending");

    const failed = await syncAndWait(b, 1);
    expect(failed.at(-1)).toMatchObject({ phase: "failed", error: { kind: "network" } });
    expect((await b.syncStatus()).online).toBe(false);

    b.offline = false;
    const ok = await syncAndWait(b, 1);
    expect(ok.at(-1)?.phase).toBe("done");
    entry = (await b.listOutbox({ account: null, code: 21 }))[0]!;
    expect(entry.state).toBe("needs_confirmation");
    expect(entry.kind).toBe("step_up_required");

    const retried = await b.retryOutbox(entry.id);
    expect(retried.state).toBe("done");
    expect(await b.listOutbox({ account: null, code: 21 })).toEqual([]);
    expect((await b.getCode(21)).pending).toBe(false);
  });

  it("shows both sides of a conflict and resolves it either way", async () => {
    const b = quick();
    const conflict = (await b.listOutbox({ account: null, code: null })).find((e) => e.state === "conflict")!;
    const detail = await b.outboxConflict(conflict.id);
    expect(detail.mine.destination).not.toBe(detail.theirs.destination);
    await b.resolveConflict({ entry: conflict.id, choice: "keep_theirs" });
    expect((await b.getCode(conflict.code)).destination).toBe(detail.theirs.destination);
    expect((await b.listOutbox({ account: null, code: conflict.code })).length).toBe(0);
  });

  it("lists the built-in sheets first, then gLabels catalogue sheets (round ones drawn as ellipses)", async () => {
    const b = quick();
    const layouts = await b.listLayouts();
    const firstCatalogue = layouts.findIndex((l) => l.catalogue);
    expect(firstCatalogue).toBeGreaterThan(0);
    expect(layouts.slice(0, firstCatalogue).every((l) => !l.catalogue && l.shape === "rectangle")).toBe(true);
    expect(layouts.slice(firstCatalogue).every((l) => l.catalogue && /^[a-z]+-[a-z0-9]+$/.test(l.id))).toBe(true);
    expect(layouts.find((l) => l.id === "avery-l7670")?.shape).toBe("round");

    const request = { source: { kind: "csv" as const, text: "url\nhttps://a.example\n", mapping: { content: "url", caption: null } }, options: { ...defaultPrintOptions("avery-l7670"), caption: "none" as const } };
    const preview = await b.printPreview(request);
    expect(preview.labels).toBe(1);
    expect(atob(preview.page_image.split(",")[1]!)).toContain("<ellipse");
  });

  it("previews, prints with progress, and cancels", async () => {
    const b = quick();
    const request = { source: { kind: "csv" as const, text: "name,url\nA,https://a.example\nB,\nC,https://c.example\n", mapping: { content: "url", caption: "name" } }, options: defaultPrintOptions("avery-l7160") };
    const preview = await b.printPreview(request);
    expect(preview.labels).toBe(2);
    expect(preview.pages).toBe(1);
    expect(preview.problems).toEqual([{ row: 2, code: null, message: expect.stringContaining("no content") }]);
    expect(preview.page_image.startsWith("data:image/svg+xml;base64,")).toBe(true);

    const progress: number[] = [];
    await b.onPrintProgress((p) => progress.push(p.done));
    const result = await b.printRun(request);
    expect(result.path).toMatch(/\.pdf$/);
    expect(progress.at(-1)).toBe(2);

    const slow = new FakeBackend({ seeded: true, codeCount: 50, tickMs: 5 });
    const run = slow.printRun(request);
    await slow.printCancel();
    await expect(run).rejects.toMatchObject({ kind: "cancelled" });

    await expect(b.printPreview({ ...request, options: { ...request.options, size_mm: 5 } })).rejects.toBeInstanceOf(BackendError);
  });

  it("keeps brand styles: the demo's, saved (replaced by name) and removed, with the name checked", async () => {
    const b = quick();
    const [demo] = await b.listStyles();
    expect(demo).toMatchObject({ name: "Autumn brand", dark: "cmyk:100,72,0,18", modules: "rounded", finder_center: "circle", frame: "Scan me" });
    expect(await new FakeBackend({ codeCount: 10, tickMs: 0 }).listStyles()).toEqual([]);

    const style = { ...newStyle(), name: "Menu cards", modules: "dots" as const };
    expect(await b.saveStyle(style)).toEqual(style);
    await b.saveStyle({ ...style, dark: "spot:PANTONE 286 C" });
    const names = (await b.listStyles()).map((s) => s.name);
    expect(names).toEqual(["Autumn brand", "Menu cards"]);
    expect((await b.listStyles())[1]?.dark).toBe("spot:PANTONE 286 C");

    await expect(b.saveStyle({ ...style, name: "  " })).rejects.toMatchObject({ kind: "bad_input" });
    await expect(b.saveStyle({ ...style, name: "x".repeat(RULES.style.max_name_chars + 1) })).rejects.toMatchObject({ kind: "bad_input" });
    await expect(b.saveStyle({ ...style, dark: "blue-ish" })).rejects.toMatchObject({ kind: "bad_input", message: expect.stringContaining("blue-ish") });

    await b.removeStyle("Menu cards");
    expect((await b.listStyles()).map((s) => s.name)).toEqual(["Autumn brand"]);
    await expect(b.removeStyle("Menu cards")).rejects.toBeInstanceOf(BackendError);
  });

  it("proves a style: drawn, with its contrast, refused when too pale or the logo too big", async () => {
    const b = quick();
    const style = { ...newStyle(), name: "Proof", dark: "cmyk:100,72,0,18", modules: "dots" as const, frame: "Scan me" };
    const ok = await b.previewStyle({ style, payload: null, size_mm: 30 });
    expect(ok).toMatchObject({ scans: true, problem: null, ec: "M" });
    expect(ok.contrast).toBeGreaterThan(RULES.print.min_contrast);
    expect(ok.svg).toMatch(/^<svg[^>]*viewBox="0 0 30 /);
    expect(ok.svg).toContain("<circle");
    expect(ok.svg).toContain("Scan me");

    const pale = await b.previewStyle({ style: { ...style, dark: "cmyk:0,0,0,15" }, payload: null, size_mm: 30 });
    expect(pale.scans).toBe(false);
    expect(pale.contrast).toBeLessThan(RULES.print.min_contrast);
    expect(pale.problem).toMatch(/too close/);

    const logo = { file_name: "logo.png", data_base64: "iVBORw0KGgo=" };
    const withLogo = await b.previewStyle({ style: { ...style, logo }, payload: "https://exr.to/abc", size_mm: 30 });
    expect(withLogo).toMatchObject({ scans: true, ec: "H" });
    expect(withLogo.warnings.length).toBeGreaterThan(0);
    const big = await b.previewStyle({ style: { ...style, logo, logo_size: RULES.style.max_logo_fraction + 0.05 }, payload: null, size_mm: 30 });
    expect(big.scans).toBe(false);
    expect(big.problem).toMatch(/logo/);

    const unusable = await b.previewStyle({ style: { ...style, dark: "navy" }, payload: null, size_mm: 30 });
    expect(unusable).toMatchObject({ svg: "", scans: false, problem: expect.stringContaining("“navy”") });
  });

  it("prints and exports with a saved style only", async () => {
    const b = quick();
    const options = { ...defaultPrintOptions("avery-l7160"), style: "Autumn brand" };
    const request = { source: { kind: "csv" as const, text: "url\nhttps://a.example\n", mapping: { content: "url", caption: null } }, options };
    expect((await b.printPreview(request)).labels).toBe(1);
    await expect(b.printPreview({ ...request, options: { ...options, style: "Nope" } })).rejects.toMatchObject({ kind: "bad_input" });
    expect((await b.exportCode({ code: 1, format: "svg", style: "Autumn brand" }))?.path).toMatch(/\.svg$/);
    await expect(b.exportCode({ code: 1, format: "svg", style: "Nope" })).rejects.toMatchObject({ kind: "bad_input" });
  });

  it("lists the demo's printer profiles by name, and prints only with a saved one", async () => {
    const b = quick();
    expect(await b.listPrinterProfiles()).toEqual([
      { name: "Office inkjet", offset_x_mm: -0.3, offset_y_mm: 0.5, scale_x: 1, scale_y: 1.002 },
      { name: "Shop laser", offset_x_mm: 0.4, offset_y_mm: -0.6, scale_x: 0.998, scale_y: 0.998 },
    ]);
    expect(await new FakeBackend({ codeCount: 10, tickMs: 0 }).listPrinterProfiles()).toEqual([]);

    const options = { ...defaultPrintOptions("avery-l7160"), printer_profile: "Shop laser" };
    expect(options.offset_x_mm).toBe(0);
    const request = { source: { kind: "csv" as const, text: "url\nhttps://a.example\n", mapping: { content: "url", caption: null } }, options };
    const moved = await b.printPreview(request);
    expect(moved.labels).toBe(1);
    // The profile's offset moves the drawing as the shifts would.
    const shifted = await b.printPreview({ ...request, options: { ...options, printer_profile: null, offset_x_mm: 0.4, offset_y_mm: -0.6 } });
    expect(moved.page_image).toBe(shifted.page_image);
    expect(moved.page_image).not.toBe((await b.printPreview({ ...request, options: { ...options, printer_profile: null } })).page_image);
    expect((await b.printPreview({ ...request, options: { ...options, printer_profile: "shop LASER" } })).labels).toBe(1);

    const refused = b.printRun({ ...request, options: { ...options, printer_profile: "Back office" } });
    await expect(refused).rejects.toBeInstanceOf(BackendError);
    await expect(refused).rejects.toMatchObject({
      kind: "bad_input",
      message: expect.stringMatching(/^No printer profile is called “Back office”\. .*qrdesk print profile save/),
    });
  });

  it("previews a CSV's first rows with a suggested mapping", async () => {
    const b = quick();
    const p = await b.csvPreview({ text: "title,link\n" + Array.from({ length: 30 }, (_, i) => `T${i},https://x.example/${i}`).join("\n") });
    expect(p).toMatchObject({ columns: ["title", "link"], row_count: 30, suggested: { content: "link", caption: "title" } });
    expect(p.rows).toHaveLength(10);
    await expect(b.csvPreview({ text: "" })).rejects.toMatchObject({ kind: "bad_input" });
  });
});

describe("FakeBackend: label designs, the print history, printers", () => {
  const jars = { content: "url", caption: null };
  const csv = "url,name\n" + [1, 2, 3, 4].map((n) => `https://example.com/${n},Jar ${n}`).join("\n") + "\n";

  it("saves, lists and removes designs, matching names in any case, with Rust's checks", async () => {
    const b = quick();
    const design = { ...newDesign(), name: "Jars" };
    expect((await b.saveDesign({ ...design, name: " Jars " })).name).toBe("Jars");
    await b.saveDesign({ ...design, name: "JARS", code_position: "top" });
    expect((await b.listDesigns()).map((d) => [d.name, d.code_position])).toEqual([["JARS", "top"], ["Shelf label", "left"]]);
    await expect(b.saveDesign({ ...design, name: "" })).rejects.toMatchObject({ kind: "bad_input" });
    const boxless = { ...design, fields: [{ ...design.fields[0]!, anchor: "box" as const }] };
    await expect(b.saveDesign(boxless)).rejects.toMatchObject({ message: expect.stringMatching(/^Field 1 needs a box/) });
    await expect(b.saveDesign({ ...design, fields: [{ ...design.fields[0]!, text: "{name" }] })).rejects.toMatchObject({ kind: "bad_input" });
    await b.removeDesign("jars");
    await expect(b.removeDesign("jars")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("previews a design on a sheet of sample rows, naming cut-short fields and unknown columns", async () => {
    const b = quick();
    const design = (await b.listDesigns())[0]!;
    const ok = await b.previewDesign({ draft: design, layout: "avery-l7160" });
    expect(ok.page_image.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(atob(ok.page_image.split(",")[1]!)).toContain("No. 0001");
    expect(ok.sample_columns).toEqual(["name", "url", "id"]);
    expect(ok.warnings).toEqual([]);
    const long = { ...design, fields: [{ ...design.fields[0]!, text: "{name} {name} {name} {name} {name} {nmae}", fit: "shrink" as const }] };
    const warned = await b.previewDesign({ draft: long, layout: "avery-l7160" });
    expect(warned.warnings[0]).toMatch(/^Field 1 .* is cut short on 21 of the 21 sample labels/);
    expect(warned.warnings[1]).toMatch(/names “nmae”, which the sample rows do not have/);
    const over = { ...design, code_size_mm: 30, fields: [{ ...design.fields[0]!, anchor: "box" as const, x_mm: 5, y_mm: 5, width_mm: 20, height_mm: 5 }] };
    await expect(b.previewDesign({ draft: over, layout: "avery-l7160" })).rejects.toMatchObject({ message: expect.stringMatching(/covers the code/) });
    await expect(b.previewDesign({ draft: design, layout: "nope" })).rejects.toMatchObject({ kind: "bad_input" });
  });

  it("records each PDF, newest first, and reprints chosen rows or serials with the same codes", async () => {
    const b = quick();
    expect(await b.listPrintJobs()).toEqual([]);
    await b.printRun({ source: { kind: "csv", text: csv, mapping: jars }, options: { ...defaultPrintOptions(), design: "Shelf label" } });
    const [job] = await b.listPrintJobs();
    expect(job).toMatchObject({ id: 1, source: "CSV rows from the window", layout: "avery-l7160", design: "Shelf label", style: null, rows: 4, codes: 4, pages: 1, first_serial: 1, last_serial: 4 });
    await expect(b.printRun({ source: { kind: "csv", text: csv, mapping: jars }, options: { ...defaultPrintOptions(), design: "Gone" } }))
      .rejects.toMatchObject({ kind: "bad_input", message: expect.stringMatching(/No saved design is called “Gone”/) });

    const again = await b.reprintJob({ job_id: 1, rows: "2-3", serials: null, start_at: 21 });
    expect(again).toMatchObject({ labels: 2, pages: 2, path: expect.stringMatching(/reprint-1-/) });
    const both = await b.reprintJob({ job_id: 1, rows: "1-3", serials: "3-4", start_at: 1 });
    expect(both?.labels).toBe(1);
    const jobs = await b.listPrintJobs();
    expect(jobs.map((j) => [j.id, j.source, j.first_serial, j.last_serial])).toEqual([[3, "Reprint of job 1", 3, 3], [2, "Reprint of job 1", 2, 3], [1, "CSV rows from the window", 1, 4]]);
    await expect(b.reprintJob({ job_id: 1, rows: "9", serials: null, start_at: 1 })).rejects.toMatchObject({ kind: "bad_input" });
    await expect(b.reprintJob({ job_id: 1, rows: null, serials: null, start_at: 22 })).rejects.toMatchObject({ message: expect.stringMatching(/from 1 to 21/) });
    await expect(b.reprintJob({ job_id: 99, rows: null, serials: null, start_at: 1 })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("lists printers and sends a PDF it wrote; or says there is no printing system", async () => {
    const b = quick();
    const list = await b.listPrinters();
    expect(list.unavailable).toBeNull();
    expect(list.printers.find((p) => p.is_default)?.name).toBe("Office_Laser");
    const result = await b.printRun({ source: { kind: "csv", text: csv, mapping: jars }, options: defaultPrintOptions() });
    const sent = await b.sendToPrinter({ path: result.path, printer: "Office_Laser", copies: 2 });
    expect(sent).toMatchObject({ printer: "Office_Laser", copies: 2, warnings: [], job: expect.stringMatching(/^Office_Laser-\d+$/) });
    await expect(b.sendToPrinter({ path: "/etc/passwd", printer: "Office_Laser", copies: 1 })).rejects.toMatchObject({ kind: "not_found" });
    await expect(b.sendToPrinter({ path: result.path, printer: "Office_Laser", copies: 0 })).rejects.toMatchObject({ kind: "bad_input" });
    await expect(b.sendToPrinter({ path: result.path, printer: "Gone", copies: 1 })).rejects.toMatchObject({ kind: "printing" });
    const none = new FakeBackend({ codeCount: 10, tickMs: 0, noPrinting: true });
    expect((await none.listPrinters())).toMatchObject({ printers: [], unavailable: expect.stringMatching(/No printing system/) });
  });
});

describe("FakeBackend: campaigns", () => {
  const CSV = "table,url\n" + [1, 2, 3, 4, 5, 6].map((n) => `Table ${n},https://cafe.example/menu?t=${n}`).join("\n") + "\n";
  const UTM = "utm_source=print&utm_medium=label&utm_campaign={campaign}&utm_content={serial}";
  const draft = (over: Partial<CampaignDraft> = {}): CampaignDraft => ({
    account: 2, name: "Spring tables", rows_text: CSV, name_column: "table", destination_column: "url", utm: UTM,
    layout: "avery-l7160", design: null, style: null, caption: "{name}", start_at: 1, ...over,
  });

  it("previews the first destinations with the UTM parameters, and the rows that will not become codes", async () => {
    const b = quick();
    const p = await b.campaignPreview(draft({ rows_text: CSV.replace("https://cafe.example/menu?t=3", "ftp://cafe.example/") }));
    expect(p.columns).toEqual(["table", "url"]);
    expect(p.rows).toBe(6);
    expect(p.first).toHaveLength(5);
    expect(p.first[0]).toEqual({ row: 1, name: "Table 1", destination: "https://cafe.example/menu?t=1&utm_source=print&utm_medium=label&utm_campaign=Spring+tables&utm_content=1" });
    // Row 3 is refused, so row 4 has serial 3.
    expect(p.first[2]!.destination).toMatch(/[?&]t=4&.*utm_content=3$/);
    expect(p.problems).toEqual([{ row: 3, reason: "Only web addresses (https:// or http://) can be used as a destination." }]);
    // Parameters a destination has stay as they are.
    const kept = await b.campaignPreview(draft({ rows_text: "table,url\nA,https://cafe.example/?utm_source=qr\n" }));
    expect(kept.first[0]!.destination).toBe("https://cafe.example/?utm_source=qr&utm_medium=label&utm_campaign=Spring+tables&utm_content=1");
    expect((await b.campaignPreview(draft({ utm: null }))).first[0]!.destination).toBe("https://cafe.example/menu?t=1");
    await expect(b.campaignPreview(draft({ utm: "utm_term={tabel}" }))).rejects.toMatchObject({ kind: "bad_input", message: expect.stringContaining("\"tabel\"") });
    await expect(b.campaignPreview(draft({ utm: "utm_source" }))).rejects.toMatchObject({ kind: "bad_input" });
    await expect(b.campaignPreview(draft({ name_column: "place" }))).rejects.toMatchObject({ kind: "bad_input", message: expect.stringContaining("table, url") });
  });

  it("makes a code per row and prints at once; the details have a few days of scans; the PDF is in the history", async () => {
    const b = quick();
    const made = await b.campaignCreate(draft());
    expect(made).toMatchObject({ id: 1, name: "Spring tables", status: "printed", rows: 6, codes_created: 6, waiting: 0, failed: [], pages: 1 });
    const details = await b.campaignDetails(1);
    expect(details.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(details.rows.every((r) => r.short_link.startsWith("https://qrcp.io/c/"))).toBe(true);
    expect(details.scans_by_day.length).toBeGreaterThan(2);
    expect(details.scans_by_day.reduce((n, d) => n + d.scans, 0)).toBe(details.summary.scans);
    expect(details.best).toHaveLength(3);
    expect((await b.listCampaigns()).map((c) => [c.id, c.status, c.codes])).toEqual([[1, "printed", 6]]);
    const job = (await b.listPrintJobs())[0]!;
    expect(job).toMatchObject({ output: made!.output, codes: 6, source: "Campaign #1 “Spring tables”" });
    expect(await b.exportCampaignScans(1)).toEqual({ path: "/home/you/Downloads/campaign-1-scans.csv" });
    // A second campaign's PDF does not overwrite the first.
    expect((await b.campaignCreate(draft({ name: "Again" })))!.output).not.toBe(made!.output);
  });

  it("offline, waits with the reason; Try again prints it", async () => {
    const b = quick();
    b.offline = true;
    const waiting = await b.campaignCreate(draft({ rows_text: CSV + "Table 7,\n" }));
    expect(waiting).toMatchObject({ status: "waiting", codes_created: 0, waiting: 6, failed: [{ row: 7 }] });
    expect(waiting!.note).toMatch(/^waiting for the service: The service could not be reached/);
    expect((await b.listPrintJobs())).toEqual([]);
    expect(await b.campaignResume(1)).toMatchObject({ status: "waiting" });
    b.offline = false;
    expect(await b.campaignResume(1)).toMatchObject({ status: "printed", codes_created: 6, waiting: 0 });
  });

  it("refuses what Rust refuses: an account that makes no codes, a caption with a design, no good row", async () => {
    const b = quick();
    await expect(b.campaignCreate(draft({ account: 5 }))).rejects.toMatchObject({ kind: "bad_input" });
    await expect(b.campaignCreate(draft({ design: "Shelf label" }))).rejects.toMatchObject({ kind: "bad_input", message: expect.stringMatching(/caption or a label design/) });
    await expect(b.campaignCreate(draft({ rows_text: "table,url\nA,nowhere\n" }))).rejects.toMatchObject({ message: expect.stringMatching(/^No row can become a code; row 1/) });
    await expect(b.campaignDetails(9)).rejects.toMatchObject({ kind: "bad_input" });
  });
});

describe("toAppError", () => {
  it("keeps AppErrors and hides everything else behind a sentence", () => {
    expect(toAppError({ kind: "network", message: "Offline." })).toEqual({ kind: "network", message: "Offline." });
    expect(toAppError({ kind: "printing", message: "The printer is off." })).toEqual({ kind: "printing", message: "The printer is off." });
    expect(toAppError({ error: { kind: "conflict", message: "Changed." } })).toEqual({ kind: "conflict", message: "Changed." });
    const hidden = toAppError(new TypeError("x is undefined at foo.ts:12"));
    expect(hidden.kind).toBe("io");
    expect(hidden.message).not.toMatch(/undefined|foo\.ts|\{/);
    expect(toAppError({ kind: "weird", message: "?" }).kind).toBe("io");
  });
});
