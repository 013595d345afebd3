// A labelled select over a fixed list of choices (shapes, positions, alignments…).

import { describedBy, Field } from "./Field";

export function ChoiceSelect<T extends string>({ id, label, value, options, onChange, hint, disabled }: {
  id: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: string | undefined;
  disabled?: boolean | undefined;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={value} disabled={disabled} aria-describedby={describedBy(id, null, hint)} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}
