// The Print page's sheet picker: "Find a sheet" narrows the Layout select, which stays quick with
// the whole gLabels catalogue (~1,750 sheets) by grouping built-ins and catalogue and rendering at
// most `CATALOGUE_CAP` catalogue sheets. The chosen sheet is always in the select.

import { useMemo, useState } from "preact/hooks";
import { formatCount } from "../logic/format";
import { layoutChoices } from "../logic/layout-search";
import { layoutOptionLabel, layoutSummary } from "../logic/layout-text";
import type { SheetLayout } from "../platform/types";

/** Why the select holds fewer sheets than the list: nothing matches, or the catalogue is capped. */
function statusText(query: string, c: ReturnType<typeof layoutChoices>): string {
  const q = query.trim();
  if (q !== "" && c.matches === 0) return `No sheet matches “${q}”. Try the product code (L7162) or the label size (70x36).`;
  if (c.catalogueShown < c.catalogueMatches) return `Showing ${formatCount(c.catalogueShown)} of ${formatCount(c.catalogueMatches)} — type to narrow.`;
  if (q !== "") return c.matches === 1 ? "1 sheet matches." : `${formatCount(c.matches)} sheets match.`;
  return "";
}

export function LayoutPicker({ layouts, value, onChange }: {
  layouts: readonly SheetLayout[];
  value: string;
  onChange: (id: string) => void;
}) {
  const [query, setQuery] = useState("");
  const choices = useMemo(() => layoutChoices(layouts, query, value), [layouts, query, value]);
  const selected = layouts.find((l) => l.id === value);
  const status = statusText(query, choices);
  const statusId = status ? "layout-search-status" : null;
  const option = (l: SheetLayout) => <option key={l.id} value={l.id} title={l.name}>{layoutOptionLabel(l)}</option>;
  const grouped = choices.catalogueTotal > 0;

  return (
    <>
      <div class="field">
        <label for="layout-search">Find a sheet</label>
        <input id="layout-search" type="search" value={query} autocomplete="off" spellcheck={false} aria-controls="opt-layout"
          aria-describedby={["layout-search-hint", statusId].filter(Boolean).join(" ")}
          onInput={(e) => setQuery(e.currentTarget.value)} />
        <p class="hint" id="layout-search-hint">Product code, brand or label size, e.g. L7162 or 70x36</p>
        <p class="hint layout-search-status" id="layout-search-status" role="status">{status}</p>
      </div>
      <div class="field">
        <label for="opt-layout">Layout</label>
        <select id="opt-layout" value={value} aria-describedby={[statusId, selected ? "opt-layout-hint" : null].filter(Boolean).join(" ") || undefined}
          onChange={(e) => onChange(e.currentTarget.value)}>
          {grouped ? (
            <>
              {choices.builtIn.length > 0 && <optgroup label="Built-in sheets">{choices.builtIn.map(option)}</optgroup>}
              {choices.catalogue.length > 0 && <optgroup label="gLabels catalogue">{choices.catalogue.map(option)}</optgroup>}
            </>
          ) : choices.builtIn.map(option)}
        </select>
        {selected && <p class="hint" id="opt-layout-hint">{layoutSummary(selected)}</p>}
      </div>
    </>
  );
}
