// Pins the IPC contract the Rust side implements: snake_case command names, one single-word
// argument per command, AppError rejections, and the progress events.
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { BackendError } from "./backend";
import { EVENTS } from "./events";
import { COMMANDS, createTauriBackend } from "./tauri-backend";
import { insideTauri } from "./select-backend";
import type { SyncProgress } from "./types";

afterEach(() => clearMocks());

describe("TauriBackend", () => {
  it("uses snake_case command names", () => {
    for (const name of Object.values(COMMANDS)) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it("invokes each command with its single named argument", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      if (cmd === "list_codes") return { total: 0, offset: 0, rows: [] };
      return null;
    });
    expect(insideTauri(window)).toBe(true);
    const b = createTauriBackend();
    const query = { search: "menu", account: null, status: null, environment: null, pending_only: false, sort: "name" as const, offset: 0, limit: 200 };
    expect(await b.listCodes(query)).toEqual({ total: 0, offset: 0, rows: [] });
    await b.verifyAccount(3);
    await b.auditLog(null);
    await b.rotationSubmitKey({ account: 3, secret: "qrcp_live_x", expires_at: null });
    await b.resolveConflict({ entry: 4, choice: "keep_mine" });
    expect(calls).toEqual([
      ["list_codes", { query }],
      ["verify_account", { id: 3 }],
      ["audit_log", { account: null }],
      ["rotation_submit_key", { request: { account: 3, secret: "qrcp_live_x", expires_at: null } }],
      ["resolve_conflict", { request: { entry: 4, choice: "keep_mine" } }],
    ]);
  });

  it("invokes the style commands with `request`, `style` and `name`", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      if (cmd === "list_styles") return [];
      return null;
    });
    const b = createTauriBackend();
    const style = {
      name: "Brand", dark: "k", light: "paper", modules: "dots" as const, finder: "rounded" as const, finder_center: "circle" as const,
      finder_color: null, logo: null, logo_size: 0.22, frame: null, frame_position: "bottom" as const, frame_color: "k",
    };
    expect(await b.listStyles()).toEqual([]);
    await b.previewStyle({ style, payload: null, size_mm: 30 });
    await b.saveStyle(style);
    await b.removeStyle("Brand");
    expect(calls).toEqual([
      ["list_styles", {}],
      ["preview_style", { request: { style, payload: null, size_mm: 30 } }],
      ["save_style", { style }],
      ["remove_style", { name: "Brand" }],
    ]);
  });

  it("invokes the design, history and printer commands with `design`, `name` and `request`", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      if (cmd === "list_designs" || cmd === "list_print_jobs") return [];
      if (cmd === "list_printers") return { printers: [], unavailable: "No printing system." };
      return null;
    });
    const b = createTauriBackend();
    const design = { name: "Jars", code_position: "left" as const, code_size_mm: null, fields: [] };
    expect(await b.listDesigns()).toEqual([]);
    await b.previewDesign({ draft: design, layout: "avery-l7160" });
    await b.saveDesign(design);
    await b.removeDesign("Jars");
    expect(await b.listPrintJobs()).toEqual([]);
    expect(await b.reprintJob({ job_id: 4, rows: "2-3", serials: null, start_at: 1 })).toBeNull();
    expect(await b.listPrinters()).toEqual({ printers: [], unavailable: "No printing system." });
    await b.sendToPrinter({ path: "/tmp/a.pdf", printer: "Office", copies: 2 });
    expect(calls).toEqual([
      ["list_designs", {}],
      ["preview_design", { request: { draft: design, layout: "avery-l7160" } }],
      ["save_design", { design }],
      ["remove_design", { name: "Jars" }],
      ["list_print_jobs", {}],
      ["reprint_job", { request: { job_id: 4, rows: "2-3", serials: null, start_at: 1 } }],
      ["list_printers", {}],
      ["send_to_printer", { request: { path: "/tmp/a.pdf", printer: "Office", copies: 2 } }],
    ]);
  });

  it("invokes the campaign commands with `id` and `draft`", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      if (cmd === "list_campaigns") return [];
      return null;
    });
    const b = createTauriBackend();
    const draft = {
      account: 2, name: "Spring tables", rows_text: "table,url\nTable 1,https://cafe.example/menu\n", name_column: "table", destination_column: "url",
      utm: "utm_source=print", layout: "avery-l7160", design: null, style: null, caption: "{name}", start_at: 1,
    };
    expect(await b.listCampaigns()).toEqual([]);
    await b.campaignDetails(3);
    await b.campaignPreview(draft);
    expect(await b.campaignCreate(draft)).toBeNull();
    await b.campaignResume(3);
    expect(await b.exportCampaignScans(3)).toBeNull();
    expect(calls).toEqual([
      ["list_campaigns", {}],
      ["campaign_details", { id: 3 }],
      ["campaign_preview", { draft }],
      ["campaign_create", { draft }],
      ["campaign_resume", { id: 3 }],
      ["export_campaign_scans", { id: 3 }],
    ]);
  });

  it("lists the printer profiles with no argument", async () => {
    const calls: [string, unknown][] = [];
    const shop = { name: "Shop laser", offset_x_mm: 0.4, offset_y_mm: -0.6, scale_x: 0.998, scale_y: 0.998 };
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      return cmd === "list_printer_profiles" ? [shop] : null;
    });
    const b = createTauriBackend();
    expect(await b.listPrinterProfiles()).toEqual([shop]);
    expect(calls).toEqual([["list_printer_profiles", {}]]);
  });

  it("turns a rejected AppError into a BackendError, and hides anything else", async () => {
    mockIPC((cmd) => {
      if (cmd === "verify_account") throw { kind: "key_revoked", message: "This API key was revoked on the service." };
      throw new Error("panicked at src/lib.rs:12");
    });
    const b = createTauriBackend();
    const revoked = await b.verifyAccount(1).catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(BackendError);
    expect(revoked).toMatchObject({ kind: "key_revoked", message: "This API key was revoked on the service." });
    const other = await b.listAccounts().catch((e: unknown) => e);
    expect(other).toBeInstanceOf(BackendError);
    expect((other as BackendError).message).not.toContain("lib.rs");
  });

  it("delivers sync progress events", async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const b = createTauriBackend();
    const seen: SyncProgress[] = [];
    const off = await b.onSyncProgress((p) => seen.push(p));
    const p: SyncProgress = { account: 1, phase: "listing", done: 5, total: 10, error: null };
    await emit(EVENTS.syncProgress, p);
    off();
    await emit(EVENTS.syncProgress, { ...p, done: 6 });
    expect(seen).toEqual([p]);
  });
});
