// The Designs page: the saved label designs, the form that edits one (the code's place and size,
// any number of text fields), and Rust's live preview of it on a sheet filled with sample rows
// (asked a moment after the last change). Print then chooses a design by name.

import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ConfirmRemoveDialog } from "../components/ConfirmRemoveDialog";
import { SuccessNotice } from "../components/ErrorNotice";
import { nextFrame } from "../components/focus";
import {
  addField, canAddField, type DesignForm as Form, hasLayoutProblems, moveField, moveSentence, newDesign, previewRequest, removeField,
  saveBlocker, toDraft, toForm, updateField, validateDesign,
} from "../logic/design-form";
import { DEFAULT_LAYOUT } from "../logic/print-options";
import { latestOnly } from "../logic/style-form";
import { toAppError } from "../platform/backend";
import type { DesignDraft, DesignPreview, DesignPreviewRequest, SheetLayout } from "../platform/types";
import { DesignForm, type FieldActions } from "./DesignForm";
import { fieldId } from "./DesignFieldEditor";
import { DesignList } from "./DesignList";
import { DesignPreviewPanel } from "./DesignPreviewPanel";

const PREVIEW_DEBOUNCE_MS = 200;
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Focuses the first of `ids` that is in the page and enabled, after the next render. */
async function focusFirst(...ids: string[]): Promise<void> {
  await nextFrame();
  for (const id of ids) {
    const el = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
    if (el && !el.disabled) {
      el.focus();
      return;
    }
  }
}

export function Designs() {
  const { backend } = useApp();
  const [designs, setDesigns] = useState<DesignDraft[] | null>(null);
  /** The saved design being edited (by name), or `null` for a new one. */
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(() => toForm(newDesign()));
  const [layouts, setLayouts] = useState<SheetLayout[]>([]);
  const [layout, setLayout] = useState(DEFAULT_LAYOUT);
  const [preview, setPreview] = useState<DesignPreview | null>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** What the polite live region says after a field moved or went. */
  const [said, setSaid] = useState("");
  const [removing, setRemoving] = useState<{ name: string; opener: HTMLElement | null } | null>(null);
  const guard = useMemo(latestOnly, []);

  const reload = useCallback(async () => {
    const list = await backend.listDesigns();
    setDesigns(list);
    return list;
  }, [backend]);

  // First visit: edit the first saved design (or start a new one when there is none).
  useEffect(() => {
    reload().then(
      (list) => {
        const first = list[0];
        if (first) { setEditing(first.name); setForm(toForm(first)); }
      },
      (e: unknown) => { setDesigns([]); setError(toAppError(e)); },
    );
    backend.listLayouts().then(setLayouts, (e: unknown) => setPreviewError(toAppError(e)));
  }, [backend, reload]);

  const others = (designs ?? []).filter((d) => editing === null || !sameName(d.name, editing)).map((d) => d.name);
  const problems = validateDesign(form, others);
  const drawable = !hasLayoutProblems(problems);
  const requestKey = drawable ? JSON.stringify(previewRequest(form, layout)) : null;

  // The live preview: after each change, once typing pauses; only the latest answer is shown.
  useEffect(() => {
    const isLatest = guard.begin();
    if (requestKey === null) {
      setPreviewBusy(false);
      return;
    }
    const t = setTimeout(() => {
      setPreviewBusy(true);
      backend
        .previewDesign(JSON.parse(requestKey) as DesignPreviewRequest)
        .then((p) => { if (isLatest()) { setPreview(p); setPreviewError(null); } })
        .catch((e: unknown) => { if (isLatest()) { setPreview(null); setPreviewError(toAppError(e)); } })
        .finally(() => { if (isLatest()) setPreviewBusy(false); });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [backend, requestKey, guard]);
  useEffect(() => () => guard.cancel(), [guard]);

  const change = (next: (f: Form) => Form) => {
    setSaved(null);
    setForm(next);
  };
  const set = <K extends "name" | "code_position" | "code_size_mm">(key: K, value: Form[K]) => change((f) => ({ ...f, [key]: value }));

  const fields: FieldActions = {
    onChange: (key, c) => change((f) => updateField(f, key, c)),
    onAdd: () => {
      change(addField);
      const n = form.fields.length + 1;
      setSaid(`Field ${n} added.`);
      void focusFirst(fieldId(n, "text"));
    },
    onMove: (key, by) => {
      const from = form.fields.findIndex((f) => f.key === key) + 1;
      const to = Math.min(form.fields.length, Math.max(1, from + by));
      change((f) => moveField(f, key, by));
      setSaid(moveSentence(from, to));
      // Focus stays with the field it moved; at the top or bottom, on the button that still works.
      void focusFirst(fieldId(to, by < 0 ? "up" : "down"), fieldId(to, by < 0 ? "down" : "up"), fieldId(to, "text"));
    },
    onRemove: (key) => {
      const at = form.fields.findIndex((f) => f.key === key) + 1;
      change((f) => removeField(f, key));
      setSaid(`Field ${at} removed.`);
      const left = form.fields.length - 1;
      void focusFirst(fieldId(Math.min(at, left), "text"), "design-add-field");
    },
  };

  const edit = (design: DesignDraft) => {
    setEditing(design.name);
    setForm(toForm(design));
    setSaved(null);
    setError(null);
    setNotice(null);
  };

  const startNew = () => {
    setEditing(null);
    setForm(toForm(newDesign()));
    setSaved(null);
    setError(null);
    setNotice(null);
    document.getElementById("design-name")?.focus();
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(null);
    setNotice(null);
    try {
      const design = await backend.saveDesign(toDraft(form));
      // A new name for a saved design renames it (Rust matches names in any case).
      if (editing !== null && !sameName(editing, design.name)) await backend.removeDesign(editing);
      await reload();
      setEditing(design.name);
      setForm(toForm(design));
      setSaved(`“${design.name}” is saved. Choose it under Label design on the Print page.`);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (name: string) => {
    await backend.removeDesign(name);
    await reload();
    if (editing !== null && sameName(editing, name)) {
      setEditing(null);
      setForm(toForm(newDesign()));
      setSaved(null);
    }
    setNotice(`“${name}” was removed.`);
    setRemoving(null);
  };

  return (
    <section class="screen" aria-labelledby="designs-title">
      <header class="screen-head">
        <div>
          <h1 id="designs-title" tabIndex={-1}>Designs</h1>
          <p class="muted">What goes on each label besides the code: names, serial numbers and any column, each in its own place, size and type.</p>
        </div>
      </header>
      {notice && <SuccessNotice id="designs-notice" text={notice} focus />}
      <p class="sr-only" role="status" id="designs-said">{said}</p>

      <div class="styles-grid designs-grid">
        <DesignList designs={designs} editing={editing} onEdit={edit} onNew={startNew}
          onRemove={(d, opener) => setRemoving({ name: d.name, opener })} />
        <DesignForm form={form} set={set} fields={fields} editing={editing} problems={problems} canAdd={canAddField(form)}
          blocker={saveBlocker(form, problems)} saving={saving} onSave={() => void save()} error={error} onDismissError={() => setError(null)} saved={saved} />
        <DesignPreviewPanel preview={drawable ? preview : null} name={form.name} busy={previewBusy} error={drawable ? previewError : null}
          emptyText={drawable ? "Drawing the preview…" : "Correct the highlighted fields to see the preview."}
          layouts={layouts} layout={layout} onLayout={setLayout} />
      </div>

      {removing && (
        <ConfirmRemoveDialog thing="design" name={removing.name} opener={removing.opener} onRemove={() => remove(removing.name)} onClose={() => setRemoving(null)}
          fallback={() => document.getElementById("designs-notice") ?? document.getElementById("designs-title")}>
          Labels already printed with it stay as they are; Print can no longer choose it.
        </ConfirmRemoveDialog>
      )}
    </section>
  );
}
