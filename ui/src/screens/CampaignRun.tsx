// "Create and print": the button (it stays in place while Rust works, aria-disabled, so focus
// stays on it), why it cannot run yet, the progress while the codes are made on the service, a
// closed save dialog, and the outcome.

import type { ComponentChildren } from "preact";
import type { AppError } from "../bindings/AppError";
import { ErrorNotice } from "../components/ErrorNotice";
import { ProgressBar } from "../components/ProgressBar";

export function CampaignRun({ blocker, busy, busyText, live, cancelled, error, onDismissError, onCreate, children }: {
  blocker: string | null;
  /** Codes the service has confirmed so far, while the job runs. */
  live?: { created: number; total: number } | null;
  /** Create and print or Try again is running. */
  busy: boolean;
  busyText: string;
  cancelled: boolean;
  error: AppError | null;
  onDismissError: () => void;
  onCreate: () => void;
  /** The outcome, once there is one. */
  children?: ComponentChildren;
}) {
  return (
    <section class="card campaign-run" aria-labelledby="campaign-run-title">
      <h2 id="campaign-run-title" class="sr-only">Create and print</h2>
      <div class="print-actions">
        <button id="campaign-create" type="button" class="btn btn-primary" disabled={!busy && blocker !== null} aria-disabled={busy ? "true" : undefined}
          aria-describedby={blocker !== null && !busy ? "campaign-create-why" : undefined} onClick={() => { if (!busy && blocker === null) onCreate(); }}>
          {busy ? "Working…" : "Create and print"}
        </button>
        {blocker !== null && !busy && <span class="muted small" id="campaign-create-why">{blocker}</span>}
      </div>
      <div class="campaign-progress" role="status" id="campaign-progress">
        {busy && (
          <>
            <ProgressBar done={live?.created ?? 0} total={live && live.total > 0 ? live.total : null} label={busyText} />
            <span class="small">{busyText}</span>
          </>
        )}
      </div>
      {busy && live && live.total > 0 && (
        // Outside the live region: a count that changes every second is shown, not announced.
        <p class="small muted" id="campaign-live-count">{live.created} of {live.total} codes made on the service so far.</p>
      )}
      {cancelled && <p class="muted small" role="status" id="campaign-cancelled">Nothing was made: the save dialog was closed.</p>}
      <ErrorNotice error={error} onDismiss={onDismissError} />
      {children}
    </section>
  );
}
