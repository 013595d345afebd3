import type { CodeVersion, ConflictDetail } from "../platform/types";
import { formatDateTime } from "../logic/format";

export const STATUS_LABEL: Record<CodeVersion["status"], string> = { active: "Active", paused: "Paused", draft: "Draft", archived: "Archived" };

const ROWS: { label: string; key: "name" | "destination" | "status" }[] = [
  { label: "Name", key: "name" },
  { label: "Destination", key: "destination" },
  { label: "Status", key: "status" },
];

function Side({ id, title, version, other, children }: { id: string; title: string; version: CodeVersion; other: CodeVersion; children: preact.ComponentChildren }) {
  return (
    <div class="compare-side" role="group" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <p class="muted small">{formatDateTime(version.updated_at)}</p>
      <dl>
        {ROWS.map((r) => (
          <div key={r.key} class={version[r.key] !== other[r.key] ? "differs" : undefined}>
            <dt>{r.label}{version[r.key] !== other[r.key] ? <span class="sr-only"> (differs)</span> : null}</dt>
            <dd>{r.key === "status" ? STATUS_LABEL[version.status] : version[r.key]}</dd>
          </div>
        ))}
      </dl>
      {children}
    </div>
  );
}

/** Both versions of a code side by side (stacked on a narrow window), and the choice between them. */
export function ConflictCompare({ detail, codeName, onResolve, onClose }: {
  detail: ConflictDetail;
  codeName: string;
  onResolve: (choice: "keep_mine" | "keep_theirs") => void;
  onClose: () => void;
}) {
  return (
    <div class="conflict card" id="conflict-view" role="region" aria-labelledby="conflict-title">
      <h3 id="conflict-title" tabIndex={-1}>Compare the two versions of “{codeName}”</h3>
      <div class="compare">
        <Side id="mine-title" title="Your edit (in QR Desk)" version={detail.mine} other={detail.theirs}>
          <button id="keep-mine" type="button" class="btn btn-primary" onClick={() => onResolve("keep_mine")}>Keep my edit</button>
        </Side>
        <Side id="theirs-title" title="On the service now" version={detail.theirs} other={detail.mine}>
          <button id="keep-theirs" type="button" class="btn" onClick={() => onResolve("keep_theirs")}>Keep the service's version</button>
        </Side>
      </div>
      <button id="conflict-later" type="button" class="btn btn-quiet btn-small" onClick={onClose}>Decide later</button>
    </div>
  );
}
