// A campaign's placements: each row with its name, short link and scans, sortable by row or by
// scans with buttons in the column headers (aria-sort says which way; the change is said).

import { useState } from "preact/hooks";
import { ScrollRegion } from "../components/ScrollRegion";
import { ariaSort, FIRST_SORT, nextSort, type PlacementKey, PLACEMENTS_SHOWN, sortPlacements, sortSentence } from "../logic/campaign-placements";
import { formatCount } from "../logic/format";
import type { CampaignRowView } from "../platform/types";

/** A column header's sort button; the arrow is drawn, aria-sort on the header says the order. */
function SortButton({ column, label, sort, onSort }: {
  column: PlacementKey;
  label: string;
  sort: ReturnType<typeof nextSort>;
  onSort: (key: PlacementKey) => void;
}) {
  const state = ariaSort(sort, column);
  const arrow = state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕";
  return (
    <button id={`campaign-sort-${column}`} type="button" class="sort-button" data-sort={column} onClick={() => onSort(column)}>
      {label} <span aria-hidden="true" class="sort-arrow">{arrow}</span>
    </button>
  );
}

/** Where a row's code stands: its short link, not made (why), or not confirmed yet. */
function LinkCell({ r }: { r: CampaignRowView }) {
  if (r.problem !== null) return <span class="text-danger small">Not made: {r.problem}</span>;
  if (r.short_link === "") return <span class="muted small">Waiting for the service</span>;
  return <span class="mono small campaign-link">{r.short_link}</span>;
}

export function CampaignPlacements({ rows }: { rows: readonly CampaignRowView[] }) {
  const [sort, setSort] = useState(FIRST_SORT);
  const [all, setAll] = useState(false);
  const [said, setSaid] = useState("");
  const sorted = sortPlacements(rows, sort);
  const shown = all ? sorted : sorted.slice(0, PLACEMENTS_SHOWN);
  const onSort = (key: PlacementKey) => {
    const next = nextSort(sort, key);
    setSort(next);
    setSaid(sortSentence(next));
  };

  return (
    <>
      <p class="sr-only" role="status" id="campaign-sort-status">{said}</p>
      <ScrollRegion class="table-wrap" label="Placements table">
        <table class="table" id="campaign-placements">
          <caption class="sr-only">Placements: each row's code, short link and scans</caption>
          <thead>
            <tr>
              <th scope="col" class="num" aria-sort={ariaSort(sort, "row")}><SortButton column="row" label="Row" sort={sort} onSort={onSort} /></th>
              <th scope="col">Name</th>
              <th scope="col">Short link</th>
              <th scope="col" class="num" aria-sort={ariaSort(sort, "scans")}><SortButton column="scans" label="Scans" sort={sort} onSort={onSort} /></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row} data-row={r.row}>
                <td class="num">{r.row}</td>
                <td class="campaign-cell"><span class="cell-title">{r.name}</span><span class="muted small campaign-dest" title={r.destination}>{r.destination}</span></td>
                <td class="campaign-cell"><LinkCell r={r} /></td>
                <td class="num">{formatCount(r.scans)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {!all && sorted.length > PLACEMENTS_SHOWN && (
        <div class="form-actions">
          <span class="muted small">Showing {formatCount(PLACEMENTS_SHOWN)} of {formatCount(sorted.length)} rows.</span>
          <button id="campaign-show-all" type="button" class="btn btn-small" onClick={() => setAll(true)}>Show all {formatCount(sorted.length)}</button>
        </div>
      )}
    </>
  );
}
