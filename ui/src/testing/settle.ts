// Test tooling, never imported by the app: let Preact and the in-memory backend's promises run,
// and wait for something to show up on the page.
import { act } from "preact/test-utils";

/** Runs `rounds` turns of timers and effects, `ms` apart. */
export async function settle(ms = 0, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, ms));
    });
  }
}

/** Waits until `ok()` holds, failing with `what` after `tries` short turns. */
export async function until(what: string, ok: () => boolean, tries = 60): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (ok()) return;
    await settle(10, 1);
  }
  throw new Error(`timed out waiting for ${what}`);
}
