// A labelled number input whose hint or error is tied to it; an empty field reads as NaN, so the
// form's checks name it instead of silently using 0.

import { describedBy, Field } from "./Field";

export function NumberField({ id, label, value, step, error, hint, onChange, disabled, min, max }: {
  id: string;
  label: string;
  value: number;
  step: number;
  error?: string | undefined;
  hint?: string | undefined;
  onChange: (value: number) => void;
  disabled?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input id={id} type="number" step={step} min={min} max={max} value={value} disabled={disabled} aria-invalid={!!error}
        aria-describedby={describedBy(id, error, hint)}
        onInput={(e) => onChange(e.currentTarget.value === "" ? NaN : Number(e.currentTarget.value))} />
    </Field>
  );
}
