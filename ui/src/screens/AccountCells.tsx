import type { Account } from "../bindings/Account";
import { AccountStatusBadge, EnvBadge } from "../components/Badge";
import { actionName } from "../logic/a11y-names";
import { daysUntil, formatAge, formatDate, formatDateTime, formatExpiry, formatRelative } from "../logic/format";
import { PROVIDER_NAMES } from "../logic/key-detect";

/** What the accounts screen shows of one account: the same pieces in the table and in the narrow list. */

export function AccountTitle({ account: a }: { account: Account }) {
  return (
    <>
      <div class="cell-title">{a.label}</div>
      <div class="muted small">{PROVIDER_NAMES[a.provider]}{a.workspace ? ` · ${a.workspace}` : ""}</div>
    </>
  );
}

export function KeyInfo({ account: a }: { account: Account }) {
  return <div class="key-lines"><span class="mono masked-key">{a.masked_key}</span><EnvBadge env={a.environment} /></div>;
}

export function StatusInfo({ account: a }: { account: Account }) {
  return (
    <>
      <AccountStatusBadge status={a.status} />
      <div class="muted small">{a.last_verified_at ? `Checked ${formatRelative(a.last_verified_at)}` : "Never checked"}</div>
      {a.last_error && a.status === "error" && <div class="small text-danger cell-note">{a.last_error.message}</div>}
    </>
  );
}

function ExpiryText({ account }: { account: Account }) {
  if (!account.expires_at) return <span class="muted">No expiry</span>;
  const days = daysUntil(account.expires_at) ?? 0;
  return (
    <span class={days <= 0 ? "text-danger" : days <= 14 ? "text-warn" : undefined} title={formatDate(account.expires_at)}>
      {formatExpiry(account.expires_at)}
    </span>
  );
}

export function AgeInfo({ account: a }: { account: Account }) {
  return (
    <>
      <div title={`Entered ${formatDateTime(a.key_created_at)}`}>{formatAge(a.key_created_at)}</div>
      <div class="small"><ExpiryText account={a} /></div>
    </>
  );
}

export type AccountActionHandlers = {
  onCheck: (a: Account) => void;
  onRotate: (a: Account, opener: HTMLElement) => void;
  onRemove: (a: Account, opener: HTMLElement) => void;
};

/**
 * Check, Rotate key, Remove: each named after its account ("Remove Marketing"). While a check
 * runs its button stays focusable (aria-disabled), so focus does not drop to the page.
 */
export function AccountActions({ account: a, name, busy, onCheck, onRotate, onRemove }: AccountActionHandlers & { account: Account; name: string; busy: boolean }) {
  return (
    <div class="action-group">
      <button type="button" class="btn btn-small" data-action="check" aria-disabled={busy ? "true" : undefined}
        aria-label={busy ? `Checking ${name}…` : actionName("Check", name)} onClick={() => { if (!busy) onCheck(a); }}>
        {busy ? "Checking…" : "Check"}
      </button>
      <button type="button" class="btn btn-small" data-action="rotate" aria-label={actionName(a.status === "rotating" ? "Resume rotation of" : "Rotate key of", name)}
        onClick={(e) => onRotate(a, e.currentTarget)}>
        {a.status === "rotating" ? "Resume rotation" : "Rotate key"}
      </button>
      <button type="button" class="btn btn-small btn-quiet btn-danger" data-action="remove" aria-label={actionName("Remove", name)}
        onClick={(e) => onRemove(a, e.currentTarget)}>
        Remove
      </button>
    </div>
  );
}
