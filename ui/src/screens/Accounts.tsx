import { useEffect, useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import type { AuditEvent } from "../bindings/AuditEvent";
import { useApp } from "../app/context";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { rescueFocus } from "../components/focus";
import { ScrollRegion } from "../components/ScrollRegion";
import { formatDateTime } from "../logic/format";
import { toAppError } from "../platform/backend";
import { AccountsTable } from "./AccountsTable";
import { AddAccountForm } from "./AddAccountForm";
import { RemoveAccountDialog } from "./RemoveAccountDialog";
import { RotationWizard } from "./RotationWizard";

type Opened = { account: Account; opener: HTMLElement | null };

export function Accounts({ startAdding }: { startAdding: boolean }) {
  const { backend, accounts, reloadAccounts, navigate, bumpData } = useApp();
  const [adding, setAdding] = useState(startAdding);
  const [rotating, setRotating] = useState<Opened | null>(null);
  const [removing, setRemoving] = useState<Opened | null>(null);
  const [auditFor, setAuditFor] = useState<number | null>(null);
  const [audit, setAudit] = useState<AuditEvent[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  // `focus`: the result replaces the control that asked for it (a removed row, a closed form).
  const [notice, setNotice] = useState<{ text: string; focus: boolean } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

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
      setNotice({ text: `The key of “${a.label}” works.`, focus: false });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
      await reloadAccounts();
    }
  };

  const remove = async (account: Account, purge: boolean) => {
    await backend.removeAccount({ id: account.id, purge });
    await reloadAccounts();
    setNotice({ text: `“${account.label}” was removed and its key deleted from the keychain.`, focus: true });
    setRemoving(null);
    bumpData();
  };

  const label = (id: number) => accounts.find((a) => a.id === id)?.label ?? `Account ${id}`;

  return (
    <section class="screen" aria-labelledby="accounts-title">
      <header class="screen-head">
        <h1 id="accounts-title" tabIndex={-1}>Accounts & keys</h1>
        {!adding && (
          <button id="open-add-account" type="button" class="btn btn-primary" onClick={() => { setAdding(true); setNotice(null); }}>
            Add an account
          </button>
        )}
      </header>

      {adding && (
        <AddAccountForm
          onCancel={() => {
            setAdding(false);
            if (startAdding) navigate({ screen: "accounts", add: false }, { keepFocus: true });
            void rescueFocus(() => document.getElementById("open-add-account"));
          }}
          onDone={(l) => { setAdding(false); setNotice({ text: `“${l}” was added.`, focus: true }); bumpData(); navigate({ screen: "accounts", add: false }, { keepFocus: true }); }}
        />
      )}
      {notice && <SuccessNotice id="accounts-notice" text={notice.text} focus={notice.focus} />}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />

      {accounts.length === 0 && !adding ? (
        <div class="empty"><p>No accounts yet. Add one with an API key from your QR service.</p></div>
      ) : (
        <AccountsTable
          accounts={accounts}
          busy={busy}
          onCheck={(a) => void verify(a)}
          onRotate={(account, opener) => setRotating({ account, opener })}
          onRemove={(account, opener) => setRemoving({ account, opener })}
        />
      )}

      {removing && (
        <RemoveAccountDialog
          account={removing.account}
          opener={removing.opener}
          onRemove={(purge) => remove(removing.account, purge)}
          onClose={() => setRemoving(null)}
        />
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
          <ScrollRegion class="audit-scroll" label="Key history entries">
            <ul class="audit" id="audit-log">
              {audit.slice(0, 50).map((e) => (
                <li key={e.id}>
                  <time dateTime={e.at} class="muted small">{formatDateTime(e.at)}</time>
                  <span class="small audit-account">{label(e.account)}</span>
                  <span>{e.detail}</span>
                </li>
              ))}
            </ul>
          </ScrollRegion>
        )}
      </section>

      {rotating && (
        <RotationWizard
          account={rotating.account}
          opener={rotating.opener}
          onClose={() => { setRotating(null); void reloadAccounts(); }}
        />
      )}
    </section>
  );
}
