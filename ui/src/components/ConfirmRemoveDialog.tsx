// The confirmation before a saved item (a brand style, a label design) is removed.

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { toAppError } from "../platform/backend";
import { Dialog } from "./Dialog";
import { ErrorNotice } from "./ErrorNotice";

/**
 * "Remove “name”?" as a modal alert dialog. It opens on "Keep it"; Escape or "Keep it" closes it
 * and focus returns to the Remove button that opened it (or to `fallback()`, the page's result,
 * once removed). A failure shows inside the dialog. Ids follow `thing`: `remove-style-dialog`,
 * `keep-style`, `confirm-remove-style`.
 */
export function ConfirmRemoveDialog({ thing, name, children, opener, fallback, onRemove, onClose }: {
  /** One word, in the ids and the button: "style" → "Remove style". */
  thing: string;
  name: string;
  /** What removing it does and does not change. */
  children: ComponentChildren;
  opener: HTMLElement | null;
  fallback: () => HTMLElement | null | undefined;
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
      id={`remove-${thing}-dialog`}
      class="confirm"
      role="alertdialog"
      labelledBy={`remove-${thing}-title`}
      describedBy={`remove-${thing}-text`}
      opener={opener}
      fallback={fallback}
      onClose={onClose}
      head={<h2 id={`remove-${thing}-title`}>Remove “{name}”?</h2>}
    >
      <p id={`remove-${thing}-text`}>{children}</p>
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button id={`keep-${thing}`} type="button" class="btn" data-autofocus onClick={onClose}>Keep it</button>
        <button id={`confirm-remove-${thing}`} type="button" class="btn btn-danger-solid" data-destructive aria-disabled={busy ? "true" : undefined} onClick={remove}>
          Remove {thing}
        </button>
      </div>
    </Dialog>
  );
}
