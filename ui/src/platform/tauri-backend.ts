// The only module that imports `@tauri-apps/api`. Every method is one `invoke` of a command in
// COMMANDS; each command takes at most one argument whose name is a single word (`query`,
// `request`, `id`, `account`, `entry`, `filter`, `style`, `design`, `name`, `draft`), so Tauri's
// camelCase argument mapping is a no-op.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { Backend, Unsubscribe } from "./backend";
import { BackendError, toAppError } from "./backend";
import { EVENTS } from "./events";

/** Command names (Rust `#[tauri::command] fn …`) per Backend method. */
export const COMMANDS = {
  appInfo: "app_info",
  startDemo: "start_demo",
  listAccounts: "list_accounts",
  listWorkspaces: "list_workspaces",
  addAccount: "add_account",
  verifyAccount: "verify_account",
  removeAccount: "remove_account",
  auditLog: "audit_log",
  rotationState: "rotation_state",
  rotationStart: "rotation_start",
  rotationSubmitKey: "rotation_submit_key",
  rotationVerify: "rotation_verify",
  rotationSwitch: "rotation_switch",
  rotationConfirmRevoked: "rotation_confirm_revoked",
  rotationBack: "rotation_back",
  rotationAbandon: "rotation_abandon",
  listCodes: "list_codes",
  getCode: "get_code",
  editCode: "edit_code",
  codeAnalytics: "code_analytics",
  exportCode: "export_code",
  listOutbox: "list_outbox",
  retryOutbox: "retry_outbox",
  discardOutbox: "discard_outbox",
  outboxConflict: "outbox_conflict",
  resolveConflict: "resolve_conflict",
  syncStatus: "sync_status",
  startSync: "start_sync",
  cancelSync: "cancel_sync",
  listLayouts: "list_layouts",
  listPrinterProfiles: "list_printer_profiles",
  csvPreview: "csv_preview",
  printPreview: "print_preview",
  printRun: "print_run",
  printCancel: "print_cancel",
  openPath: "open_path",
  showInFolder: "show_in_folder",
  listStyles: "list_styles",
  previewStyle: "preview_style",
  saveStyle: "save_style",
  removeStyle: "remove_style",
  listDesigns: "list_designs",
  previewDesign: "preview_design",
  saveDesign: "save_design",
  removeDesign: "remove_design",
  listPrintJobs: "list_print_jobs",
  reprintJob: "reprint_job",
  listPrinters: "list_printers",
  sendToPrinter: "send_to_printer",
  listCampaigns: "list_campaigns",
  campaignDetails: "campaign_details",
  campaignPreview: "campaign_preview",
  campaignCreate: "campaign_create",
  campaignResume: "campaign_resume",
  exportCampaignScans: "export_campaign_scans",
} as const satisfies Partial<Record<keyof Backend, string>>;

type Method = keyof typeof COMMANDS;
type Result<M extends Method> = Awaited<ReturnType<Backend[M]>>;

async function call<M extends Method>(method: M, args?: Record<string, unknown>): Promise<Result<M>> {
  try {
    return await invoke<Result<M>>(COMMANDS[method], args);
  } catch (error) {
    throw new BackendError(toAppError(error));
  }
}

async function subscribe<T>(event: string, handler: (payload: T) => void): Promise<Unsubscribe> {
  const unlisten = await listen<T>(event, (e) => handler(e.payload));
  return unlisten;
}

export function createTauriBackend(): Backend {
  return {
    appInfo: () => call("appInfo"),
    startDemo: () => call("startDemo"),
    listAccounts: () => call("listAccounts"),
    listWorkspaces: (query) => call("listWorkspaces", { query }),
    addAccount: (request) => call("addAccount", { request }),
    verifyAccount: (id) => call("verifyAccount", { id }),
    removeAccount: (request) => call("removeAccount", { request }),
    auditLog: (account) => call("auditLog", { account }),
    rotationState: (account) => call("rotationState", { account }),
    rotationStart: (account) => call("rotationStart", { account }),
    rotationSubmitKey: (request) => call("rotationSubmitKey", { request }),
    rotationVerify: (account) => call("rotationVerify", { account }),
    rotationSwitch: (account) => call("rotationSwitch", { account }),
    rotationConfirmRevoked: (account) => call("rotationConfirmRevoked", { account }),
    rotationBack: (account) => call("rotationBack", { account }),
    rotationAbandon: (account) => call("rotationAbandon", { account }),
    listCodes: (query) => call("listCodes", { query }),
    getCode: (id) => call("getCode", { id }),
    editCode: (request) => call("editCode", { request }),
    codeAnalytics: (query) => call("codeAnalytics", { query }),
    exportCode: (request) => call("exportCode", { request }),
    listOutbox: (filter) => call("listOutbox", { filter }),
    retryOutbox: (entry) => call("retryOutbox", { entry }),
    discardOutbox: (entry) => call("discardOutbox", { entry }),
    outboxConflict: (entry) => call("outboxConflict", { entry }),
    resolveConflict: (request) => call("resolveConflict", { request }),
    syncStatus: () => call("syncStatus"),
    startSync: (request) => call("startSync", { request }),
    cancelSync: () => call("cancelSync"),
    onSyncProgress: (handler) => subscribe(EVENTS.syncProgress, handler),
    listLayouts: () => call("listLayouts"),
    listPrinterProfiles: () => call("listPrinterProfiles"),
    csvPreview: (request) => call("csvPreview", { request }),
    printPreview: (request) => call("printPreview", { request }),
    printRun: (request) => call("printRun", { request }),
    printCancel: () => call("printCancel"),
    onPrintProgress: (handler) => subscribe(EVENTS.printProgress, handler),
    openPath: (request) => call("openPath", { request }),
    showInFolder: (request) => call("showInFolder", { request }),
    listStyles: () => call("listStyles"),
    previewStyle: (request) => call("previewStyle", { request }),
    saveStyle: (style) => call("saveStyle", { style }),
    removeStyle: (name) => call("removeStyle", { name }),
    listDesigns: () => call("listDesigns"),
    previewDesign: (request) => call("previewDesign", { request }),
    saveDesign: (design) => call("saveDesign", { design }),
    removeDesign: (name) => call("removeDesign", { name }),
    listPrintJobs: () => call("listPrintJobs"),
    reprintJob: (request) => call("reprintJob", { request }),
    listPrinters: () => call("listPrinters"),
    sendToPrinter: (request) => call("sendToPrinter", { request }),
    listCampaigns: () => call("listCampaigns"),
    campaignDetails: (id) => call("campaignDetails", { id }),
    campaignPreview: (draft) => call("campaignPreview", { draft }),
    campaignCreate: (draft) => call("campaignCreate", { draft }),
    campaignResume: (id) => call("campaignResume", { id }),
    exportCampaignScans: (id) => call("exportCampaignScans", { id }),
  };
}
