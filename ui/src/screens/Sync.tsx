import { useCallback, useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import type { OutboxEntry } from "../bindings/OutboxEntry";
import { useApp } from "../app/context";
import { OutboxBadge } from "../components/Badge";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { nextFrame, rescueFocus } from "../components/focus";
import { actionName, distinctNames } from "../logic/a11y-names";
import { outboxFocus } from "../logic/focus-rules";
import { displayName, formatRelative } from "../logic/format";
import { toAppError } from "../platform/backend";
import type { ConflictDetail, SyncOverview, SyncProgress } from "../platform/types";
import { ConflictCompare, STATUS_LABEL } from "./ConflictCompare";
import { SyncAccounts } from "./SyncAccounts";

const STATE_HELP: Record<OutboxEntry["state"], string> = {
  pending: "Waiting to be sent at the next sync.",
  needs_confirmation: "The service wants this change confirmed. Confirm it in the service's dashboard, then press “Send again” within 5 minutes.",
  conflict: "Someone changed this code on the service after you edited it. Compare both versions and keep one.",
  failed: "The service refused this change. Read the reason, correct the code, or discard the change.",
  done: "Sent.",
};

const GROUPS: { state: OutboxEntry["state"]; title: string }[] = [
  { state: "needs_confirmation", title: "Needs your confirmation" },
  { state: "conflict", title: "Conflicts" },
  { state: "failed", title: "Refused by the service" },
  { state: "pending", title: "Waiting to be sent" },
];

/** A code's name for the outbox list (`Code #7` when it could not be read). */
function displayNameOf(code: { name: string } | null, id: number): string {
  return code ? displayName(code.name) : `Code #${id}`;
}

function changesText(e: OutboxEntry): string {
  const parts: string[] = [];
  if (e.changes.name) parts.push(`Name → “${e.changes.name}”`);
  if (e.changes.destination) parts.push(`Destination → ${e.changes.destination}`);
  if (e.changes.status) parts.push(`Status → ${STATUS_LABEL[e.changes.status]}`);
  if (e.op === "create") parts.unshift("New code");
  if (e.op === "delete") parts.unshift("Delete code");
  return parts.join(" · ");
}

/** Where focus goes after an outbox action removed (or kept) the entry whose button was pressed. */
function focusAfterAction(entry: number | null): () => HTMLElement | null {
  return () => {
    const notice = document.getElementById("sync-notice");
    const item = entry === null ? null : document.querySelector<HTMLElement>(`.outbox-item[data-entry-id="${entry}"] button`);
    const where = outboxFocus(notice !== null, item !== null);
    return where === "notice" ? notice : where === "entry" ? item : document.getElementById("outbox-title");
  };
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
      // The app refreshes the cached data (logic/sync-refresh.ts); this screen its own status.
      if (p.phase === "done" || p.phase === "failed" || p.phase === "cancelled") {
        void reload().then(() => rescueFocus(() => document.getElementById("sync-all")));
      }
    }).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, [backend, reload]);

  const act = async (fn: () => Promise<unknown>, ok?: string, entry: number | null = null, fallback = focusAfterAction(entry)) => {
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
    await rescueFocus(fallback);
  };

  const syncButton = () => document.getElementById("sync-cancel") ?? document.getElementById("sync-all");
  const start = (account: number | null) =>
    act(async () => {
      setProgress(new Map());
      setRunning(true);
      await backend.startSync({ account });
      void rescueFocus(syncButton);
    }, undefined, null, syncButton);

  const openConflict = async (entry: number) => {
    await act(async () => setConflict(await backend.outboxConflict(entry)), undefined, entry);
    await nextFrame();
    document.getElementById("conflict-title")?.focus();
  };

  const entryNames = distinctNames(entries.map((e) => ({ base: names.get(e.code) ?? `Code #${e.code}`, detail: changesText(e) })));
  const nameOf = new Map(entries.map((e, i) => [e.id, entryNames[i] ?? `Code #${e.code}`]));

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
            <button id="sync-cancel" type="button" class="btn" onClick={() => act(() => backend.cancelSync(), undefined, null, syncButton)}>Cancel sync</button>
          ) : (
            <button id="sync-all" type="button" class="btn btn-primary" disabled={accounts.length === 0} onClick={() => start(null)}>Sync all accounts</button>
          )}
        </div>
      </header>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      {notice && <SuccessNotice id="sync-notice" text={notice} />}

      <SyncAccounts rows={overview?.accounts ?? []} accountsById={accountsById} progress={progress} running={running} onSync={(a) => void start(a)} />

      <section class="outbox" aria-labelledby="outbox-title">
        <h2 id="outbox-title" tabIndex={-1}>Outbox</h2>
        {entries.length === 0 ? (
          <p class="muted">Empty: every change made here has reached its service.</p>
        ) : (
          GROUPS.map((g) => {
            const list = entries.filter((e) => e.state === g.state);
            if (list.length === 0) return null;
            return (
              <div key={g.state} class="outbox-group" data-state={g.state}>
                <h3>{g.title} <span class="muted">({list.length})</span></h3>
                <p class="muted small">{STATE_HELP[g.state]}</p>
                <ul class="outbox-list">
                  {list.map((e) => {
                    const subject = `the change to ${nameOf.get(e.id) ?? ""}`;
                    return (
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
                            <button type="button" class="btn btn-primary btn-small" data-action="confirm" aria-label={actionName("I confirmed it: send again", subject)}
                              onClick={() => act(() => backend.retryOutbox(e.id), "Sent after your confirmation.", e.id)}>
                              I confirmed it: send again
                            </button>
                          )}
                          {e.state === "conflict" && (
                            <button type="button" class="btn btn-primary btn-small" data-action="compare" aria-label={actionName("Compare", subject)}
                              aria-expanded={conflict?.entry === e.id} aria-controls={conflict?.entry === e.id ? "conflict-view" : undefined}
                              onClick={() => void openConflict(e.id)}>Compare</button>
                          )}
                          {(e.state === "pending" || e.state === "failed") && (
                            <button type="button" class="btn btn-small" data-action="retry" aria-label={actionName("Send now", subject)}
                              onClick={() => act(() => backend.retryOutbox(e.id), undefined, e.id)}>Send now</button>
                          )}
                          <button type="button" class="btn btn-quiet btn-small" data-action="discard" aria-label={actionName("Discard", subject)}
                            onClick={() => act(() => backend.discardOutbox(e.id), "The change was discarded.", e.id)}>Discard</button>
                        </div>
                        {conflict && conflict.entry === e.id && (
                          <ConflictCompare
                            detail={conflict}
                            codeName={names.get(e.code) ?? `Code #${e.code}`}
                            onClose={() => {
                              setConflict(null);
                              void nextFrame().then(() => document.querySelector<HTMLElement>(`.outbox-item[data-entry-id="${e.id}"] [data-action=compare]`)?.focus());
                            }}
                            onResolve={(choice) => act(async () => { await backend.resolveConflict({ entry: e.id, choice }); setConflict(null); }, choice === "keep_mine" ? "Your edit will replace the service's version." : "The service's version was kept; your edit was dropped.", e.id)}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })
        )}
      </section>
    </section>
  );
}
