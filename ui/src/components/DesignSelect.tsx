// The Print page's "Label design" picker: None (the caption under the code) or a saved design.

import { describedBy, Field } from "./Field";
import type { DesignDraft } from "../platform/types";

/** "Label design": None (`null`) or a saved label design by name. */
export function DesignSelect({ id, value, designs, onChange, hint }: {
  id: string;
  value: string | null;
  designs: readonly DesignDraft[];
  onChange: (name: string | null) => void;
  hint?: string | undefined;
}) {
  return (
    <Field id={id} label="Label design" hint={hint}>
      <select id={id} value={value ?? ""} aria-describedby={describedBy(id, null, hint)}
        onChange={(e) => onChange(e.currentTarget.value === "" ? null : e.currentTarget.value)}>
        <option value="">None — code and caption</option>
        {designs.map((d) => <option key={d.name} value={d.name}>{d.name}</option>)}
      </select>
    </Field>
  );
}
