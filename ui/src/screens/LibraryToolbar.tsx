import { useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { CodeStatus } from "../bindings/CodeStatus";
import { NARROW, useMedia } from "../components/useMedia";
import { filtersActive } from "../logic/code-filter";
import type { CodeQuery, SortKey } from "../platform/types";

/** How many filters narrow the results (the sort does not count). */
function filterCount(q: CodeQuery): number {
  return [q.account !== null, q.status !== null, q.environment !== null, q.pending_only].filter(Boolean).length;
}

/**
 * Search and filters. On a narrow window the filters fold behind a "Filters" button so the list
 * keeps the height; the search box always shows.
 */
export function LibraryToolbar({ query, set, searchText, setSearchText, onClear, accounts }: {
  query: CodeQuery;
  set: (patch: Partial<CodeQuery>) => void;
  searchText: string;
  setSearchText: (s: string) => void;
  onClear: () => void;
  accounts: Account[];
}) {
  const narrow = useMedia(NARROW);
  const [open, setOpen] = useState(false);
  const shown = !narrow || open;
  const n = filterCount(query);

  return (
    <div class="toolbar" role="search">
      <div class="field field-search">
        <label for="library-search">Search</label>
        <input id="library-search" type="search" placeholder="Name, destination or short link" value={searchText} autocomplete="off" spellcheck={false}
          onInput={(e) => setSearchText(e.currentTarget.value)} />
      </div>
      {narrow && (
        <button id="filters-toggle" type="button" class="btn filters-toggle" aria-expanded={open} aria-controls="library-filters" onClick={() => setOpen(!open)}>
          {n > 0 ? `Filters (${n} on)` : "Filters"}
        </button>
      )}
      <div id="library-filters" class="filters" hidden={!shown}>
        <div class="field">
          <label for="filter-account">Account</label>
          <select id="filter-account" value={query.account ?? ""} onChange={(e) => set({ account: e.currentTarget.value === "" ? null : Number(e.currentTarget.value) })}>
            <option value="">All accounts</option>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">Status</label>
          <select id="filter-status" value={query.status ?? ""} onChange={(e) => set({ status: (e.currentTarget.value || null) as CodeStatus | null })}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            <option value="draft">Draft</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <div class="field">
          <label for="filter-env">Live or test</label>
          <select id="filter-env" value={query.environment ?? ""} onChange={(e) => set({ environment: (e.currentTarget.value || null) as CodeQuery["environment"] })}>
            <option value="">Live and test</option>
            <option value="live">Live only</option>
            <option value="test">Test only</option>
          </select>
        </div>
        <div class="field">
          <label for="sort">Sort by</label>
          <select id="sort" value={query.sort} onChange={(e) => set({ sort: e.currentTarget.value as SortKey })}>
            <option value="name">Name</option>
            <option value="updated">Recently changed</option>
            <option value="scans">Most scans</option>
          </select>
        </div>
        <label class="check" for="filter-pending">
          <input id="filter-pending" type="checkbox" checked={query.pending_only} onChange={(e) => set({ pending_only: e.currentTarget.checked })} />
          Pending edits only
        </label>
      </div>
      {filtersActive(query) && (
        <button id="clear-filters" type="button" class="btn btn-quiet" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
