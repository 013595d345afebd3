// A code's preview in a brand style, on the code's screen (Rust draws it).

import { useEffect, useMemo, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ErrorNotice } from "../components/ErrorNotice";
import { latestOnly, previewRequest } from "../logic/style-form";
import { svgDataUrl } from "../logic/svg-image";
import { toAppError } from "../platform/backend";
import type { StyleDraft, StyleProof } from "../platform/types";

/**
 * A code drawn in a brand style by the print engine (the same text the plain preview encodes), at
 * the size the Styles page proves it; says so when that style would not scan.
 */
export function CodeStylePreview({ style, content, label }: { style: StyleDraft; content: string; label: string }) {
  const { backend } = useApp();
  const [proof, setProof] = useState<StyleProof | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const guard = useMemo(latestOnly, []);

  useEffect(() => {
    const isLatest = guard.begin();
    setProof(null);
    setError(null);
    backend.previewStyle(previewRequest(style, content)).then(
      (p) => { if (isLatest()) setProof(p); },
      (e: unknown) => { if (isLatest()) setError(toAppError(e)); },
    );
    return () => guard.cancel();
  }, [backend, style, content, guard]);

  const url = proof ? svgDataUrl(proof.svg) : null;
  return (
    <>
      {url ? (
        <img id="code-style-preview" class="styled-qr" src={url} alt={`${label}, in the style ${style.name}`} />
      ) : (
        !error && <span class="qr qr-pending styled-qr-pending" role="status"><span class="sr-only">Drawing the code in “{style.name}”…</span></span>
      )}
      {proof?.problem && <p class="field-error center small" id="code-style-problem">{proof.problem}</p>}
      <ErrorNotice error={error} />
    </>
  );
}
