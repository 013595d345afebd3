// The Reprint dialog: which labels of a print job to print again (by row, by serial, or all),
// where on a part-used sheet to start, and the new PDF (Open, Show in folder, Print…).

import { useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { Dialog } from "../components/Dialog";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { describedBy, Field } from "../components/Field";
import { NumberField } from "../components/NumberField";
import { labelsOnPages, serialsText } from "../logic/print-history";
import { hasReprintProblems, newReprint, RANGE_EXAMPLE, type ReprintForm, reprintRequest, validateReprint } from "../logic/reprint";
import { toAppError } from "../platform/backend";
import type { PrintJobSummary, PrintResult, PrinterList } from "../platform/types";
import { PrintToPrinterButton } from "./PrintToPrinterButton";

/**
 * Modal; opens on Rows. Reprint asks Rust (which asks where to save); closing the save dialog
 * changes nothing. The result takes focus. Escape or Close returns focus to the job's Reprint…
 * button. `onDone` lets the page list the new job.
 */
export function ReprintDialog({ job, printers, opener, onClose, onDone, onOpen, onShow, onSend }: {
  job: PrintJobSummary;
  printers: PrinterList | null;
  opener: HTMLElement | null;
  onClose: () => void;
  onDone: () => void;
  onOpen: (path: string) => Promise<void>;
  onShow: (path: string) => Promise<void>;
  onSend: (path: string, opener: HTMLElement) => void;
}) {
  const { backend } = useApp();
  const [form, setForm] = useState<ReprintForm>(newReprint);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PrintResult | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const problems = validateReprint(form, job);
  const set = <K extends keyof ReprintForm>(key: K, value: ReprintForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setCancelled(false);
  };

  const reprint = async () => {
    if (busy || hasReprintProblems(problems)) return;
    setBusy(true);
    setError(null);
    setResult(null);
    setCancelled(false);
    try {
      const r = await backend.reprintJob(reprintRequest(job.id, form));
      if (r) {
        setResult(r);
        onDone();
      } else {
        setCancelled(true);
      }
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const act = (run: (path: string) => Promise<void>, path: string) => { run(path).catch((e: unknown) => setError(toAppError(e))); };
  const rowsHint = `For example ${RANGE_EXAMPLE}, as numbered in the source (${job.rows} ${job.rows === 1 ? "row" : "rows"} printed); blank: all.`;
  const serialsHint = `Serials ${serialsText(job)} were printed; blank: all.`;

  return (
    <Dialog id="reprint-dialog" class="dialog-form" labelledBy="reprint-title" describedBy="reprint-text" opener={opener} onClose={onClose}
      fallback={() => document.getElementById("history-title")}
      head={<h2 id="reprint-title">Reprint job {job.id}</h2>}>
      <p id="reprint-text">The same codes and texts, with the job's settings, into a new PDF. Choose labels by row, by serial, or both.</p>
      <form class="form-grid" noValidate onSubmit={(e) => { e.preventDefault(); void reprint(); }}>
        <Field id="reprint-rows" label="Rows" hint={rowsHint} error={problems.rows}>
          <input id="reprint-rows" type="text" inputMode="numeric" value={form.rows} autocomplete="off" spellcheck={false} data-autofocus
            aria-invalid={!!problems.rows} aria-describedby={describedBy("reprint-rows", problems.rows, rowsHint)}
            onInput={(e) => set("rows", e.currentTarget.value)} />
        </Field>
        <Field id="reprint-serials" label="Serials" hint={serialsHint} error={problems.serials}>
          <input id="reprint-serials" type="text" inputMode="numeric" value={form.serials} autocomplete="off" spellcheck={false}
            aria-invalid={!!problems.serials} aria-describedby={describedBy("reprint-serials", problems.serials, serialsHint)}
            onInput={(e) => set("serials", e.currentTarget.value)} />
        </Field>
        <NumberField id="reprint-start" label="Start at label" step={1} min={1} value={form.start_at} error={problems.start_at}
          hint="On a part-used sheet, the first free label." onChange={(n) => set("start_at", n)} />
        <div class="form-actions field-wide">
          <button id="reprint-go" type="submit" class="btn btn-primary" disabled={hasReprintProblems(problems)} aria-disabled={busy ? "true" : undefined}>
            {busy ? "Reprinting…" : "Reprint"}
          </button>
        </div>
      </form>
      {cancelled && <p class="muted small" role="status" id="reprint-cancelled">Nothing was saved: the save dialog was closed.</p>}
      {result && (
        <SuccessNotice id="reprint-result" focus text={`PDF saved: ${labelsOnPages(result.labels, result.pages)}.`}>
          <p class="mono small" id="reprint-result-path">{result.path}</p>
          <div class="btn-group">
            <button id="reprint-open" type="button" class="btn btn-small" onClick={() => act(onOpen, result.path)}>Open the PDF</button>
            <button id="reprint-show" type="button" class="btn btn-small" onClick={() => act(onShow, result.path)}>Show in folder</button>
            <PrintToPrinterButton id="reprint-send" printers={printers} label="Print the PDF" onSend={(from) => onSend(result.path, from)} />
          </div>
          {printers?.unavailable && <p class="hint">{printers.unavailable}</p>}
        </SuccessNotice>
      )}
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button id="reprint-close" type="button" class="btn" onClick={onClose}>{result ? "Done" : "Close"}</button>
      </div>
    </Dialog>
  );
}
