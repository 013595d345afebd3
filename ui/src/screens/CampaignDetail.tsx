// One campaign: what it is and where it stands (codes made, waiting, printed, Resume), its scans
// by day with the best and worst placements and Export CSV, and every placement (row → code →
// short link → scans), sortable.

import { useCallback, useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { CampaignStatusBadge } from "../components/Badge";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { usePrinterList } from "../components/usePrinterList";
import { outcomeSentence } from "../logic/campaign-progress";
import { formatDateTime } from "../logic/format";
import { toAppError } from "../platform/backend";
import type { CampaignDetails, CampaignOutcome } from "../platform/types";
import { CampaignPlacements } from "./CampaignPlacements";
import { CampaignProgressCard } from "./CampaignProgressCard";
import { CampaignScans } from "./CampaignScans";
import { PrintToPrinterDialog } from "./PrintToPrinterDialog";

export function CampaignDetail({ id }: { id: number }) {
  const { backend, accountsById, navigate, bumpData } = useApp();
  const [details, setDetails] = useState<CampaignDetails | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [resuming, setResuming] = useState(false);
  const [outcome, setOutcome] = useState<CampaignOutcome | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportCancelled, setExportCancelled] = useState(false);
  const [sending, setSending] = useState<HTMLElement | null | undefined>(undefined);
  const printers = usePrinterList(backend);

  const load = useCallback(async () => {
    try {
      setDetails(await backend.campaignDetails(id));
    } catch (e) {
      setError(toAppError(e));
    }
  }, [backend, id]);
  useEffect(() => { void load(); }, [load]);

  const resume = async () => {
    setResuming(true);
    setError(null);
    try {
      setOutcome(await backend.campaignResume(id));
      bumpData();
      await load();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setResuming(false);
    }
  };

  const exportScans = async () => {
    setExporting(true);
    setError(null);
    setExported(null);
    setExportCancelled(false);
    try {
      const r = await backend.exportCampaignScans(id);
      if (r) setExported(r.path);
      else setExportCancelled(true);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setExporting(false);
    }
  };

  const report = (run: Promise<void>) => { run.catch((e: unknown) => setError(toAppError(e))); };
  const summary = details?.summary;
  const account = summary ? accountsById.get(summary.account)?.label ?? `account ${summary.account}` : "";

  return (
    <section class="screen" aria-labelledby="campaign-title">
      <button type="button" class="btn btn-quiet back" onClick={() => navigate({ screen: "campaigns", campaign: null })}>← Campaigns</button>
      <header class="screen-head">
        <div>
          <h1 id="campaign-title" tabIndex={-1} data-arrival-focus>{summary ? summary.name : `Campaign ${id}`}</h1>
          {summary && (
            <p class="muted campaign-meta">
              <CampaignStatusBadge status={summary.status} /> Made {formatDateTime(summary.created_at)} on {account}.
            </p>
          )}
        </div>
      </header>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />

      {!details ? (
        !error && <p class="muted" role="status">Loading the campaign…</p>
      ) : (
        <>
          <div class="campaign-grid">
            <CampaignProgressCard summary={details.summary} printers={printers} resuming={resuming} onResume={() => void resume()}
              onOpen={() => report(backend.openPath({ path: details.summary.output }))}
              onShow={() => report(backend.showInFolder({ path: details.summary.output }))}
              onSend={(opener) => setSending(opener)}>
              {resuming && <p class="small" role="status">Asking the service for the missing codes…</p>}
              {outcome && !resuming && (
                <SuccessNotice id="campaign-resume-result" focus tone={outcome.status === "printed" ? "ok" : "warn"} text={outcomeSentence(outcome)}>
                  {outcome.note && <p class="small">{outcome.note.charAt(0).toUpperCase() + outcome.note.slice(1)}</p>}
                </SuccessNotice>
              )}
            </CampaignProgressCard>
            <CampaignScans details={details} exporting={exporting} onExport={() => void exportScans()}>
              {exportCancelled && <p class="muted small" role="status" id="campaign-export-cancelled">Nothing was saved: the save dialog was closed.</p>}
              {exported && (
                <SuccessNotice id="campaign-export-result" focus text="Scans exported as CSV: one line per code and day.">
                  <p class="mono small" id="campaign-export-path">{exported}</p>
                  <div class="btn-group">
                    <button id="campaign-export-open" type="button" class="btn btn-small" onClick={() => report(backend.openPath({ path: exported }))}>Open the CSV</button>
                    <button id="campaign-export-show" type="button" class="btn btn-small" onClick={() => report(backend.showInFolder({ path: exported }))}>Show in folder</button>
                  </div>
                </SuccessNotice>
              )}
            </CampaignScans>
          </div>
          <section class="campaign-placements" aria-labelledby="campaign-placements-title">
            <h2 id="campaign-placements-title">Placements</h2>
            <p class="muted small">Each row of the campaign with its code's short link and scans. Sort by row (as printed) or by scans.</p>
            <CampaignPlacements rows={details.rows} />
          </section>
        </>
      )}
      {sending !== undefined && details && (
        <PrintToPrinterDialog path={details.summary.output} opener={sending} onClose={() => setSending(undefined)}
          fallback={() => document.getElementById("campaign-title")} />
      )}
    </section>
  );
}
