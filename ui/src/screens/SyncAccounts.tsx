import type { Account } from "../bindings/Account";
import { ProgressBar } from "../components/ProgressBar";
import { NARROW, useMedia } from "../components/useMedia";
import { actionName, distinctNames } from "../logic/a11y-names";
import { formatCount, formatDateTime, formatRelative } from "../logic/format";
import { PROVIDER_NAMES } from "../logic/key-detect";
import type { AccountSync, SyncProgress } from "../platform/types";

function Progress({ p, err, label }: { p: SyncProgress | undefined; err: { message: string } | null | undefined; label: string }) {
  if (p && (p.phase === "listing" || p.phase === "analytics" || p.phase === "outbox")) {
    return (
      <>
        <ProgressBar done={p.done} total={p.total} label={`Sync progress of ${label}`} />
        <span class="small muted">{p.phase === "outbox" ? "Sending edits…" : `${formatCount(p.done)} of ${p.total === null ? "…" : formatCount(p.total)} codes`}</span>
      </>
    );
  }
  if (p?.phase === "done") return <span class="small text-ok">Up to date</span>;
  if (p?.phase === "cancelled") return <span class="small muted">Cancelled</span>;
  if (err) return <span class="small text-danger">{err.message}</span>;
  return <span class="small muted">—</span>;
}

/** Each account's sync state: a table, or on a narrow window a list of cards. "Sync Marketing" buttons. */
export function SyncAccounts({ rows, accountsById, progress, running, onSync }: {
  rows: AccountSync[];
  accountsById: ReadonlyMap<number, Account>;
  progress: ReadonlyMap<number, SyncProgress>;
  running: boolean;
  onSync: (account: number) => void;
}) {
  const narrow = useMedia(NARROW);
  const names = distinctNames(rows.map((s) => {
    const a = accountsById.get(s.account);
    return { base: a?.label ?? `Account ${s.account}`, detail: a ? PROVIDER_NAMES[a.provider] : "" };
  }));
  const items = rows.map((s, i) => {
    const a = accountsById.get(s.account);
    const name = names[i] ?? `Account ${s.account}`;
    return {
      s, a, name,
      progress: <Progress p={progress.get(s.account)} err={progress.get(s.account)?.error ?? s.last_error} label={name} />,
      action: a?.provider !== "exante" && (
        <button type="button" class="btn btn-small" data-action="sync" aria-disabled={running ? "true" : undefined} aria-label={actionName("Sync", name)}
          onClick={() => { if (!running) onSync(s.account); }}>Sync</button>
      ),
    };
  });

  if (narrow) {
    return (
      <ul class="card-list" id="sync-list" aria-label="Accounts to sync">
        {items.map(({ s, a, name, progress: prog, action }) => (
          <li key={s.account} class="card item-card" data-account-id={s.account}>
            <div class="item-card-head">
              <div class="cell-title">{name}</div>
              <div class="muted small">{a ? PROVIDER_NAMES[a.provider] : ""}</div>
            </div>
            <dl class="facts">
              <div><dt>Codes</dt><dd>{formatCount(s.codes)}</dd></div>
              <div><dt>Last sync</dt><dd title={formatDateTime(s.last_sync_at)}>{formatRelative(s.last_sync_at)}</dd></div>
              <div class="fact-wide"><dt>Progress</dt><dd class="progress-cell">{prog}</dd></div>
            </dl>
            {action && <div class="action-group">{action}</div>}
          </li>
        ))}
      </ul>
    );
  }
  return (
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
          {items.map(({ s, a, progress: prog, action }) => (
            <tr key={s.account} data-account-id={s.account}>
              <td class="account-cell">
                <div class="cell-title">{a?.label ?? `Account ${s.account}`}</div>
                <div class="muted small">{a ? PROVIDER_NAMES[a.provider] : ""}</div>
              </td>
              <td class="num">{formatCount(s.codes)}</td>
              <td title={formatDateTime(s.last_sync_at)}>{formatRelative(s.last_sync_at)}</td>
              <td class="progress-cell">{prog}</td>
              <td class="actions">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
