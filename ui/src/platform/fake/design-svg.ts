// Draws one label with a label design in the fake, after Rust's design module: the code at the
// left, centre or top (sized, when the design does not say, to leave the fields beside or below it
// room), fields that follow the code stacked beside or below it, fixed boxes where they say, and
// each field's text shrunk, wrapped or both to fit its box, cut with "…" when it still does not.
// Text is measured roughly (an average advance per character), which is enough for a preview.

import { RULES } from "../../bindings/current-rules";
import { qrSvgGroup } from "../../logic/qr-matrix";
import type { DesignDraft, EcLevel, FieldDraft } from "../types";
import { escapeXml } from "./xml";

export type Box = { x: number; y: number; w: number; h: number };

/** Space kept clear around the label's edge (mm). */
const INSET = 1.5;
const MM_PER_PT = 25.4 / 72;
const LINE_HEIGHT = 1.2;
/** Average advance of a character, in em (bold a little wider). */
const CHAR_EM = 0.55;
const BESIDE_SHARE = 0.4;

const oneLine = (f: FieldDraft) => f.font_size * MM_PER_PT * LINE_HEIGHT;

/** The code's side with its quiet zone, as Rust sizes it when the design gives none. */
export function codeSize(d: DesignDraft, w: number, h: number): number {
  if (d.code_size_mm !== null) return d.code_size_mm;
  const plain = Math.max(0, Math.min(w, h) - 2 * INSET);
  const beside = d.fields.filter((f) => f.anchor === "right_of_code");
  const below = d.fields.filter((f) => f.anchor === "below_code");
  if (d.code_position === "left" && beside.length > 0) {
    const given = Math.max(0, ...beside.map((f) => f.width_mm ?? 0));
    const need = given > 0 ? given : BESIDE_SHARE * (w - 2 * INSET);
    return Math.max(0, Math.min(plain, w - 3 * INSET - need));
  }
  if (d.code_position === "top" && below.length > 0) {
    const band = below.reduce((sum, f) => sum + (f.height_mm ?? oneLine(f)), 0);
    return Math.max(0, Math.min(plain, h - 3 * INSET - band));
  }
  return plain;
}

/** The code and each field's box on a label at `rect` (`null`: no room left for that field). */
export function placeDesign(d: DesignDraft, rect: Box): { code: Box; boxes: (Box | null)[] } {
  const s = codeSize(d, rect.w, rect.h);
  const centre = (avail: number) => Math.max(0, (avail - s) / 2);
  const [cx, cy] = d.code_position === "left"
    ? [s + 2 * INSET <= rect.w ? INSET : centre(rect.w), centre(rect.h)]
    : d.code_position === "top"
      ? [centre(rect.w), s + 2 * INSET <= rect.h ? INSET : centre(rect.h)]
      : [centre(rect.w), centre(rect.h)];
  const code = { x: rect.x + cx, y: rect.y + cy, w: s, h: s };
  const beside = { x: code.x + s + INSET, y: rect.y + INSET, w: rect.x + rect.w - INSET - (code.x + s + INSET), h: rect.h - 2 * INSET };
  const below = { x: rect.x + INSET, y: code.y + s + INSET / 2, w: rect.w - 2 * INSET, h: rect.y + rect.h - INSET - (code.y + s + INSET / 2) };
  const boxes: (Box | null)[] = d.fields.map(() => null);
  for (const [region, anchor] of [[beside, "right_of_code"], [below, "below_code"]] as const) {
    const wanted = d.fields.map((f, i) => (f.anchor === anchor ? i : -1)).filter((i) => i !== -1);
    let y = region.y;
    wanted.forEach((i, k) => {
      const f = d.fields[i]!;
      const left = region.y + region.h - y;
      const fh = f.height_mm !== null ? Math.min(f.height_mm, left) : k + 1 === wanted.length ? left : Math.min(oneLine(f), left);
      const fw = f.width_mm !== null ? Math.min(f.width_mm, region.w) : region.w;
      if (fw > 1 && fh > 0.5) boxes[i] = { x: region.x, y, w: fw, h: fh };
      y += Math.max(0, fh);
    });
  }
  d.fields.forEach((f, i) => {
    if (f.anchor === "box") boxes[i] = { x: rect.x + (f.x_mm ?? 0), y: rect.y + (f.y_mm ?? 0), w: f.width_mm ?? 0, h: f.height_mm ?? 0 };
  });
  return { code, boxes };
}

const widthMm = (text: string, sizePt: number, bold: boolean) => [...text].length * CHAR_EM * sizePt * MM_PER_PT * (bold ? 1.07 : 1);

/** `text` cut to `w` mm with an ellipsis. */
function cut(text: string, w: number, size: number, bold: boolean): string {
  let t = [...text];
  while (t.length > 0 && widthMm(`${t.join("")}…`, size, bold) > w) t = t.slice(0, -1);
  return `${t.join("").trimEnd()}…`;
}

/** Words broken into lines no wider than `w` (a word wider than the box stays whole). */
function wrap(text: string, w: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((x) => x !== "")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && widthMm(next, size, bold) > w) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A field's text in its box: the size it ended at, its lines, and whether it was cut short. */
export function fitText(text: string, box: Box, f: FieldDraft): { size: number; lines: string[]; truncated: boolean } {
  const min = f.min_font_size ?? Math.min(RULES.design.default_min_font_pt, f.font_size);
  const rows = (size: number) => Math.max(1, Math.floor(box.h / (size * MM_PER_PT * LINE_HEIGHT)));
  const fits = (lines: string[], size: number) => lines.length <= rows(size) && lines.every((l) => widthMm(l, size, f.bold) <= box.w);
  if (f.fit === "shrink") {
    let size = f.font_size;
    while (size > min && widthMm(text, size, f.bold) > box.w) size = Math.max(min, size - 0.25);
    if (widthMm(text, size, f.bold) <= box.w) return { size, lines: [text], truncated: false };
    return { size, lines: [cut(text, box.w, size, f.bold)], truncated: true };
  }
  let size = f.font_size;
  if (f.fit === "shrink_wrap") {
    while (size > min && !fits(wrap(text, box.w, size, f.bold), size)) size = Math.max(min, size - 0.25);
  }
  const lines = wrap(text, box.w, size, f.bold);
  if (fits(lines, size)) return { size, lines, truncated: false };
  const kept = lines.slice(0, rows(size)).map((l) => (widthMm(l, size, f.bold) > box.w ? cut(l, box.w, size, f.bold) : l));
  const last = kept.length - 1;
  if (lines.length > kept.length) kept[last] = cut(`${kept[last]} …`, box.w, size, f.bold);
  return { size, lines: kept, truncated: true };
}

const ANCHOR = { left: "start", center: "middle", right: "end" } as const;

/**
 * One label: the code (`content`) and each field's text (`texts`, in the design's order).
 * `truncated` lists the fields cut short or left out (no room).
 */
export function designLabel(rect: Box, d: DesignDraft, content: string, texts: readonly string[], ink: { foreground: string; ec: EcLevel }): { svg: string; truncated: number[] } {
  const { code, boxes } = placeDesign(d, rect);
  let svg = code.w > 0 ? qrSvgGroup(content, code.x, code.y, code.w, ink.foreground, ink.ec) : "";
  const truncated: number[] = [];
  d.fields.forEach((f, i) => {
    const box = boxes[i];
    const text = texts[i] ?? "";
    if (!box) {
      if (text !== "") truncated.push(i);
      return;
    }
    if (text === "") return;
    const fitted = fitText(text, box, f);
    if (fitted.truncated) truncated.push(i);
    const sizeMm = fitted.size * MM_PER_PT;
    const x = f.align === "left" ? box.x : f.align === "center" ? box.x + box.w / 2 : box.x + box.w;
    fitted.lines.forEach((line, k) => {
      const y = box.y + sizeMm * 0.9 + k * sizeMm * LINE_HEIGHT;
      svg += `<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="${sizeMm}"${f.bold ? ' font-weight="bold"' : ""} text-anchor="${ANCHOR[f.align]}" fill="#222">${escapeXml(line)}</text>`;
    });
  });
  return { svg, truncated };
}
