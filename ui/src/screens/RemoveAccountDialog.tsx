import { useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import { Dialog } from "../components/Dialog";
import { ErrorNotice } from "../components/ErrorNotice";
import { toAppError } from "../platform/backend";

/**
 * "Remove this account?" as a modal alert dialog. It opens on the safe choice ("Keep it"), Escape
 * or "Keep it" closes it and focus returns to the Remove button that opened it. A failure shows
 * inside the dialog (the screen behind it is inert).
 */
export function RemoveAccountDialog({ account, opener, onRemove, onClose }: {
  account: Account;
  opener: HTMLElement | null;
  onRemove: (purge: boolean) => Promise<void>;
  onClose: () => void;
}) {
  const [purge, setPurge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onRemove(purge);
    } catch (e) {
      setError(toAppError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      id="remove-dialog"
      class="confirm"
      role="alertdialog"
      labelledBy="remove-title"
      describedBy="remove-text"
      opener={opener}
      fallback={() => document.getElementById("accounts-notice") ?? document.getElementById("accounts-title")}
      onClose={onClose}
      head={<h2 id="remove-title">Remove “{account.label}”?</h2>}
    >
      <p id="remove-text">The key ({account.masked_key}) is deleted from this computer's keychain. It keeps working on the service until you revoke it there.</p>
      <label class="check" for="remove-purge">
        <input id="remove-purge" type="checkbox" checked={purge} onChange={(e) => setPurge(e.currentTarget.checked)} />
        Also delete this account's cached codes and queued edits
      </label>
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button id="keep-account" type="button" class="btn" data-autofocus onClick={onClose}>Keep it</button>
        <button id="confirm-remove" type="button" class="btn btn-danger-solid" data-destructive aria-disabled={busy ? "true" : undefined} onClick={remove}>
          Remove account
        </button>
      </div>
    </Dialog>
  );
}
