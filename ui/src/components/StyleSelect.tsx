// The "Style" picker shared by Print and a code's screen: Plain or one saved brand style.

import { describedBy, Field } from "./Field";
import type { StyleDraft } from "../platform/types";

/** "Style": Plain (`null`) or a saved brand style by name, for printing and exporting. */
export function StyleSelect({ id, value, styles, onChange, hint }: {
  id: string;
  value: string | null;
  styles: readonly StyleDraft[];
  onChange: (name: string | null) => void;
  hint?: string;
}) {
  return (
    <Field id={id} label="Style" hint={hint}>
      <select id={id} value={value ?? ""} aria-describedby={describedBy(id, null, hint)}
        onChange={(e) => onChange(e.currentTarget.value === "" ? null : e.currentTarget.value)}>
        <option value="">Plain</option>
        {styles.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
      </select>
    </Field>
  );
}
