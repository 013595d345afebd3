// The Styles page's live proof: Rust's drawing of the style and its verdict.

import type { AppError } from "../bindings/AppError";
import { Badge } from "../components/Badge";
import { ErrorNotice } from "../components/ErrorNotice";
import { contrastLine, PREVIEW_SIZE_MM } from "../logic/style-form";
import { svgDataUrl } from "../logic/svg-image";
import type { EcLevel, StyleProof } from "../platform/types";

const EC_LABEL: Record<EcLevel, string> = { L: "Low (7 %)", M: "Medium (15 %)", Q: "High (25 %)", H: "Highest (30 %)" };

/**
 * Rust's live proof of the style being edited: the code as the print engine draws it (an <img>,
 * so its markup never enters the page), whether it reads back, the contrast of its inks, its
 * error correction level, why it would be refused and what is worth knowing.
 */
export function StyleProofPanel({ proof, name, busy, emptyText, error }: {
  proof: StyleProof | null;
  name: string;
  busy: boolean;
  emptyText: string;
  error: AppError | null;
}) {
  const url = proof ? svgDataUrl(proof.svg) : null;
  const title = name.trim() === "" ? "the new style" : `the style ${name.trim()}`;
  return (
    <section class="card style-proof" aria-labelledby="style-proof-title">
      <div class="card-head">
        <h2 id="style-proof-title">Live proof</h2>
        {busy && <span class="muted small">Updating…</span>}
      </div>
      <p class="hint">Drawn by the print engine at {PREVIEW_SIZE_MM} mm and read back as a phone would.</p>
      {url ? (
        <img id="style-preview" data-testid="style-preview" class="proof-image" src={url} alt={`Preview of ${title}`} />
      ) : (
        <p class="muted small preview-empty">{proof ? "This style cannot be drawn; see below." : emptyText}</p>
      )}
      <p class="proof-status">
        <span id="style-badge" data-testid="style-badge" aria-live="polite">
          {proof && (proof.scans ? <Badge tone="ok">Scans</Badge> : <Badge tone="danger">Does not scan</Badge>)}
        </span>
      </p>
      {proof && (
        <ul class="plain-list small" id="style-facts">
          <li id="style-contrast">{contrastLine(proof.contrast)}</li>
          <li id="style-ec">Error correction: {EC_LABEL[proof.ec]}</li>
        </ul>
      )}
      {proof?.problem && <div class="notice notice-error" id="style-problem"><p>{proof.problem}</p></div>}
      {proof && proof.warnings.length > 0 && (
        <div class="proof-warnings">
          <h3 id="style-warnings-title">Worth knowing</h3>
          <ul id="style-warnings" aria-labelledby="style-warnings-title">
            {proof.warnings.map((w) => <li key={w}>{w}</li>)}
          </ul>
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
