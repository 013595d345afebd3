import { memo } from "preact/compat";
import { useEffect, useState } from "preact/hooks";
import type { AppInfo } from "../platform/types";
import { NARROW, useMedia } from "../components/useMedia";
import { routeHash, type Route } from "./route";

const NAV: { id: string; screen: Route["screen"]; label: string; route: Route }[] = [
  { id: "nav-library", screen: "library", label: "Library", route: { screen: "library" } },
  { id: "nav-print", screen: "print", label: "Print", route: { screen: "print", source: null } },
  { id: "nav-styles", screen: "styles", label: "Styles", route: { screen: "styles" } },
  { id: "nav-designs", screen: "designs", label: "Designs", route: { screen: "designs" } },
  { id: "nav-history", screen: "history", label: "History", route: { screen: "history" } },
  { id: "nav-campaigns", screen: "campaigns", label: "Campaigns", route: { screen: "campaigns", campaign: null } },
  { id: "nav-accounts", screen: "accounts", label: "Accounts & keys", route: { screen: "accounts", add: false } },
  { id: "nav-sync", screen: "sync", label: "Sync & outbox", route: { screen: "sync" } },
];

const ICONS: Record<string, string> = {
  library: "M3 3h6v6H3zM11 3h6v6h-6zM3 11h6v6H3zM11 11h6v6h-6z",
  print: "M5 8V3h10v5M5 14H3V8h14v6h-2M5 11h10v6H5z",
  styles: "M10 3a7 7 0 1 0 0 14c1.2 0 1.6-.8 1.2-1.7-.5-1 .1-2.3 1.3-2.3H15a2 2 0 0 0 2-2.2A7 7 0 0 0 10 3zM6.5 10h.01M7.5 6.5h.01M11.5 6h.01",
  designs: "M3 4h14v12H3zM5 6h4v4H5zM11 6.5h4M11 9h3M5 12.5h10",
  history: "M3.5 10a6.5 6.5 0 1 0 2-4.7M3 3v3.5h3.5M10 6.5V10l2.5 2",
  campaigns: "M3 8v4h3l7 4V4L6 8H3zM6 12l1 4h2l-1-3.4M15.5 7.5a3.5 3.5 0 0 1 0 5",
  accounts: "M7 11a4 4 0 1 1 3.5-2H17v3h-2v2h-3v-2h-1.5A4 4 0 0 1 7 11zM6 7h.01",
  sync: "M16 8a6 6 0 0 0-11-2M4 4v3h3M4 12a6 6 0 0 0 11 2M16 16v-3h-3",
};

function Icon({ d, cls = "nav-icon" }: { d: string; cls?: string }) {
  return (
    <svg class={cls} viewBox="0 0 20 20" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

/**
 * The main navigation. It collapses to a rail of icons (the names stay for screen readers and
 * show on hover); it starts collapsed on narrow windows and a button with aria-expanded toggles it.
 * Memoised: typing in the library (which re-renders the app) leaves the sidebar alone.
 */
export const Sidebar = memo(function Sidebar({ active, navigate, attention, online, info }: {
  active: Route["screen"];
  navigate: (r: Route) => void;
  attention: number;
  online: boolean;
  info: AppInfo | null;
}) {
  const narrow = useMedia(NARROW);
  const [choice, setChoice] = useState<boolean | null>(null);
  // Crossing the breakpoint (resizing, zooming) goes back to that width's default.
  useEffect(() => setChoice(null), [narrow]);
  const open = choice ?? !narrow;
  const status = online ? "Online" : "Offline: edits wait in the outbox";

  return (
    <nav class={open ? "sidebar" : "sidebar collapsed"} aria-label="Main">
      <div class="brand">
        <button id="nav-toggle" type="button" class="nav-toggle" aria-expanded={open} aria-controls="nav-list"
          title={open ? "Collapse the menu" : "Expand the menu"} onClick={() => setChoice(!open)}>
          <Icon d="M3 5h14M3 10h14M3 15h14" />
          <span class="sr-only">Menu</span>
        </button>
        <svg class="brand-mark" viewBox="0 0 20 20" aria-hidden="true"><path d="M2 2h7v7H2zM11 2h7v7h-7zM2 11h7v7H2zM12 12h2v2h-2zM15 15h3v3h-3zM15 11h3v2h-3zM11 15h2v3h-2z" /></svg>
        <span class="brand-name">QR Desk</span>
      </div>
      <ul id="nav-list">
        {NAV.map((n) => (
          <li key={n.id}>
            <a
              id={n.id}
              data-testid={n.id}
              href={routeHash(n.route)}
              class={active === n.screen ? "nav-item active" : "nav-item"}
              aria-current={active === n.screen ? "page" : undefined}
              title={open ? undefined : n.label}
              onClick={(e) => { e.preventDefault(); navigate(n.route); }}
            >
              <Icon d={ICONS[n.screen] ?? ""} />
              <span class="nav-label">{n.label}</span>
              {n.screen === "sync" && attention > 0 && (
                <>
                  <span class="nav-count" aria-hidden="true">{attention}</span>
                  <span class="sr-only">, {attention} {attention === 1 ? "edit" : "edits"} in the outbox</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
      <div class="sidebar-foot">
        <span id="online-indicator" class={online ? "status-dot online" : "status-dot offline"} role="status" title={open ? undefined : status}>
          <span class="foot-text">{status}</span>
        </span>
        {info?.demo && <span class="muted small foot-text">Demo data (simulator)</span>}
        <span class="muted small foot-text">{info ? `${info.name} ${info.version}` : ""}</span>
      </div>
    </nav>
  );
});
