// The History page's jobs: a table, or on a narrow window a list of cards (no sideways scrolling).
// Each job offers its PDF (Open, Show in folder, Print…) and Reprint….

import type { ComponentChildren } from "preact";
import { ScrollRegion } from "../components/ScrollRegion";
import { NARROW, useMedia } from "../components/useMedia";
import { actionName } from "../logic/a11y-names";
import { formatCount, formatDateTime } from "../logic/format";
import { fileName, jobLook, serialsText, sheetText } from "../logic/print-history";
import type { PrintJobSummary, PrinterList, SheetLayout } from "../platform/types";
import { PrintToPrinterButton } from "./PrintToPrinterButton";

export type JobActions = {
  onOpen: (job: PrintJobSummary) => void;
  onShow: (job: PrintJobSummary) => void;
  onReprint: (job: PrintJobSummary, opener: HTMLElement) => void;
  onSend: (job: PrintJobSummary, opener: HTMLElement) => void;
};

function FileActions({ job, printers, actions }: { job: PrintJobSummary; printers: PrinterList | null; actions: JobActions }) {
  const subject = `job ${job.id}`;
  return (
    <div class="action-group history-actions">
      <button type="button" class="btn btn-small" data-action="open" aria-label={actionName("Open", `the PDF of ${subject}`)} onClick={() => actions.onOpen(job)}>Open</button>
      <button type="button" class="btn btn-small" data-action="show" aria-label={actionName("Show in folder", `the PDF of ${subject}`)} onClick={() => actions.onShow(job)}>
        Show in folder
      </button>
      <PrintToPrinterButton id={`send-job-${job.id}`} printers={printers} label={actionName("Print", subject)} onSend={(opener) => actions.onSend(job, opener)} />
      <button type="button" class="btn btn-small" data-action="reprint" aria-haspopup="dialog" aria-label={actionName("Reprint", subject)}
        onClick={(e) => actions.onReprint(job, e.currentTarget)}>
        Reprint…
      </button>
    </div>
  );
}

/** The PDF's file name, with its folder on a second, smaller line (files of the same name sit
 *  in different folders). */
function Output({ job }: { job: PrintJobSummary }) {
  const name = fileName(job.output);
  const folder = job.output.slice(0, Math.max(0, job.output.length - name.length)).replace(/[\\/]$/, "");
  return (
    <span class="history-file" data-file={name} title={job.output}>
      <span class="mono small">{name}</span>
      {folder && <span class="muted small history-folder">{folder}</span>}
    </span>
  );
}

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return <div><dt>{term}</dt><dd>{children}</dd></div>;
}

export function HistoryTable({ jobs, layouts, printers, ...actions }: JobActions & {
  jobs: readonly PrintJobSummary[];
  layouts: readonly SheetLayout[];
  printers: PrinterList | null;
}) {
  const narrow = useMedia(NARROW);

  if (narrow) {
    return (
      <ul class="card-list" id="history-list" aria-label="Print jobs, newest first">
        {jobs.map((j) => (
          <li key={j.id} class="card item-card" data-job-id={j.id}>
            <h2 class="cell-title history-card-title">Job {j.id}, {formatDateTime(j.created_at)}</h2>
            <dl class="facts">
              <Fact term="Source">{j.source}</Fact>
              <Fact term="Sheet">{sheetText(layouts, j.layout)}</Fact>
              <Fact term="Design or style">{jobLook(j)}</Fact>
              <Fact term="Labels">{formatCount(j.codes)}</Fact>
              <Fact term="Pages">{formatCount(j.pages)}</Fact>
              <Fact term="Serials">{serialsText(j)}</Fact>
              <div class="fact-wide"><dt>File</dt><dd><Output job={j} /></dd></div>
            </dl>
            <FileActions job={j} printers={printers} actions={actions} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollRegion class="table-wrap" label="Print jobs">
      <table class="table" id="history-table">
        <caption class="sr-only">Print jobs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Source</th>
            <th scope="col">Sheet</th>
            <th scope="col">Design or style</th>
            <th scope="col" class="num">Labels</th>
            <th scope="col" class="num">Pages</th>
            <th scope="col">Serials</th>
            <th scope="col">File</th>
            <th scope="col"><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-job-id={j.id}>
              <td class="nowrap"><span class="cell-title">Job {j.id}</span><br /><span class="muted small">{formatDateTime(j.created_at)}</span></td>
              <td class="history-source">{j.source}</td>
              <td>{sheetText(layouts, j.layout)}</td>
              <td>{jobLook(j)}</td>
              <td class="num">{formatCount(j.codes)}</td>
              <td class="num">{formatCount(j.pages)}</td>
              <td class="nowrap">{serialsText(j)}</td>
              <td><Output job={j} /></td>
              <td class="actions"><FileActions job={j} printers={printers} actions={actions} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
