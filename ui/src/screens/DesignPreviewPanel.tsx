// The Designs page's live preview: the sheet to show it on, and Rust's drawing of page 1 filled
// with sample rows, with what is worth knowing (fields cut short or left out).

import type { AppError } from "../bindings/AppError";
import { ErrorNotice } from "../components/ErrorNotice";
import { LayoutPicker } from "../components/LayoutPicker";
import { shortLayoutName } from "../logic/print-options";
import type { DesignPreview, SheetLayout } from "../platform/types";

/** What the live region says once a preview is in: short, so typing is not drowned out. */
function statusText(busy: boolean, preview: DesignPreview | null): string {
  if (busy) return "Updating the preview…";
  if (!preview) return "";
  const n = preview.warnings.length;
  return n === 0 ? "Preview updated: everything fits." : `Preview updated: ${n} ${n === 1 ? "thing" : "things"} worth knowing.`;
}

/**
 * Page 1 of `layout` as Rust lays the design out (an <img>, so its markup never enters the page),
 * the sample columns the fields may use, and Rust's warnings.
 */
export function DesignPreviewPanel({ preview, name, busy, error, emptyText, layouts, layout, onLayout }: {
  preview: DesignPreview | null;
  name: string;
  busy: boolean;
  error: AppError | null;
  emptyText: string;
  layouts: readonly SheetLayout[];
  layout: string;
  onLayout: (id: string) => void;
}) {
  const sheet = layouts.find((l) => l.id === layout);
  const title = name.trim() === "" ? "the new design" : `the design ${name.trim()}`;
  const alt = `Preview of ${title} on page 1 of ${sheet ? shortLayoutName(sheet.name) : "the sheet"}, filled with sample rows`;
  return (
    <section class="card design-preview" aria-labelledby="design-preview-title">
      <div class="card-head">
        <h2 id="design-preview-title">Live preview</h2>
        {busy && <span class="muted small" aria-hidden="true">Updating…</span>}
      </div>
      <div class="design-sheet">
        <LayoutPicker layouts={layouts} value={layout} onChange={onLayout} />
      </div>
      {preview ? (
        <img id="design-preview-image" data-testid="design-preview" class="page-image" src={preview.page_image} alt={alt} />
      ) : (
        <p class="muted small preview-empty">{emptyText}</p>
      )}
      <p class="sr-only" id="design-preview-status" role="status">{statusText(busy, preview)}</p>
      {preview && preview.sample_columns.length > 0 && (
        <p class="hint" id="design-sample-columns">
          Sample rows have the columns {preview.sample_columns.map((c, i) => <span key={c}>{i > 0 ? ", " : ""}<code>{`{${c}}`}</code></span>)}.
        </p>
      )}
      {preview && preview.warnings.length > 0 && (
        <div class="proof-warnings">
          <h3 id="design-warnings-title">Worth knowing</h3>
          <ul id="design-warnings" aria-labelledby="design-warnings-title">
            {preview.warnings.map((w) => <li key={w}>{w}</li>)}
          </ul>
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
