// Chooses the backend at start: the Tauri window injects `window.__TAURI_INTERNALS__`; a plain
// browser (`npm run dev`, screenshots) gets the in-memory FakeBackend.

import type { Backend } from "./backend";
import { createTauriBackend } from "./tauri-backend";
import { FakeBackend } from "./fake-backend";

export function insideTauri(win: Window = window): boolean {
  return "__TAURI_INTERNALS__" in win;
}

export function selectBackend(win: Window = window): Backend {
  if (insideTauri(win)) return createTauriBackend();
  const params = new URLSearchParams(win.location.search);
  const count = Number(params.get("codes") ?? "100000");
  return new FakeBackend({
    seeded: params.get("seed") === "1",
    codeCount: Number.isFinite(count) && count >= 0 ? Math.min(count, 200_000) : 100_000,
    offline: params.get("offline") === "1",
  });
}
