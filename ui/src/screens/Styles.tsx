// The Styles page: the saved brand styles, the form that edits one, and Rust's live proof of it
// (drawn and read back by the print engine on every change, a moment after the last keystroke).
// Print and a code's screen then choose a style by name.

import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ConfirmRemoveDialog } from "../components/ConfirmRemoveDialog";
import { SuccessNotice } from "../components/ErrorNotice";
import { cleanStyle, hasStyleProblems, latestOnly, newStyle, previewRequest, validateStyle } from "../logic/style-form";
import { toAppError } from "../platform/backend";
import type { StyleDraft, StyleProof } from "../platform/types";
import { StyleForm } from "./StyleForm";
import { StyleList } from "./StyleList";
import { StyleProofPanel } from "./StyleProofPanel";

const PREVIEW_DEBOUNCE_MS = 120;

export function Styles() {
  const { backend } = useApp();
  const [styles, setStyles] = useState<StyleDraft[] | null>(null);
  /** The saved style being edited (by name), or `null` for a new one. */
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<StyleDraft>(newStyle);
  const [proof, setProof] = useState<StyleProof | null>(null);
  const [proofBusy, setProofBusy] = useState(false);
  const [proofError, setProofError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ name: string; opener: HTMLElement | null } | null>(null);
  const guard = useMemo(latestOnly, []);

  const reload = useCallback(async () => {
    const list = await backend.listStyles();
    setStyles(list);
    return list;
  }, [backend]);

  // First visit: edit the first saved style (or start a new one when there is none).
  useEffect(() => {
    reload().then(
      (list) => {
        const first = list[0];
        if (first) { setEditing(first.name); setDraft(first); }
      },
      (e: unknown) => { setStyles([]); setError(toAppError(e)); },
    );
  }, [reload]);

  // The live proof: after each change, once typing pauses; only the latest answer is shown.
  const drawable = Number.isFinite(draft.logo_size);
  useEffect(() => {
    const isLatest = guard.begin();
    if (!drawable) {
      setProof(null);
      setProofBusy(false);
      return;
    }
    const request = previewRequest(draft);
    const t = setTimeout(() => {
      setProofBusy(true);
      backend
        .previewStyle(request)
        .then((p) => { if (isLatest()) { setProof(p); setProofError(null); } })
        .catch((e: unknown) => { if (isLatest()) { setProof(null); setProofError(toAppError(e)); } })
        .finally(() => { if (isLatest()) setProofBusy(false); });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [backend, draft, drawable, guard]);
  useEffect(() => () => guard.cancel(), [guard]);

  const others = (styles ?? []).filter((s) => s.name !== editing).map((s) => s.name);
  const problems = validateStyle(draft, others);
  // A missing name only keeps Save disabled (a new style starts without one): no error for it.
  const shown = draft.name.trim() === "" ? { ...problems, name: undefined } : problems;

  const set = <K extends keyof StyleDraft>(key: K, value: StyleDraft[K]) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const edit = (style: StyleDraft) => {
    setEditing(style.name);
    setDraft(style);
    setSaved(null);
    setError(null);
    setNotice(null);
  };

  const startNew = () => {
    setEditing(null);
    setDraft(newStyle());
    setSaved(null);
    setError(null);
    setNotice(null);
    document.getElementById("style-name")?.focus();
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(null);
    setNotice(null);
    try {
      const style = await backend.saveStyle(cleanStyle(draft));
      // A new name for a saved style renames it.
      if (editing !== null && editing !== style.name) await backend.removeStyle(editing);
      await reload();
      setEditing(style.name);
      setDraft(style);
      setSaved(`“${style.name}” is saved. Choose it under Style on the Print page or a code's page.`);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (name: string) => {
    await backend.removeStyle(name);
    await reload();
    if (editing === name) {
      setEditing(null);
      setDraft(newStyle());
      setSaved(null);
    }
    setNotice(`“${name}” was removed.`);
    setRemoving(null);
  };

  return (
    <section class="screen" aria-labelledby="styles-title">
      <header class="screen-head">
        <div>
          <h1 id="styles-title" tabIndex={-1}>Styles</h1>
          <p class="muted">How printed and exported codes look: inks, shapes, a logo and a call to action.</p>
        </div>
      </header>
      {notice && <SuccessNotice id="styles-notice" text={notice} focus />}

      <div class="styles-grid">
        <StyleList styles={styles} editing={editing} onEdit={edit} onNew={startNew}
          onRemove={(s, opener) => setRemoving({ name: s.name, opener })} />
        <StyleForm draft={draft} set={set} editing={editing} problems={shown} canSave={!hasStyleProblems(problems)} saving={saving}
          onSave={() => void save()} error={error} onDismissError={() => setError(null)} saved={saved} />
        <StyleProofPanel proof={proof} name={draft.name} busy={proofBusy} error={proofError}
          emptyText={drawable ? "Drawing the proof…" : "Give the logo size to see the proof."} />
      </div>

      {removing && (
        <ConfirmRemoveDialog thing="style" name={removing.name} opener={removing.opener} onRemove={() => remove(removing.name)} onClose={() => setRemoving(null)}
          fallback={() => document.getElementById("styles-notice") ?? document.getElementById("styles-title")}>
          Codes already printed or exported with it stay as they are; Print and the code screen can no longer choose it.
        </ConfirmRemoveDialog>
      )}
    </section>
  );
}
