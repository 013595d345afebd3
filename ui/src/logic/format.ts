// Dates, ages and counts as people read them. Fixed English wording (the UI is English) so the
// output does not depend on the machine's locale.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `22 Nov 2026` (UTC), or `—` when unknown. */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return "—";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `22 Nov 2026, 14:05 UTC`. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return "—";
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(iso)}, ${hh}:${mm} UTC`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** How old a key is: `today`, `3 days`, `5 weeks`, `4 months`, `2 years`. */
export function formatAge(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return "—";
  const days = Math.floor((now.getTime() - d.getTime()) / DAY_MS);
  if (days < 1) return "today";
  if (days < 14) return plural(days, "day");
  if (days < 60) return plural(Math.floor(days / 7), "week");
  if (days < 730) return plural(Math.floor(days / 30.44), "month");
  return plural(Math.floor(days / 365.25), "year");
}

/** `just now`, `5 minutes ago`, `3 hours ago`, `2 days ago`, then the date. */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return "never";
  const s = Math.floor((now.getTime() - d.getTime()) / 1000);
  if (s < 0) return formatDate(iso);
  if (s < 60) return "just now";
  if (s < 3600) return `${plural(Math.floor(s / 60), "minute")} ago`;
  if (s < 86_400) return `${plural(Math.floor(s / 3600), "hour")} ago`;
  if (s < 30 * 86_400) return `${plural(Math.floor(s / 86_400), "day")} ago`;
  return formatDate(iso);
}

/** Days until an expiry (negative when past), `null` when there is none. */
export function daysUntil(iso: string | null | undefined, now: Date = new Date()): number | null {
  const d = parse(iso);
  if (!d) return null;
  return Math.ceil((d.getTime() - now.getTime()) / DAY_MS);
}

/** `In 9 days`, `Tomorrow`, `Today`, `3 days ago`. */
export function formatExpiry(iso: string | null | undefined, now: Date = new Date()): string {
  const n = daysUntil(iso, now);
  if (n === null) return "No expiry";
  if (n > 1) return `In ${n} days`;
  if (n === 1) return "Tomorrow";
  if (n === 0) return "Today";
  return `${plural(-n, "day")} ago`;
}

/** `100,000`. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** ISO day (`2026-11-22`) of a date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The inclusive window of the last `days` days ending today (UTC). */
export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const to = isoDay(now);
  const from = isoDay(new Date(now.getTime() - (days - 1) * DAY_MS));
  return { from, to };
}

/** `exaroutes.link/abc` from `https://exaroutes.link/abc`. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/** What a code is called on screen: its name, or a stand-in when the service keeps none. */
export function displayName(name: string | null | undefined): string {
  const n = (name ?? "").trim();
  return n === "" ? "Untitled code" : n;
}
