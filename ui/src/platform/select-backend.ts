// Chooses the backend at start: the Tauri window injects `window.__TAURI_INTERNALS__`; a plain
// browser (`npm run dev`) and the tests get the in-memory FakeBackend (`./fake/`).
//
// The fake is loaded with `import()` and only when `import.meta.env.PROD` is false. `vite build`
// (ui/dist, what Tauri embeds) replaces that with `true`, so the import is dead code there and
// the fake's chunk is never emitted; scripts/check-dist.mjs fails the build if it is.

import type { Backend } from "./backend";
import { createTauriBackend } from "./tauri-backend";

export function insideTauri(win: Window = window): boolean {
  return "__TAURI_INTERNALS__" in win;
}

export async function selectBackend(win: Window = window): Promise<Backend> {
  if (insideTauri(win)) return createTauriBackend();
  if (import.meta.env.PROD) throw new Error("The production build only runs inside the QR Desk window.");
  const { FakeBackend, fakeOptionsFromSearch } = await import("./fake/index");
  return new FakeBackend(fakeOptionsFromSearch(win.location.search));
}
