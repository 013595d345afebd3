// The saved brand styles as the Style pickers need them (listed once per screen).

import { useEffect, useState } from "preact/hooks";
import type { Backend } from "../platform/backend";
import type { StyleDraft } from "../platform/types";

/**
 * The saved brand styles, for the Style pickers of Print and a code. When they cannot be listed,
 * the picker offers Plain only: printing and exporting plain codes must keep working.
 */
export function useStyles(backend: Backend): StyleDraft[] {
  const [styles, setStyles] = useState<StyleDraft[]>([]);
  useEffect(() => {
    let live = true;
    backend.listStyles().then((s) => { if (live) setStyles(s); }, () => undefined);
    return () => { live = false; };
  }, [backend]);
  return styles;
}
