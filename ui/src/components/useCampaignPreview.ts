// The New campaign page's live preview: Rust's `campaign_preview` of the draft, asked a moment
// after the last change; only the answer for the latest draft is shown, and the page knows
// whether what it shows answers the draft as it is now.

import { useEffect, useMemo, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { latestOnly } from "../logic/style-form";
import { type Backend, toAppError } from "../platform/backend";
import type { CampaignDraft, CampaignPreview } from "../platform/types";

const PREVIEW_DEBOUNCE_MS = 250;

export type PreviewState = {
  preview: CampaignPreview | null;
  error: AppError | null;
  /** The preview or error shown answers the current draft; else a newer answer is awaited. */
  state: "waiting" | "ready" | "failed";
};

/** `draft` is `null` while it cannot be previewed (no account, no rows, no columns): nothing shows. */
export function useCampaignPreview(backend: Backend, draft: CampaignDraft | null): PreviewState {
  const key = draft === null ? null : JSON.stringify(draft);
  const [answer, setAnswer] = useState<{ key: string; preview: CampaignPreview | null; error: AppError | null } | null>(null);
  const guard = useMemo(latestOnly, []);

  useEffect(() => {
    const isLatest = guard.begin();
    if (key === null) {
      setAnswer(null);
      return;
    }
    const t = setTimeout(() => {
      backend.campaignPreview(JSON.parse(key) as CampaignDraft).then(
        (preview) => { if (isLatest()) setAnswer({ key, preview, error: null }); },
        (e: unknown) => { if (isLatest()) setAnswer({ key, preview: null, error: toAppError(e) }); },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [backend, key, guard]);
  useEffect(() => () => guard.cancel(), [guard]);

  if (key === null || answer === null) return { preview: null, error: null, state: "waiting" };
  const current = answer.key === key;
  return {
    // While a newer answer is awaited the last one stays in view (a refused draft has none).
    preview: answer.preview,
    error: current ? answer.error : null,
    state: !current ? "waiting" : answer.error ? "failed" : "ready",
  };
}
