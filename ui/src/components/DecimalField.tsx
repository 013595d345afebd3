// A labelled number input that keeps the text as typed (blank allowed), for forms where a blank
// means something ("automatic", "the rest of the space") and the checks name a bad value.

import { describedBy, Field } from "./Field";

export function DecimalField({ id, label, value, step, min, error, hint, onInput, placeholder }: {
  id: string;
  label: string;
  value: string;
  step: number;
  min?: number | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  placeholder?: string | undefined;
  onInput: (text: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input id={id} type="number" inputMode="decimal" step={step} min={min} value={value} placeholder={placeholder} aria-invalid={!!error}
        aria-describedby={describedBy(id, error, hint)} onInput={(e) => onInput(e.currentTarget.value)} />
    </Field>
  );
}
