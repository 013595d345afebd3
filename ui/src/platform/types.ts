// IPC types the screens need that `src/bindings/` (generated from Rust by ts-rs) does not hold yet.
// Each is shaped exactly as the Rust side should serialise it: snake_case fields, `null` for
// `Option::None`, tagged enums with a `kind` field. When the Rust types land with `#[derive(TS)]`,
// replace the definition here with a re-export from `../bindings/…`.

import type { AppError } from "../bindings/AppError";
import type { AuditEvent } from "../bindings/AuditEvent";
import type { CodeChanges } from "../bindings/CodeChanges";
import type { CodeStatus } from "../bindings/CodeStatus";
import type { Environment } from "../bindings/Environment";
import type { OutboxState } from "../bindings/OutboxState";
import type { ProviderKind } from "../bindings/ProviderKind";
import type { QrCode } from "../bindings/QrCode";

export type { AuditEvent };

/** `app_info`: what the window title and the About line show. */
export type AppInfo = {
  name: string;
  version: string;
  /** The built-in simulator is running (demo data). */
  demo: boolean;
};

/** `add_account` payload. `secret` goes in and is never returned or emitted. */
export type AddAccountRequest = {
  provider: ProviderKind;
  label: string;
  /** The API key (or the `sk_live_…` half of an ExaRoutes pair). */
  secret: string;
  /** ExaRoutes `cust_…` client id for the header-pair scheme. */
  client_id: string | null;
  /** ExaRoutes workspace / iloveQR organization id. */
  workspace: string | null;
  /** `null` = the provider's default base URL. */
  base_url: string | null;
  /** ISO date (`2027-01-31`) the user entered, for services that don't report expiry. */
  expires_at: string | null;
  /** `false` = save as unverified (offline). */
  verify: boolean;
};

/** `list_workspaces` payload: asks the service which workspaces/organizations a key sees. */
export type WorkspaceQuery = {
  provider: ProviderKind;
  secret: string;
  client_id: string | null;
  base_url: string | null;
};

export type WorkspaceOption = { id: string; name: string };

/** `remove_account` payload. */
export type RemoveAccountRequest = { id: number; purge: boolean };

/**
 * The step a rotation is ON (what happens next), in the order of the keys issue:
 * 1 enter_key, 2 verify, 3 switch, 4 revoke_old, 5 confirm_revoked, then done.
 */
export type RotationStep = "enter_key" | "verify" | "switch" | "revoke_old" | "confirm_revoked" | "done";

/** A rotation as persisted in SQLite (resumable). Masked key forms only. */
export type RotationState = {
  account: number;
  step: RotationStep;
  old_masked_key: string;
  /** `null` until the new key is entered (or created by the service's API). */
  new_masked_key: string | null;
  /** Exante: QR Desk creates and revokes keys through the API. */
  automatic: boolean;
  /** Where in the service's dashboard the user revokes the old key. */
  dashboard_hint: string;
  /** The last attempt at the current step failed (e.g. the old key still works). */
  last_error: AppError | null;
  started_at: string;
  updated_at: string;
};

/** `rotation_submit_key` payload. */
export type RotationKeyRequest = { account: number; secret: string; expires_at: string | null };

export type SortKey = "name" | "updated" | "scans";

/** `list_codes` payload: one page of the library. */
export type CodeQuery = {
  /** Live search over name, destination and short URL (FTS on the Rust side). */
  search: string;
  account: number | null;
  status: CodeStatus | null;
  environment: Environment | null;
  /** Only codes with an outbox entry waiting. */
  pending_only: boolean;
  sort: SortKey;
  offset: number;
  limit: number;
};

/** A library row: the cached code plus the state of its most urgent outbox entry. */
export type CodeRow = QrCode & {
  /** Rust: `#[serde(flatten)] code: QrCode, outbox_state: Option<OutboxState>`. */
  outbox_state: OutboxState | null;
};

export type CodePage = { total: number; offset: number; rows: CodeRow[] };

/** `code_analytics` payload. Dates are ISO days (UTC), inclusive. */
export type AnalyticsQuery = { code: number; from: string; to: string };

export type EditCodeRequest = { code: number; changes: CodeChanges };

export type ExportFormat = "svg" | "png" | "pdf";
export type ExportRequest = { code: number; format: ExportFormat };
/** `null` from `export_code` = the user closed the save dialog. */
export type ExportResult = { path: string };

/** `list_outbox` payload. */
export type OutboxFilter = { account: number | null; code: number | null };

/** One side of a conflict. */
export type CodeVersion = {
  name: string;
  destination: string;
  status: CodeStatus;
  updated_at: string | null;
};

/** `outbox_conflict`: both versions, side by side. */
export type ConflictDetail = {
  entry: number;
  code: number;
  /** The edit waiting in the outbox, applied to the base version. */
  mine: CodeVersion;
  /** What the service holds now. */
  theirs: CodeVersion;
};

export type ConflictChoice = "keep_mine" | "keep_theirs";
export type ResolveRequest = { entry: number; choice: ConflictChoice };

/** `sync_status` response. */
export type SyncOverview = {
  /** `false` when the last network attempt failed with kind `network`. */
  online: boolean;
  accounts: AccountSync[];
};

export type AccountSync = {
  account: number;
  last_sync_at: string | null;
  last_error: AppError | null;
  running: boolean;
  codes: number;
};

export type SyncPhase = "listing" | "analytics" | "outbox" | "done" | "failed" | "cancelled";

/** Event `sync://progress`. */
export type SyncProgress = {
  account: number;
  phase: SyncPhase;
  done: number;
  /** `null` while the total is not known yet. */
  total: number | null;
  error: AppError | null;
};

/** `start_sync` payload: `account: null` = every account. */
export type SyncRequest = { account: number | null };

// ---- Print ----

export type PaperSize = "A4" | "Letter";

/** A sheet template (geometry in millimetres), drawn by the layout picker. */
export type SheetLayout = {
  id: string;
  name: string;
  paper: PaperSize;
  page_width_mm: number;
  page_height_mm: number;
  columns: number;
  rows: number;
  label_width_mm: number;
  label_height_mm: number;
  margin_top_mm: number;
  margin_left_mm: number;
  pitch_x_mm: number;
  pitch_y_mm: number;
};

export type EcLevel = "L" | "M" | "Q" | "H";
export type CaptionSource = "none" | "name" | "content" | "column";

export type PrintOptions = {
  layout: string;
  /** Printed size of the symbol, quiet zone included. */
  size_mm: number;
  ec: EcLevel;
  /** `#rrggbb`. */
  foreground: string;
  background: string;
  caption: CaptionSource;
  bleed_mm: number;
  crop_marks: boolean;
  /** 1-based label position on the first sheet (part-used sheets). */
  start_at: number;
  /** Printer drift correction. */
  offset_x_mm: number;
  offset_y_mm: number;
};

/** Which CSV columns feed what. Column names as in the header row. */
export type ColumnMapping = { content: string; caption: string | null };

/** Rust: `#[serde(tag = "kind", rename_all = "snake_case")] enum PrintSource`. */
export type PrintSource =
  | { kind: "selection"; codes: number[] }
  | { kind: "search"; query: Omit<CodeQuery, "offset" | "limit" | "sort"> }
  | { kind: "csv"; text: string; mapping: ColumnMapping };

export type PrintRequest = { source: PrintSource; options: PrintOptions };

/** A row that will not print (or prints badly), listed before printing. */
export type RowProblem = {
  /** 1-based row in the source (CSV line after the header, or position in the selection). */
  row: number;
  code: number | null;
  message: string;
};

/** `print_preview` response. */
export type PrintPreview = {
  /** Page 1 as a `data:image/png;base64,…` or `data:image/svg+xml;base64,…` URL. */
  page_image: string;
  pages: number;
  labels: number;
  problems: RowProblem[];
};

/** `print_run` response (after the job finishes). */
export type PrintResult = { path: string; pages: number; labels: number; problems: RowProblem[] };

/** Event `print://progress`. */
export type PrintProgress = { done: number; total: number };

/** `csv_preview` payload: the file's text, read in the webview with a file input. */
export type CsvPreviewRequest = { text: string };

export type CsvPreview = {
  columns: string[];
  /** The first rows (at most 10), cells as text. */
  rows: string[][];
  row_count: number;
  /** The backend's guess (a column that looks like URLs). */
  suggested: ColumnMapping;
};

/** `open_path` / `show_in_folder` payload. */
export type PathRequest = { path: string };
