// Encodes library previews off the critical path: a search or a scroll draws its rows (names,
// links, badges) at once, and the QR thumbnails follow in small time slices, so typing never
// waits for ~30 QR encodes. Results land in qr-matrix's cache; `peekQr` reads it without work.

import { qrPath, type QrPath } from "./qr-matrix";

/** Milliseconds of encoding per slice before yielding to the browser (a frame is ~16 ms). */
export const SLICE_MS = 8;

type Waiter = { content: string; done: () => void };

const failed = new Set<string>();
const ready = new Map<string, QrPath>();
const READY_MAX = 600;
let queue: Waiter[] = [];
let scheduled = false;

/** The preview of `content` if it is already encoded, `"error"` if it cannot be, else null. */
export function peekQr(content: string): QrPath | "error" | null {
  if (failed.has(content)) return "error";
  return ready.get(content) ?? null;
}

/** Asks for `content` to be encoded soon; `done` runs once it is (or failed). Returns a cancel. */
export function requestQr(content: string, done: () => void, schedule: (run: () => void) => void = defaultSchedule): () => void {
  const waiter = { content, done };
  queue.push(waiter);
  if (!scheduled) {
    scheduled = true;
    schedule(() => runSlice(schedule));
  }
  return () => {
    queue = queue.filter((w) => w !== waiter);
  };
}

function runSlice(schedule: (run: () => void) => void, now: () => number = () => performance.now()): void {
  const start = now();
  while (queue.length > 0 && now() - start < SLICE_MS) {
    const waiter = queue.shift()!;
    encodeOnce(waiter.content);
    waiter.done();
  }
  if (queue.length > 0) schedule(() => runSlice(schedule, now));
  else scheduled = false;
}

function encodeOnce(content: string): void {
  if (ready.has(content) || failed.has(content)) return;
  try {
    ready.set(content, qrPath(content));
    if (ready.size > READY_MAX) {
      const oldest = ready.keys().next().value;
      if (oldest !== undefined) ready.delete(oldest);
    }
  } catch {
    failed.add(content);
  }
}

function defaultSchedule(run: () => void): void {
  // After the next paint, so rows that just arrived are on screen before any encoding starts.
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}
