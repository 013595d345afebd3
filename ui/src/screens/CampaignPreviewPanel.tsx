// The New campaign page's live preview: how many rows will become codes, the first ones with the
// destination each code will lead to (the UTM parameters added, as Rust will send it), and the
// rows that will not become codes, each with its row number and why.

import type { AppError } from "../bindings/AppError";
import { ErrorNotice } from "../components/ErrorNotice";
import { ScrollRegion } from "../components/ScrollRegion";
import { previewCount } from "../logic/campaign-progress";
import { formatCount } from "../logic/format";
import type { CampaignPreview } from "../platform/types";

/** Problems listed before "…and n more". */
const PROBLEMS_SHOWN = 50;

/** What the live region says once a preview is in: short, so typing is not drowned out. */
function statusText(state: "waiting" | "ready" | "failed", preview: CampaignPreview | null, asked: boolean): string {
  if (!asked) return "";
  if (state === "waiting") return "Updating the preview…";
  if (state === "failed" || !preview) return "The preview could not be made.";
  return `Preview updated. ${previewCount(preview)}`;
}

export function CampaignPreviewPanel({ preview, state, error, asked, emptyText }: {
  preview: CampaignPreview | null;
  state: "waiting" | "ready" | "failed";
  error: AppError | null;
  /** A preview has been asked for (the draft is complete). */
  asked: boolean;
  emptyText: string;
}) {
  const shown = asked ? preview : null;
  return (
    <section class="card campaign-preview" aria-labelledby="campaign-preview-title">
      <div class="card-head">
        <h2 id="campaign-preview-title">Preview</h2>
        {asked && state === "waiting" && <span class="muted small" aria-hidden="true">Updating…</span>}
      </div>
      <p class="sr-only" id="campaign-preview-status" role="status">{statusText(state, preview, asked)}</p>
      {shown ? (
        <>
          <p id="campaign-preview-count">{previewCount(shown)}</p>
          {shown.first.length > 0 && (
            <>
              <h3 id="campaign-first-title">{shown.first.length === 1 ? "The code leads to" : `The first ${shown.first.length} codes lead to`}</h3>
              <ol class="plain-list campaign-first" id="campaign-preview-first" aria-labelledby="campaign-first-title">
                {shown.first.map((r) => (
                  <li key={r.row} data-row={r.row}>
                    <span class="cell-title">Row {r.row}: {r.name}</span>
                    <span class="mono small campaign-destination" data-destination>{r.destination}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {shown.problems.length > 0 && (
            <div class="problems">
              <h3 id="campaign-problems-title">
                {shown.problems.length === 1 ? "1 row will not become a code" : `${formatCount(shown.problems.length)} rows will not become codes`}
              </h3>
              <ScrollRegion class="problems-scroll" label="Rows that will not become codes">
                <ul id="campaign-preview-problems" aria-labelledby="campaign-problems-title">
                  {shown.problems.slice(0, PROBLEMS_SHOWN).map((p) => <li key={p.row} data-row={p.row}><strong>Row {p.row}:</strong> {p.reason}</li>)}
                </ul>
              </ScrollRegion>
              {shown.problems.length > PROBLEMS_SHOWN && <p class="muted small">…and {formatCount(shown.problems.length - PROBLEMS_SHOWN)} more.</p>}
            </div>
          )}
        </>
      ) : (
        !error && <p class="muted small preview-empty">{emptyText}</p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
