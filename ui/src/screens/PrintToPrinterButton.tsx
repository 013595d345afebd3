// "Print…" next to a written PDF: opens the Print… dialog. Hidden while the printers are being
// asked for and when there is no printing system (the page then says why where a hint fits).

import type { PrinterList } from "../platform/types";

export function PrintToPrinterButton({ id, printers, label, onSend }: {
  id: string;
  printers: PrinterList | null;
  /** The accessible name, when the visible "Print…" needs saying what it prints. */
  label?: string | undefined;
  onSend: (opener: HTMLElement) => void;
}) {
  if (printers === null || printers.unavailable !== null) return null;
  return (
    <button id={id} type="button" class="btn btn-small" aria-haspopup="dialog" aria-label={label} onClick={(e) => onSend(e.currentTarget)}>
      Print…
    </button>
  );
}
