// Sync in the fake: per account, progress events while "listing" the service's codes, then the
// account's pending outbox entries are pushed. Cancellable; offline, each account fails with kind
// `network`.

import type { FakeOutbox } from "./outbox";
import { fail, SENTENCES } from "./errors";
import type { FakeState, Listener } from "./state";
import type { Unsubscribe } from "../backend";
import type { SyncOverview, SyncProgress, SyncRequest } from "../types";

export class FakeSync {
  private running = false;
  private cancelled = false;
  private readonly listeners = new Set<Listener<SyncProgress>>();

  constructor(
    private readonly s: FakeState,
    private readonly outbox: FakeOutbox,
  ) {}

  async status(): Promise<SyncOverview> {
    return {
      online: !this.s.offline,
      accounts: this.s.accounts.map((a) => ({
        account: a.id,
        last_sync_at: this.s.lastSync.get(a.id)?.at ?? null,
        last_error: this.s.lastSync.get(a.id)?.error ?? null,
        running: this.running,
        codes: this.s.rows.filter((r) => r.account === a.id && !r.deleted).length,
      })),
    };
  }

  async onProgress(handler: Listener<SyncProgress>): Promise<Unsubscribe> {
    this.listeners.add(handler);
    return () => this.listeners.delete(handler);
  }

  private emit(p: SyncProgress): void {
    for (const l of this.listeners) l(p);
  }

  /** Returns at once; the job runs on and reports through `onProgress`. */
  async start(request: SyncRequest): Promise<void> {
    if (this.running) fail("bad_input", "A sync is already running");
    this.running = true;
    this.cancelled = false;
    const targets = this.s.accounts.filter((a) => request.account === null || a.id === request.account);
    void (async () => {
      for (const a of targets) {
        const total = this.s.rows.filter((r) => r.account === a.id).length;
        const steps = 5;
        for (let step = 0; step <= steps; step++) {
          if (this.cancelled) {
            this.emit({ account: a.id, phase: "cancelled", done: 0, total, error: null });
            this.running = false;
            return;
          }
          if (this.s.offline) {
            const error = { kind: "network" as const, message: SENTENCES.network ?? "" };
            this.s.lastSync.set(a.id, { at: this.s.lastSync.get(a.id)?.at ?? null, error });
            this.emit({ account: a.id, phase: "failed", done: 0, total: null, error });
            break;
          }
          this.emit({ account: a.id, phase: step < steps ? "listing" : "outbox", done: Math.round((total * step) / steps), total, error: null });
          await this.s.wait();
        }
        if (!this.s.offline) {
          for (const e of this.s.outbox.filter((x) => x.account === a.id && x.state === "pending")) {
            this.outbox.push(e);
            this.s.refreshRowState(e.code);
          }
          this.s.lastSync.set(a.id, { at: this.s.stamp(), error: null });
          this.emit({ account: a.id, phase: "done", done: total, total, error: null });
        }
      }
      this.running = false;
    })();
  }

  async cancel(): Promise<void> {
    if (this.running) this.cancelled = true;
  }
}
