// The fake's outbox: local edits waiting to be pushed, each push following the services' rules
// (offline → stays pending, ExaRoutes destination changes → step-up confirmation, conflicts and
// validation failures wait for the user), and conflict resolution.

import type { OutboxEntry } from "../../bindings/OutboxEntry";
import type { ConflictDetail, OutboxFilter, ResolveRequest } from "../types";
import { fail, SENTENCES } from "./errors";
import type { FakeState } from "./state";

export class FakeOutbox {
  constructor(private readonly s: FakeState) {}

  async list(filter: OutboxFilter): Promise<OutboxEntry[]> {
    return this.s.outbox
      .filter((e) => e.state !== "done" && (filter.account === null || e.account === filter.account) && (filter.code === null || e.code === filter.code))
      .map((e) => ({ ...e, changes: { ...e.changes } }));
  }

  private entry(id: number): OutboxEntry {
    const e = this.s.outbox.find((x) => x.id === id);
    if (!e) fail("not_found", "This outbox entry is gone");
    return e;
  }

  /** One push attempt, with the rules the services follow. */
  push(e: OutboxEntry): void {
    e.attempts += 1;
    e.updated_at = this.s.stamp();
    if (this.s.offline) {
      e.kind = "network";
      e.message = SENTENCES.network ?? null;
      e.state = "pending";
      return;
    }
    if (e.state === "conflict") return;
    if (e.state === "failed" && e.kind === "validation") return;
    const a = this.s.accounts.find((x) => x.id === e.account);
    if (a?.provider === "exaroutes" && e.changes.destination && e.state !== "needs_confirmation" && e.kind !== "step_up_required") {
      e.state = "needs_confirmation";
      e.kind = "step_up_required";
      e.message = "The service wants this change confirmed. Confirm it in the service's dashboard, then retry within 5 minutes.";
      return;
    }
    e.state = "done";
    e.kind = null;
    e.message = null;
    const r = this.s.rows[e.code - 1];
    if (r) r.remote_updated_at = e.updated_at;
  }

  async retry(entry: number): Promise<OutboxEntry> {
    const e = this.entry(entry);
    if (e.state === "needs_confirmation") {
      // The user confirmed in the dashboard: the grace window is open, the retry goes through.
      e.kind = "step_up_required";
      e.state = "pending";
    }
    if (e.state === "failed") e.state = "pending";
    this.push(e);
    this.s.refreshRowState(e.code);
    return { ...e };
  }

  async discard(entry: number): Promise<void> {
    const e = this.entry(entry);
    this.s.outbox = this.s.outbox.filter((x) => x.id !== entry);
    this.s.refreshRowState(e.code);
  }

  /** Both sides of a conflict; "theirs" is the cached code as changed on the service's dashboard. */
  async conflict(entry: number): Promise<ConflictDetail> {
    const e = this.entry(entry);
    if (e.state !== "conflict") fail("bad_input", "This entry is not in conflict");
    const r = this.s.row(e.code);
    const theirsAt = new Date(this.s.now().getTime() - 20 * 60_000).toISOString();
    return {
      entry: e.id,
      code: r.id,
      mine: { name: e.changes.name ?? r.name, destination: e.changes.destination ?? r.destination, status: e.changes.status ?? r.status, updated_at: e.updated_at },
      theirs: { name: r.name, destination: r.destination.replace(/\?.*$/, "") + "?src=dashboard", status: r.status, updated_at: theirsAt },
    };
  }

  async resolve(request: ResolveRequest): Promise<void> {
    const e = this.entry(request.entry);
    if (e.state !== "conflict") fail("bad_input", "This entry is not in conflict");
    const r = this.s.row(e.code);
    if (request.choice === "keep_theirs") {
      const detail = await this.conflict(e.id);
      r.destination = detail.theirs.destination;
      this.s.outbox = this.s.outbox.filter((x) => x.id !== e.id);
    } else {
      e.state = "pending";
      e.kind = null;
      e.message = null;
      e.base_updated_at = this.s.stamp();
      this.push(e);
    }
    this.s.refreshRowState(r.id);
  }
}
