// A campaign's scans: every code's scans per day as a chart (the code page's chart), its best
// and worst placements, and Export CSV (scans per code per day) with the file written.

import type { ComponentChildren } from "preact";
import { DailyScansChart } from "../components/Charts";
import { chartDays } from "../logic/campaign-placements";
import { formatCount } from "../logic/format";
import type { CampaignDetails } from "../platform/types";
import { CampaignStandouts } from "./CampaignStandouts";

export function CampaignScans({ details, exporting, onExport, children }: {
  details: CampaignDetails;
  exporting: boolean;
  onExport: () => void;
  /** The export's result. */
  children?: ComponentChildren;
}) {
  const days = chartDays(details.scans_by_day);
  return (
    <section class="card campaign-scans" id="campaign-scans" aria-labelledby="campaign-scans-title">
      <div class="card-head">
        <div>
          <h2 id="campaign-scans-title">Scans by day</h2>
          <p class="muted small">{formatCount(details.summary.scans)} {details.summary.scans === 1 ? "scan" : "scans"} in all, as last synced.</p>
        </div>
        <button id="campaign-export" type="button" class="btn btn-small" aria-disabled={exporting ? "true" : undefined}
          onClick={() => { if (!exporting) onExport(); }}>
          {exporting ? "Exporting…" : "Export CSV"}
        </button>
      </div>
      {days.length > 0 ? (
        <DailyScansChart days={days} />
      ) : (
        <p class="muted small preview-empty" id="campaign-no-scans">No scans synced yet. Scans show here after the account's next sync.</p>
      )}
      {children}
      <CampaignStandouts details={details} />
    </section>
  );
}
