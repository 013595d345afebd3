import type { Breakdown } from "../bindings/Breakdown";
import type { DailyScans } from "../bindings/DailyScans";
import { formatCount, formatDate } from "../logic/format";

/** A round upper bound for the y axis (1, 2, 5 × 10^n). */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * p >= value) return m * p;
  return 10 * p;
}

/** Daily scans as bars (hand-written SVG: no chart library). */
export function DailyScansChart({ days }: { days: DailyScans[] }) {
  const W = 640;
  const H = 200;
  const left = 40;
  const bottom = 22;
  const top = 8;
  const max = niceMax(Math.max(0, ...days.map((d) => d.scans)));
  const plotW = W - left - 8;
  const plotH = H - top - bottom;
  const bw = days.length > 0 ? plotW / days.length : plotW;
  const gap = bw > 4 ? Math.min(2, bw * 0.2) : 0;
  const total = days.reduce((s, d) => s + d.scans, 0);
  const ticks = [0, max / 2, max];
  const labelIdx = days.length <= 1 ? [0] : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Daily scans: ${formatCount(total)} scans over ${days.length} days`}>
      {ticks.map((t) => {
        const y = top + plotH - (t / max) * plotH;
        return (
          <g key={t}>
            <line class="chart-grid" x1={left} x2={W - 8} y1={y} y2={y} />
            <text class="chart-axis" x={left - 6} y={y + 4} text-anchor="end">{formatCount(t)}</text>
          </g>
        );
      })}
      {days.map((d, i) => {
        const h = (d.scans / max) * plotH;
        return (
          <rect key={d.date} class="chart-bar" x={left + i * bw + gap / 2} y={top + plotH - h} width={Math.max(0.5, bw - gap)} height={h}>
            <title>{`${formatDate(d.date)}: ${formatCount(d.scans)} scans`}</title>
          </rect>
        );
      })}
      {days.length > 0 && labelIdx.map((i, k) => (
        <text key={i} class="chart-axis" x={left + i * bw + bw / 2} y={H - 6} text-anchor={k === 0 ? "start" : k === labelIdx.length - 1 ? "end" : "middle"}>
          {formatDate(days[i]!.date)}
        </text>
      ))}
    </svg>
  );
}

/** A breakdown (country, device…) as labelled horizontal bars. */
export function BreakdownChart({ title, items }: { title: string; items: Breakdown[] }) {
  const max = Math.max(1, ...items.map((b) => b.scans));
  const total = items.reduce((s, b) => s + b.scans, 0);
  const sorted = [...items].sort((a, b) => b.scans - a.scans);
  return (
    <figure class="breakdown">
      <figcaption>{title}</figcaption>
      {sorted.length === 0 ? (
        <p class="muted">No scans in this range.</p>
      ) : (
        <ul>
          {sorted.map((b) => (
            <li key={b.label}>
              <span class="breakdown-label" title={b.label}>{b.label}</span>
              <span class="breakdown-track" aria-hidden="true">
                <span class="breakdown-fill" style={{ width: `${(b.scans / max) * 100}%` }} />
              </span>
              <span class="breakdown-value">
                {formatCount(b.scans)} <span class="muted">({total > 0 ? Math.round((b.scans / total) * 100) : 0}%)</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
