// Rust's reading of CSV text typed or chosen in the window (the Print page's `csv_preview`: its
// delimiter found, its columns, first rows and row count), asked a moment after the text stops
// changing; only the answer for the latest text is kept.

import { useEffect, useMemo, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { latestOnly } from "../logic/style-form";
import { type Backend, toAppError } from "../platform/backend";
import type { CsvPreview } from "../platform/types";

const READ_DEBOUNCE_MS = 250;

/** `csv_preview`'s answer with the text it read. */
export type CsvRead = CsvPreview & { text: string };

/**
 * The last reading (`read.text` says of which text: it may be an older one while the new one is
 * read), the refusal of the latest text, and whether a reading is under way. Blank text reads as
 * nothing.
 */
export function useCsvColumns(backend: Backend, text: string): { read: CsvRead | null; error: AppError | null; busy: boolean } {
  const [read, setRead] = useState<CsvRead | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useMemo(latestOnly, []);

  useEffect(() => {
    const isLatest = guard.begin();
    if (text.trim() === "") {
      setRead(null);
      setError(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    const t = setTimeout(() => {
      backend.csvPreview({ text }).then(
        (p) => { if (isLatest()) { setRead({ ...p, text }); setError(null); setBusy(false); } },
        (e: unknown) => { if (isLatest()) { setError(toAppError(e)); setBusy(false); } },
      );
    }, READ_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [backend, text, guard]);
  useEffect(() => () => guard.cancel(), [guard]);

  return { read, error, busy };
}
