// Draws page 1 of a label sheet as an SVG data URL, as the Rust side's print preview does: label
// outlines (ellipses for round and oval labels), each QR code with its background, caption (or a
// label design's fields, design-svg.ts) and crop marks, in millimetres.

import { labelRects } from "../../logic/print-options";
import { qrSvgGroup } from "../../logic/qr-matrix";
import type { DesignDraft, PrintSettings, SheetLayout } from "../types";
import { designLabel } from "./design-svg";
import { escapeXml } from "./xml";

/** One label's content: what the QR code encodes, the text under it, and a design's field texts. */
export type LabelItem = { content: string; caption: string; texts?: readonly string[] };

/**
 * `items[0]` goes on label `options.start_at` (earlier labels were used on a previous run). With
 * a `design`, each label is drawn by it (no caption); the fields cut short are added to
 * `truncated` as `{ label, field }` (both from 1).
 */
export function sheetImage(layout: SheetLayout, o: PrintSettings, items: readonly LabelItem[], design: DesignDraft | null = null,
  truncated: { label: number; field: number }[] = []): string {
  const skip = o.start_at - 1;
  let body = "";
  labelRects(layout).forEach((rect, i) => {
    const item = i >= skip ? items[i - skip] : undefined;
    const outline = 'fill="none" stroke="#c8ccd4" stroke-width="0.2"';
    body += layout.shape === "rectangle"
      ? `<rect x="${rect.x}" y="${rect.y}" width="${rect.w}" height="${rect.h}" rx="1.5" ${outline}/>`
      : `<ellipse cx="${rect.x + rect.w / 2}" cy="${rect.y + rect.h / 2}" rx="${rect.w / 2}" ry="${rect.h / 2}" ${outline}/>`;
    if (!item) return;
    if (design) {
      const shifted = { x: rect.x + o.offset_x_mm, y: rect.y + o.offset_y_mm, w: rect.w, h: rect.h };
      const drawn = designLabel(shifted, design, item.content, item.texts ?? [], o);
      body += drawn.svg;
      for (const f of drawn.truncated) truncated.push({ label: i - skip + 1, field: f + 1 });
      if (o.crop_marks) body += cropMarks(rect);
      return;
    }
    const captionH = o.caption === "none" ? 0 : 4;
    const size = Math.min(o.size_mm, rect.h - captionH - 1, rect.w - 1);
    const x = rect.x + (rect.w - size) / 2 + o.offset_x_mm;
    const y = rect.y + (rect.h - size - captionH) / 2 + o.offset_y_mm;
    if (o.background.toLowerCase() !== "#ffffff") body += `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${o.background}"/>`;
    body += qrSvgGroup(item.content, x, y, size, o.foreground, o.ec);
    if (captionH > 0 && item.caption) {
      body += `<text x="${rect.x + rect.w / 2}" y="${y + size + 3}" font-family="sans-serif" font-size="2.6" text-anchor="middle" fill="#222">${escapeXml(item.caption.slice(0, 40))}</text>`;
    }
    if (o.crop_marks) body += cropMarks(rect);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.page_width_mm} ${layout.page_height_mm}" width="${layout.page_width_mm * 3}" height="${layout.page_height_mm * 3}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
  return `data:image/svg+xml;base64,${base64(svg)}`;
}

function cropMarks(rect: { x: number; y: number; w: number }): string {
  const m = 2;
  return `<path stroke="#000" stroke-width="0.15" d="M${rect.x - m - 1} ${rect.y}h${m}M${rect.x} ${rect.y - m - 1}v${m}M${rect.x + rect.w + 1} ${rect.y}h${m}M${rect.x + rect.w} ${rect.y - m - 1}v${m}"/>`;
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
