// The Campaigns page's list: every campaign, newest first, with its status and counts, and
// "New campaign".

import { useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ErrorNotice } from "../components/ErrorNotice";
import { toAppError } from "../platform/backend";
import type { CampaignSummary } from "../platform/types";
import { CampaignTable } from "./CampaignTable";

export function CampaignList() {
  const { backend, navigate, accountsById, dataVersion } = useApp();
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    backend.listCampaigns().then(
      (list) => { if (live) setCampaigns(list); },
      (e: unknown) => { if (live) { setCampaigns((c) => c ?? []); setError(toAppError(e)); } },
    );
    return () => { live = false; };
  }, [backend, dataVersion]);

  const start = () => navigate({ screen: "campaigns", campaign: "new" });

  return (
    <section class="screen" aria-labelledby="campaigns-title">
      <header class="screen-head">
        <div>
          <h1 id="campaigns-title" tabIndex={-1}>Campaigns</h1>
          <p class="muted">One new code per row of a spreadsheet, made on a service, printed as labels once the service has them all; then which placement is scanned most.</p>
        </div>
        <button id="campaign-new" type="button" class="btn btn-primary" onClick={start}>New campaign</button>
      </header>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />

      {campaigns === null ? (
        <p class="muted" role="status">Loading the campaigns…</p>
      ) : campaigns.length === 0 ? (
        <div class="empty" id="campaigns-empty">
          <p>No campaigns yet. Paste rows like <code>table,url</code>: each row becomes a new code with its own short link and scans.</p>
        </div>
      ) : (
        <CampaignTable campaigns={campaigns} accountsById={accountsById}
          onOpen={(c) => navigate({ screen: "campaigns", campaign: c.id })} />
      )}
    </section>
  );
}
