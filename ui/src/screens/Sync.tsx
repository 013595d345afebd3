import { useCallback, useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import type { OutboxEntry } from "../bindings/OutboxEntry";
import { useApp } from "../app/context";
import { OutboxBadge } from "../components/Badge";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { ProgressBar } from "../components/ProgressBar";
import { displayName, formatCount, formatDateTime, formatRelative } from "../logic/format";
import { PROVIDER_NAMES } from "../logic/key-detect";
import { toAppError } from "../platform/backend";
import type { CodeVersion, ConflictDetail, SyncOverview, SyncProgress } from "../platform/types";

const STATE_HELP: Record<OutboxEntry["state"], string> = {
  pending: "Waiting to be sent at the next sync.",
  needs_confirmation: "The service wants this change confirmed. Confirm it in the service's dashboard, then press “Send again” within 5 minutes.",
  conflict: "Someone changed this code on the service after you edited it. Compare both versions and keep one.",
  failed: "The service refused this change. Read the reason, correct the code, or discard the change.",
  done: "Sent.",
};

/** A code's name for the outbox list (`Code #7` when it could not be read). */
function displayNameOf(code: { name: string } | null, id: number): string {
  return code ? displayName(code.name) : `Code #${id}`;
}

const STATUS_LABEL: Record<CodeVersion["status"], string> = { active: "Active", paused: "Paused", draft: "Draft", archived: "Archived" };

function changesText(e: OutboxEntry): string {
  const parts: string[] = [];
  if (e.changes.name) parts.push(`Name → “${e.changes.name}”`);
  if (e.changes.destination) parts.push(`Destination → ${e.changes.destination}`);
  if (e.changes.status) parts.push(`Status → ${STATUS_LABEL[e.changes.status]}`);
  if (e.op === "create") parts.unshift("New code");
  if (e.op === "delete") parts.unshift("Delete code");
  return parts.join(" · ");
}

function ConflictCompare({ detail, onResolve, onClose }: { detail: ConflictDetail; onResolve: (choice: "keep_mine" | "keep_theirs") => void; onClose: () => void }) {
  const rows: { label: string; key: "name" | "destination" | "status" }[] = [
    { label: "Name", key: "name" },
    { label: "Destination", key: "destination" },
    { label: "Status", key: "status" },
  ];
  return (
    <div class="conflict card" id="conflict-view" role="region" aria-labelledby="conflict-title">
      <h3 id="conflict-title">Compare the two versions</h3>
      <div class="compare">
        <div class="compare-side" aria-labelledby="mine-title">
          <h4 id="mine-title">Your edit (in QR Desk)</h4>
          <p class="muted small">{formatDateTime(detail.mine.updated_at)}</p>
          <dl>
            {rows.map((r) => (
              <div key={r.key} class={detail.mine[r.key] !== detail.theirs[r.key] ? "differs" : undefined}>
                <dt>{r.label}</dt>
                <dd>{r.key === "status" ? STATUS_LABEL[detail.mine.status] : detail.mine[r.key]}</dd>
              </div>
            ))}
          </dl>
          <button id="keep-mine" type="button" class="btn btn-primary" onClick={() => onResolve("keep_mine")}>Keep my edit</button>
        </div>
        <div class="compare-side" aria-labelledby="theirs-title">
          <h4 id="theirs-title">On the service now</h4>
          <p class="muted small">{formatDateTime(detail.theirs.updated_at)}</p>
          <dl>
            {rows.map((r) => (
              <div key={r.key} class={detail.mine[r.key] !== detail.theirs[r.key] ? "differs" : undefined}>
                <dt>{r.label}</dt>
                <dd>{r.key === "status" ? STATUS_LABEL[detail.theirs.status] : detail.theirs[r.key]}</dd>
              </div>
            ))}
          </dl>
          <button id="keep-theirs" type="button" class="btn" onClick={() => onResolve("keep_theirs")}>Keep the service's version</button>
        </div>
      </div>
      <button type="button" class="btn btn-quiet btn-small" onClick={onClose}>Decide later</button>
    </div>
  );
}

export function Sync() {
  const { backend, accounts, accountsById, dataVersion, bumpData, setOnline, navigate } = useApp();
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [progress, setProgress] = useState<Map<number, SyncProgress>>(new Map());
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [conflict, setConflict] = useState<ConflictDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());

  const reload = useCallback(async () => {
    try {
      const [o, e] = await Promise.all([backend.syncStatus(), backend.listOutbox({ account: null, code: null })]);
      setOverview(o);
      setOnline(o.online);
      setEntries(e);
      const ids = [...new Set(e.map((x) => x.code))];
      const pairs = await Promise.all(ids.map(async (id) => [id, displayNameOf(await backend.getCode(id).catch(() => null), id)] as const));
      setNames(new Map(pairs));
      setRunning(o.accounts.some((a) => a.running));
    } catch (err) {
      setError(toAppError(err));
    }
  }, [backend, setOnline]);

  useEffect(() => { void reload(); }, [reload, dataVersion]);

  useEffect(() => {
    let off: (() => void) | null = null;
    let live = true;
    void backend.onSyncProgress((p) => {
      setProgress((m) => new Map(m).set(p.account, p));
      if (p.phase === "done" || p.phase === "failed" || p.phase === "cancelled") {
        void reload();
        bumpData();
      }
    }).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, [backend, reload, bumpData]);

  const act = async (fn: () => Promise<unknown>, ok?: string) => {
    setError(null);
    setNotice(null);
    try {
      await fn();
      if (ok) setNotice(ok);
    } catch (e) {
      setError(toAppError(e));
    }
    await reload();
    bumpData();
  };

  const start = (account: number | null) =>
    act(async () => {
      setProgress(new Map());
      setRunning(true);
      await backend.startSync({ account });
    });

  const openConflict = (entry: number) => act(async () => setConflict(await backend.outboxConflict(entry)));

  const groups: { state: OutboxEntry["state"]; title: string }[] = [
    { state: "needs_confirmation", title: "Needs your confirmation" },
    { state: "conflict", title: "Conflicts" },
    { state: "failed", title: "Refused by the service" },
    { state: "pending", title: "Waiting to be sent" },
  ];

  return (
    <section class="screen" aria-labelledby="sync-title">
      <header class="screen-head">
        <div>
          <h1 id="sync-title">Sync & outbox</h1>
          <p class="muted">
            <span id="sync-online" class={overview?.online === false ? "status-dot offline" : "status-dot online"}>
              {overview?.online === false ? "Offline: the services cannot be reached. Edits wait safely in the outbox." : "Online"}
            </span>
          </p>
        </div>
        <div class="btn-group">
          {running ? (
            <button id="sync-cancel" type="button" class="btn" onClick={() => act(() => backend.cancelSync())}>Cancel sync</button>
          ) : (
            <button id="sync-all" type="button" class="btn btn-primary" disabled={accounts.length === 0} onClick={() => start(null)}>Sync all accounts</button>
          )}
        </div>
      </header>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      {notice && <SuccessNotice text={notice} />}

      <div class="table-wrap">
        <table class="table" id="sync-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Codes</th>
              <th scope="col">Last sync</th>
              <th scope="col">Progress</th>
              <th scope="col"><span class="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {overview?.accounts.map((s) => {
              const a = accountsById.get(s.account);
              const p = progress.get(s.account);
              const err = p?.error ?? s.last_error;
              return (
                <tr key={s.account} data-account-id={s.account}>
                  <td class="account-cell">
                    <div class="cell-title">{a?.label ?? `Account ${s.account}`}</div>
                    <div class="muted small">{a ? PROVIDER_NAMES[a.provider] : ""}</div>
                  </td>
                  <td class="num">{formatCount(s.codes)}</td>
                  <td title={formatDateTime(s.last_sync_at)}>{formatRelative(s.last_sync_at)}</td>
                  <td class="progress-cell">
                    {p && (p.phase === "listing" || p.phase === "analytics" || p.phase === "outbox") ? (
                      <>
                        <ProgressBar done={p.done} total={p.total} label={`Sync progress of ${a?.label ?? "account"}`} />
                        <span class="small muted">{p.phase === "outbox" ? "Sending edits…" : `${formatCount(p.done)} of ${p.total === null ? "…" : formatCount(p.total)} codes`}</span>
                      </>
                    ) : p?.phase === "done" ? (
                      <span class="small text-ok">Up to date</span>
                    ) : p?.phase === "cancelled" ? (
                      <span class="small muted">Cancelled</span>
                    ) : err ? (
                      <span class="small text-danger">{err.message}</span>
                    ) : (
                      <span class="small muted">—</span>
                    )}
                  </td>
                  <td class="actions">
                    {a?.provider !== "exante" && (
                      <button type="button" class="btn btn-small" disabled={running} onClick={() => start(s.account)}>Sync</button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section class="outbox" aria-labelledby="outbox-title">
        <h2 id="outbox-title">Outbox</h2>
        {entries.length === 0 ? (
          <p class="muted">Empty: every change made here has reached its service.</p>
        ) : (
          groups.map((g) => {
            const list = entries.filter((e) => e.state === g.state);
            if (list.length === 0) return null;
            return (
              <div key={g.state} class="outbox-group" data-state={g.state}>
                <h3>{g.title} <span class="muted">({list.length})</span></h3>
                <p class="muted small">{STATE_HELP[g.state]}</p>
                <ul class="outbox-list">
                  {list.map((e) => (
                    <li key={e.id} class="outbox-item card" data-entry-id={e.id} data-state={e.state}>
                      <div class="outbox-main">
                        <div>
                          <OutboxBadge state={e.state} />{" "}
                          <a href={`#/code/${e.code}`} onClick={(ev) => { ev.preventDefault(); navigate({ screen: "code", id: e.code }); }}>{names.get(e.code) ?? `Code #${e.code}`}</a>
                          <span class="muted small"> · {accountsById.get(e.account)?.label ?? ""} · {formatRelative(e.updated_at)}{e.attempts > 0 ? ` · ${e.attempts} ${e.attempts === 1 ? "attempt" : "attempts"}` : ""}</span>
                        </div>
                        <div class="small outbox-changes">{changesText(e)}</div>
                        {e.message && e.state !== "needs_confirmation" && e.state !== "conflict" && <p class="small text-danger">{e.message}</p>}
                      </div>
                      <div class="outbox-actions">
                        {e.state === "needs_confirmation" && (
                          <button type="button" class="btn btn-primary btn-small" data-action="confirm" onClick={() => act(() => backend.retryOutbox(e.id), "Sent after your confirmation.")}>
                            I confirmed it: send again
                          </button>
                        )}
                        {e.state === "conflict" && (
                          <button type="button" class="btn btn-primary btn-small" data-action="compare" onClick={() => openConflict(e.id)}>Compare</button>
                        )}
                        {(e.state === "pending" || e.state === "failed") && (
                          <button type="button" class="btn btn-small" data-action="retry" onClick={() => act(() => backend.retryOutbox(e.id))}>Send now</button>
                        )}
                        <button type="button" class="btn btn-quiet btn-small" data-action="discard" onClick={() => act(() => backend.discardOutbox(e.id), "The change was discarded.")}>Discard</button>
                      </div>
                      {conflict && conflict.entry === e.id && (
                        <ConflictCompare
                          detail={conflict}
                          onClose={() => setConflict(null)}
                          onResolve={(choice) => act(async () => { await backend.resolveConflict({ entry: e.id, choice }); setConflict(null); }, choice === "keep_mine" ? "Your edit will replace the service's version." : "The service's version was kept; your edit was dropped.")}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </section>
    </section>
  );
}
