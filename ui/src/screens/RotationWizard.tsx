import { useEffect, useRef, useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ErrorNotice } from "../components/ErrorNotice";
import { PROVIDER_NAMES } from "../logic/key-detect";
import { WIZARD_STEPS, wizardView } from "../logic/rotation-wizard";
import { toAppError } from "../platform/backend";
import type { RotationState } from "../platform/types";

/** The guided key rotation (five steps), resumable: it opens at the step the store has. */
export function RotationWizard({ account, onClose }: { account: Account; onClose: () => void }) {
  const { backend, reloadAccounts } = useApp();
  const [state, setState] = useState<RotationState | null>(null);
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && typeof d.showModal === "function" && !d.open) d.showModal();
    backend.rotationStart(account.id).then(setState, (e: unknown) => setError(toAppError(e)));
  }, [backend, account.id]);

  useEffect(() => {
    if (state?.step === "enter_key") keyRef.current?.focus();
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

  const close = () => {
    dialog.current?.close?.();
    onClose();
  };

  const view = state ? wizardView(state) : null;

  const primary = () => {
    if (!state || !view) return;
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
      case "close": close(); break;
    }
  };

  return (
    <dialog ref={dialog} class="wizard" id="rotation-wizard" aria-labelledby="wizard-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <header class="wizard-head">
        <h2 id="wizard-title">Rotate the key of “{account.label}”</h2>
        <p class="muted small">{PROVIDER_NAMES[account.provider]} · current key <span class="mono">{account.masked_key}</span></p>
      </header>
      <ol class="steps" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => {
          const idx = view?.index ?? 0;
          const cls = i < idx ? "step done" : i === idx ? "step current" : "step";
          return (
            <li key={s.step} class={cls} aria-current={i === idx ? "step" : undefined}>
              <span class="step-num" aria-hidden="true">{i < idx ? "✓" : i + 1}</span>
              <span>{s.title}</span>
            </li>
          );
        })}
      </ol>
      {view && state && (
        <form class="wizard-body" onSubmit={(e) => { e.preventDefault(); primary(); }} data-step={state.step}>
          <h3 id="wizard-step-title">{view.title}</h3>
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
            <button id="wizard-next" type="submit" class="btn btn-primary" disabled={busy || (state.step === "enter_key" && !state.automatic && secret.trim() === "")} aria-busy={busy}>
              {busy ? "Working…" : view.primary.label}
            </button>
            {view.canGoBack && (
              <button id="wizard-back" type="button" class="btn" disabled={busy} onClick={() => run(() => backend.rotationBack(account.id))}>
                Back: enter another key
              </button>
            )}
            {view.canAbandon && (
              <button id="wizard-abandon" type="button" class="btn btn-quiet" disabled={busy} onClick={() => run(async () => { await backend.rotationAbandon(account.id); close(); return null; })}>
                Cancel rotation (nothing changes)
              </button>
            )}
            {state.step !== "done" && (
              <button id="wizard-later" type="button" class="btn btn-quiet" onClick={close}>
                Finish later
              </button>
            )}
          </div>
        </form>
      )}
      {!state && <div class="wizard-body"><ErrorNotice error={error} /><button type="button" class="btn" onClick={close}>Close</button></div>}
    </dialog>
  );
}
