// The Print… dialog: a PDF this window wrote, sent to one of the printers CUPS offers, with the
// number of copies; then CUPS's job id and anything worth knowing before walking to the printer.

import { useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { Dialog } from "../components/Dialog";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { describedBy, Field } from "../components/Field";
import { NumberField } from "../components/NumberField";
import { fileName } from "../logic/print-history";
import { copiesProblem, defaultPrinter, MAX_COPIES, mediaText, printerOption, sentSentence } from "../logic/printer-send";
import { toAppError } from "../platform/backend";
import type { PrinterJob, PrinterList } from "../platform/types";

/**
 * Modal. It opens on the printer select (the default printer chosen), or on Close while the
 * printers load or when there are none; after Send, focus goes to the result. Escape or Close
 * returns focus to the Print… button that opened it (or to `fallback()`).
 */
export function PrintToPrinterDialog({ path, opener, fallback, onClose }: {
  path: string;
  opener: HTMLElement | null;
  fallback?: () => HTMLElement | null | undefined;
  onClose: () => void;
}) {
  const { backend } = useApp();
  const [list, setList] = useState<PrinterList | null>(null);
  const [printer, setPrinter] = useState("");
  const [copies, setCopies] = useState(1);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<PrinterJob | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    backend.listPrinters().then(
      (l) => {
        if (!live) return;
        setList(l);
        setPrinter(defaultPrinter(l.printers));
        // The select appears once they are in: it is where a person starts.
        requestAnimationFrame(() => document.getElementById("send-printer")?.focus());
      },
      (e: unknown) => { if (live) { setList({ printers: [], unavailable: null }); setError(toAppError(e)); } },
    );
    return () => { live = false; };
  }, [backend]);

  const chosen = list?.printers.find((p) => p.name === printer);
  const problem = copiesProblem(copies);
  const media = mediaText(chosen);
  const ready = !!chosen && !problem;

  const send = async () => {
    if (busy || !ready) return;
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      setJob(await backend.sendToPrinter({ path, printer, copies }));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog id="send-dialog" class="dialog-form" labelledBy="send-title" describedBy="send-file" opener={opener} fallback={fallback} onClose={onClose}
      head={<h2 id="send-title">Print “{fileName(path)}”</h2>}>
      <p class="mono small" id="send-file">{path}</p>
      {list === null ? (
        <p class="muted small" role="status">Asking the printing system for its printers…</p>
      ) : list.unavailable !== null ? (
        <p id="send-unavailable">{list.unavailable}</p>
      ) : list.printers.length === 0 && !error ? (
        <p id="send-none">No printers are set up on this computer. Add one in the system's printer settings, then try again.</p>
      ) : list.printers.length > 0 && (
        <form class="form-grid" noValidate onSubmit={(e) => { e.preventDefault(); void send(); }}>
          <Field id="send-printer" label="Printer" hint={media}>
            <select id="send-printer" value={printer} aria-describedby={describedBy("send-printer", null, media)}
              onChange={(e) => { setPrinter(e.currentTarget.value); setJob(null); }}>
              {list.printers.map((p) => <option key={p.name} value={p.name}>{printerOption(p)}</option>)}
            </select>
          </Field>
          <NumberField id="send-copies" label="Copies" step={1} min={1} max={MAX_COPIES} value={copies} error={problem} hint={`1 to ${MAX_COPIES}.`}
            onChange={(n) => { setCopies(n); setJob(null); }} />
          <div class="form-actions field-wide">
            <button id="send-go" type="submit" class="btn btn-primary" disabled={!ready} aria-disabled={busy ? "true" : undefined}>
              {busy ? "Sending…" : "Send to printer"}
            </button>
          </div>
        </form>
      )}
      {job && (
        <SuccessNotice id="send-result" focus text={sentSentence(job)}>
          {job.warnings.length > 0 && (
            <ul class="small" id="send-warnings">
              {job.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
        </SuccessNotice>
      )}
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button id="send-close" type="button" class="btn" onClick={onClose}>{job ? "Done" : "Close"}</button>
      </div>
    </Dialog>
  );
}
