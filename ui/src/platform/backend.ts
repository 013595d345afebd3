// The one interface between the screens and the Rust side. Screens never import `@tauri-apps/api`:
// they get a `Backend` (TauriBackend in the window, FakeBackend in tests and `npm run dev`).
//
// Secrets only travel inward (add_account, list_workspaces, rotation_submit_key); no method
// returns or emits one. Failures reject with a `BackendError` carrying the shared AppError.

import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import type { AuditEvent } from "../bindings/AuditEvent";
import type { ErrorKind } from "../bindings/ErrorKind";
import type { OutboxEntry } from "../bindings/OutboxEntry";
import type { QrCode } from "../bindings/QrCode";
import type { ScanSeries } from "../bindings/ScanSeries";
import type {
  AddAccountRequest,
  AnalyticsQuery,
  AppInfo,
  CampaignDetails,
  CampaignDraft,
  CampaignOutcome,
  CampaignPreview,
  CampaignSummary,
  CodePage,
  CodeQuery,
  ConflictDetail,
  CsvPreview,
  CsvPreviewRequest,
  DesignDraft,
  DesignPreview,
  DesignPreviewRequest,
  EditCodeRequest,
  ExportRequest,
  ExportResult,
  OutboxFilter,
  PathRequest,
  PrintPreview,
  PrintProgress,
  PrintRequest,
  PrintJobSummary,
  PrintResult,
  PrinterJob,
  PrinterList,
  PrinterProfile,
  RemoveAccountRequest,
  ReprintRequest,
  ResolveRequest,
  RotationKeyRequest,
  RotationState,
  SendToPrinterRequest,
  SheetLayout,
  StyleDraft,
  StylePreviewRequest,
  StyleProof,
  SyncOverview,
  SyncProgress,
  SyncRequest,
  WorkspaceOption,
  WorkspaceQuery,
} from "./types";

export type Unsubscribe = () => void;

export interface Backend {
  appInfo(): Promise<AppInfo>;
  /** Starts the built-in simulator and seeds demo accounts and codes. */
  startDemo(): Promise<AppInfo>;

  // Accounts & keys
  listAccounts(): Promise<Account[]>;
  listWorkspaces(query: WorkspaceQuery): Promise<WorkspaceOption[]>;
  addAccount(request: AddAccountRequest): Promise<Account>;
  verifyAccount(id: number): Promise<Account>;
  removeAccount(request: RemoveAccountRequest): Promise<void>;
  auditLog(account: number | null): Promise<AuditEvent[]>;

  // Rotation (the five steps of the keys issue)
  rotationState(account: number): Promise<RotationState | null>;
  rotationStart(account: number): Promise<RotationState>;
  rotationSubmitKey(request: RotationKeyRequest): Promise<RotationState>;
  rotationVerify(account: number): Promise<RotationState>;
  rotationSwitch(account: number): Promise<RotationState>;
  rotationConfirmRevoked(account: number): Promise<RotationState>;
  /** Back from step 2 to step 1 (enter another key). Only before the switch. */
  rotationBack(account: number): Promise<RotationState>;
  /** Abandon without any change. Only before the switch. */
  rotationAbandon(account: number): Promise<void>;

  // Codes
  listCodes(query: CodeQuery): Promise<CodePage>;
  getCode(id: number): Promise<QrCode>;
  editCode(request: EditCodeRequest): Promise<QrCode>;
  codeAnalytics(query: AnalyticsQuery): Promise<ScanSeries>;
  /** Asks where to save (native save dialog); `null` when the user cancels it. */
  exportCode(request: ExportRequest): Promise<ExportResult | null>;

  // Outbox
  listOutbox(filter: OutboxFilter): Promise<OutboxEntry[]>;
  retryOutbox(entry: number): Promise<OutboxEntry>;
  discardOutbox(entry: number): Promise<void>;
  outboxConflict(entry: number): Promise<ConflictDetail>;
  resolveConflict(request: ResolveRequest): Promise<void>;

  // Sync
  syncStatus(): Promise<SyncOverview>;
  startSync(request: SyncRequest): Promise<void>;
  cancelSync(): Promise<void>;
  onSyncProgress(handler: (progress: SyncProgress) => void): Promise<Unsubscribe>;

  // Print
  listLayouts(): Promise<SheetLayout[]>;
  /** The saved printer profiles (made with `qrdesk print profile save`), by name. */
  listPrinterProfiles(): Promise<PrinterProfile[]>;
  csvPreview(request: CsvPreviewRequest): Promise<CsvPreview>;
  printPreview(request: PrintRequest): Promise<PrintPreview>;
  /** Resolves when the PDF is written; rejects with kind `cancelled` after `printCancel`. */
  printRun(request: PrintRequest): Promise<PrintResult | null>;
  printCancel(): Promise<void>;
  onPrintProgress(handler: (progress: PrintProgress) => void): Promise<Unsubscribe>;
  openPath(request: PathRequest): Promise<void>;
  showInFolder(request: PathRequest): Promise<void>;

  // Brand styles (the Styles page; print and export name one)
  listStyles(): Promise<StyleDraft[]>;
  /** Draws the style with the print engine's renderer and decodes it back at `size_mm`. */
  previewStyle(request: StylePreviewRequest): Promise<StyleProof>;
  /** Adds the style, or replaces the saved one of the same name; answers it as saved. */
  saveStyle(style: StyleDraft): Promise<StyleDraft>;
  removeStyle(name: string): Promise<void>;

  // Label designs (the Designs page; Print names one)
  listDesigns(): Promise<DesignDraft[]>;
  /** Lays the draft out on page 1 of `layout`, filled with sample rows (columns name, url, id). */
  previewDesign(request: DesignPreviewRequest): Promise<DesignPreview>;
  /** Adds the design, or replaces the saved one of the same name (any case); answers it as saved. */
  saveDesign(design: DesignDraft): Promise<DesignDraft>;
  removeDesign(name: string): Promise<void>;

  // Print history (the History page), newest first
  listPrintJobs(): Promise<PrintJobSummary[]>;
  /** Prints chosen labels of a job again; asks where to save, `null` when the user cancels. */
  reprintJob(request: ReprintRequest): Promise<PrintResult | null>;

  // Printers (the Print… dialog): `unavailable` says why there is no printing system
  listPrinters(): Promise<PrinterList>;
  sendToPrinter(request: SendToPrinterRequest): Promise<PrinterJob>;

  // Campaigns (the Campaigns page): one new code per CSV row, printed once the service has them all
  /** Newest first. */
  listCampaigns(): Promise<CampaignSummary[]>;
  /** Rows in row order with their short links and scans; scans per day oldest first. */
  campaignDetails(id: number): Promise<CampaignDetails>;
  /** The draft's columns, row count, first destinations with the UTM parameters, and row problems. */
  campaignPreview(draft: CampaignDraft): Promise<CampaignPreview>;
  /** Asks where to save the PDF (`null` when the user cancels), makes the codes, prints when all are confirmed. */
  campaignCreate(draft: CampaignDraft): Promise<CampaignOutcome | null>;
  /** Carries a waiting campaign on: syncs its account, prints when every code is confirmed. */
  campaignResume(id: number): Promise<CampaignOutcome>;
  /** The campaign's scans per code per day as CSV; asks where to save, `null` when the user cancels. */
  exportCampaignScans(id: number): Promise<ExportResult | null>;
}

/** A failure as the shared error vocabulary describes it. `message` is already a sentence. */
export class BackendError extends Error {
  readonly kind: ErrorKind;
  constructor(error: AppError) {
    super(error.message);
    this.name = "BackendError";
    this.kind = error.kind;
  }
  toAppError(): AppError {
    return { kind: this.kind, message: this.message };
  }
}

/** Every kind Rust sends, as a record so that a kind added on the Rust side fails the type-check here. */
const KINDS: Record<ErrorKind, true> = {
  missing_credentials: true, invalid_credentials: true, key_revoked: true, key_expired: true, forbidden: true,
  not_a_member: true, step_up_required: true, not_found: true, validation: true, conflict: true, rate_limited: true,
  quota_exhausted: true, server_error: true, network: true, malformed_response: true, bad_input: true, io: true, storage: true,
  keychain_unavailable: true, printing: true, cancelled: true,
};
const KNOWN_KINDS: readonly string[] = Object.keys(KINDS);

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === "string" &&
    typeof v.kind === "string" &&
    KNOWN_KINDS.includes(v.kind)
  );
}

/**
 * Turns anything a rejected promise carries into an AppError a person can read. Unknown shapes
 * never leak through as JSON or stack traces: they become a generic sentence.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof BackendError) return error.toAppError();
  if (isAppError(error)) return { kind: error.kind, message: error.message };
  if (typeof error === "object" && error !== null && "error" in error) {
    const inner = (error as { error: unknown }).error;
    if (isAppError(inner)) return { kind: inner.kind, message: inner.message };
  }
  return {
    kind: "io",
    message: "Something went wrong inside QR Desk. Try again; if it keeps happening, restart the app.",
  };
}
