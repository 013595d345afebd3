import { useEffect, useRef, useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import type { AuditEvent } from "../bindings/AuditEvent";
import { useApp } from "../app/context";
import { AccountStatusBadge, EnvBadge } from "../components/Badge";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { formatAge, formatDate, formatDateTime, formatExpiry, formatRelative, daysUntil } from "../logic/format";
import { PROVIDER_NAMES } from "../logic/key-detect";
import { toAppError } from "../platform/backend";
import { AddAccountForm } from "./AddAccountForm";
import { RotationWizard } from "./RotationWizard";

function ExpiryText({ account }: { account: Account }) {
  if (!account.expires_at) return <span class="muted">No expiry</span>;
  const days = daysUntil(account.expires_at) ?? 0;
  return (
    <span class={days <= 0 ? "text-danger" : days <= 14 ? "text-warn" : undefined} title={formatDate(account.expires_at)}>
      {formatExpiry(account.expires_at)}
    </span>
  );
}

export function Accounts({ startAdding }: { startAdding: boolean }) {
  const { backend, accounts, reloadAccounts, navigate, bumpData } = useApp();
  const [adding, setAdding] = useState(startAdding);
  const [rotating, setRotating] = useState<Account | null>(null);
  const [removing, setRemoving] = useState<Account | null>(null);
  const [purge, setPurge] = useState(false);
  const [auditFor, setAuditFor] = useState<number | null>(null);
  const [audit, setAudit] = useState<AuditEvent[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!removing) return;
    confirmRef.current?.scrollIntoView({ block: "nearest" });
    confirmRef.current?.querySelector<HTMLButtonElement>("#confirm-remove")?.focus();
  }, [removing]);

  useEffect(() => setAdding(startAdding), [startAdding]);

  useEffect(() => {
    backend.auditLog(auditFor).then(setAudit, (e: unknown) => setError(toAppError(e)));
  }, [backend, auditFor, accounts]);

  const verify = async (a: Account) => {
    setBusy(a.id);
    setError(null);
    setNotice(null);
    try {
      await backend.verifyAccount(a.id);
      setNotice(`The key of “${a.label}” works.`);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
      await reloadAccounts();
    }
  };

  const remove = async () => {
    if (!removing) return;
    try {
      await backend.removeAccount({ id: removing.id, purge });
      setNotice(`“${removing.label}” was removed and its key deleted from the keychain.`);
      setRemoving(null);
      await reloadAccounts();
      bumpData();
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const label = (id: number) => accounts.find((a) => a.id === id)?.label ?? `Account ${id}`;

  return (
    <section class="screen" aria-labelledby="accounts-title">
      <header class="screen-head">
        <h1 id="accounts-title">Accounts & keys</h1>
        {!adding && (
          <button id="open-add-account" type="button" class="btn btn-primary" onClick={() => { setAdding(true); setNotice(null); }}>
            Add an account
          </button>
        )}
      </header>

      {adding && (
        <AddAccountForm
          onCancel={() => { setAdding(false); if (startAdding) navigate({ screen: "accounts", add: false }); }}
          onDone={(l) => { setAdding(false); setNotice(`“${l}” was added.`); bumpData(); navigate({ screen: "accounts", add: false }); }}
        />
      )}
      {notice && <SuccessNotice text={notice} />}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />

      {accounts.length === 0 && !adding ? (
        <div class="empty"><p>No accounts yet. Add one with an API key from your QR service.</p></div>
      ) : (
        <div class="table-wrap">
          <table class="table" id="accounts-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Key</th>
                <th scope="col">Status</th>
                <th scope="col">Key age</th>
                <th scope="col"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-account-id={a.id}>
                  <td>
                    <div class="cell-title">{a.label}</div>
                    <div class="muted small">{PROVIDER_NAMES[a.provider]}{a.workspace ? ` · ${a.workspace}` : ""}</div>
                  </td>
                  <td class="key-cell"><div class="key-lines"><span class="mono masked-key">{a.masked_key}</span><EnvBadge env={a.environment} /></div></td>
                  <td>
                    <AccountStatusBadge status={a.status} />
                    <div class="muted small">{a.last_verified_at ? `Checked ${formatRelative(a.last_verified_at)}` : "Never checked"}</div>
                    {a.last_error && a.status === "error" && <div class="small text-danger cell-note">{a.last_error.message}</div>}
                  </td>
                  <td class="nowrap">
                    <div title={`Entered ${formatDateTime(a.key_created_at)}`}>{formatAge(a.key_created_at)}</div>
                    <div class="small"><ExpiryText account={a} /></div>
                  </td>
                  <td class="actions">
                    <div class="action-group">
                    <button type="button" class="btn btn-small" disabled={busy === a.id} onClick={() => verify(a)}>{busy === a.id ? "Checking…" : "Check"}</button>
                    <button type="button" class="btn btn-small" data-action="rotate" onClick={() => setRotating(a)}>{a.status === "rotating" ? "Resume rotation" : "Rotate key"}</button>
                    <button type="button" class="btn btn-small btn-quiet btn-danger" onClick={() => { setRemoving(a); setPurge(false); }}>Remove</button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {removing && (
        <div ref={confirmRef} class="card confirm" role="alertdialog" aria-labelledby="remove-title" aria-describedby="remove-text">
          <h2 id="remove-title">Remove “{removing.label}”?</h2>
          <p id="remove-text">The key ({removing.masked_key}) is deleted from this computer's keychain. It keeps working on the service until you revoke it there.</p>
          <label class="check" for="remove-purge">
            <input id="remove-purge" type="checkbox" checked={purge} onChange={(e) => setPurge(e.currentTarget.checked)} />
            Also delete this account's cached codes and queued edits
          </label>
          <div class="form-actions">
            <button id="confirm-remove" type="button" class="btn btn-danger-solid" onClick={remove}>Remove account</button>
            <button type="button" class="btn btn-quiet" onClick={() => setRemoving(null)}>Keep it</button>
          </div>
        </div>
      )}

      <section class="card" aria-labelledby="audit-title">
        <div class="card-head">
          <h2 id="audit-title">Key history</h2>
          <div class="field">
            <label for="audit-account">Show</label>
            <select id="audit-account" value={auditFor ?? ""} onChange={(e) => setAuditFor(e.currentTarget.value === "" ? null : Number(e.currentTarget.value))}>
              <option value="">All accounts</option>
              {accounts.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
            </select>
          </div>
        </div>
        {audit.length === 0 ? (
          <p class="muted small">Nothing recorded yet.</p>
        ) : (
          <ul class="audit" id="audit-log">
            {audit.slice(0, 50).map((e) => (
              <li key={e.id}>
                <time dateTime={e.at} class="muted small">{formatDateTime(e.at)}</time>
                <span class="small audit-account">{label(e.account)}</span>
                <span>{e.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {rotating && <RotationWizard account={rotating} onClose={() => { setRotating(null); void reloadAccounts(); }} />}
    </section>
  );
}
