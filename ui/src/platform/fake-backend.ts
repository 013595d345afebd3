// An in-memory Backend with realistic demo data, for unit tests and `npm run dev` in a browser.
// It follows the same rules as the Rust side: secrets go in and are dropped after masking,
// edits queue in the outbox, sync and print report progress by events and can be cancelled.

import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import type { AuditEvent } from "../bindings/AuditEvent";
import type { Breakdown } from "../bindings/Breakdown";
import type { CodeChanges } from "../bindings/CodeChanges";
import type { DailyScans } from "../bindings/DailyScans";
import type { ErrorKind } from "../bindings/ErrorKind";
import type { OutboxEntry } from "../bindings/OutboxEntry";
import type { QrCode } from "../bindings/QrCode";
import type { ScanSeries } from "../bindings/ScanSeries";
import { compareRows, filterRows, haystack, matches, searchTerms } from "../logic/code-filter";
import { parseCsv, suggestMapping } from "../logic/csv";
import { destinationProblem, nameProblem } from "../logic/destination";
import { detectKey, maskKey, PROVIDER_NAMES, DEFAULT_BASE_URLS } from "../logic/key-detect";
import { labelRects, validatePrintOptions, hasProblems } from "../logic/print-options";
import { qrSvgGroup } from "../logic/qr-matrix";
import type { Backend, Unsubscribe } from "./backend";
import { BackendError } from "./backend";
import { demoAccounts, demoCodes, demoOutbox, LAYOUTS, prng } from "./fake-data";
import type {
  AccountSync,
  AddAccountRequest,
  AppInfo,
  CodePage,
  CodeQuery,
  CodeRow,
  ConflictDetail,
  PrintProgress,
  PrintRequest,
  PrintResult,
  RotationState,
  RowProblem,
  SyncProgress,
} from "./types";

const SENTENCES: Partial<Record<ErrorKind, string>> = {
  invalid_credentials: "The service does not recognise this API key. Check that it was copied completely, or create a new key in the service's dashboard and add it again.",
  network: "The service could not be reached. Check the internet connection; your changes wait safely in the outbox.",
  validation: "The service refused a value. Correct the field named in the message and try again.",
  bad_input: "Something given to QR Desk is not usable. Correct the value named in the message and try again.",
  not_found: "The service no longer has this item. It may have been deleted elsewhere; sync to refresh the list.",
  cancelled: "The job was cancelled. Nothing was written.",
  not_a_member: "This key has no access to the chosen workspace or organization. Pick another one, or ask its owner to invite you.",
};

function fail(kind: ErrorKind, detail = ""): never {
  const advice = SENTENCES[kind] ?? "";
  const message = detail === "" ? advice : `${detail}${/[.!?]$/.test(detail) ? "" : "."} ${advice}`.trim();
  throw new BackendError({ kind, message });
}

export type FakeOptions = {
  /** Start with the demo already running (screenshots, tests of later screens). */
  seeded?: boolean;
  codeCount?: number;
  /** Every network operation fails with kind `network`. */
  offline?: boolean;
  /** Milliseconds between progress steps of sync and print (0 in tests). */
  tickMs?: number;
  now?: () => Date;
};

type Listener<T> = (payload: T) => void;

export class FakeBackend implements Backend {
  private accounts: Account[] = [];
  private rows: CodeRow[] = [];
  private outbox: OutboxEntry[] = [];
  private audit: AuditEvent[] = [];
  private rotations = new Map<number, RotationState>();
  private lastSync = new Map<number, { at: string | null; error: AppError | null }>();
  private syncing = false;
  private syncCancelled = false;
  private printCancelled = false;
  private syncListeners = new Set<Listener<SyncProgress>>();
  private printListeners = new Set<Listener<PrintProgress>>();
  private queryCache: { key: string; rows: CodeRow[] } | null = null;
  /** Per sort key, all rows in order; and each row's search text. Dropped on any change. */
  private sortedCache = new Map<CodeQuery["sort"], CodeRow[]>();
  private hayCache = new Map<number, string>();
  private nextId = { account: 100, outbox: 100, audit: 1 };
  private demo = false;
  offline: boolean;
  private readonly codeCount: number;
  private readonly tickMs: number;
  private readonly now: () => Date;

  constructor(options: FakeOptions = {}) {
    this.codeCount = options.codeCount ?? 2_000;
    this.offline = options.offline ?? false;
    this.tickMs = options.tickMs ?? 120;
    this.now = options.now ?? (() => new Date());
    if (options.seeded) this.seed();
  }

  private seed(): void {
    const now = this.now();
    this.demo = true;
    this.accounts = demoAccounts(now);
    this.rows = demoCodes(this.codeCount, this.accounts, now);
    this.outbox = demoOutbox(this.rows, now);
    for (const a of this.accounts) {
      this.lastSync.set(a.id, { at: new Date(now.getTime() - (a.id * 37 + 5) * 60_000).toISOString(), error: a.last_error });
      this.log(a.id, "key_added", `Key ${a.masked_key} added for ${PROVIDER_NAMES[a.provider]}.`, a.created_at);
      if (a.last_verified_at) this.log(a.id, "key_verified", `Key ${a.masked_key} verified.`, a.last_verified_at);
    }
    this.invalidate();
  }

  private invalidate(): void {
    this.queryCache = null;
    this.sortedCache.clear();
    this.hayCache.clear();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private log(account: number, event: string, detail: string, at = this.stamp()): void {
    this.audit.push({ id: this.nextId.audit++, account, at, event, detail });
  }

  private account(id: number): Account {
    const a = this.accounts.find((x) => x.id === id);
    if (!a) fail("not_found", "This account no longer exists");
    return a;
  }

  private row(id: number): CodeRow {
    const r = this.rows[id - 1];
    if (!r || r.id !== id) fail("not_found", "This code is not in the library");
    return r;
  }

  private requireOnline(): void {
    if (this.offline) fail("network");
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.tickMs));
  }

  private refreshRowState(code: number): void {
    const r = this.rows[code - 1];
    if (!r) return;
    const open = this.outbox.filter((e) => e.code === code && e.state !== "done");
    const rank: Record<OutboxEntry["state"], number> = { conflict: 4, needs_confirmation: 3, failed: 2, pending: 1, done: 0 };
    open.sort((a, b) => rank[b.state] - rank[a.state]);
    r.pending = open.length > 0;
    r.outbox_state = open[0]?.state ?? null;
    this.invalidate();
  }

  // ---- App ----

  async appInfo(): Promise<AppInfo> {
    return { name: "QR Desk", version: "0.1.0", demo: this.demo };
  }

  async startDemo(): Promise<AppInfo> {
    if (!this.demo) this.seed();
    return this.appInfo();
  }

  // ---- Accounts ----

  async listAccounts(): Promise<Account[]> {
    return this.accounts.map((a) => ({ ...a, status: this.rotations.has(a.id) && this.rotations.get(a.id)?.step !== "done" ? "rotating" : a.status }));
  }

  async listWorkspaces(query: { provider: Account["provider"]; secret: string }): Promise<{ id: string; name: string }[]> {
    this.requireOnline();
    if (query.secret.trim() === "") fail("bad_input", "Paste the key first");
    if (query.provider === "exaroutes") return [{ id: "ws_spring", name: "Spring campaign" }, { id: "ws_retail", name: "Retail stores" }];
    if (query.provider === "iloveqr") return [{ id: "org_bakery", name: "Bakery Group Ltd" }, { id: "org_cafe", name: "Harbour Café" }];
    return [];
  }

  async addAccount(request: AddAccountRequest): Promise<Account> {
    const detected = detectKey(request.secret);
    if (!detected) fail("bad_input", "The API key is empty");
    if (detected.recognised && detected.provider !== request.provider) {
      fail("bad_input", `This key belongs to ${PROVIDER_NAMES[detected.provider]}, not ${PROVIDER_NAMES[request.provider]}`);
    }
    if (detected.needsClientId && !(request.client_id ?? "").startsWith("cust_")) fail("bad_input", "This ExaRoutes key needs its client id (cust_…)");
    if (request.verify) {
      this.requireOnline();
      if (/invalid|wrong/i.test(request.secret)) fail("invalid_credentials");
    }
    const now = this.stamp();
    const account: Account = {
      id: this.nextId.account++,
      provider: request.provider,
      label: request.label.trim(),
      base_url: request.base_url ?? DEFAULT_BASE_URLS[request.provider],
      workspace: request.workspace,
      environment: detected.environment,
      masked_key: maskKey(request.secret),
      client_id: request.client_id,
      created_at: now,
      key_created_at: now,
      last_verified_at: request.verify ? now : null,
      expires_at: request.expires_at ? new Date(request.expires_at).toISOString() : null,
      status: request.verify ? "verified" : "unverified",
      last_error: null,
      demo: false,
    };
    this.accounts.push(account);
    this.log(account.id, "key_added", `Key ${account.masked_key} added for ${PROVIDER_NAMES[account.provider]}.`);
    return { ...account };
  }

  async verifyAccount(id: number): Promise<Account> {
    const a = this.account(id);
    try {
      this.requireOnline();
    } catch (e) {
      a.last_error = (e as BackendError).toAppError();
      throw e;
    }
    a.last_verified_at = this.stamp();
    a.last_error = null;
    a.status = a.expires_at && new Date(a.expires_at).getTime() - this.now().getTime() < 14 * 86_400_000 ? "expiring" : "verified";
    this.log(id, "key_verified", `Key ${a.masked_key} verified.`);
    return { ...a };
  }

  async removeAccount(request: { id: number; purge: boolean }): Promise<void> {
    const a = this.account(request.id);
    this.accounts = this.accounts.filter((x) => x.id !== a.id);
    if (request.purge) {
      for (const r of this.rows) if (r.account === a.id) r.deleted = true;
      this.outbox = this.outbox.filter((e) => e.account !== a.id);
    }
    this.log(a.id, "key_removed", `Key ${a.masked_key} removed from the keychain${request.purge ? " and cached codes deleted" : ""}.`);
    this.invalidate();
  }

  async auditLog(account: number | null): Promise<AuditEvent[]> {
    return this.audit.filter((e) => account === null || e.account === account).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  }

  // ---- Rotation ----

  private rotation(account: number): RotationState {
    const r = this.rotations.get(account);
    if (!r) fail("bad_input", "No rotation is in progress for this account");
    return r;
  }

  private setStep(r: RotationState, step: RotationState["step"], detail: string): RotationState {
    r.step = step;
    r.last_error = null;
    r.updated_at = this.stamp();
    this.log(r.account, "rotation_step", detail);
    return { ...r };
  }

  async rotationState(account: number): Promise<RotationState | null> {
    const r = this.rotations.get(account);
    return r ? { ...r } : null;
  }

  async rotationStart(account: number): Promise<RotationState> {
    const a = this.account(account);
    const existing = this.rotations.get(account);
    if (existing && existing.step !== "done") return { ...existing };
    const automatic = a.provider === "exante";
    const r: RotationState = {
      account,
      step: "enter_key",
      old_masked_key: a.masked_key,
      new_masked_key: null,
      automatic,
      dashboard_hint: {
        exaroutes: "ExaRoutes dashboard → Settings → API keys",
        "qr-v1": "QR platform dashboard → Account → API access (Team plan)",
        qrcodepro: "QRCodePro dashboard → Developers → API keys",
        iloveqr: "iloveQR dashboard → Organization settings → API keys",
        exante: "Exante dashboard → Settings → API keys (QR Desk revokes it for you)",
      }[a.provider],
      last_error: null,
      started_at: this.stamp(),
      updated_at: this.stamp(),
    };
    this.rotations.set(account, r);
    this.log(account, "rotation_started", `Rotation of key ${a.masked_key} started.`);
    return { ...r };
  }

  async rotationSubmitKey(request: { account: number; secret: string; expires_at: string | null }): Promise<RotationState> {
    const r = this.rotation(request.account);
    const a = this.account(request.account);
    if (r.step !== "enter_key") fail("bad_input", "The new key was already entered");
    let masked: string;
    if (r.automatic) {
      this.requireOnline();
      masked = `ex_live_…${Math.floor(prng(a.id + Date.now())() * 0xffff).toString(16).padStart(4, "0")}`;
    } else {
      const d = detectKey(request.secret);
      if (!d) fail("bad_input", "Paste the new key");
      if (d.recognised && d.provider !== a.provider) fail("bad_input", `This key belongs to ${PROVIDER_NAMES[d.provider]}, not ${PROVIDER_NAMES[a.provider]}`);
      masked = maskKey(request.secret);
      if (masked === a.masked_key) fail("bad_input", "This is the key already in use; create a new one");
    }
    r.new_masked_key = masked;
    return this.setStep(r, "verify", `New key ${masked} entered.`);
  }

  async rotationVerify(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "verify") fail("bad_input", "Enter the new key first");
    try {
      this.requireOnline();
    } catch (e) {
      r.last_error = (e as BackendError).toAppError();
      throw e;
    }
    return this.setStep(r, "switch", `New key ${r.new_masked_key ?? ""} verified against the same workspace.`);
  }

  async rotationSwitch(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "switch") fail("bad_input", "Verify the new key first");
    const a = this.account(account);
    a.masked_key = r.new_masked_key ?? a.masked_key;
    a.key_created_at = this.stamp();
    a.last_verified_at = this.stamp();
    a.status = "verified";
    if (r.automatic) a.expires_at = new Date(this.now().getTime() + 90 * 86_400_000).toISOString();
    return this.setStep(r, "revoke_old", `Keychain switched to ${a.masked_key}; ${r.old_masked_key} kept as pending revoke.`);
  }

  async rotationConfirmRevoked(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "revoke_old" && r.step !== "confirm_revoked") fail("bad_input", "Switch to the new key first");
    try {
      this.requireOnline();
    } catch (e) {
      r.last_error = (e as BackendError).toAppError();
      throw e;
    }
    if (r.step === "revoke_old") this.setStep(r, "confirm_revoked", r.automatic ? `Old key ${r.old_masked_key} revoked through the API.` : `User reports ${r.old_masked_key} revoked.`);
    const done = this.setStep(r, "done", `Old key ${r.old_masked_key} is refused by the service and was deleted from the keychain.`);
    return done;
  }

  async rotationBack(account: number): Promise<RotationState> {
    const r = this.rotation(account);
    if (r.step !== "verify") fail("bad_input", "You can only go back before the switch");
    r.new_masked_key = null;
    return this.setStep(r, "enter_key", "New key discarded before verification.");
  }

  async rotationAbandon(account: number): Promise<void> {
    const r = this.rotation(account);
    if (r.step !== "enter_key" && r.step !== "verify" && r.step !== "switch") fail("bad_input", "After the switch a rotation can only be finished");
    this.rotations.delete(account);
    this.log(account, "rotation_abandoned", "Rotation abandoned; nothing changed.");
  }

  // ---- Codes ----

  async listCodes(query: CodeQuery): Promise<CodePage> {
    const byId = new Map(this.accounts.map((a) => [a.id, a]));
    const key = JSON.stringify({ ...query, offset: 0, limit: 0 });
    if (this.queryCache?.key !== key) {
      let sorted = this.sortedCache.get(query.sort);
      if (!sorted) {
        sorted = [...this.rows].sort(compareRows(query.sort));
        this.sortedCache.set(query.sort, sorted);
      }
      const terms = searchTerms(query.search);
      const hay = (r: CodeRow) => {
        let h = this.hayCache.get(r.id);
        if (h === undefined) {
          h = haystack(r);
          this.hayCache.set(r.id, h);
        }
        return h;
      };
      this.queryCache = { key, rows: sorted.filter((r) => byId.has(r.account) && matches(r, query, byId, terms, hay)) };
    }
    const all = this.queryCache.rows;
    const offset = Math.max(0, query.offset);
    return { total: all.length, offset, rows: all.slice(offset, offset + Math.max(0, query.limit)).map((r) => ({ ...r })) };
  }

  async getCode(id: number): Promise<QrCode> {
    const { outbox_state: _state, ...code } = this.row(id);
    void _state;
    return { ...code };
  }

  async editCode(request: { code: number; changes: CodeChanges }): Promise<QrCode> {
    const r = this.row(request.code);
    const c = request.changes;
    if (c.name !== undefined && c.name !== null) {
      const p = nameProblem(c.name);
      if (p) fail("validation", p);
    }
    if (c.destination !== undefined && c.destination !== null) {
      const p = destinationProblem(c.destination);
      if (p) fail("validation", p);
    }
    const open = this.outbox.find((e) => e.code === r.id && e.state === "pending" && e.op === "update");
    const now = this.stamp();
    if (open) {
      open.changes = { ...open.changes, ...stripNull(c) };
      open.updated_at = now;
    } else {
      this.outbox.push({
        id: this.nextId.outbox++, account: r.account, code: r.id, remote_id: r.remote_id, op: "update",
        changes: stripNull(c), base_updated_at: r.remote_updated_at, client_ref: `ref-${this.nextId.outbox}`,
        state: "pending", kind: null, message: null, attempts: 0, created_at: now, updated_at: now,
      });
    }
    if (c.name) r.name = c.name;
    if (c.destination) r.destination = c.destination;
    if (c.status) r.status = c.status;
    r.local_revision += 1;
    r.updated_at = now;
    this.refreshRowState(r.id);
    return this.getCode(r.id);
  }

  async codeAnalytics(query: { code: number; from: string; to: string }): Promise<ScanSeries> {
    const r = this.row(query.code);
    const a = this.account(r.account);
    if (a.provider === "exante") fail("bad_input", "This service has no analytics");
    const rnd = prng(r.id * 7919);
    const days: DailyScans[] = [];
    const from = new Date(`${query.from}T00:00:00Z`).getTime();
    const to = new Date(`${query.to}T00:00:00Z`).getTime();
    if (!(to >= from)) fail("bad_input", "The start date must be before the end date");
    const level = 5 + rnd() * 60;
    for (let t = from, i = 0; t <= to && i < 800; t += 86_400_000, i++) {
      const weekday = new Date(t).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 1.6 : 1;
      const scans = Math.max(0, Math.round(level * weekend * (0.6 + rnd() * 0.8) + Math.sin(i / 9) * level * 0.3));
      days.push({ date: new Date(t).toISOString().slice(0, 10), scans, unique_scans: Math.round(scans * 0.8) });
    }
    const total = days.reduce((s, d) => s + d.scans, 0);
    const split = (kind: Breakdown["kind"], labels: string[], weights: number[]): Breakdown[] => {
      const sum = weights.reduce((s, w) => s + w, 0);
      return labels.map((label, i) => ({ kind, label, scans: Math.round((total * weights[i]!) / sum) }));
    };
    return {
      days,
      breakdowns: [
        ...split("country", ["United Kingdom", "Germany", "France", "Netherlands", "United States", "Other"], [46, 18, 12, 9, 8, 7]),
        ...split("device", ["iPhone", "Android phone", "Tablet", "Desktop"], [52, 38, 6, 4]),
      ],
      total_scans: total,
      unique_scans: Math.round(total * 0.8),
    };
  }

  async exportCode(request: { code: number; format: "svg" | "png" | "pdf" }): Promise<{ path: string }> {
    const r = this.row(request.code);
    const safe = r.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
    return { path: `/home/you/Downloads/${safe}.${request.format}` };
  }

  // ---- Outbox ----

  async listOutbox(filter: { account: number | null; code: number | null }): Promise<OutboxEntry[]> {
    return this.outbox
      .filter((e) => e.state !== "done" && (filter.account === null || e.account === filter.account) && (filter.code === null || e.code === filter.code))
      .map((e) => ({ ...e, changes: { ...e.changes } }));
  }

  private entry(id: number): OutboxEntry {
    const e = this.outbox.find((x) => x.id === id);
    if (!e) fail("not_found", "This outbox entry is gone");
    return e;
  }

  /** One push attempt, with the rules the services follow. */
  private push(e: OutboxEntry): void {
    e.attempts += 1;
    e.updated_at = this.stamp();
    if (this.offline) {
      e.kind = "network";
      e.message = SENTENCES.network ?? null;
      e.state = "pending";
      return;
    }
    if (e.state === "conflict") return;
    if (e.state === "failed" && e.kind === "validation") return;
    const a = this.accounts.find((x) => x.id === e.account);
    if (a?.provider === "exaroutes" && e.changes.destination && e.state !== "needs_confirmation" && e.kind !== "step_up_required") {
      e.state = "needs_confirmation";
      e.kind = "step_up_required";
      e.message = "The service wants this change confirmed. Confirm it in the service's dashboard, then retry within 5 minutes.";
      return;
    }
    e.state = "done";
    e.kind = null;
    e.message = null;
    const r = this.rows[e.code - 1];
    if (r) r.remote_updated_at = e.updated_at;
  }

  async retryOutbox(entry: number): Promise<OutboxEntry> {
    const e = this.entry(entry);
    if (e.state === "needs_confirmation") {
      // The user confirmed in the dashboard: the grace window is open, the retry goes through.
      e.kind = "step_up_required";
      e.state = "pending";
    }
    if (e.state === "failed") e.state = "pending";
    this.push(e);
    this.refreshRowState(e.code);
    return { ...e };
  }

  async discardOutbox(entry: number): Promise<void> {
    const e = this.entry(entry);
    this.outbox = this.outbox.filter((x) => x.id !== entry);
    this.refreshRowState(e.code);
  }

  async outboxConflict(entry: number): Promise<ConflictDetail> {
    const e = this.entry(entry);
    if (e.state !== "conflict") fail("bad_input", "This entry is not in conflict");
    const r = this.row(e.code);
    const theirsAt = new Date(this.now().getTime() - 20 * 60_000).toISOString();
    return {
      entry: e.id,
      code: r.id,
      mine: { name: e.changes.name ?? r.name, destination: e.changes.destination ?? r.destination, status: e.changes.status ?? r.status, updated_at: e.updated_at },
      theirs: { name: r.name, destination: r.destination.replace(/\?.*$/, "") + "?src=dashboard", status: r.status, updated_at: theirsAt },
    };
  }

  async resolveConflict(request: { entry: number; choice: "keep_mine" | "keep_theirs" }): Promise<void> {
    const e = this.entry(request.entry);
    if (e.state !== "conflict") fail("bad_input", "This entry is not in conflict");
    const r = this.row(e.code);
    if (request.choice === "keep_theirs") {
      const detail = await this.outboxConflict(e.id);
      r.destination = detail.theirs.destination;
      this.outbox = this.outbox.filter((x) => x.id !== e.id);
    } else {
      e.state = "pending";
      e.kind = null;
      e.message = null;
      e.base_updated_at = this.stamp();
      this.push(e);
    }
    this.refreshRowState(r.id);
  }

  // ---- Sync ----

  async syncStatus(): Promise<{ online: boolean; accounts: AccountSync[] }> {
    return {
      online: !this.offline,
      accounts: this.accounts.map((a) => ({
        account: a.id,
        last_sync_at: this.lastSync.get(a.id)?.at ?? null,
        last_error: this.lastSync.get(a.id)?.error ?? null,
        running: this.syncing,
        codes: this.rows.filter((r) => r.account === a.id && !r.deleted).length,
      })),
    };
  }

  async onSyncProgress(handler: Listener<SyncProgress>): Promise<Unsubscribe> {
    this.syncListeners.add(handler);
    return () => this.syncListeners.delete(handler);
  }

  private emitSync(p: SyncProgress): void {
    for (const l of this.syncListeners) l(p);
  }

  async startSync(request: { account: number | null }): Promise<void> {
    if (this.syncing) fail("bad_input", "A sync is already running");
    this.syncing = true;
    this.syncCancelled = false;
    const targets = this.accounts.filter((a) => request.account === null || a.id === request.account);
    void (async () => {
      for (const a of targets) {
        const total = this.rows.filter((r) => r.account === a.id).length;
        const steps = 5;
        for (let s = 0; s <= steps; s++) {
          if (this.syncCancelled) {
            this.emitSync({ account: a.id, phase: "cancelled", done: 0, total, error: null });
            this.syncing = false;
            return;
          }
          if (this.offline) {
            const error = { kind: "network" as const, message: SENTENCES.network ?? "" };
            this.lastSync.set(a.id, { at: this.lastSync.get(a.id)?.at ?? null, error });
            this.emitSync({ account: a.id, phase: "failed", done: 0, total: null, error });
            break;
          }
          this.emitSync({ account: a.id, phase: s < steps ? "listing" : "outbox", done: Math.round((total * s) / steps), total, error: null });
          await this.wait();
        }
        if (!this.offline) {
          for (const e of this.outbox.filter((x) => x.account === a.id && x.state === "pending")) {
            this.push(e);
            this.refreshRowState(e.code);
          }
          this.lastSync.set(a.id, { at: this.stamp(), error: null });
          this.emitSync({ account: a.id, phase: "done", done: total, total, error: null });
        }
      }
      this.syncing = false;
    })();
  }

  async cancelSync(): Promise<void> {
    if (this.syncing) this.syncCancelled = true;
  }

  // ---- Print ----

  async listLayouts() {
    return LAYOUTS.map((l) => ({ ...l }));
  }

  async csvPreview(request: { text: string }) {
    const table = parseCsv(request.text);
    const header = table[0];
    if (!header || header.length === 0) fail("bad_input", "The CSV file is empty");
    const body = table.slice(1);
    return { columns: header, rows: body.slice(0, 10), row_count: body.length, suggested: suggestMapping(header, body.slice(0, 50)) };
  }

  /** The rows a print request covers: content + caption, with problems. */
  private printRows(request: PrintRequest): { items: { content: string; caption: string }[]; problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const items: { content: string; caption: string }[] = [];
    const { source, options } = request;
    const add = (row: number, code: number | null, content: string, caption: string) => {
      if (content.trim() === "") problems.push({ row, code, message: "The row has no content to encode; it is skipped." });
      else if (content.length > 1200) problems.push({ row, code, message: "Too much text for a printable code; it is skipped." });
      else {
        if (options.size_mm < 15 && content.length > 120) problems.push({ row, code, message: `Long content at ${options.size_mm} mm prints very small modules; it may not scan. Use a larger size.` });
        items.push({ content, caption });
      }
    };
    if (source.kind === "csv") {
      const table = parseCsv(source.text);
      const header = table[0] ?? [];
      const ci = header.indexOf(source.mapping.content);
      if (ci === -1) fail("bad_input", `The CSV has no column named "${source.mapping.content}"`);
      const capi = source.mapping.caption === null ? -1 : header.indexOf(source.mapping.caption);
      table.slice(1).forEach((r, i) => add(i + 1, null, r[ci] ?? "", capi === -1 ? "" : (r[capi] ?? "")));
    } else {
      const byId = new Map(this.accounts.map((a) => [a.id, a]));
      const rows = source.kind === "selection"
        ? source.codes.map((id) => this.rows[id - 1]).filter((r): r is CodeRow => r !== undefined)
        : filterRows(this.rows, { ...source.query, sort: "name", offset: 0, limit: 0 }, byId);
      rows.forEach((r, i) => {
        if (r.status === "archived") problems.push({ row: i + 1, code: r.id, message: `"${r.name}" is archived: scans lead nowhere. It is printed anyway.` });
        add(i + 1, r.id, r.content, options.caption === "content" ? r.content : r.name);
      });
    }
    return { items, problems };
  }

  async printPreview(request: PrintRequest) {
    const layout = LAYOUTS.find((l) => l.id === request.options.layout);
    const problems = validatePrintOptions(request.options, layout);
    if (!layout || hasProblems(problems)) fail("bad_input", Object.values(problems)[0] ?? "Check the print options");
    const { items, problems: rowProblems } = this.printRows(request);
    const perSheet = layout.columns * layout.rows;
    const skip = request.options.start_at - 1;
    const pages = items.length === 0 ? 0 : Math.ceil((items.length + skip) / perSheet);
    const o = request.options;
    let body = "";
    const rects = labelRects(layout);
    rects.forEach((rect, i) => {
      const item = i >= skip ? items[i - skip] : undefined;
      body += `<rect x="${rect.x}" y="${rect.y}" width="${rect.w}" height="${rect.h}" rx="1.5" fill="none" stroke="#c8ccd4" stroke-width="0.2"/>`;
      if (!item) return;
      const captionH = o.caption === "none" ? 0 : 4;
      const size = Math.min(o.size_mm, rect.h - captionH - 1, rect.w - 1);
      const x = rect.x + (rect.w - size) / 2 + o.offset_x_mm;
      const y = rect.y + (rect.h - size - captionH) / 2 + o.offset_y_mm;
      if (o.background.toLowerCase() !== "#ffffff") body += `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${o.background}"/>`;
      body += qrSvgGroup(item.content, x, y, size, o.foreground, o.ec);
      if (captionH > 0 && item.caption) {
        body += `<text x="${rect.x + rect.w / 2}" y="${y + size + 3}" font-family="sans-serif" font-size="2.6" text-anchor="middle" fill="#222">${escapeXml(item.caption.slice(0, 40))}</text>`;
      }
      if (o.crop_marks) {
        const m = 2;
        body += `<path stroke="#000" stroke-width="0.15" d="M${rect.x - m - 1} ${rect.y}h${m}M${rect.x} ${rect.y - m - 1}v${m}M${rect.x + rect.w + 1} ${rect.y}h${m}M${rect.x + rect.w} ${rect.y - m - 1}v${m}"/>`;
      }
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.page_width_mm} ${layout.page_height_mm}" width="${layout.page_width_mm * 3}" height="${layout.page_height_mm * 3}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
    const page_image = `data:image/svg+xml;base64,${base64(svg)}`;
    return { page_image, pages, labels: items.length, problems: rowProblems };
  }

  async onPrintProgress(handler: Listener<PrintProgress>): Promise<Unsubscribe> {
    this.printListeners.add(handler);
    return () => this.printListeners.delete(handler);
  }

  async printRun(request: PrintRequest): Promise<PrintResult> {
    this.printCancelled = false;
    const preview = await this.printPreview(request);
    const total = preview.labels;
    const steps = 8;
    for (let s = 1; s <= steps; s++) {
      await this.wait();
      if (this.printCancelled) fail("cancelled");
      const p = { done: Math.round((total * s) / steps), total };
      for (const l of this.printListeners) l(p);
    }
    const stamp = this.stamp().replace(/[:T]/g, "-").slice(0, 16);
    return { path: `/home/you/Documents/QR Desk/print-${stamp}.pdf`, pages: preview.pages, labels: total, problems: preview.problems };
  }

  async printCancel(): Promise<void> {
    this.printCancelled = true;
  }

  async openPath(): Promise<void> {}
  async showInFolder(): Promise<void> {}
}

function stripNull(c: CodeChanges): CodeChanges {
  const out: CodeChanges = {};
  if (c.name != null) out.name = c.name;
  if (c.destination != null) out.destination = c.destination;
  if (c.status != null) out.status = c.status;
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
