// QR previews drawn in the webview from a code's `content` (what the printed pattern encodes).
// The matrix comes from `uqr`; it is turned into one SVG path of horizontal runs, cached by
// content so scrolling the library re-encodes nothing it has shown recently.

import { encode } from "uqr";

export type QrPath = { size: number; d: string };

const CACHE_MAX = 600;
const cache = new Map<string, QrPath>();

export function qrPath(content: string, ecc: "L" | "M" | "Q" | "H" = "M"): QrPath {
  const key = `${ecc}:${content}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const { size, data } = encode(content, { ecc, border: 1 });
  let d = "";
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    let x = 0;
    while (x < size) {
      if (!row[x]) { x++; continue; }
      const start = x;
      while (x < size && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  const result = { size, d };
  cache.set(key, result);
  if (cache.size > CACHE_MAX) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

/** The module matrix itself, without a quiet zone (`data[y][x]` is dark), for styled drawings. */
export function qrModules(content: string, ecc: "L" | "M" | "Q" | "H" = "M"): { size: number; data: boolean[][] } {
  const { size, data } = encode(content, { ecc, border: 0 });
  return { size, data };
}

/** A standalone SVG document (used by the FakeBackend's print preview). */
export function qrSvgGroup(content: string, x: number, y: number, sizeMm: number, fg: string, ecc: "L" | "M" | "Q" | "H"): string {
  const p = qrPath(content, ecc);
  const scale = sizeMm / p.size;
  return `<g transform="translate(${x} ${y}) scale(${scale})"><path fill="${fg}" d="${p.d}"/></g>`;
}
