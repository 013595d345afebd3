// The confirmation before a saved brand style is removed.

import { useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { Dialog } from "../components/Dialog";
import { ErrorNotice } from "../components/ErrorNotice";
import { toAppError } from "../platform/backend";

/**
 * "Remove this style?" as a modal alert dialog. It opens on "Keep it"; Escape or "Keep it" closes
 * it and focus returns to the Remove button that opened it (or to the result, once removed).
 */
export function RemoveStyleDialog({ name, opener, onRemove, onClose }: {
  name: string;
  opener: HTMLElement | null;
  onRemove: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onRemove();
    } catch (e) {
      setError(toAppError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      id="remove-style-dialog"
      class="confirm"
      role="alertdialog"
      labelledBy="remove-style-title"
      describedBy="remove-style-text"
      opener={opener}
      fallback={() => document.getElementById("styles-notice") ?? document.getElementById("styles-title")}
      onClose={onClose}
      head={<h2 id="remove-style-title">Remove “{name}”?</h2>}
    >
      <p id="remove-style-text">Codes already printed or exported with it stay as they are; Print and the code screen can no longer choose it.</p>
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button id="keep-style" type="button" class="btn" data-autofocus onClick={onClose}>Keep it</button>
        <button id="confirm-remove-style" type="button" class="btn btn-danger-solid" data-destructive aria-disabled={busy ? "true" : undefined} onClick={remove}>
          Remove style
        </button>
      </div>
    </Dialog>
  );
}
