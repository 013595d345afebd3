// The campaigns as a table, or on a narrow window as a list of cards (no sideways scrolling):
// name (opens the campaign), status, codes made of the rows that can become codes, refused rows,
// scans and when it was made.

import type { Account } from "../bindings/Account";
import { CampaignStatusBadge } from "../components/Badge";
import { ScrollRegion } from "../components/ScrollRegion";
import { NARROW, useMedia } from "../components/useMedia";
import { routeHash } from "../app/route";
import { codesOf } from "../logic/campaign-progress";
import { formatCount, formatDateTime } from "../logic/format";
import type { CampaignSummary } from "../platform/types";

/** The campaign's name as a link to it (a plain click stays in the window's routing). */
function NameLink({ c, onOpen }: { c: CampaignSummary; onOpen: (c: CampaignSummary) => void }) {
  return (
    <a class="cell-title" href={routeHash({ screen: "campaigns", campaign: c.id })} data-action="open"
      onClick={(e) => { e.preventDefault(); onOpen(c); }}>
      {c.name}
    </a>
  );
}

export function CampaignTable({ campaigns, accountsById, onOpen }: {
  campaigns: readonly CampaignSummary[];
  accountsById: ReadonlyMap<number, Account>;
  onOpen: (c: CampaignSummary) => void;
}) {
  const narrow = useMedia(NARROW);
  const account = (c: CampaignSummary) => accountsById.get(c.account)?.label ?? `Account ${c.account}`;

  if (narrow) {
    return (
      <ul class="card-list" id="campaign-list" aria-label="Campaigns, newest first">
        {campaigns.map((c) => (
          <li key={c.id} class="card item-card" data-campaign-id={c.id}>
            <h2 class="history-card-title"><NameLink c={c} onOpen={onOpen} /> <CampaignStatusBadge status={c.status} /></h2>
            <dl class="facts">
              <div><dt>Codes</dt><dd>{codesOf(c)}</dd></div>
              <div><dt>Refused rows</dt><dd>{formatCount(c.failed)}</dd></div>
              <div><dt>Scans</dt><dd>{formatCount(c.scans)}</dd></div>
              <div><dt>Made</dt><dd>{formatDateTime(c.created_at)}</dd></div>
              <div class="fact-wide"><dt>Account</dt><dd>{account(c)}</dd></div>
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollRegion class="table-wrap" label="Campaigns table">
      <table class="table" id="campaign-table">
        <caption class="sr-only">Campaigns, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Codes</th>
            <th scope="col" class="num">Refused rows</th>
            <th scope="col" class="num">Scans</th>
            <th scope="col">Made</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id} data-campaign-id={c.id}>
              <td><NameLink c={c} onOpen={onOpen} /><br /><span class="muted small">{account(c)}</span></td>
              <td><CampaignStatusBadge status={c.status} /></td>
              <td class="num nowrap">{codesOf(c)}</td>
              <td class="num">{formatCount(c.failed)}</td>
              <td class="num">{formatCount(c.scans)}</td>
              <td class="nowrap">{formatDateTime(c.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
