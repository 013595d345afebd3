import { useCallback, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import type { CodeStatus } from "../bindings/CodeStatus";
import { useApp } from "../app/context";
import { CodeStatusBadge, EnvBadge, OutboxBadge } from "../components/Badge";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { QrPreview } from "../components/QrPreview";
import { VirtualList } from "../components/VirtualList";
import { emptyQuery, filtersActive, PAGE_SIZE } from "../logic/code-filter";
import { displayName, formatCount, shortUrl } from "../logic/format";
import { pagesFor } from "../logic/virtual-window";
import { toAppError } from "../platform/backend";
import type { CodeQuery, CodeRow, SortKey } from "../platform/types";

const ROW_HEIGHT = 56;
const SEARCH_DEBOUNCE_MS = 15;

export function Library() {
  const { backend, accounts, accountsById, navigate, selection, setSelection, libraryQuery, setLibraryQuery, dataVersion, bumpData } = useApp();
  const [searchText, setSearchText] = useState(libraryQuery.search);
  const [total, setTotal] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [bulkStatus, setBulkStatus] = useState<CodeStatus | "">("");
  const [elapsed, setElapsed] = useState<number | null>(null);
  // The search text the rows on screen answer (for the performance script and the e2e suite).
  const [resultsFor, setResultsFor] = useState<string | null>(null);
  const pages = useRef(new Map<number, CodeRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setTick] = useState(0);
  const lastRange = useRef<[number, number]>([0, 0]);
  const query = libraryQuery;

  const loadPage = useCallback(
    (page: number, gen: number, q: CodeQuery) => {
      if (pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      const started = performance.now();
      backend
        .listCodes({ ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((res) => {
          if (gen !== generation.current) return;
          pages.current.set(page, res.rows);
          setTotal(res.total);
          if (page === 0) {
            setElapsed(performance.now() - started);
            setResultsFor(q.search);
          }
          setTick((t) => t + 1);
        })
        .catch((e: unknown) => {
          if (gen === generation.current) setError(toAppError(e));
        })
        .finally(() => inflight.current.delete(page));
    },
    [backend],
  );

  // A new query (or changed data) starts a fresh generation of pages. Layout effects run right
  // after the render instead of after the next frame: the search budget is 100 ms end to end.
  useLayoutEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
    setActive(0);
    const gen = generation.current;
    const [s, e] = lastRange.current;
    for (const p of new Set([0, ...pagesFor(s, Math.max(e, 1), PAGE_SIZE)])) loadPage(p, gen, query);
  }, [query, dataVersion, loadPage]);

  // Live search: the query follows the search box after a short pause in typing.
  useLayoutEffect(() => {
    if (searchText === query.search) return;
    const t = setTimeout(() => setLibraryQuery({ ...query, search: searchText }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [searchText, query, setLibraryQuery]);

  const onRange = useCallback(
    (start: number, end: number) => {
      lastRange.current = [start, end];
      for (const p of pagesFor(start, end, PAGE_SIZE)) loadPage(p, generation.current, query);
    },
    [loadPage, query],
  );

  const rowAt = (i: number): CodeRow | undefined => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];

  const toggle = (i: number) => {
    const row = rowAt(i);
    if (!row) return;
    setSelection((prev) => {
      const next = new Set(prev);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
  };

  const open = (i: number) => {
    const row = rowAt(i);
    if (row) navigate({ screen: "code", id: row.id });
  };

  const set = (patch: Partial<CodeQuery>) => setLibraryQuery({ ...query, ...patch });

  const applyBulk = async () => {
    if (bulkStatus === "") return;
    setError(null);
    try {
      for (const id of selection) await backend.editCode({ code: id, changes: { status: bulkStatus } });
      setNotice(`${formatCount(selection.size)} codes set to ${bulkStatus}. The changes wait in the outbox until the next sync.`);
      setBulkStatus("");
      bumpData();
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const codeAccounts = accounts.filter((a) => a.provider !== "exante");

  const renderRow = (i: number, isActive: boolean) => {
    const row = rowAt(i);
    if (!row) {
      return (
        <div id={`row-${i}`} key={i} class="row row-loading" role="option" aria-selected="false" aria-label="Loading">
          <span class="skeleton" />
        </div>
      );
    }
    const account = accountsById.get(row.account);
    const selected = selection.has(row.id);
    return (
      <div
        id={`row-${i}`}
        key={row.id}
        role="option"
        aria-selected={selected}
        data-code-id={row.id}
        class={`row${isActive ? " row-active" : ""}${selected ? " row-selected" : ""}`}
        onClick={() => { setActive(i); open(i); }}
      >
        <span class="col-check">
          <input
            type="checkbox"
            tabIndex={-1}
            checked={selected}
            aria-label={`Select ${displayName(row.name)}`}
            onClick={(e) => { e.stopPropagation(); setActive(i); toggle(i); }}
          />
        </span>
        <span class="col-qr"><QrPreview content={row.content} size={40} deferred /></span>
        <span class="col-main">
          <span class="row-title">
            <span class={row.name.trim() === "" ? "row-name muted" : "row-name"}>{displayName(row.name)}</span>
            {row.outbox_state && <OutboxBadge state={row.outbox_state} />}
          </span>
          <span class="row-dest">{row.destination}</span>
        </span>
        <span class="col-short mono">{shortUrl(row.content)}</span>
        <span class="col-account">
          <span class="row-account">{account?.label ?? "—"}</span>
          {account && <EnvBadge env={account.environment} />}
        </span>
        <span class="col-status"><CodeStatusBadge status={row.status} /></span>
        <span class="col-scans num">{formatCount(row.scans_total)}</span>
      </div>
    );
  };

  if (accounts.length === 0) {
    return (
      <section class="screen" aria-labelledby="library-title">
        <header class="screen-head"><h1 id="library-title">Library</h1></header>
        <div class="empty">
          <p>No codes yet. Add an account to bring in its codes, or try the demo.</p>
          <div class="row-actions">
            <button type="button" class="btn btn-primary" onClick={() => navigate({ screen: "accounts", add: true })}>Add an account</button>
            <button type="button" class="btn" onClick={() => navigate({ screen: "welcome" })}>Back to the start</button>
          </div>
        </div>
      </section>
    );
  }

  return (
    <section class="screen screen-fill" aria-labelledby="library-title">
      <header class="screen-head">
        <h1 id="library-title">Library</h1>
        <p class="muted" id="library-count" role="status" data-search-ms={elapsed === null ? undefined : Math.round(elapsed)}
          data-results-for={resultsFor ?? undefined}>
          {total === null ? "Loading codes…" : `${formatCount(total)} ${total === 1 ? "code" : "codes"}`}
        </p>
      </header>
      <div class="toolbar" role="search">
        <div class="field field-search">
          <label for="library-search">Search</label>
          <input id="library-search" type="search" placeholder="Name, destination or short link" value={searchText} autocomplete="off" spellcheck={false}
            onInput={(e) => setSearchText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="filter-account">Account</label>
          <select id="filter-account" value={query.account ?? ""} onChange={(e) => set({ account: e.currentTarget.value === "" ? null : Number(e.currentTarget.value) })}>
            <option value="">All accounts</option>
            {codeAccounts.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
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
        {filtersActive(query) && (
          <button type="button" class="btn btn-quiet" onClick={() => { setSearchText(""); setLibraryQuery(emptyQuery()); }}>
            Clear filters
          </button>
        )}
      </div>

      {selection.size > 0 && (
        <div class="selection-bar" role="region" aria-label="Selected codes">
          <strong>{formatCount(selection.size)} selected</strong>
          <button type="button" id="print-selected" class="btn btn-primary btn-small" onClick={() => navigate({ screen: "print", source: "selection" })}>Print selected</button>
          <label class="sr-only" for="bulk-status">Set status of selected codes</label>
          <select id="bulk-status" value={bulkStatus} onChange={(e) => setBulkStatus(e.currentTarget.value as CodeStatus | "")}>
            <option value="">Set status…</option>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            <option value="archived">Archived</option>
          </select>
          <button type="button" class="btn btn-small" disabled={bulkStatus === ""} onClick={applyBulk}>Apply</button>
          <button type="button" class="btn btn-quiet btn-small" onClick={() => setSelection(new Set())}>Clear selection</button>
        </div>
      )}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      {notice && <SuccessNotice text={notice}><button type="button" class="btn btn-quiet btn-small" onClick={() => setNotice(null)}>Dismiss</button></SuccessNotice>}

      <div class="list-head" aria-hidden="true">
        <span class="col-check" />
        <span class="col-qr" />
        <span class="col-main">Name and destination</span>
        <span class="col-short">Short link</span>
        <span class="col-account">Account</span>
        <span class="col-status">Status</span>
        <span class="col-scans num">Scans</span>
      </div>
      {total === 0 ? (
        <div class="empty"><p>No codes match. Try fewer words or clear the filters.</p></div>
      ) : (
        <VirtualList
          id="code-list"
          label="Codes. Arrow keys move, Enter opens, Space selects."
          total={total ?? 0}
          rowHeight={ROW_HEIGHT}
          renderRow={renderRow}
          active={active}
          onActiveChange={setActive}
          onOpen={open}
          onToggle={toggle}
          onRange={onRange}
        />
      )}
    </section>
  );
}
