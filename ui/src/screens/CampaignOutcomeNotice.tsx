// Where a campaign stands after Create and print or Try again, as a result that takes focus:
// printed (the PDF's path with Open the PDF, Show in folder and Print…), or waiting for the service
// (why, and Try again); then the rows that did not become codes, each with its row number.

import { SuccessNotice } from "../components/ErrorNotice";
import { failedHeading, outcomeSentence } from "../logic/campaign-progress";
import type { CampaignOutcome, PrinterList } from "../platform/types";
import { PrintToPrinterButton } from "./PrintToPrinterButton";

export function CampaignOutcomeNotice({ outcome, printers, resuming, onOpen, onShow, onSend, onResume, onOpenCampaign }: {
  outcome: CampaignOutcome;
  printers: PrinterList | null;
  resuming: boolean;
  onOpen: (path: string) => void;
  onShow: (path: string) => void;
  onSend: (path: string, opener: HTMLElement) => void;
  onResume: () => void;
  onOpenCampaign: () => void;
}) {
  const printed = outcome.status === "printed";
  return (
    <SuccessNotice id="campaign-outcome" focus tone={printed ? "ok" : "warn"} text={outcomeSentence(outcome)}>
      {printed ? (
        <>
          <p class="mono small" id="campaign-output-path">{outcome.output}</p>
          <div class="btn-group">
            <button id="campaign-open-pdf" type="button" class="btn btn-small" onClick={() => onOpen(outcome.output)}>Open the PDF</button>
            <button id="campaign-show-pdf" type="button" class="btn btn-small" onClick={() => onShow(outcome.output)}>Show in folder</button>
            <PrintToPrinterButton id="campaign-send" printers={printers} label="Print the PDF" onSend={(from) => onSend(outcome.output, from)} />
            <button id="campaign-open" type="button" class="btn btn-small" onClick={onOpenCampaign}>Open the campaign</button>
          </div>
          {printers?.unavailable && <p class="hint">{printers.unavailable}</p>}
        </>
      ) : (
        <>
          {outcome.note && <p id="campaign-note">{outcome.note.charAt(0).toUpperCase() + outcome.note.slice(1)}</p>}
          <p class="small">The codes made so far are kept; trying again sends only what is missing, and prints when the service has them all.</p>
          <div class="btn-group">
            <button id="campaign-try-again" type="button" class="btn btn-small btn-primary" aria-disabled={resuming ? "true" : undefined}
              onClick={() => { if (!resuming) onResume(); }}>
              {resuming ? "Trying again…" : "Try again"}
            </button>
            <button id="campaign-open" type="button" class="btn btn-small" onClick={onOpenCampaign}>Open the campaign</button>
          </div>
        </>
      )}
      {outcome.failed.length > 0 && (
        <div class="campaign-failed">
          <h3 id="campaign-failed-title">{failedHeading(outcome.failed.length)}</h3>
          <ul id="campaign-failed" aria-labelledby="campaign-failed-title">
            {outcome.failed.map((f) => <li key={f.row} data-row={f.row}><strong>Row {f.row}:</strong> {f.reason}</li>)}
          </ul>
        </div>
      )}
    </SuccessNotice>
  );
}
