// Draws page 1 of a label sheet as an SVG data URL, as the Rust side's print preview does: label
// outlines (ellipses for round and oval labels), each QR code with its background, caption and
// crop marks, in millimetres.

import { labelRects } from "../../logic/print-options";
import { qrSvgGroup } from "../../logic/qr-matrix";
import type { PrintSettings, SheetLayout } from "../types";

/** One label's content: what the QR code encodes and the text under it. */
export type LabelItem = { content: string; caption: string };

/** `items[0]` goes on label `options.start_at` (earlier labels were used on a previous run). */
export function sheetImage(layout: SheetLayout, o: PrintSettings, items: readonly LabelItem[]): string {
  const skip = o.start_at - 1;
  let body = "";
  labelRects(layout).forEach((rect, i) => {
    const item = i >= skip ? items[i - skip] : undefined;
    const outline = 'fill="none" stroke="#c8ccd4" stroke-width="0.2"';
    body += layout.shape === "rectangle"
      ? `<rect x="${rect.x}" y="${rect.y}" width="${rect.w}" height="${rect.h}" rx="1.5" ${outline}/>`
      : `<ellipse cx="${rect.x + rect.w / 2}" cy="${rect.y + rect.h / 2}" rx="${rect.w / 2}" ry="${rect.h / 2}" ${outline}/>`;
    if (!item) return;
    const captionH = o.caption === "none" ? 0 : 4;
    const size = Math.min(o.size_mm, rect.h - captionH - 1, rect.w - 1);
    const x = rect.x + (rect.w - size) / 2 + o.offset_x_mm;
    const y = rect.y + (rect.h - size - captionH) / 2 + o.offset_y_mm;
    if (o.background.toLowerCase() !== "#ffffff") body += `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${o.background}"/>`;
    body += qrSvgGroup(item.content, x, y, size, o.foreground, o.ec);
    if (captionH > 0 && item.caption) {
      body += `<text x="${rect.x + rect.w / 2}" y="${y + size + 3}" font-family="sans-serif" font-size="2.6" text-anchor="middle" fill="#222">${escapeXml(item.caption.slice(0, 40))}</text>`;
    }
    if (o.crop_marks) {
      const m = 2;
      body += `<path stroke="#000" stroke-width="0.15" d="M${rect.x - m - 1} ${rect.y}h${m}M${rect.x} ${rect.y - m - 1}v${m}M${rect.x + rect.w + 1} ${rect.y}h${m}M${rect.x + rect.w} ${rect.y - m - 1}v${m}"/>`;
    }
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.page_width_mm} ${layout.page_height_mm}" width="${layout.page_width_mm * 3}" height="${layout.page_height_mm * 3}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
  return `data:image/svg+xml;base64,${base64(svg)}`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
