// The IPC types the screens use, all generated from Rust (ts-rs, `scripts/gen-bindings.sh`, from
// qrdesk-app's `ipc` module) under the same names as on the Rust side, and re-exported here so
// screens import from one place. Nothing here is written by hand.

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
export type { PrintSettings } from "../bindings/PrintSettings";
export type { PrintPreview } from "../bindings/PrintPreview";
export type { PrintProgress } from "../bindings/PrintProgress";
export type { PrintRequest } from "../bindings/PrintRequest";
export type { PrintResult } from "../bindings/PrintResult";
export type { PrintSource } from "../bindings/PrintSource";
export type { PrinterProfile } from "../bindings/PrinterProfile";
export type { RotationKeyRequest } from "../bindings/RotationKeyRequest";
export type { RotationState } from "../bindings/RotationState";
export type { RotationStep } from "../bindings/RotationStep";
export type { RowProblem } from "../bindings/RowProblem";
export type { LabelShape } from "../bindings/LabelShape";
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
export type { RemoveAccountRequest } from "../bindings/RemoveAccountRequest";
export type { ExportRequest } from "../bindings/ExportRequest";
/** `null` from `export_code` = the user closed the save dialog. */
export type { ExportResult } from "../bindings/ExportResult";
export type { CsvPreviewRequest } from "../bindings/CsvPreviewRequest";
export type { PathRequest } from "../bindings/PathRequest";
export type { FinderShape } from "../bindings/FinderShape";
export type { FramePosition } from "../bindings/FramePosition";
export type { LogoData } from "../bindings/LogoData";
export type { ModuleShape } from "../bindings/ModuleShape";
export type { StyleDraft } from "../bindings/StyleDraft";
export type { StylePreviewRequest } from "../bindings/StylePreviewRequest";
export type { StyleProof } from "../bindings/StyleProof";
export type { CodePlacement } from "../bindings/CodePlacement";
export type { DesignDraft } from "../bindings/DesignDraft";
export type { DesignPreview } from "../bindings/DesignPreview";
export type { DesignPreviewRequest } from "../bindings/DesignPreviewRequest";
export type { FieldAnchor } from "../bindings/FieldAnchor";
export type { FieldDraft } from "../bindings/FieldDraft";
export type { TextAlign } from "../bindings/TextAlign";
export type { TextFit } from "../bindings/TextFit";
export type { PrintJobSummary } from "../bindings/PrintJobSummary";
export type { ReprintRequest } from "../bindings/ReprintRequest";
export type { PrinterInfo } from "../bindings/PrinterInfo";
export type { PrinterJob } from "../bindings/PrinterJob";
export type { PrinterList } from "../bindings/PrinterList";
export type { SendToPrinterRequest } from "../bindings/SendToPrinterRequest";
export type { CampaignDay } from "../bindings/CampaignDay";
export type { CampaignDetails } from "../bindings/CampaignDetails";
export type { CampaignDraft } from "../bindings/CampaignDraft";
export type { CampaignOutcome } from "../bindings/CampaignOutcome";
export type { CampaignPreview } from "../bindings/CampaignPreview";
export type { CampaignPreviewRow } from "../bindings/CampaignPreviewRow";
export type { CampaignProblem } from "../bindings/CampaignProblem";
export type { CampaignRowView } from "../bindings/CampaignRowView";
export type { CampaignSummary } from "../bindings/CampaignSummary";
export type { DailyScans } from "../bindings/DailyScans";

/** The formats a download is offered in (`ExportRequest.format`). */
export type ExportFormat = "svg" | "png" | "pdf";
