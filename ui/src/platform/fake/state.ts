// The fake backend's in-memory store: what the Rust side keeps in SQLite and the keychain (minus
// the secrets, which are dropped after masking), plus the lookups and bookkeeping every area of
// the fake shares.

import type { Account } from "../../bindings/Account";
import type { AppError } from "../../bindings/AppError";
import type { AuditEvent } from "../../bindings/AuditEvent";
import type { OutboxEntry } from "../../bindings/OutboxEntry";
import { PROVIDER_NAMES } from "../../logic/key-detect";
import type { CampaignDay, CampaignDraft, CodeRow, DesignDraft, PrintJobSummary, PrintSettings, PrinterList, PrinterProfile, RotationState, StyleDraft } from "../types";
import { demoAccounts, demoCodes, demoDesigns, demoOutbox, demoPrinterProfiles, demoPrinters, demoStyles } from "./demo-data";
import { fail } from "./errors";

export type FakeOptions = {
  /** Start with the demo already running (screenshots, tests of later screens). */
  seeded?: boolean;
  codeCount?: number;
  /** Every network operation fails with kind `network`. */
  offline?: boolean;
  /** No printing system (CUPS) to send PDFs to: `list_printers` says why. */
  noPrinting?: boolean;
  /** Milliseconds between progress steps of sync and print (0 in tests). */
  tickMs?: number;
  now?: () => Date;
};

export type Listener<T> = (payload: T) => void;

/** One label a job placed: its data row, serial, code and the columns its texts come from. */
export type FakeLabel = { row: number; serial: number; content: string; caption: string; columns: Record<string, string> };

/** A printed PDF as the history keeps it: the summary the page lists and what reprints need. */
export type FakeJob = { summary: PrintJobSummary; settings: PrintSettings; design: DesignDraft | null; labels: FakeLabel[] };

/** One row of a campaign: its code in the library (`null` for a refused row) and, once the
 *  service has confirmed it, its short link and scans. */
export type FakeCampaignLine = {
  row: number;
  serial: number | null;
  name: string;
  destination: string;
  code: number | null;
  short_link: string;
  scans: number | null;
  problem: string | null;
};

/** A campaign as the store keeps it: the draft it was made from, where its PDF goes, its rows. */
export type FakeCampaign = {
  id: number;
  name: string;
  account: number;
  status: "waiting" | "printed";
  created_at: string;
  draft: CampaignDraft;
  output: string;
  print_job: number | null;
  lines: FakeCampaignLine[];
  days: CampaignDay[];
};

const OUTBOX_RANK: Record<OutboxEntry["state"], number> = { conflict: 4, needs_confirmation: 3, failed: 2, pending: 1, done: 0 };

export class FakeState {
  accounts: Account[] = [];
  /** Code `id` is at index `id - 1`. */
  rows: CodeRow[] = [];
  outbox: OutboxEntry[] = [];
  audit: AuditEvent[] = [];
  styles: StyleDraft[] = [];
  /** Made on the command line (`qrdesk print profile save`); the app only lists and names them. */
  printerProfiles: PrinterProfile[] = [];
  designs: DesignDraft[] = [];
  /** The PDFs printed, oldest first, with what each label held (history.ts). */
  jobs: FakeJob[] = [];
  /** The campaigns made (campaigns.ts), oldest first. */
  campaigns: FakeCampaign[] = [];
  /** What CUPS offers (cups.ts); the printers are there even before the demo starts. */
  printers: PrinterList;
  readonly rotations = new Map<number, RotationState>();
  readonly lastSync = new Map<number, { at: string | null; error: AppError | null }>();
  readonly nextId = { account: 100, outbox: 100, audit: 1, job: 1, cups: 40, campaign: 1 };
  demo = false;
  offline: boolean;
  /** Bumped by every change to accounts or rows; caches built from them check it. */
  revision = 0;
  readonly codeCount: number;
  readonly tickMs: number;
  readonly now: () => Date;

  constructor(options: FakeOptions) {
    this.codeCount = options.codeCount ?? 2_000;
    this.offline = options.offline ?? false;
    this.tickMs = options.tickMs ?? 120;
    this.now = options.now ?? (() => new Date());
    this.printers = demoPrinters(options.noPrinting ?? false);
    if (options.seeded) this.seed();
  }

  /**
   * Loads the demo: accounts, codes, outbox entries, a brand style, a label design and two
   * printer profiles, with the accounts' audit history.
   */
  seed(): void {
    const now = this.now();
    this.demo = true;
    this.accounts = demoAccounts(now);
    this.rows = demoCodes(this.codeCount, this.accounts, now);
    this.outbox = demoOutbox(this.rows, now);
    this.styles = demoStyles();
    this.printerProfiles = demoPrinterProfiles();
    this.designs = demoDesigns();
    for (const a of this.accounts) {
      this.lastSync.set(a.id, { at: new Date(now.getTime() - (a.id * 37 + 5) * 60_000).toISOString(), error: a.last_error });
      this.log(a.id, "key_added", `Key ${a.masked_key} added for ${PROVIDER_NAMES[a.provider]}.`, a.created_at);
      if (a.last_verified_at) this.log(a.id, "key_verified", `Key ${a.masked_key} verified.`, a.last_verified_at);
    }
    this.changed();
  }

  changed(): void {
    this.revision += 1;
  }

  stamp(): string {
    return this.now().toISOString();
  }

  log(account: number, event: string, detail: string, at = this.stamp()): void {
    this.audit.push({ id: this.nextId.audit++, account, at, event, detail });
  }

  account(id: number): Account {
    const a = this.accounts.find((x) => x.id === id);
    if (!a) fail("not_found", "This account no longer exists");
    return a;
  }

  row(id: number): CodeRow {
    const r = this.rows[id - 1];
    if (!r || r.id !== id) fail("not_found", "This code is not in the library");
    return r;
  }

  requireOnline(): void {
    if (this.offline) fail("network");
  }

  /** One progress step of a sync or print job. */
  wait(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.tickMs));
  }

  /** Recomputes a code's `pending` / `outbox_state` from its open outbox entries. */
  refreshRowState(code: number): void {
    const r = this.rows[code - 1];
    if (!r) return;
    const open = this.outbox.filter((e) => e.code === code && e.state !== "done");
    open.sort((a, b) => OUTBOX_RANK[b.state] - OUTBOX_RANK[a.state]);
    r.pending = open.length > 0;
    r.outbox_state = open[0]?.state ?? null;
    this.changed();
  }
}
