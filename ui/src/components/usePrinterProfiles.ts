// The saved printer profiles as the Print page's picker needs them (listed once per visit).

import { useEffect, useState } from "preact/hooks";
import type { Backend } from "../platform/backend";
import type { PrinterProfile } from "../platform/types";

/**
 * The saved printer profiles. When they cannot be listed, the picker offers None only: printing
 * with the two shifts must keep working.
 */
export function usePrinterProfiles(backend: Backend): PrinterProfile[] {
  const [profiles, setProfiles] = useState<PrinterProfile[]>([]);
  useEffect(() => {
    let live = true;
    backend.listPrinterProfiles().then((p) => { if (live) setProfiles(p); }, () => undefined);
    return () => { live = false; };
  }, [backend]);
  return profiles;
}
