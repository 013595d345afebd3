// Draws a brand style's proof in the fake, roughly as the Rust renderer does: the modules in the
// chosen shape, the three finder eyes (ring and centre), an optional centre logo over cleared
// modules, and the call-to-action frame. A standalone SVG, 1 unit = 1 mm, quiet zone included.

import { qrModules } from "../../logic/qr-matrix";
import type { LogoData, StyleDraft } from "../types";

/** The inks as `#rrggbb`; `light` is `null` for paper (nothing painted). */
export type StyleInks = { dark: string; light: string | null; finder: string; frame: string };

const QUIET = 4;
const RING_RX = { square: 0, rounded: 1.5, circle: 3 } as const;
const CENTER_RX = { square: 0, rounded: 0.8, circle: 1.5 } as const;
const MIME: Record<string, string> = { svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg" };

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);
}

function inFinder(x: number, y: number, n: number): boolean {
  return (x < 7 && y < 7) || (x >= n - 7 && y < 7) || (x < 7 && y >= n - 7);
}

/** One shape per dark module, or one bar per run for the bar shapes (module units). */
function modules(style: StyleDraft, data: boolean[][], n: number, keep: (x: number, y: number) => boolean): string {
  const dark = (x: number, y: number) => !!data[y]?.[x] && keep(x, y);
  let out = "";
  if (style.modules === "vertical" || style.modules === "horizontal") {
    const across = style.modules === "horizontal";
    for (let a = 0; a < n; a++) {
      let b = 0;
      while (b < n) {
        const at = (k: number) => (across ? dark(k, a) : dark(a, k));
        if (!at(b)) { b++; continue; }
        const start = b;
        while (b < n && at(b)) b++;
        const len = b - start;
        out += across
          ? `<rect x="${start + 0.05}" y="${a + 0.1}" width="${len - 0.1}" height="0.8" rx="0.4"/>`
          : `<rect x="${a + 0.1}" y="${start + 0.05}" width="0.8" height="${len - 0.1}" rx="0.4"/>`;
      }
    }
    return out;
  }
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!dark(x, y)) continue;
      switch (style.modules) {
        case "dots": out += `<circle cx="${x + 0.5}" cy="${y + 0.5}" r="0.45"/>`; break;
        case "diamond": out += `<path d="M${x + 0.5} ${y}l0.5 0.5l-0.5 0.5l-0.5 -0.5z"/>`; break;
        case "rounded": out += `<rect x="${x + 0.04}" y="${y + 0.04}" width="0.92" height="0.92" rx="0.3"/>`; break;
        default: out += `<path d="M${x} ${y}h1v1h-1z"/>`;
      }
    }
  }
  return out;
}

function finders(style: StyleDraft, n: number, fill: string): string {
  return [[0, 0], [n - 7, 0], [0, n - 7]]
    .map(([x, y]) =>
      `<rect x="${x! + 0.5}" y="${y! + 0.5}" width="6" height="6" rx="${RING_RX[style.finder]}" fill="none" stroke="${fill}" stroke-width="1"/>` +
      `<rect x="${x! + 2}" y="${y! + 2}" width="3" height="3" rx="${CENTER_RX[style.finder_center]}" fill="${fill}"/>`)
    .join("");
}

function logoImage(logo: LogoData, at: number, side: number): string {
  const ext = logo.file_name.slice(logo.file_name.lastIndexOf(".") + 1).toLowerCase();
  const mime = MIME[ext] ?? "image/png";
  return `<rect x="${at - 0.5}" y="${at - 0.5}" width="${side + 1}" height="${side + 1}" rx="0.8" fill="#fff"/>` +
    `<image x="${at}" y="${at}" width="${side}" height="${side}" preserveAspectRatio="xMidYMid meet" href="data:${mime};base64,${logo.data_base64}"/>`;
}

export function styleSvg(style: StyleDraft, inks: StyleInks, payload: string, sizeMm: number, ec: "M" | "H"): string {
  const { size: n, data } = qrModules(payload, ec);
  const unit = sizeMm / (n + 2 * QUIET);
  // The logo covers `logo_size` of the symbol's side (quiet zone excluded), centred.
  const side = style.logo ? Math.max(1, Math.min(style.logo_size, 0.45) * n) : 0;
  const at = (n - side) / 2;
  const clear = (x: number, y: number) => !(style.logo && x + 1 > at - 0.5 && x < at + side + 0.5 && y + 1 > at - 0.5 && y < at + side + 0.5);
  const band = style.frame ? sizeMm * 0.2 : 0;
  const top = style.frame && style.frame_position === "top" ? band : 0;
  const height = sizeMm + band;

  let body = "";
  if (inks.light) body += `<rect x="0" y="${top}" width="${sizeMm}" height="${sizeMm}" fill="${inks.light}"/>`;
  body += `<g transform="translate(0 ${top}) scale(${unit}) translate(${QUIET} ${QUIET})">`;
  body += `<g fill="${inks.dark}">${modules(style, data, n, (x, y) => !inFinder(x, y, n) && clear(x, y))}</g>`;
  body += finders(style, n, inks.finder);
  if (style.logo) body += logoImage(style.logo, at, side);
  body += "</g>";
  if (style.frame) {
    const y = style.frame_position === "top" ? 0 : sizeMm;
    body += `<rect x="0.4" y="0.4" width="${sizeMm - 0.8}" height="${height - 0.8}" rx="2" fill="none" stroke="${inks.frame}" stroke-width="0.8"/>`;
    body += `<rect x="0" y="${y}" width="${sizeMm}" height="${band}" rx="2" fill="${inks.frame}"/>`;
    const font = band * 0.45;
    // Long texts are squeezed to the frame's width, as the renderer does.
    const fit = [...style.frame].length * font * 0.6 > sizeMm - 2 ? ` textLength="${sizeMm - 2}" lengthAdjust="spacingAndGlyphs"` : "";
    body += `<text x="${sizeMm / 2}" y="${y + band * 0.64}" font-family="sans-serif" font-weight="700" font-size="${font}" text-anchor="middle" fill="#fff"${fit}>${escapeXml(style.frame)}</text>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${sizeMm} ${height}" width="${sizeMm}mm" height="${height}mm">${body}</svg>`;
}
