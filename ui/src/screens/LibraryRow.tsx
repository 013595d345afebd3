import { memo } from "preact/compat";
import type { Account } from "../bindings/Account";
import { CodeStatusBadge, EnvBadge, OutboxBadge } from "../components/Badge";
import { QrPreview } from "../components/QrPreview";
import { codeRowDescription, codeRowName } from "../logic/a11y-names";
import { displayName, formatCount, shortUrl } from "../logic/format";
import type { CodeRow } from "../platform/types";

/**
 * One row of the library list. The option (what the list's keyboard moves between, and what a
 * screen reader announces) is the code's name only; everything else in the row is its
 * description (aria-describedby), drawn for the eye but hidden from the accessibility tree so it
 * is not read twice. Nothing inside takes focus (the list handles the keyboard), so the selection
 * box is drawn, not an <input>. Text cut to fit carries its full value as a title.
 *
 * Memoised: a render of the library (a keystroke, a selection) skips the rows whose code, state
 * and account are unchanged, so `onOpen`/`onToggle` take the row's index and should be stable.
 */
export const LibraryRow = memo(function LibraryRow({ index, row, active, selected, account, onOpen, onToggle }: {
  index: number;
  row: CodeRow;
  active: boolean;
  selected: boolean;
  account: Account | undefined;
  onOpen: (index: number) => void;
  onToggle: (index: number) => void;
}) {
  const name = codeRowName(row);
  const short = shortUrl(row.content);
  return (
    <div id={`row-${index}`} role="none" data-code-id={row.id} class={`row${active ? " row-active" : ""}${selected ? " row-selected" : ""}`} onClick={() => onOpen(index)}>
      <span class="col-check" aria-hidden="true" title={selected ? "Unselect" : "Select"} onClick={(e) => { e.stopPropagation(); onToggle(index); }}>
        <span class={selected ? "tick tick-on" : "tick"} />
      </span>
      <span class="col-qr" aria-hidden="true"><QrPreview content={row.content} size={40} deferred /></span>
      <span class="col-main">
        <span class="row-title">
          <span id={optionId(index)} role="option" aria-selected={selected} aria-describedby={`row-${index}-desc`}
            class={row.name.trim() === "" ? "row-name muted" : "row-name"} title={name}>{name}</span>
          {row.outbox_state && <span aria-hidden="true"><OutboxBadge state={row.outbox_state} /></span>}
        </span>
        <span class="row-dest" aria-hidden="true" title={row.destination}>{row.destination}</span>
      </span>
      <span class="col-short mono" aria-hidden="true" title={row.content}>{short}</span>
      <span class="col-account" aria-hidden="true">
        <span class="row-account" title={account?.label}>{account?.label ?? "—"}</span>
        {account && <EnvBadge env={account.environment} />}
      </span>
      <span class="col-status" aria-hidden="true"><CodeStatusBadge status={row.status} /></span>
      <span class="col-scans num" aria-hidden="true"
        title={row.scans_window_days !== null && row.scans_total !== null ? `${formatCount(row.scans_total)} scans in the last ${row.scans_window_days} days` : undefined}>
        {formatCount(row.scans_total)}{row.scans_window_days !== null && row.scans_total !== null ? <span class="scans-window"> ({row.scans_window_days} d)</span> : null}
      </span>
      <span id={`row-${index}-desc`} class="sr-only">{codeRowDescription(row, account)}</span>
    </div>
  );
});

/** The id of row `index`'s option (the list's aria-activedescendant). */
export function optionId(index: number): string {
  return `row-${index}-option`;
}

export function LoadingRow({ index }: { index: number }) {
  return (
    <div id={`row-${index}`} class="row row-loading" role="none">
      <span id={optionId(index)} class="skeleton" role="option" aria-selected="false"><span class="sr-only">Loading</span></span>
    </div>
  );
}

/** The active row in full, under the list while it has keyboard focus (rows cut long text). */
export function RowPeek({ row }: { row: CodeRow | undefined }) {
  if (!row) return <p class="row-peek" aria-hidden="true" />;
  return (
    <p class="row-peek" aria-hidden="true">
      <strong>{displayName(row.name)}</strong> · {row.destination} · <span class="mono">{shortUrl(row.content)}</span>
    </p>
  );
}
