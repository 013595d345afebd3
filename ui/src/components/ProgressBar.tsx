export function ProgressBar({ done, total, label }: { done: number; total: number | null; label: string }) {
  const pct = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <progress class="progress" max={100} value={pct ?? undefined} aria-label={label}>
      {pct === null ? "" : `${pct}%`}
    </progress>
  );
}
