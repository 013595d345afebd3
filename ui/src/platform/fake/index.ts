// An in-memory Backend with realistic demo data, for unit tests and `npm run dev` in a browser.
// It follows the same rules as the Rust side: secrets go in and are dropped after masking,
// edits queue in the outbox, sync and print report progress by events and can be cancelled.
//
// Never part of the production bundle: `select-backend.ts` loads it with `import()` only outside
// Tauri and only when not built by `vite build`; `scripts/check-dist.mjs` fails the build if any
// of it reaches ui/dist.
//
// This class only wires the Backend methods to the areas, each in its own file over one shared
// store (state.ts): accounts, rotation, library, outbox, sync, print, printer profiles, styles,
// label designs, the print history, the printers CUPS offers and campaigns.

import type { Account } from "../../bindings/Account";
import type { AuditEvent } from "../../bindings/AuditEvent";
import type { OutboxEntry } from "../../bindings/OutboxEntry";
import type { QrCode } from "../../bindings/QrCode";
import type { ScanSeries } from "../../bindings/ScanSeries";
import type { Backend, Unsubscribe } from "../backend";
import type * as T from "../types";
import { FakeAccounts } from "./accounts";
import { FakeCampaigns } from "./campaigns";
import { FakeCups } from "./cups";
import { FakeDesigns } from "./designs";
import { FakeHistory } from "./history";
import { FakeLibrary } from "./library";
import { FakeOutbox } from "./outbox";
import { FakePrint } from "./print";
import { FakePrinters } from "./printers";
import { FakeRotation } from "./rotation";
import { type FakeOptions, FakeState } from "./state";
import { FakeStyles } from "./styles";
import { FakeSync } from "./sync";

export type { FakeOptions };

export class FakeBackend implements Backend {
  private readonly s: FakeState;
  private readonly accounts: FakeAccounts;
  private readonly rotation: FakeRotation;
  private readonly library: FakeLibrary;
  private readonly outbox: FakeOutbox;
  private readonly sync: FakeSync;
  private readonly print: FakePrint;
  private readonly printers: FakePrinters;
  private readonly styles: FakeStyles;
  private readonly designs: FakeDesigns;
  private readonly history: FakeHistory;
  private readonly cups: FakeCups;
  private readonly campaigns: FakeCampaigns;

  constructor(options: FakeOptions = {}) {
    this.s = new FakeState(options);
    this.accounts = new FakeAccounts(this.s);
    this.rotation = new FakeRotation(this.s);
    this.library = new FakeLibrary(this.s);
    this.outbox = new FakeOutbox(this.s);
    this.sync = new FakeSync(this.s, this.outbox);
    this.print = new FakePrint(this.s);
    this.printers = new FakePrinters(this.s);
    this.styles = new FakeStyles(this.s);
    this.designs = new FakeDesigns(this.s);
    this.history = new FakeHistory(this.s);
    this.cups = new FakeCups(this.s);
    this.campaigns = new FakeCampaigns(this.s);
  }

  /** While `true`, every network operation fails with kind `network` (tests flip it). */
  get offline(): boolean {
    return this.s.offline;
  }
  set offline(value: boolean) {
    this.s.offline = value;
  }

  async appInfo(): Promise<T.AppInfo> {
    return { name: "QR Desk", version: "0.1.0", demo: this.s.demo };
  }
  async startDemo(): Promise<T.AppInfo> {
    if (!this.s.demo) this.s.seed();
    return this.appInfo();
  }

  listAccounts(): Promise<Account[]> { return this.accounts.list(); }
  listWorkspaces(query: T.WorkspaceQuery): Promise<T.WorkspaceOption[]> { return this.accounts.workspaces(query); }
  addAccount(request: T.AddAccountRequest): Promise<Account> { return this.accounts.add(request); }
  verifyAccount(id: number): Promise<Account> { return this.accounts.verify(id); }
  removeAccount(request: T.RemoveAccountRequest): Promise<void> { return this.accounts.remove(request); }
  auditLog(account: number | null): Promise<AuditEvent[]> { return this.accounts.auditLog(account); }

  rotationState(account: number): Promise<T.RotationState | null> { return this.rotation.state(account); }
  rotationStart(account: number): Promise<T.RotationState> { return this.rotation.start(account); }
  rotationSubmitKey(request: T.RotationKeyRequest): Promise<T.RotationState> { return this.rotation.submitKey(request); }
  rotationVerify(account: number): Promise<T.RotationState> { return this.rotation.verify(account); }
  rotationSwitch(account: number): Promise<T.RotationState> { return this.rotation.switchKey(account); }
  rotationConfirmRevoked(account: number): Promise<T.RotationState> { return this.rotation.confirmRevoked(account); }
  rotationBack(account: number): Promise<T.RotationState> { return this.rotation.back(account); }
  rotationAbandon(account: number): Promise<void> { return this.rotation.abandon(account); }

  listCodes(query: T.CodeQuery): Promise<T.CodePage> { return this.library.list(query); }
  getCode(id: number): Promise<QrCode> { return this.library.get(id); }
  editCode(request: T.EditCodeRequest): Promise<QrCode> { return this.library.edit(request); }
  codeAnalytics(query: T.AnalyticsQuery): Promise<ScanSeries> { return this.library.analytics(query); }
  exportCode(request: T.ExportRequest): Promise<T.ExportResult> { return this.library.export(request); }

  listOutbox(filter: T.OutboxFilter): Promise<OutboxEntry[]> { return this.outbox.list(filter); }
  retryOutbox(entry: number): Promise<OutboxEntry> { return this.outbox.retry(entry); }
  discardOutbox(entry: number): Promise<void> { return this.outbox.discard(entry); }
  outboxConflict(entry: number): Promise<T.ConflictDetail> { return this.outbox.conflict(entry); }
  resolveConflict(request: T.ResolveRequest): Promise<void> { return this.outbox.resolve(request); }

  syncStatus(): Promise<T.SyncOverview> { return this.sync.status(); }
  startSync(request: T.SyncRequest): Promise<void> { return this.sync.start(request); }
  cancelSync(): Promise<void> { return this.sync.cancel(); }
  onSyncProgress(handler: (progress: T.SyncProgress) => void): Promise<Unsubscribe> { return this.sync.onProgress(handler); }

  listLayouts(): Promise<T.SheetLayout[]> { return this.print.layouts(); }
  listPrinterProfiles(): Promise<T.PrinterProfile[]> { return this.printers.list(); }
  csvPreview(request: T.CsvPreviewRequest): Promise<T.CsvPreview> { return this.print.csvPreview(request); }
  printPreview(request: T.PrintRequest): Promise<T.PrintPreview> { return this.print.preview(request); }
  printRun(request: T.PrintRequest): Promise<T.PrintResult> { return this.print.run(request); }
  printCancel(): Promise<void> { return this.print.cancel(); }
  onPrintProgress(handler: (progress: T.PrintProgress) => void): Promise<Unsubscribe> { return this.print.onProgress(handler); }

  listStyles(): Promise<T.StyleDraft[]> { return this.styles.list(); }
  previewStyle(request: T.StylePreviewRequest): Promise<T.StyleProof> { return this.styles.preview(request); }
  saveStyle(style: T.StyleDraft): Promise<T.StyleDraft> { return this.styles.save(style); }
  removeStyle(name: string): Promise<void> { return this.styles.remove(name); }

  listDesigns(): Promise<T.DesignDraft[]> { return this.designs.list(); }
  previewDesign(request: T.DesignPreviewRequest): Promise<T.DesignPreview> { return this.designs.preview(request); }
  saveDesign(design: T.DesignDraft): Promise<T.DesignDraft> { return this.designs.save(design); }
  removeDesign(name: string): Promise<void> { return this.designs.remove(name); }

  listPrintJobs(): Promise<T.PrintJobSummary[]> { return this.history.list(); }
  reprintJob(request: T.ReprintRequest): Promise<T.PrintResult> { return this.history.reprint(request); }

  listPrinters(): Promise<T.PrinterList> { return this.cups.list(); }
  sendToPrinter(request: T.SendToPrinterRequest): Promise<T.PrinterJob> { return this.cups.send(request); }

  listCampaigns(): Promise<T.CampaignSummary[]> { return this.campaigns.list(); }
  campaignDetails(id: number): Promise<T.CampaignDetails> { return this.campaigns.details(id); }
  campaignPreview(draft: T.CampaignDraft): Promise<T.CampaignPreview> { return this.campaigns.preview(draft); }
  campaignCreate(draft: T.CampaignDraft): Promise<T.CampaignOutcome> { return this.campaigns.create(draft); }
  campaignResume(id: number): Promise<T.CampaignOutcome> { return this.campaigns.resume(id); }
  exportCampaignScans(id: number): Promise<T.ExportResult> { return this.campaigns.exportScans(id); }

  /** No file manager in a browser: opening or revealing a "written" file does nothing. */
  async openPath(): Promise<void> {}
  async showInFolder(): Promise<void> {}
}

/**
 * The dev URL switches (`npm run dev`): `?seed=1` starts with the demo data, `?codes=N` sets the
 * library size (default 100,000, at most 200,000), `?offline=1` makes every network step fail,
 * `?printing=0` leaves no printing system to send PDFs to.
 */
export function fakeOptionsFromSearch(search: string): FakeOptions {
  const params = new URLSearchParams(search);
  const count = Number(params.get("codes") ?? "100000");
  return {
    seeded: params.get("seed") === "1",
    codeCount: Number.isFinite(count) && count >= 0 ? Math.min(count, 200_000) : 100_000,
    offline: params.get("offline") === "1",
    noPrinting: params.get("printing") === "0",
  };
}
