import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { Backend } from "../platform/backend";
import type { AppInfo, CodeQuery } from "../platform/types";
import { emptyQuery } from "../logic/code-filter";
import { AppContext, type AppState } from "./context";
import { parseRoute, routeHash, type Route } from "./route";
import { Sidebar } from "./Sidebar";
import type { LibraryPlace } from "../logic/library-place";
import "../styles/tokens.css";
import "../styles/shell.css";
import "../styles/components.css";
import "../styles/responsive.css";
import { FirstRun } from "../screens/FirstRun";
import { Library } from "../screens/Library";
import { CodeDetail } from "../screens/CodeDetail";
import { Accounts } from "../screens/Accounts";
import { Print } from "../screens/Print";
import { Styles } from "../screens/Styles";
import { Designs } from "../screens/Designs";
import { History } from "../screens/History";
import { Campaigns } from "../screens/Campaigns";
import { Sync } from "../screens/Sync";
import { mark } from "./timing";
import { refreshesData } from "../logic/sync-refresh";

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
  const libraryPlace = useRef<LibraryPlace | null>(null);

  const reloadAccounts = useCallback(async () => {
    setAccounts(await backend.listAccounts());
  }, [backend]);
  const reloadInfo = useCallback(async () => {
    setInfo(await backend.appInfo());
  }, [backend]);

  useEffect(() => {
    void Promise.all([backend.appInfo(), backend.listAccounts(), backend.syncStatus()])
      .then(([i, a, s]) => {
        mark("startup-data");
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

  // A sync changes the cache whichever screen is open (the background schedule included).
  useEffect(() => {
    let off: (() => void) | null = null;
    let live = true;
    let lastRefresh: number | null = null;
    void backend.onSyncProgress((p) => {
      const now = performance.now();
      if (!refreshesData(p, now, lastRefresh)) return;
      lastRefresh = now;
      setDataVersion((v) => v + 1);
    }).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, [backend]);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const navigate = useCallback((r: Route, options?: { keepFocus?: boolean }) => {
    const hash = routeHash(r);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(r);
    if (options?.keepFocus) return;
    // Focus moves to the new screen: to what the screen marks (the library's list, back on the
    // row left), else to the screen itself.
    window.requestAnimationFrame(() => {
      const main = document.getElementById("main");
      const target = main?.querySelector<HTMLElement>("[data-arrival-focus]") ?? main;
      target?.focus({ preventScroll: true });
    });
  }, []);

  const state: AppState = useMemo(
    () => ({
      backend, info, accounts,
      accountsById: new Map(accounts.map((a) => [a.id, a])),
      reloadAccounts, reloadInfo, navigate, selection, setSelection, libraryQuery, setLibraryQuery, libraryPlace,
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
        {/* The hash holds the route, so the skip link moves focus itself instead of following #main. */}
        <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>Skip to content</a>
        <Sidebar active={activeNav} navigate={navigate} attention={attention} online={online} info={info} />
        <main id="main" class="main" tabIndex={-1}>
          {current.screen === "welcome" && <FirstRun />}
          {current.screen === "library" && <Library />}
          {current.screen === "code" && <CodeDetail id={current.id} />}
          {current.screen === "accounts" && <Accounts startAdding={current.add} />}
          {current.screen === "print" && <Print initialSource={current.source} />}
          {current.screen === "styles" && <Styles />}
          {current.screen === "designs" && <Designs />}
          {current.screen === "history" && <History />}
          {current.screen === "campaigns" && <Campaigns campaign={current.campaign} />}
          {current.screen === "sync" && <Sync />}
        </main>
      </div>
    </AppContext.Provider>
  );
}
