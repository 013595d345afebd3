import { useEffect, useRef, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import type { ProviderKind } from "../bindings/ProviderKind";
import { useApp } from "../app/context";
import { EnvBadge } from "../components/Badge";
import { ErrorNotice } from "../components/ErrorNotice";
import { describedBy, Field } from "../components/Field";
import { nextFrame } from "../components/focus";
import { DEFAULT_BASE_URLS, detectKey, PROVIDER_NAMES, validateKeyForm, workspaceLabel, type KeyFormProblem } from "../logic/key-detect";
import { toAppError } from "../platform/backend";
import type { WorkspaceOption } from "../platform/types";

const FIELD_IDS: Record<KeyFormProblem["field"], string> = {
  secret: "account-key", client_id: "account-client-id", label: "account-label", base_url: "account-base-url",
};
const PROVIDERS: ProviderKind[] = ["exaroutes", "qrcodepro", "iloveqr", "exante", "qr-v1"];

/** Adds an account. The key field is masked; the key goes to the backend once and is then cleared. */
export function AddAccountForm({ onDone, onCancel }: { onDone: (label: string) => void; onCancel: () => void }) {
  const { backend, reloadAccounts } = useApp();
  const [secret, setSecret] = useState("");
  const [override, setOverride] = useState<ProviderKind | "auto">("auto");
  const [label, setLabel] = useState("");
  const [clientId, setClientId] = useState("");
  const [workspaces, setWorkspaces] = useState<WorkspaceOption[] | null>(null);
  const [workspace, setWorkspace] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [expires, setExpires] = useState("");
  const [verify, setVerify] = useState(true);
  const [problems, setProblems] = useState<KeyFormProblem[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);

  useEffect(() => keyRef.current?.focus(), []);

  const detection = detectKey(secret);
  const provider: ProviderKind = override === "auto" ? (detection?.provider ?? "qr-v1") : override;
  const wsLabel = workspaceLabel(provider);
  const needsClientId = detection?.needsClientId ?? false;
  const problemFor = (f: KeyFormProblem["field"]) => problems.find((p) => p.field === f)?.message;

  const loadWorkspaces = async () => {
    setError(null);
    try {
      const list = await backend.listWorkspaces({ provider, secret: secret.trim(), client_id: clientId.trim() || null, base_url: baseUrl.trim() || null });
      setWorkspaces(list);
      setWorkspace(list[0]?.id ?? "");
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const p = validateKeyForm({ label, secret, clientId, baseUrl });
    setProblems(p);
    if (p.length > 0) {
      // To the first field to correct, in the form's order (its error is tied to it by aria-describedby).
      if (p.some((x) => x.field === "base_url")) document.querySelector<HTMLDetailsElement>("#add-account-form details.advanced")?.setAttribute("open", "");
      void nextFrame().then(() => {
        const fields = p.map((x) => document.getElementById(FIELD_IDS[x.field])).filter((el): el is HTMLElement => el !== null);
        fields.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
        fields[0]?.focus();
      });
      return;
    }
    setBusy(true);
    try {
      const chosen = workspaces?.find((w) => w.id === workspace);
      const account = await backend.addAccount({
        provider,
        label: label.trim(),
        secret: secret.trim(),
        client_id: needsClientId ? clientId.trim() : null,
        workspace: chosen ? chosen.id : null,
        base_url: baseUrl.trim() || null,
        expires_at: expires || null,
        verify,
      });
      setSecret("");
      await reloadAccounts();
      onDone(account.label);
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card add-form" id="add-account-form" onSubmit={submit} noValidate aria-labelledby="add-title">
      <h2 id="add-title">Add an account</h2>
      <p class="muted small">The key is stored in this computer's keychain, never in files, and is shown only as its first and last characters.</p>
      <div class="form-grid">
        <Field id="account-key" label="API key" error={problemFor("secret")} wide
          hint={detection ? (detection.recognised ? `Looks like a ${PROVIDER_NAMES[detection.provider]} ${detection.environment} key.` : "No known prefix: treated as a QR platform (/api/v1/qr) key.") : "Copy it from the service's dashboard (API keys or Developers)."}>
          <input ref={keyRef} id="account-key" name="api-key" type="password" autocomplete="off" spellcheck={false} autocapitalize="off"
            value={secret} onInput={(e) => { setSecret(e.currentTarget.value); setWorkspaces(null); }}
            aria-invalid={!!problemFor("secret")} aria-describedby={describedBy("account-key", problemFor("secret"), "hint")} />
        </Field>
        <Field id="account-provider" label="Service">
          <select id="account-provider" value={override} onChange={(e) => setOverride(e.currentTarget.value as ProviderKind | "auto")}>
            <option value="auto">{detection ? `Detected: ${PROVIDER_NAMES[detection.provider]}` : "Detect from the key"}</option>
            {PROVIDERS.map((p) => <option key={p} value={p}>{PROVIDER_NAMES[p]}</option>)}
          </select>
        </Field>
        <div class="field detected" aria-live="polite">
          <span class="label-like">Environment</span>
          {detection ? <EnvBadge env={detection.environment} /> : <span class="muted small">—</span>}
        </div>
        {needsClientId && (
          <Field id="account-client-id" label="Client id" error={problemFor("client_id")} hint="ExaRoutes shows it next to the key; it starts with cust_.">
            <input id="account-client-id" type="text" autocomplete="off" spellcheck={false} value={clientId} onInput={(e) => setClientId(e.currentTarget.value)}
              aria-invalid={!!problemFor("client_id")} aria-describedby={describedBy("account-client-id", problemFor("client_id"), "hint")} />
          </Field>
        )}
        <Field id="account-label" label="Name for this account" error={problemFor("label")} hint="For example “Marketing” or “Menus (test)”.">
          <input id="account-label" type="text" value={label} maxLength={80} onInput={(e) => setLabel(e.currentTarget.value)}
            aria-invalid={!!problemFor("label")} aria-describedby={describedBy("account-label", problemFor("label"), "hint")} />
        </Field>
        {wsLabel && (
          <div class="field">
            <label for="account-workspace">{wsLabel}</label>
            <div class="input-row">
              <select id="account-workspace" value={workspace} disabled={!workspaces} onChange={(e) => setWorkspace(e.currentTarget.value)}>
                {!workspaces && <option value="">Load the list first</option>}
                {workspaces?.length === 0 && <option value="">This key sees no {wsLabel.toLowerCase()}s</option>}
                {workspaces?.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
              </select>
              <button type="button" class="btn btn-small" disabled={!detection} onClick={loadWorkspaces}>Load</button>
            </div>
          </div>
        )}
      </div>
      <details class="advanced">
        <summary>Advanced</summary>
        <div class="form-grid">
          <Field id="account-base-url" label="Service address" error={problemFor("base_url")} hint={`Default: ${DEFAULT_BASE_URLS[provider]}`}>
            <input id="account-base-url" type="url" value={baseUrl} placeholder={DEFAULT_BASE_URLS[provider]} spellcheck={false} onInput={(e) => setBaseUrl(e.currentTarget.value)}
              aria-describedby={describedBy("account-base-url", problemFor("base_url"), "hint")} />
          </Field>
          <Field id="account-expires" label="Key expires on (optional)" hint="QR Desk warns 14 days ahead.">
            <input id="account-expires" type="date" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} aria-describedby="account-expires-hint" />
          </Field>
        </div>
      </details>
      <label class="check" for="account-verify">
        <input id="account-verify" type="checkbox" checked={verify} onChange={(e) => setVerify(e.currentTarget.checked)} />
        Check the key with the service now (turn off when offline: it is saved as “not checked yet”)
      </label>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      <div class="form-actions">
        <button id="add-account-submit" type="submit" class="btn btn-primary" aria-disabled={busy ? "true" : undefined} aria-busy={busy}>
          {busy ? "Checking the key…" : verify ? "Check and add" : "Add without checking"}
        </button>
        <button type="button" class="btn btn-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
