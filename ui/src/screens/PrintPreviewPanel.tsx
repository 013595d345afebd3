import type { AppError } from "../bindings/AppError";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { ProgressBar } from "../components/ProgressBar";
import { ScrollRegion } from "../components/ScrollRegion";
import { formatCount } from "../logic/format";
import type { PrintPreview, PrintResult, PrinterList } from "../platform/types";
import { PrintToPrinterButton } from "./PrintToPrinterButton";

/**
 * Page 1, the rows with problems, and "Save as PDF". The button stays in place while the PDF is
 * written (aria-disabled, so focus stays on it); the result then takes focus, and offers to open
 * the PDF, show it in its folder or send it to a printer (Print…, when there is a printing system).
 */
export function PrintPreviewPanel({ preview, showPreview, emptyText, busy, error, onDismissError, progress, canPrint, onPrint, onCancel, result, onOpen, onShow, printers, onSend }: {
  preview: PrintPreview | null;
  showPreview: boolean;
  emptyText: string;
  busy: boolean;
  error: AppError | null;
  onDismissError: () => void;
  progress: { done: number; total: number } | null;
  canPrint: boolean;
  onPrint: () => void;
  onCancel: () => void;
  result: PrintResult | null;
  onOpen: (path: string) => void;
  onShow: (path: string) => void;
  printers: PrinterList | null;
  onSend: (path: string, opener: HTMLElement) => void;
}) {
  const running = progress !== null;
  return (
    <section class="print-preview card" aria-labelledby="preview-title">
      <div class="card-head">
        <h2 id="preview-title">Page 1</h2>
        {busy && <span class="muted small" role="status">Updating…</span>}
      </div>
      {preview && showPreview ? (
        <>
          <img id="print-preview-image" class="page-image" src={preview.page_image} alt={`Preview of page 1: ${preview.labels} labels in total`} />
          <p class="small" id="print-summary">
            {formatCount(preview.labels)} labels on {formatCount(preview.pages)} {preview.pages === 1 ? "page" : "pages"}
          </p>
        </>
      ) : (
        <p class="muted small preview-empty">{emptyText}</p>
      )}
      {preview && preview.problems.length > 0 && (
        <div class="problems">
          <h3 id="problems-title">{preview.problems.length} {preview.problems.length === 1 ? "row needs" : "rows need"} attention</h3>
          <ScrollRegion class="problems-scroll" label="Rows with problems">
            <ul id="print-problems">
              {preview.problems.slice(0, 20).map((p) => <li key={`${p.row}-${p.message}`}><strong>Row {p.row}:</strong> {p.message}</li>)}
            </ul>
          </ScrollRegion>
          {preview.problems.length > 20 && <p class="muted small">…and {preview.problems.length - 20} more.</p>}
        </div>
      )}
      <ErrorNotice error={error} onDismiss={onDismissError} />
      <div class="print-actions">
        <button id="print-run" type="button" class="btn btn-primary" disabled={!running && !canPrint} aria-disabled={running ? "true" : undefined}
          onClick={() => { if (!running) onPrint(); }}>
          {running ? "Saving the PDF…" : "Save as PDF"}
        </button>
        {running && <button id="print-cancel" type="button" class="btn" onClick={onCancel}>Cancel</button>}
      </div>
      {running && (
        <div class="print-progress">
          <ProgressBar done={progress.done} total={progress.total} label="Printing progress" />
          <span class="small">{formatCount(progress.done)} of {formatCount(progress.total)} labels</span>
        </div>
      )}
      {result && (
        <SuccessNotice id="print-result" focus
          text={`PDF saved: ${formatCount(result.labels)} ${result.labels === 1 ? "label" : "labels"} on ${formatCount(result.pages)} ${result.pages === 1 ? "page" : "pages"}.`}>
          <p class="mono small" id="print-result-path">{result.path}</p>
          <div class="btn-group">
            <button id="open-pdf" type="button" class="btn btn-small" onClick={() => onOpen(result.path)}>Open the PDF</button>
            <button id="show-in-folder" type="button" class="btn btn-small" onClick={() => onShow(result.path)}>Show in folder</button>
            <PrintToPrinterButton id="print-to-printer" printers={printers} label="Print the PDF" onSend={(opener) => onSend(result.path, opener)} />
          </div>
          {printers?.unavailable && <p class="hint" id="print-unavailable">{printers.unavailable}</p>}
        </SuccessNotice>
      )}
    </section>
  );
}
