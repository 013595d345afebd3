// Whether PDFs can go straight to a printer (the Print… buttons), asked once a visit.

import { useEffect, useState } from "preact/hooks";
import type { Backend } from "../platform/backend";
import type { PrinterList } from "../platform/types";

/**
 * The printers CUPS offers, `null` until known. When they cannot be listed, the answer says
 * printing is unavailable, so the Print… buttons stay hidden and saving PDFs keeps working.
 */
export function usePrinterList(backend: Backend): PrinterList | null {
  const [list, setList] = useState<PrinterList | null>(null);
  useEffect(() => {
    let live = true;
    backend.listPrinters().then(
      (l) => { if (live) setList(l); },
      () => { if (live) setList({ printers: [], unavailable: "QR Desk could not ask the printing system for its printers. Open the PDF and print it from there." }); },
    );
    return () => { live = false; };
  }, [backend]);
  return list;
}
