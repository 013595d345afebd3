import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { Backend } from "../platform/backend";
import type { AppInfo, CodeQuery } from "../platform/types";
import { emptyQuery } from "../logic/code-filter";
import { AppContext, type AppState } from "./context";
import { parseRoute, routeHash, type Route } from "./route";
import { FirstRun } from "../screens/FirstRun";
import { Library } from "../screens/Library";
import { CodeDetail } from "../screens/CodeDetail";
import { Accounts } from "../screens/Accounts";
import { Print } from "../screens/Print";
import { Sync } from "../screens/Sync";

const NAV: { id: string; screen: Route["screen"]; label: string; route: Route }[] = [
  { id: "nav-library", screen: "library", label: "Library", route: { screen: "library" } },
  { id: "nav-print", screen: "print", label: "Print", route: { screen: "print", source: null } },
  { id: "nav-accounts", screen: "accounts", label: "Accounts & keys", route: { screen: "accounts", add: false } },
  { id: "nav-sync", screen: "sync", label: "Sync & outbox", route: { screen: "sync" } },
];

function NavIcon({ screen }: { screen: Route["screen"] }) {
  const d: Record<string, string> = {
    library: "M3 3h6v6H3zM11 3h6v6h-6zM3 11h6v6H3zM11 11h6v6h-6z",
    print: "M5 8V3h10v5M5 14H3V8h14v6h-2M5 11h10v6H5z",
    accounts: "M7 11a4 4 0 1 1 3.5-2H17v3h-2v2h-3v-2h-1.5A4 4 0 0 1 7 11zM6 7h.01",
    sync: "M16 8a6 6 0 0 0-11-2M4 4v3h3M4 12a6 6 0 0 0 11 2M16 16v-3h-3",
  };
  return (
    <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
      <path d={d[screen] ?? ""} />
    </svg>
  );
}

export function App({ backend }: { backend: Backend }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [route, setRoute] = useState<Route | null>(() => parseRoute(window.location.hash));
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [libraryQuery, setLibraryQuery] = useState<CodeQuery>(emptyQuery);
  const [dataVersion, setDataVersion] = useState(0);
  const [online, setOnline] = useState(true);
  const [attention, setAttention] = useState(0);

  const reloadAccounts = useCallback(async () => {
    setAccounts(await backend.listAccounts());
  }, [backend]);
  const reloadInfo = useCallback(async () => {
    setInfo(await backend.appInfo());
  }, [backend]);

  useEffect(() => {
    void Promise.all([backend.appInfo(), backend.listAccounts(), backend.syncStatus()])
      .then(([i, a, s]) => {
        setInfo(i);
        setAccounts(a);
        setOnline(s.online);
      })
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, [backend]);

  useEffect(() => {
    void backend.listOutbox({ account: null, code: null })
      .then((entries) => setAttention(entries.length))
      .catch(() => undefined);
  }, [backend, dataVersion, accounts]);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const navigate = useCallback((r: Route) => {
    const hash = routeHash(r);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(r);
    window.requestAnimationFrame(() => document.getElementById("main")?.focus({ preventScroll: true }));
  }, []);

  const state: AppState = useMemo(
    () => ({
      backend, info, accounts,
      accountsById: new Map(accounts.map((a) => [a.id, a])),
      reloadAccounts, reloadInfo, navigate, selection, setSelection, libraryQuery, setLibraryQuery,
      dataVersion, bumpData: () => setDataVersion((v) => v + 1), online, setOnline,
    }),
    [backend, info, accounts, reloadAccounts, reloadInfo, navigate, selection, libraryQuery, dataVersion, online],
  );

  if (!loaded) return <div class="loading" role="status">Opening QR Desk…</div>;

  const current: Route = route ?? (accounts.length === 0 ? { screen: "welcome" } : { screen: "library" });
  const activeNav = current.screen === "code" ? "library" : current.screen;

  return (
    <AppContext.Provider value={state}>
      <div class="shell">
        <a class="skip-link" href="#main">Skip to content</a>
        <nav class="sidebar" aria-label="Main">
          <div class="brand">
            <svg class="brand-mark" viewBox="0 0 20 20" aria-hidden="true"><path d="M2 2h7v7H2zM11 2h7v7h-7zM2 11h7v7H2zM12 12h2v2h-2zM15 15h3v3h-3zM15 11h3v2h-3zM11 15h2v3h-2z" /></svg>
            <span>QR Desk</span>
          </div>
          <ul>
            {NAV.map((n) => (
              <li key={n.id}>
                <a
                  id={n.id}
                  data-testid={n.id}
                  href={routeHash(n.route)}
                  class={activeNav === n.screen ? "nav-item active" : "nav-item"}
                  aria-current={activeNav === n.screen ? "page" : undefined}
                  onClick={(e) => { e.preventDefault(); navigate(n.route); }}
                >
                  <NavIcon screen={n.screen} />
                  <span>{n.label}</span>
                  {n.screen === "sync" && attention > 0 && <span class="nav-count" aria-label={`${attention} edits in the outbox`}>{attention}</span>}
                </a>
              </li>
            ))}
          </ul>
          <div class="sidebar-foot">
            <span id="online-indicator" class={online ? "status-dot online" : "status-dot offline"} role="status">
              {online ? "Online" : "Offline: edits wait in the outbox"}
            </span>
            {info?.demo && <span class="muted small">Demo data (simulator)</span>}
            <span class="muted small">{info ? `${info.name} ${info.version}` : ""}</span>
          </div>
        </nav>
        <main id="main" class="main" tabIndex={-1}>
          {current.screen === "welcome" && <FirstRun />}
          {current.screen === "library" && <Library />}
          {current.screen === "code" && <CodeDetail id={current.id} />}
          {current.screen === "accounts" && <Accounts startAdding={current.add} />}
          {current.screen === "print" && <Print initialSource={current.source} />}
          {current.screen === "sync" && <Sync />}
        </main>
      </div>
    </AppContext.Provider>
  );
}
