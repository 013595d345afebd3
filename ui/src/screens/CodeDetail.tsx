import { useEffect, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import type { CodeStatus } from "../bindings/CodeStatus";
import type { OutboxEntry } from "../bindings/OutboxEntry";
import type { QrCode } from "../bindings/QrCode";
import type { ScanSeries } from "../bindings/ScanSeries";
import { useApp } from "../app/context";
import { CodeStatusBadge, EnvBadge, OutboxBadge } from "../components/Badge";
import { BreakdownChart, DailyScansChart } from "../components/Charts";
import { ErrorNotice, SuccessNotice } from "../components/ErrorNotice";
import { describedBy, Field } from "../components/Field";
import { QrPreview } from "../components/QrPreview";
import { StyleSelect } from "../components/StyleSelect";
import { useStyles } from "../components/useStyles";
import { buildChanges, DESTINATION_MAX, type EditProblems } from "../logic/destination";
import { displayName, formatCount, formatDateTime, formatRelative, isoDay, lastDays, shortUrl } from "../logic/format";
import { PROVIDER_NAMES } from "../logic/key-detect";
import { toAppError } from "../platform/backend";
import type { ExportFormat } from "../platform/types";
import { CodeStylePreview } from "./CodeStylePreview";

const RANGES = [
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
  { days: 365, label: "Last 12 months" },
];

function describeChanges(e: OutboxEntry): string {
  const parts: string[] = [];
  if (e.changes.name) parts.push(`name → “${e.changes.name}”`);
  if (e.changes.destination) parts.push(`destination → ${e.changes.destination}`);
  if (e.changes.status) parts.push(`status → ${e.changes.status}`);
  return parts.join(", ") || e.op;
}

export function CodeDetail({ id }: { id: number }) {
  const { backend, accountsById, navigate, dataVersion, bumpData } = useApp();
  const [code, setCode] = useState<QrCode | null>(null);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [name, setName] = useState("");
  const [destination, setDestination] = useState("");
  const [status, setStatus] = useState<CodeStatus>("active");
  const [problems, setProblems] = useState<EditProblems>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [range, setRange] = useState(30);
  const [custom, setCustom] = useState(() => lastDays(30));
  const [series, setSeries] = useState<ScanSeries | null>(null);
  const [analyticsError, setAnalyticsError] = useState<AppError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const styles = useStyles(backend);
  /** The brand style the preview and the downloads use; `null` = plain. */
  const [styleName, setStyleName] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([backend.getCode(id), backend.listOutbox({ account: null, code: id })])
      .then(([c, o]) => {
        if (!live) return;
        setCode(c);
        setOutbox(o);
        setName(c.name);
        setDestination(c.destination);
        setStatus(c.status);
      })
      .catch((e: unknown) => live && setError(toAppError(e)));
    return () => { live = false; };
  }, [backend, id, dataVersion]);

  const window_ = range === 0 ? custom : lastDays(range);
  useEffect(() => {
    let live = true;
    setAnalyticsError(null);
    backend
      .codeAnalytics({ code: id, from: window_.from, to: window_.to })
      .then((s) => live && setSeries(s))
      .catch((e: unknown) => { if (live) { setSeries(null); setAnalyticsError(toAppError(e)); } });
    return () => { live = false; };
  }, [backend, id, window_.from, window_.to]);

  if (error && !code) {
    return (
      <section class="screen">
        <button type="button" class="btn btn-quiet back" onClick={() => navigate({ screen: "library" })}>← Library</button>
        <ErrorNotice error={error} />
      </section>
    );
  }
  if (!code) return <section class="screen"><p role="status">Loading the code…</p></section>;

  const account = accountsById.get(code.account);
  const style = styles.find((s) => s.name === styleName) ?? null;

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    setError(null);
    const { changes, problems: p } = buildChanges(
      { name: code.name, destination: code.destination, status: code.status },
      { name, destination, status },
    );
    setProblems(p);
    if (p.name || p.destination) return;
    if (!changes) { setSaved("Nothing changed."); return; }
    try {
      const updated = await backend.editCode({ code: id, changes });
      setCode(updated);
      setOutbox(await backend.listOutbox({ account: null, code: id }));
      setSaved("Saved. The change waits in the outbox and is sent at the next sync.");
      bumpData();
    } catch (err) {
      setError(toAppError(err));
    }
  };

  const download = async (format: ExportFormat) => {
    setExported(null);
    try {
      const res = await backend.exportCode({ code: id, format, style: style?.name ?? null });
      if (res) setExported(res.path);
    } catch (err) {
      setError(toAppError(err));
    }
  };

  const countries = series?.breakdowns.filter((b) => b.kind === "country") ?? [];
  const devices = series?.breakdowns.filter((b) => b.kind === "device") ?? [];
  const today = isoDay(new Date());

  return (
    <section class="screen" aria-labelledby="code-title">
      <button type="button" class="btn btn-quiet back" onClick={() => navigate({ screen: "library" })}>← Library</button>
      <header class="screen-head code-head">
        <div>
          <h1 id="code-title">{displayName(code.name)}</h1>
          <p class="muted">
            {account ? `${account.label} · ${PROVIDER_NAMES[account.provider]}` : "Unknown account"} {account && <EnvBadge env={account.environment} />}{" "}
            <CodeStatusBadge status={code.status} />
          </p>
        </div>
      </header>

      <div class="detail-grid">
        <div class="card qr-card">
          {style ? (
            <CodeStylePreview style={style} content={code.content} label={`QR code for ${shortUrl(code.content)}`} />
          ) : (
            <QrPreview content={code.content} size={176} label={`QR code for ${shortUrl(code.content)}`} />
          )}
          <p class="mono small center">{shortUrl(code.content)}</p>
          <StyleSelect id="code-style" value={style ? style.name : null} styles={styles} onChange={(n) => { setStyleName(n); setExported(null); }}
            hint={styles.length === 0 ? "Make brand styles on the Styles page." : "Downloads use this style."} />
          <div class="btn-group" role="group" aria-label="Download this code">
            <button type="button" class="btn btn-small" onClick={() => download("svg")}>SVG</button>
            <button type="button" class="btn btn-small" onClick={() => download("png")}>PNG</button>
            <button type="button" class="btn btn-small" onClick={() => download("pdf")}>PDF</button>
          </div>
          {exported && <p class="small muted" role="status">Saved to {exported}</p>}
        </div>

        <form class="card edit-card" onSubmit={save} noValidate aria-labelledby="edit-title">
          <h2 id="edit-title">Edit</h2>
          <Field id="code-name" label="Name" error={problems.name}>
            <input id="code-name" type="text" value={name} maxLength={200} aria-invalid={!!problems.name}
              aria-describedby={describedBy("code-name", problems.name)} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field id="code-destination" label="Destination (where a scan leads)" error={problems.destination}
            hint="A web address starting with https://. The printed code does not change.">
            <input id="code-destination" type="url" value={destination} maxLength={DESTINATION_MAX + 100} spellcheck={false} autocomplete="off"
              aria-invalid={!!problems.destination} aria-describedby={describedBy("code-destination", problems.destination, "hint")}
              onInput={(e) => setDestination(e.currentTarget.value)} />
          </Field>
          <Field id="code-status" label="Status">
            <select id="code-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as CodeStatus)}>
              <option value="active">Active</option>
              <option value="paused">Paused</option>
              <option value="draft">Draft</option>
              <option value="archived">Archived</option>
            </select>
          </Field>
          <div class="form-actions">
            <button id="save-code" type="submit" class="btn btn-primary">Save change</button>
            <button type="button" class="btn btn-quiet" onClick={() => { setName(code.name); setDestination(code.destination); setStatus(code.status); setProblems({}); }}>
              Undo
            </button>
          </div>
          {saved && <SuccessNotice text={saved} />}
          <ErrorNotice error={error} onDismiss={() => setError(null)} />

          <h3>Waiting to be sent</h3>
          {outbox.length === 0 ? (
            <p class="muted small">Nothing: the service has every change made here.</p>
          ) : (
            <ul class="plain-list" id="code-outbox">
              {outbox.map((e) => (
                <li key={e.id}>
                  <OutboxBadge state={e.state} /> <span class="small">{describeChanges(e)}</span>
                  <span class="muted small"> · {formatRelative(e.updated_at)}</span>
                  {e.message && <p class="small muted">{e.message}</p>}
                </li>
              ))}
            </ul>
          )}
          {outbox.length > 0 && (
            <button type="button" class="btn btn-small" onClick={() => navigate({ screen: "sync" })}>Open the outbox</button>
          )}
        </form>
      </div>

      <section class="card analytics" aria-labelledby="analytics-title">
        <div class="card-head">
          <h2 id="analytics-title">Scans</h2>
          <div class="inline-fields">
            <div class="field">
              <label for="range">Range</label>
              <select id="range" value={range} onChange={(e) => setRange(Number(e.currentTarget.value))}>
                {RANGES.map((r) => <option key={r.days} value={r.days}>{r.label}</option>)}
                <option value={0}>Custom dates</option>
              </select>
            </div>
            {range === 0 && (
              <>
                <div class="field">
                  <label for="range-from">From</label>
                  <input id="range-from" type="date" value={custom.from} max={custom.to} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} />
                </div>
                <div class="field">
                  <label for="range-to">To</label>
                  <input id="range-to" type="date" value={custom.to} min={custom.from} max={today} onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })} />
                </div>
              </>
            )}
          </div>
        </div>
        <ErrorNotice error={analyticsError} />
        {series && (
          <>
            <p class="stat-line">
              <span><strong>{formatCount(series.total_scans)}</strong> scans</span>
              {series.unique_scans !== null && <span><strong>{formatCount(series.unique_scans)}</strong> unique</span>}
              <span class="muted small">Updated {formatDateTime(code.updated_at)}</span>
            </p>
            <DailyScansChart days={series.days} />
            <div class="breakdowns">
              <BreakdownChart title="By country" items={countries} />
              <BreakdownChart title="By device" items={devices} />
            </div>
          </>
        )}
      </section>
    </section>
  );
}
