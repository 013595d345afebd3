// One text field of the Designs page's form: its template, where it goes, its type and how it fits,
// with Move up, Move down and Remove.

import { ChoiceSelect } from "../components/ChoiceSelect";
import { DecimalField } from "../components/DecimalField";
import { describedBy, Field } from "../components/Field";
import { actionName } from "../logic/a11y-names";
import { ALIGNS, ANCHORS, FITS, type FieldForm, type FieldProblems, TEMPLATE_HINT } from "../logic/design-form";
import { RULES } from "../bindings/current-rules";

const SIZE_HINT = `${RULES.design.min_font_pt} to ${RULES.design.max_font_pt} pt.`;
const REST_HINT = "Blank: the rest of the space.";

/** Ids of field `n`'s controls (from 1): `design-field-2-text`, `design-field-2-up`… */
export const fieldId = (n: number, part: string) => `design-field-${n}-${part}`;

/**
 * Field `index + 1` of `count`. A fixed box takes x, y, width and height; a field that follows
 * the code may give a width and height (blank: the rest of the space beside or below it).
 */
export function DesignFieldEditor({ field, index, count, problems, onChange, onMove, onRemove }: {
  field: FieldForm;
  index: number;
  count: number;
  problems: FieldProblems;
  onChange: (change: Partial<Omit<FieldForm, "key">>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const id = (part: string) => fieldId(n, part);
  const boxed = field.anchor === "box";
  const subject = `field ${n}`;

  return (
    <fieldset class="design-field" data-field-index={index}>
      <legend>Field {n}</legend>
      <div class="form-grid form-grid-3 design-field-grid">
        <Field id={id("text")} label="Text" hint={TEMPLATE_HINT} error={problems.text} wide>
          <input id={id("text")} type="text" value={field.text} spellcheck={false} autocomplete="off" placeholder="{name}"
            aria-invalid={!!problems.text} aria-describedby={describedBy(id("text"), problems.text, TEMPLATE_HINT)}
            onInput={(e) => onChange({ text: e.currentTarget.value })} />
        </Field>
        <ChoiceSelect id={id("anchor")} label="Placement" value={field.anchor} options={ANCHORS} onChange={(anchor) => onChange({ anchor })} />
        <DecimalField id={id("size")} label="Font size (pt)" step={0.5} min={RULES.design.min_font_pt} value={field.font_size}
          error={problems.font_size} hint={SIZE_HINT} onInput={(font_size) => onChange({ font_size })} />
        <label class="check design-bold" for={id("bold")}>
          <input id={id("bold")} type="checkbox" checked={field.bold} onChange={(e) => onChange({ bold: e.currentTarget.checked })} />
          Bold
        </label>
        <ChoiceSelect id={id("align")} label="Alignment" value={field.align} options={ALIGNS} onChange={(align) => onChange({ align })} />
        <ChoiceSelect id={id("fit")} label="Fit" value={field.fit} options={FITS} onChange={(fit) => onChange({ fit })} />
      </div>
      <div class="form-grid design-box-grid">
        {boxed && (
          <>
            <DecimalField id={id("x")} label="X (mm)" step={0.5} min={0} value={field.x_mm} error={problems.x_mm} hint="From the label's left edge."
              onInput={(x_mm) => onChange({ x_mm })} />
            <DecimalField id={id("y")} label="Y (mm)" step={0.5} min={0} value={field.y_mm} error={problems.y_mm} hint="From the label's top edge."
              onInput={(y_mm) => onChange({ y_mm })} />
          </>
        )}
        <DecimalField id={id("width")} label="Width (mm)" step={0.5} min={0} value={field.width_mm} error={problems.width_mm}
          hint={boxed ? undefined : REST_HINT} onInput={(width_mm) => onChange({ width_mm })} />
        <DecimalField id={id("height")} label="Height (mm)" step={0.5} min={0} value={field.height_mm} error={problems.height_mm}
          hint={boxed ? undefined : REST_HINT} onInput={(height_mm) => onChange({ height_mm })} />
      </div>
      <div class="btn-group design-field-actions">
        <button id={id("up")} type="button" class="btn btn-small" disabled={index === 0} aria-label={actionName("Move up", subject)} onClick={() => onMove(-1)}>
          Move up
        </button>
        <button id={id("down")} type="button" class="btn btn-small" disabled={index === count - 1} aria-label={actionName("Move down", subject)} onClick={() => onMove(1)}>
          Move down
        </button>
        <button id={id("remove")} type="button" class="btn btn-small btn-danger" aria-label={actionName("Remove", subject)} onClick={onRemove}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}
