// The Styles page's list of saved styles, with New style and each style's Remove.

import { actionName } from "../logic/a11y-names";
import type { StyleDraft } from "../platform/types";

/**
 * The saved brand styles: pick one to edit (the one being edited is marked current), start a new
 * one, or remove one (each Remove button says which style it removes).
 */
export function StyleList({ styles, editing, onEdit, onNew, onRemove }: {
  styles: readonly StyleDraft[] | null;
  editing: string | null;
  onEdit: (style: StyleDraft) => void;
  onNew: () => void;
  onRemove: (style: StyleDraft, opener: HTMLElement) => void;
}) {
  return (
    <section class="card style-list" aria-labelledby="style-list-title">
      <div class="card-head">
        <h2 id="style-list-title">Saved styles</h2>
        <button id="style-new" type="button" class="btn btn-small" onClick={onNew}>New style</button>
      </div>
      {styles === null ? (
        <p class="muted small" role="status">Loading the styles…</p>
      ) : styles.length === 0 ? (
        <p class="muted small">No styles yet. Make one here; Print and the code screen can then use it.</p>
      ) : (
        <ul class="plain-list" id="style-list">
          {styles.map((s) => (
            <li key={s.name} class="style-item" data-style-name={s.name}>
              <button type="button" class="btn btn-quiet style-pick" data-action="edit" aria-current={s.name === editing ? "true" : undefined}
                title={s.name} onClick={() => onEdit(s)}>
                <span class="style-pick-name">{s.name}</span>
              </button>
              <button type="button" class="btn btn-small btn-danger" data-action="remove" aria-label={actionName("Remove", s.name)}
                onClick={(e) => onRemove(s, e.currentTarget)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
