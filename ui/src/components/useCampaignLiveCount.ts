// While "Create and print" (or Try again) runs, how far the service has got: the campaign's
// confirmed codes out of its good rows, read from the library every second (Rust records each
// code as the service confirms it). The campaign is the one that appears while the job runs,
// or the one being carried on.

import { useEffect, useState } from "preact/hooks";
import type { Backend } from "../platform/backend";

export type LiveCount = { created: number; total: number };

/** The live count of the campaign `id` (or of the one made while `running`), else null. */
export function useCampaignLiveCount(backend: Backend, running: boolean, id: number | null): LiveCount | null {
  const [count, setCount] = useState<LiveCount | null>(null);
  useEffect(() => {
    if (!running) {
      setCount(null);
      return;
    }
    let stopped = false;
    let known: Set<number> | null = null;
    const tick = async () => {
      try {
        const all = await backend.listCampaigns();
        if (stopped) return;
        if (known === null) known = new Set(id === null ? all.map((c) => c.id) : []);
        const seen = known;
        const c = all.find((x) => (id !== null ? x.id === id : !seen.has(x.id)));
        if (c) setCount({ created: c.codes, total: c.codes + c.waiting });
      } catch {
        // The count is a nicety: the job's own answer says how it went.
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [backend, running, id]);
  return count;
}
