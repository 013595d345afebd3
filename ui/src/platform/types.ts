// The IPC types the screens use. Most are generated from Rust (ts-rs, `scripts/gen-bindings.sh`)
// and re-exported here; the few still written by hand below are shaped exactly as the Rust side
// serialises them (snake_case fields, `null` for `Option::None`, tagged enums with `kind`).
// When one of them gains `#[derive(TS)]` in Rust, replace it with a re-export.

import type { AuditEvent } from "../bindings/AuditEvent";

// Generated from Rust (scripts/gen-bindings.sh): re-exported so screens import from one place.
export type { AccountSync } from "../bindings/AccountSync";
export type { AddAccountRequest } from "../bindings/AddAccountRequest";
export type { AnalyticsQuery } from "../bindings/AnalyticsQuery";
export type { AppInfo } from "../bindings/AppInfo";
export type { CaptionSource } from "../bindings/CaptionSource";
export type { CodePage } from "../bindings/CodePage";
export type { CodeQuery } from "../bindings/CodeQuery";
export type { CodeRow } from "../bindings/CodeRow";
export type { ColumnMapping } from "../bindings/ColumnMapping";
export type { CsvPreview } from "../bindings/CsvPreview";
export type { EcLevel } from "../bindings/EcLevel";
export type { OutboxFilter } from "../bindings/OutboxFilter";
export type { PaperSize } from "../bindings/PaperSize";
export type { PrintOptions } from "../bindings/PrintOptions";
export type { PrintPreview } from "../bindings/PrintPreview";
export type { PrintProgress } from "../bindings/PrintProgress";
export type { PrintRequest } from "../bindings/PrintRequest";
export type { PrintResult } from "../bindings/PrintResult";
export type { PrintSource } from "../bindings/PrintSource";
export type { RotationKeyRequest } from "../bindings/RotationKeyRequest";
export type { RotationState } from "../bindings/RotationState";
export type { RotationStep } from "../bindings/RotationStep";
export type { RowProblem } from "../bindings/RowProblem";
export type { SheetLayout } from "../bindings/SheetLayout";
export type { SortKey } from "../bindings/SortKey";
export type { SyncOverview } from "../bindings/SyncOverview";
export type { WorkspaceOption } from "../bindings/WorkspaceOption";
export type { WorkspaceQuery } from "../bindings/WorkspaceQuery";
export type { CodeVersion } from "../bindings/CodeVersion";
export type { ConflictChoice } from "../bindings/ConflictChoice";
export type { ConflictDetail } from "../bindings/ConflictDetail";
export type { EditCodeRequest } from "../bindings/EditCodeRequest";
export type { ResolveRequest } from "../bindings/ResolveRequest";
export type { SyncPhase } from "../bindings/SyncPhase";
export type { SyncProgress } from "../bindings/SyncProgress";
export type { SyncRequest } from "../bindings/SyncRequest";

export type { AuditEvent };

/** `remove_account` payload. */
export type RemoveAccountRequest = { id: number; purge: boolean };

export type ExportFormat = "svg" | "png" | "pdf";
export type ExportRequest = { code: number; format: ExportFormat };
/** `null` from `export_code` = the user closed the save dialog. */
export type ExportResult = { path: string };

// ---- Print ----

/** `csv_preview` payload: the file's text, read in the webview with a file input. */
export type CsvPreviewRequest = { text: string };

/** `open_path` / `show_in_folder` payload. */
export type PathRequest = { path: string };
