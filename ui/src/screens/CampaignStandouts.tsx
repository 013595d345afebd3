// A campaign's best and worst placements, as Rust ranks them by scans (or why none stands out).

import { formatCount } from "../logic/format";
import { standouts } from "../logic/campaign-placements";
import type { CampaignDetails, CampaignRowView } from "../platform/types";

function Placement({ r }: { r: CampaignRowView }) {
  const scans = r.scans ?? 0;
  return <li data-row={r.row}><strong>Row {r.row}: {r.name}</strong> — {formatCount(scans)} {scans === 1 ? "scan" : "scans"}</li>;
}

export function CampaignStandouts({ details }: { details: CampaignDetails }) {
  const found = standouts(details);
  if (found.kind === "none") return <p class="muted small" id="campaign-standouts">Best and worst placements show once the service has made the codes.</p>;
  if (found.kind === "even") {
    return (
      <p class="muted small" id="campaign-standouts">
        Every placement has {formatCount(found.scans)} {found.scans === 1 ? "scan" : "scans"} so far: none stands out yet. Sync the account to bring new scans in.
      </p>
    );
  }
  return (
    <div class="campaign-standouts" id="campaign-standouts">
      <div>
        <h3 id="campaign-best-title">Scanned most</h3>
        <ul class="plain-list" id="campaign-best" aria-labelledby="campaign-best-title">{found.best.map((r) => <Placement key={r.row} r={r} />)}</ul>
      </div>
      {found.worst.length > 0 && (
        <div>
          <h3 id="campaign-worst-title">Scanned least</h3>
          <ul class="plain-list" id="campaign-worst" aria-labelledby="campaign-worst-title">{found.worst.map((r) => <Placement key={r.row} r={r} />)}</ul>
        </div>
      )}
    </div>
  );
}
