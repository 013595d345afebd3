// The code library in the fake: paged search over up to 200,000 cached codes (with the same
// filters as the Rust side's FTS query), reading and editing a code (edits queue in the outbox),
// scan analytics, and export.

import type { Breakdown } from "../../bindings/Breakdown";
import type { CodeChanges } from "../../bindings/CodeChanges";
import type { DailyScans } from "../../bindings/DailyScans";
import type { QrCode } from "../../bindings/QrCode";
import type { ScanSeries } from "../../bindings/ScanSeries";
import { compareRows, haystack, matches, searchTerms } from "../../logic/code-filter";
import { destinationProblem, nameProblem } from "../../logic/destination";
import type { AnalyticsQuery, CodePage, CodeQuery, CodeRow, EditCodeRequest, ExportRequest, ExportResult } from "../types";
import { prng } from "./demo-data";
import { fail } from "./errors";
import type { FakeState } from "./state";
import { requireStyle } from "./styles";

export class FakeLibrary {
  /** The last query's matching rows (paging through them reuses it). */
  private queryCache: { key: string; rows: CodeRow[] } | null = null;
  /** Per sort key, all rows in order; and each row's search text. */
  private readonly sortedCache = new Map<CodeQuery["sort"], CodeRow[]>();
  private readonly hayCache = new Map<number, string>();
  /** The store revision the caches were built from; any change drops them. */
  private cachedRevision = -1;

  constructor(private readonly s: FakeState) {}

  private dropStaleCaches(): void {
    if (this.cachedRevision === this.s.revision) return;
    this.queryCache = null;
    this.sortedCache.clear();
    this.hayCache.clear();
    this.cachedRevision = this.s.revision;
  }

  async list(query: CodeQuery): Promise<CodePage> {
    this.dropStaleCaches();
    const byId = new Map(this.s.accounts.map((a) => [a.id, a]));
    const key = JSON.stringify({ ...query, offset: 0, limit: 0 });
    if (this.queryCache?.key !== key) {
      let sorted = this.sortedCache.get(query.sort);
      if (!sorted) {
        sorted = [...this.s.rows].sort(compareRows(query.sort));
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

  async get(id: number): Promise<QrCode> {
    const { outbox_state: _state, ...code } = this.s.row(id);
    void _state;
    return { ...code };
  }

  /** Applies an edit locally and queues it (merged into a pending update of the same code). */
  async edit(request: EditCodeRequest): Promise<QrCode> {
    const r = this.s.row(request.code);
    const c = request.changes;
    if (c.name !== undefined && c.name !== null) {
      const p = nameProblem(c.name);
      if (p) fail("validation", p);
    }
    if (c.destination !== undefined && c.destination !== null) {
      const p = destinationProblem(c.destination);
      if (p) fail("validation", p);
    }
    const open = this.s.outbox.find((e) => e.code === r.id && e.state === "pending" && e.op === "update");
    const now = this.s.stamp();
    if (open) {
      open.changes = { ...open.changes, ...stripNull(c) };
      open.updated_at = now;
    } else {
      const id = this.s.nextId.outbox++;
      this.s.outbox.push({
        id, account: r.account, code: r.id, remote_id: r.remote_id, op: "update",
        changes: stripNull(c), base_updated_at: r.remote_updated_at, client_ref: `ref-${id + 1}`,
        state: "pending", kind: null, message: null, attempts: 0, created_at: now, updated_at: now,
      });
    }
    if (c.name) r.name = c.name;
    if (c.destination) r.destination = c.destination;
    if (c.status) r.status = c.status;
    r.local_revision += 1;
    r.updated_at = now;
    this.s.refreshRowState(r.id);
    return this.get(r.id);
  }

  /** Deterministic daily scans (busier at weekends) and country / device breakdowns. */
  async analytics(query: AnalyticsQuery): Promise<ScanSeries> {
    const r = this.s.row(query.code);
    const a = this.s.account(r.account);
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

  /** No save dialog in a browser: "saves" to a made-up Downloads path. */
  async export(request: ExportRequest): Promise<ExportResult> {
    const r = this.s.row(request.code);
    requireStyle(this.s, request.style);
    const safe = r.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
    return { path: `/home/you/Downloads/${safe}.${request.format}` };
  }
}

function stripNull(c: CodeChanges): CodeChanges {
  const out: CodeChanges = {};
  if (c.name != null) out.name = c.name;
  if (c.destination != null) out.destination = c.destination;
  if (c.status != null) out.status = c.status;
  return out;
}
