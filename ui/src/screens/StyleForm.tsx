// The Styles page's form: every key of a brand style, its field errors, and Save.

import type { AppError } from "../bindings/AppError";
import { RULES } from "../bindings/current-rules";
import { ChoiceSelect } from "../components/ChoiceSelect";
import { ErrorNotice } from "../components/ErrorNotice";
import { describedBy, Field } from "../components/Field";
import { FINDER_SHAPES, FRAME_POSITIONS, fractionToPercent, MAX_LOGO_PERCENT, MODULE_SHAPES, percentToFraction, type StyleProblems } from "../logic/style-form";
import type { FinderShape, FramePosition, ModuleShape, StyleDraft } from "../platform/types";
import { StyleLogoField } from "./StyleLogoField";

const INK_HINT = "k, cmyk:100,72,0,18, spot:PANTONE 286 C or rgb:#1a4d8f";
const FRAME_HINT = `Optional, at most ${RULES.style.max_frame_chars} characters. {name} and any column work.`;

/** A colour as the style file writes it: a text field with the forms it takes under it. */
function InkField({ id, label, value, hint, error, onInput }: {
  id: string;
  label: string;
  value: string;
  hint: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} type="text" value={value} spellcheck={false} autocomplete="off" aria-invalid={!!error}
        aria-describedby={describedBy(id, error, hint)} onInput={(e) => onInput(e.currentTarget.value)} />
    </Field>
  );
}

/**
 * The style's keys, as the style file has them. `problems` are the sentences to show now; Save
 * stays disabled while `canSave` is false.
 */
export function StyleForm({ draft, set, editing, problems, canSave, saving, onSave, error, onDismissError, saved }: {
  draft: StyleDraft;
  set: <K extends keyof StyleDraft>(key: K, value: StyleDraft[K]) => void;
  editing: string | null;
  problems: StyleProblems;
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
  error: AppError | null;
  onDismissError: () => void;
  saved: string | null;
}) {
  const renaming = editing !== null && draft.name.trim() !== "" && draft.name.trim() !== editing;
  const nameHint = renaming ? `Saving renames “${editing}”.` : `Needed to save; at most ${RULES.style.max_name_chars} characters.`;
  const logoHint = `Of the code's side, at most ${MAX_LOGO_PERCENT} %.`;

  return (
    <form class="card style-form" aria-labelledby="style-form-title" noValidate onSubmit={(e) => { e.preventDefault(); if (canSave && !saving) onSave(); }}>
      <h2 id="style-form-title">{editing === null ? "New style" : `Edit “${editing}”`}</h2>
      <div class="form-grid">
        <Field id="style-name" label="Name" hint={nameHint} error={problems.name} wide>
          <input id="style-name" type="text" value={draft.name} autocomplete="off" aria-invalid={!!problems.name}
            aria-describedby={describedBy("style-name", problems.name, nameHint)} onInput={(e) => set("name", e.currentTarget.value)} />
        </Field>
        <InkField id="style-dark" label="Dark colour" value={draft.dark} hint={INK_HINT} error={problems.dark} onInput={(v) => set("dark", v)} />
        <InkField id="style-light" label="Light colour" value={draft.light} hint="paper (no ink), or an ink as for the dark colour" error={problems.light}
          onInput={(v) => set("light", v)} />
        <ChoiceSelect<ModuleShape> id="style-modules" label="Module shape" value={draft.modules} options={MODULE_SHAPES} onChange={(v) => set("modules", v)} />
        <InkField id="style-finder-color" label="Finder colour" value={draft.finder_color ?? ""} hint="Empty: the dark colour." error={undefined}
          onInput={(v) => set("finder_color", v === "" ? null : v)} />
        <ChoiceSelect<FinderShape> id="style-finder" label="Finder ring" value={draft.finder} options={FINDER_SHAPES} onChange={(v) => set("finder", v)} />
        <ChoiceSelect<FinderShape> id="style-finder-center" label="Finder centre" value={draft.finder_center} options={FINDER_SHAPES}
          onChange={(v) => set("finder_center", v)} />
      </div>

      <h3>Logo</h3>
      <div class="form-grid">
        <StyleLogoField logo={draft.logo} onChange={(logo) => set("logo", logo)} />
        <Field id="style-logo-size" label="Logo size (%)" hint={logoHint} error={problems.logo_size}>
          <input id="style-logo-size" type="number" min={1} max={MAX_LOGO_PERCENT} step={1} value={fractionToPercent(draft.logo_size)}
            aria-invalid={!!problems.logo_size} aria-describedby={describedBy("style-logo-size", problems.logo_size, logoHint)}
            onInput={(e) => set("logo_size", e.currentTarget.value === "" ? NaN : percentToFraction(Number(e.currentTarget.value)))} />
        </Field>
      </div>

      <h3>Frame</h3>
      <div class="form-grid">
        <Field id="style-frame" label="Frame text" hint={FRAME_HINT} error={problems.frame} wide>
          <input id="style-frame" type="text" value={draft.frame ?? ""} autocomplete="off" placeholder="Scan me" aria-invalid={!!problems.frame}
            aria-describedby={describedBy("style-frame", problems.frame, FRAME_HINT)} onInput={(e) => set("frame", e.currentTarget.value === "" ? null : e.currentTarget.value)} />
        </Field>
        <ChoiceSelect<FramePosition> id="style-frame-position" label="Frame position" value={draft.frame_position} options={FRAME_POSITIONS}
          onChange={(v) => set("frame_position", v)} />
        <InkField id="style-frame-color" label="Frame colour" value={draft.frame_color} hint={INK_HINT} error={problems.frame_color}
          onInput={(v) => set("frame_color", v)} />
      </div>

      <div class="form-actions">
        <button id="style-save" type="submit" class="btn btn-primary" disabled={!canSave} aria-disabled={saving ? "true" : undefined}>
          {saving ? "Saving…" : "Save style"}
        </button>
        {!canSave && <span class="muted small" id="style-save-why">{draft.name.trim() === "" ? "Give the style a name to save it." : "Correct the highlighted fields to save."}</span>}
      </div>
      {saved && <p class="notice notice-ok small" id="style-saved" role="status">{saved}</p>}
      <ErrorNotice error={error} onDismiss={onDismissError} />
    </form>
  );
}
