// Where a campaign stands: codes made of the rows that can become codes (a bar and a sentence),
// waiting and refused rows, and its PDF once printed (Open, Show in folder, Print…); Resume while
// it waits for the service, with the result of the last try.

import type { ComponentChildren } from "preact";
import { ProgressBar } from "../components/ProgressBar";
import { codesOf, goodRows, progressSentence } from "../logic/campaign-progress";
import { formatCount } from "../logic/format";
import type { CampaignSummary, PrinterList } from "../platform/types";
import { PrintToPrinterButton } from "./PrintToPrinterButton";

export function CampaignProgressCard({ summary, printers, resuming, onOpen, onShow, onSend, onResume, children }: {
  summary: CampaignSummary;
  printers: PrinterList | null;
  resuming: boolean;
  onOpen: () => void;
  onShow: () => void;
  onSend: (opener: HTMLElement) => void;
  onResume: () => void;
  /** The result of the last Resume. */
  children?: ComponentChildren;
}) {
  const printed = summary.status === "printed";
  return (
    <section class="card campaign-progress-card" aria-labelledby="campaign-progress-title">
      <h2 id="campaign-progress-title">Progress</h2>
      <ProgressBar done={summary.codes} total={goodRows(summary)} label="Codes made on the service" />
      <p id="campaign-progress-text">{progressSentence(summary)}</p>
      <dl class="facts">
        <div><dt>Rows</dt><dd>{formatCount(summary.rows)}</dd></div>
        <div><dt>Codes made</dt><dd id="campaign-codes">{codesOf(summary)}</dd></div>
        <div><dt>Waiting</dt><dd>{formatCount(summary.waiting)}</dd></div>
        <div><dt>Refused rows</dt><dd>{formatCount(summary.failed)}</dd></div>
        <div><dt>Scans</dt><dd>{formatCount(summary.scans)}</dd></div>
        {printed && <div class="fact-wide"><dt>Labels</dt><dd class="mono small" id="campaign-detail-path">{summary.output}</dd></div>}
      </dl>
      <div class="btn-group">
        {printed ? (
          <>
            <button id="campaign-detail-open" type="button" class="btn btn-small" onClick={onOpen}>Open the PDF</button>
            <button id="campaign-detail-show" type="button" class="btn btn-small" onClick={onShow}>Show in folder</button>
            <PrintToPrinterButton id="campaign-detail-send" printers={printers} label="Print the PDF" onSend={onSend} />
          </>
        ) : (
          <button id="campaign-resume" type="button" class="btn btn-primary btn-small" aria-disabled={resuming ? "true" : undefined}
            aria-describedby="campaign-progress-text" onClick={() => { if (!resuming) onResume(); }}>
            {resuming ? "Resuming…" : "Resume"}
          </button>
        )}
      </div>
      {children}
    </section>
  );
}
