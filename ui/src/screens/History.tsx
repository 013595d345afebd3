// The History page: every PDF printed (from this window or the command line), newest first, with
// what it printed from, its sheet, design or style, counts, serials and file; each can be opened,
// shown in its folder, sent to a printer, or reprinted in part.

import { useCallback, useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ErrorNotice } from "../components/ErrorNotice";
import { usePrinterList } from "../components/usePrinterList";
import { toAppError } from "../platform/backend";
import type { PrintJobSummary, SheetLayout } from "../platform/types";
import { HistoryTable } from "./HistoryTable";
import { PrintToPrinterDialog } from "./PrintToPrinterDialog";
import { ReprintDialog } from "./ReprintDialog";

type Opened<T> = { what: T; opener: HTMLElement | null };

export function History() {
  const { backend, navigate } = useApp();
  const [jobs, setJobs] = useState<PrintJobSummary[] | null>(null);
  const [layouts, setLayouts] = useState<SheetLayout[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [reprinting, setReprinting] = useState<Opened<PrintJobSummary> | null>(null);
  const [sending, setSending] = useState<Opened<string> | null>(null);
  const printers = usePrinterList(backend);

  const reload = useCallback(() => {
    backend.listPrintJobs().then(setJobs, (e: unknown) => { setJobs((j) => j ?? []); setError(toAppError(e)); });
  }, [backend]);
  useEffect(() => {
    reload();
    // Only to name the sheets; the jobs show as recorded without them.
    backend.listLayouts().then(setLayouts, () => undefined);
  }, [backend, reload]);

  const openPath = (path: string) => backend.openPath({ path });
  const showPath = (path: string) => backend.showInFolder({ path });
  const report = (run: Promise<void>) => { run.catch((e: unknown) => setError(toAppError(e))); };

  return (
    <section class="screen" aria-labelledby="history-title">
      <header class="screen-head">
        <div>
          <h1 id="history-title" tabIndex={-1}>History</h1>
          <p class="muted">Every PDF printed, newest first. Reprint some labels of a job (a spoiled sheet, a torn label) with the same codes and texts.</p>
        </div>
      </header>
      {printers?.unavailable && <p class="hint" id="history-no-printing">{printers.unavailable}</p>}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />

      {jobs === null ? (
        <p class="muted" role="status">Loading the print history…</p>
      ) : jobs.length === 0 ? (
        <div class="empty">
          <p>Nothing printed yet. PDFs saved on the Print page, and by <code>qrdesk print</code>, are listed here.</p>
          <div class="row-actions">
            <button id="history-go-print" type="button" class="btn" onClick={() => navigate({ screen: "print", source: null })}>Go to Print</button>
          </div>
        </div>
      ) : (
        <HistoryTable jobs={jobs} layouts={layouts} printers={printers}
          onOpen={(j) => report(openPath(j.output))}
          onShow={(j) => report(showPath(j.output))}
          onReprint={(j, opener) => setReprinting({ what: j, opener })}
          onSend={(j, opener) => setSending({ what: j.output, opener })} />
      )}

      {reprinting && (
        <ReprintDialog job={reprinting.what} printers={printers} opener={reprinting.opener} onClose={() => setReprinting(null)} onDone={reload}
          onOpen={openPath} onShow={showPath} onSend={(path, opener) => setSending({ what: path, opener })} />
      )}
      {sending && (
        <PrintToPrinterDialog path={sending.what} opener={sending.opener} onClose={() => setSending(null)}
          fallback={() => document.getElementById("history-title")} />
      )}
    </section>
  );
}
