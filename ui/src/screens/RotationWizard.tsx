import { useEffect, useRef, useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { Dialog } from "../components/Dialog";
import { ErrorNotice } from "../components/ErrorNotice";
import { wizardFocus } from "../logic/focus-rules";
import { PROVIDER_NAMES } from "../logic/key-detect";
import { WIZARD_STEPS, wizardView } from "../logic/rotation-wizard";
import { toAppError } from "../platform/backend";
import type { RotationState } from "../platform/types";

/**
 * The guided key rotation (five steps), resumable: it opens at the step the store has. Its title
 * and steps stay in view; each new step moves focus to its title (or to the key field); Escape
 * or "Finish later" closes it and focus returns to the button that opened it.
 */
export function RotationWizard({ account, opener, onClose }: { account: Account; opener: HTMLElement | null; onClose: () => void }) {
  const { backend, reloadAccounts } = useApp();
  const [state, setState] = useState<RotationState | null>(null);
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const stepTitleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    backend.rotationStart(account.id).then(setState, (e: unknown) => setError(toAppError(e)));
  }, [backend, account.id]);

  useEffect(() => {
    if (!state) return;
    const target = wizardFocus(state.step, state.automatic) === "key" ? keyRef.current : stepTitleRef.current;
    target?.focus();
    // Only a new step moves focus; typing and re-renders leave it where it is.
  }, [state?.step]);

  const run = async (action: () => Promise<RotationState | null>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      if (next) setState(next);
      await reloadAccounts();
    } catch (e) {
      setError(toAppError(e));
      const fresh = await backend.rotationState(account.id).catch(() => null);
      if (fresh) setState(fresh);
    } finally {
      setBusy(false);
    }
  };

  const view = state ? wizardView(state) : null;

  const primary = () => {
    if (!state || !view || busy) return;
    switch (view.primary.action) {
      case "submit_key":
        void run(async () => {
          const s = await backend.rotationSubmitKey({ account: account.id, secret: secret.trim(), expires_at: null });
          setSecret("");
          return s;
        });
        break;
      case "verify": void run(() => backend.rotationVerify(account.id)); break;
      case "switch": void run(() => backend.rotationSwitch(account.id)); break;
      case "confirm_revoked": void run(() => backend.rotationConfirmRevoked(account.id)); break;
      case "close": onClose(); break;
    }
  };

  // While a step runs, its buttons stay focusable (aria-disabled) so focus is not dropped.
  const waiting = busy ? "true" : undefined;
  const idx = view?.index ?? 0;

  const head = (
    <>
      <header class="wizard-head">
        <h2 id="wizard-title" tabIndex={-1} data-autofocus>Rotate the key of “{account.label}”</h2>
        <p class="muted small">{PROVIDER_NAMES[account.provider]} · current key <span class="mono">{account.masked_key}</span></p>
      </header>
      <ol class="steps" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => (
          <li key={s.step} class={i < idx ? "step done" : i === idx ? "step current" : "step"} aria-current={i === idx ? "step" : undefined}>
            <span class="step-num" aria-hidden="true">{i < idx ? "✓" : i + 1}</span>
            <span class="step-title">{s.title}{i < idx ? " (done)" : ""}</span>
          </li>
        ))}
      </ol>
    </>
  );

  return (
    <Dialog id="rotation-wizard" class="wizard" labelledBy="wizard-title" opener={opener} onClose={onClose} head={head}
      fallback={() => document.getElementById("accounts-title")}>
      {view && state && (
        <form class="wizard-body" onSubmit={(e) => { e.preventDefault(); primary(); }} data-step={state.step}>
          <h3 id="wizard-step-title" ref={stepTitleRef} tabIndex={-1}>{view.title}</h3>
          <p>{view.explanation}</p>
          {state.step === "enter_key" && !state.automatic && (
            <div class="field">
              <label for="rotation-key">New API key</label>
              <input ref={keyRef} id="rotation-key" type="password" autocomplete="off" spellcheck={false} value={secret} onInput={(e) => setSecret(e.currentTarget.value)} />
            </div>
          )}
          {state.last_error && !error && <ErrorNotice error={state.last_error} />}
          <ErrorNotice error={error} onDismiss={() => setError(null)} />
          <div class="form-actions">
            <button id="wizard-next" type="submit" class="btn btn-primary" disabled={!busy && state.step === "enter_key" && !state.automatic && secret.trim() === ""}
              aria-disabled={waiting} aria-busy={busy}>
              {busy ? "Working…" : view.primary.label}
            </button>
            {view.canGoBack && (
              <button id="wizard-back" type="button" class="btn" aria-disabled={waiting} onClick={() => { if (!busy) void run(() => backend.rotationBack(account.id)); }}>
                Back: enter another key
              </button>
            )}
            {view.canAbandon && (
              <button id="wizard-abandon" type="button" class="btn btn-quiet" aria-disabled={waiting}
                onClick={() => { if (!busy) void run(async () => { await backend.rotationAbandon(account.id); onClose(); return null; }); }}>
                Cancel rotation (nothing changes)
              </button>
            )}
            {state.step !== "done" && (
              <button id="wizard-later" type="button" class="btn btn-quiet" onClick={onClose}>
                Finish later
              </button>
            )}
          </div>
        </form>
      )}
      {!state && (
        <div class="wizard-body">
          {error ? <ErrorNotice error={error} /> : <p class="muted" role="status">Opening the rotation…</p>}
          <button type="button" class="btn" onClick={onClose}>Close</button>
        </div>
      )}
    </Dialog>
  );
}
