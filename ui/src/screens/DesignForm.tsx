// The Designs page's form: the design's name, where the code goes and how big it is, its text
// fields (added, removed and moved here), and Save.

import type { AppError } from "../bindings/AppError";
import { RULES } from "../bindings/current-rules";
import { ChoiceSelect } from "../components/ChoiceSelect";
import { DecimalField } from "../components/DecimalField";
import { ErrorNotice } from "../components/ErrorNotice";
import { describedBy, Field } from "../components/Field";
import { CODE_POSITIONS, type DesignForm as Form, type DesignProblems, type FieldForm } from "../logic/design-form";
import { DesignFieldEditor } from "./DesignFieldEditor";

const CODE_SIZE_HINT = "Blank: the largest code that leaves the fields room.";

export type FieldActions = {
  onChange: (key: number, change: Partial<Omit<FieldForm, "key">>) => void;
  onMove: (key: number, by: -1 | 1) => void;
  onRemove: (key: number) => void;
  onAdd: () => void;
};

/**
 * The design's keys, as the design file has them. `problems` are the sentences to show now; Save
 * stays disabled while `blocker` says why.
 */
export function DesignForm({ form, set, fields, editing, problems, canAdd, blocker, saving, onSave, error, onDismissError, saved }: {
  form: Form;
  set: <K extends "name" | "code_position" | "code_size_mm">(key: K, value: Form[K]) => void;
  fields: FieldActions;
  editing: string | null;
  problems: DesignProblems;
  canAdd: boolean;
  blocker: string | null;
  saving: boolean;
  onSave: () => void;
  error: AppError | null;
  onDismissError: () => void;
  saved: string | null;
}) {
  const renaming = editing !== null && form.name.trim() !== "" && form.name.trim().toLowerCase() !== editing.toLowerCase();
  const nameHint = renaming ? `Saving renames “${editing}”.` : `Needed to save; at most ${RULES.design.max_name_chars} characters.`;
  const count = form.fields.length;
  const countText = `${count} of at most ${RULES.design.max_fields}`;

  return (
    <form class="card design-form" aria-labelledby="design-form-title" noValidate onSubmit={(e) => { e.preventDefault(); if (blocker === null && !saving) onSave(); }}>
      <h2 id="design-form-title">{editing === null ? "New design" : `Edit “${editing}”`}</h2>
      <div class="form-grid">
        <Field id="design-name" label="Name" hint={nameHint} error={problems.name} wide>
          <input id="design-name" type="text" value={form.name} autocomplete="off" aria-invalid={!!problems.name}
            aria-describedby={describedBy("design-name", problems.name, nameHint)} onInput={(e) => set("name", e.currentTarget.value)} />
        </Field>
        <ChoiceSelect id="design-code-position" label="Code position" value={form.code_position} options={CODE_POSITIONS}
          onChange={(v) => set("code_position", v)} />
        <DecimalField id="design-code-size" label="Code size (mm)" step={0.5} min={RULES.print.min_code_mm} value={form.code_size_mm}
          placeholder="Automatic" error={problems.code_size_mm} hint={CODE_SIZE_HINT} onInput={(v) => set("code_size_mm", v)} />
      </div>

      <div class="design-fields-head">
        <h3 id="design-fields-title">Fields</h3>
        <span class="muted small" id="design-fields-count">{countText}</span>
      </div>
      {count === 0 && <p class="muted small">No fields: the label holds the code only. Add a field for text.</p>}
      <ol class="design-fields" id="design-fields" aria-labelledby="design-fields-title">
        {form.fields.map((f, i) => (
          <li key={f.key}>
            <DesignFieldEditor field={f} index={i} count={count} problems={problems.fields[i] ?? {}}
              onChange={(change) => fields.onChange(f.key, change)} onMove={(by) => fields.onMove(f.key, by)} onRemove={() => fields.onRemove(f.key)} />
          </li>
        ))}
      </ol>
      {problems.count && <p class="field-error" id="design-count-error">{problems.count}</p>}
      <div class="form-actions">
        <button id="design-add-field" type="button" class="btn" disabled={!canAdd} aria-describedby="design-fields-count" onClick={fields.onAdd}>
          Add field
        </button>
        {!canAdd && <span class="muted small">A label holds at most {RULES.design.max_fields} fields.</span>}
      </div>

      <div class="form-actions design-save">
        <button id="design-save" type="submit" class="btn btn-primary" disabled={blocker !== null} aria-disabled={saving ? "true" : undefined}
          aria-describedby={blocker !== null ? "design-save-why" : undefined}>
          {saving ? "Saving…" : "Save design"}
        </button>
        {blocker !== null && <span class="muted small" id="design-save-why">{blocker}</span>}
      </div>
      {saved && <p class="notice notice-ok small" id="design-saved" role="status">{saved}</p>}
      <ErrorNotice error={error} onDismiss={onDismissError} />
    </form>
  );
}
