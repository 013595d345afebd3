// The Designs page's list of saved label designs, with New design and each design's Remove.

import { actionName } from "../logic/a11y-names";
import type { DesignDraft } from "../platform/types";

/**
 * The saved label designs: pick one to edit (the one being edited is marked current), start a new
 * one, or remove one (each Remove button says which design it removes).
 */
export function DesignList({ designs, editing, onEdit, onNew, onRemove }: {
  designs: readonly DesignDraft[] | null;
  editing: string | null;
  onEdit: (design: DesignDraft) => void;
  onNew: () => void;
  onRemove: (design: DesignDraft, opener: HTMLElement) => void;
}) {
  return (
    <section class="card style-list" aria-labelledby="design-list-title">
      <div class="card-head">
        <h2 id="design-list-title">Saved designs</h2>
        <button id="design-new" type="button" class="btn btn-small" onClick={onNew}>New design</button>
      </div>
      {designs === null ? (
        <p class="muted small" role="status">Loading the designs…</p>
      ) : designs.length === 0 ? (
        <p class="muted small">No designs yet. Make one here; Print can then put its fields on every label.</p>
      ) : (
        <ul class="plain-list saved-list" id="design-list">
          {designs.map((d) => (
            <li key={d.name} class="style-item" data-design-name={d.name}>
              <button type="button" class="btn btn-quiet style-pick" data-action="edit" aria-current={d.name === editing ? "true" : undefined}
                title={d.name} onClick={() => onEdit(d)}>
                <span class="style-pick-name">{d.name}</span>
              </button>
              <button type="button" class="btn btn-small btn-danger" data-action="remove" aria-label={actionName("Remove", d.name)}
                onClick={(e) => onRemove(d, e.currentTarget)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
