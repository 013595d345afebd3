import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import type { CodeStatus } from "../bindings/CodeStatus";
import { useApp } from "../app/context";
import { mark } from "../app/timing";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { rescueFocus } from "../components/focus";
import { NARROW, useMedia } from "../components/useMedia";
import { VirtualList } from "../components/VirtualList";
import { emptyQuery, filtersActive, PAGE_SIZE } from "../logic/code-filter";
import { formatCount } from "../logic/format";
import { HeldRows } from "../logic/held-rows";
import { clampActive, placeFor, placeKey } from "../logic/library-place";
import { pagesFor } from "../logic/virtual-window";
import { toAppError } from "../platform/backend";
import type { CodeQuery, CodeRow } from "../platform/types";
import { LibraryRow, LoadingRow, optionId, RowPeek } from "./LibraryRow";
import { LibraryToolbar } from "./LibraryToolbar";

/** Row heights (CSS px): one line of columns, or the narrow layout's three lines. */
const ROW_HEIGHT = 56;
const ROW_HEIGHT_NARROW = 76;

export function Library() {
  const { backend, accounts, accountsById, navigate, selection, setSelection, libraryQuery, setLibraryQuery, libraryPlace, dataVersion, bumpData } = useApp();
  const query = libraryQuery;
  // Coming back from a code: the same row, scrolled as it was (for the same search and filters).
  const [start] = useState(() => ({ ...placeFor(libraryPlace.current, query), back: libraryPlace.current?.key === placeKey(query) }));
  const [searchText, setSearchText] = useState(libraryQuery.search);
  const [total, setTotal] = useState<number | null>(null);
  const [active, setActive] = useState(start.active);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [bulkStatus, setBulkStatus] = useState<CodeStatus | "">("");
  // Answers for the first page so far (each one marks its rows for scripts/perf-ui).
  const [answers, setAnswers] = useState(0);
  // The search text the rows on screen answer (for the performance script and the e2e suite).
  const [resultsFor, setResultsFor] = useState<string | null>(null);
  const narrow = useMedia(NARROW);
  const pages = useRef(new Map<number, CodeRow[]>());
  // The rows shown before, on screen until the fresh pages answer (logic/held-rows.ts).
  const held = useRef(new HeldRows(placeKey(query)));
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setTick] = useState(0);
  const lastRange = useRef<[number, number]>([0, 0]);
  const lastKey = useRef(placeKey(query));
  const scrollTop = useRef(start.scrollTop);
  const key = placeKey(query);

  const loadPage = useCallback(
    (page: number, gen: number, q: CodeQuery) => {
      if (pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      if (page === 0) mark("list-asked");
      backend
        .listCodes({ ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((res) => {
          if (gen !== generation.current) {
            // The same search asked before the data changed (a sync brings codes in): shown
            // until the fresh answer comes, instead of "Loading codes…" through a whole sync.
            if (placeKey(q) === lastKey.current && !pages.current.has(page)) {
              held.current.put(lastKey.current, page, res.rows);
              setTotal((t) => t ?? res.total);
              setTick((t) => t + 1);
            }
            return;
          }
          if (page === 0) mark("list-answered");
          held.current.keepOnly(lastKey.current);
          pages.current.set(page, res.rows);
          setTotal(res.total);
          if (page === 0) {
            setAnswers((n) => n + 1);
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

  // A new query (or changed data) starts a fresh generation of pages, once per query and data
  // version: typing starts it in the input handler, before the render (the answer is on its way
  // while the screen re-renders); anything else from a layout effect, right after the render.
  // Only another search or filter moves the current row back to the top.
  const begun = useRef("");
  const begin = useCallback((q: CodeQuery, version: number) => {
    const stamp = JSON.stringify([version, q]);
    if (stamp === begun.current) return;
    begun.current = stamp;
    generation.current += 1;
    const k = placeKey(q);
    held.current.keep(lastKey.current, pages.current);
    pages.current = new Map();
    inflight.current = new Set();
    if (k !== lastKey.current) {
      lastKey.current = k;
      setActive(0);
      scrollTop.current = 0;
    }
    const gen = generation.current;
    const [s, e] = lastRange.current;
    for (const p of new Set([0, ...pagesFor(s, Math.max(e, 1), PAGE_SIZE)])) loadPage(p, gen, q);
  }, [loadPage]);
  useLayoutEffect(() => begin(query, dataVersion), [query, dataVersion, begin]);

  // Live search: every keystroke asks at once (a page of 100,000 codes takes a few ms to find;
  // answers to older keystrokes are dropped by the generation check in loadPage).
  const onSearchText = (text: string) => {
    setSearchText(text);
    if (text === query.search) return;
    const next = { ...query, search: text };
    begin(next, dataVersion);
    setLibraryQuery(next);
  };

  // The rows answering a search are in the DOM (for scripts/perf-ui).
  useLayoutEffect(() => {
    if (resultsFor !== null) mark("rows");
  }, [resultsFor, answers]);

  // The place to come back to.
  useEffect(() => {
    libraryPlace.current = { key, active, scrollTop: scrollTop.current };
  }, [libraryPlace, key, active]);
  const onScrollTop = useCallback((top: number) => {
    scrollTop.current = top;
    if (libraryPlace.current) libraryPlace.current.scrollTop = top;
  }, [libraryPlace]);

  useEffect(() => {
    const clamped = clampActive(active, total);
    if (clamped !== active) setActive(clamped);
  }, [active, total]);

  const onRange = useCallback(
    (s: number, e: number) => {
      lastRange.current = [s, e];
      for (const p of pagesFor(s, e, PAGE_SIZE)) loadPage(p, generation.current, query);
    },
    [loadPage, query],
  );

  const rowAt = (i: number): CodeRow | undefined => {
    const page = Math.floor(i / PAGE_SIZE);
    return (pages.current.get(page) ?? held.current.get(page))?.[i % PAGE_SIZE];
  };

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
  const list = () => document.getElementById("code-list");

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

  // Stable row handlers (the rows are memoised), reading this render's open and toggle.
  const rowActions = useRef({ open, toggle });
  rowActions.current = { open, toggle };
  const onRowOpen = useCallback((i: number) => { setActive(i); rowActions.current.open(i); }, []);
  const onRowToggle = useCallback((i: number) => { setActive(i); rowActions.current.toggle(i); }, []);

  const renderRow = (i: number, isActive: boolean) => {
    const row = rowAt(i);
    if (!row) return <LoadingRow key={i} index={i} />;
    return (
      // Keyed by position: a new search patches the rows in place instead of building new ones.
      <LibraryRow key={i} index={i} row={row} active={isActive} selected={selection.has(row.id)} account={accountsById.get(row.account)}
        onOpen={onRowOpen} onToggle={onRowToggle} />
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
        <p class="muted" id="library-count" role="status" data-results-for={resultsFor ?? undefined}>
          {total === null ? "Loading codes…" : `${formatCount(total)} ${total === 1 ? "code" : "codes"}`}
        </p>
      </header>
      <LibraryToolbar query={query} set={set} searchText={searchText} setSearchText={onSearchText} accounts={codeAccounts}
        onClear={() => {
          setSearchText("");
          setLibraryQuery(emptyQuery());
          void rescueFocus(() => document.getElementById("library-search"));
        }} />

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
          <button type="button" class="btn btn-quiet btn-small" onClick={() => { setSelection(new Set()); void rescueFocus(list); }}>Clear selection</button>
        </div>
      )}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      {notice && (
        <SuccessNotice text={notice} focus>
          <button type="button" class="btn btn-quiet btn-small" onClick={() => { setNotice(null); void rescueFocus(list); }}>Dismiss</button>
        </SuccessNotice>
      )}

      <div class="list-head" aria-hidden="true">
        <span class="col-check" />
        <span class="col-qr" />
        <span class="col-main">Name and destination</span>
        <span class="col-short">Short link</span>
        <span class="col-account">Account</span>
        <span class="col-status">Status</span>
        <span class="col-scans num">Scans</span>
      </div>
      {total === 0 && filtersActive(query) && (
        <div class="empty"><p>No codes match. Try fewer words or clear the filters.</p></div>
      )}
      {total === 0 && !filtersActive(query) && (
        <div class="empty">
          <p>No codes here yet. A sync brings in your accounts’ codes, and they appear here as they arrive.</p>
          <div class="row-actions">
            <button type="button" id="library-go-sync" class="btn btn-primary" onClick={() => navigate({ screen: "sync" })}>Go to Sync</button>
          </div>
        </div>
      )}
      {/* Mounted even when nothing matches: the next answer's rows patch the list in place. */}
      <VirtualList
        id="code-list"
        label="Codes. Arrow keys move, Enter opens, Space selects."
        total={total ?? 0}
        rowHeight={narrow ? ROW_HEIGHT_NARROW : ROW_HEIGHT}
        renderRow={renderRow}
        active={active}
        onActiveChange={setActive}
        onOpen={open}
        onToggle={toggle}
        onRange={onRange}
        initialScrollTop={start.scrollTop}
        resetKey={key}
        onScrollTop={onScrollTop}
        arrivalFocus={start.back}
        optionId={optionId}
        hidden={total === 0}
      />
      {total !== 0 && <RowPeek row={rowAt(active)} />}
    </section>
  );
}
