// The saved label designs as the Print page's Label design picker needs them (listed once a visit).

import { useEffect, useState } from "preact/hooks";
import type { Backend } from "../platform/backend";
import type { DesignDraft } from "../platform/types";

/**
 * The saved label designs. When they cannot be listed, the picker offers None only: printing
 * with a caption must keep working.
 */
export function useDesigns(backend: Backend): DesignDraft[] {
  const [designs, setDesigns] = useState<DesignDraft[]>([]);
  useEffect(() => {
    let live = true;
    backend.listDesigns().then((d) => { if (live) setDesigns(d); }, () => undefined);
    return () => { live = false; };
  }, [backend]);
  return designs;
}
