// The Styles page's rules: a new style's defaults (from Rust's `RULES.style`), the checks that run
// before Save (each a sentence for its field), the logo size as the percentage the form shows,
// reading a picked logo file into base64, and the guard that lets only the latest preview answer
// through. What a colour may be, and whether a style scans, is Rust's to say (the live proof).

import { RULES } from "../bindings/current-rules";
import type { FinderShape, FramePosition, LogoData, ModuleShape, StyleDraft, StylePreviewRequest } from "../platform/types";

const LIMITS = RULES.style;

/** The printed size the live proof is drawn and decoded at (mm, quiet zone included). */
export const PREVIEW_SIZE_MM = 30;
/** What the logo picker offers (the extension says SVG, PNG or JPEG to Rust). */
export const LOGO_ACCEPT = ".svg,.png,.jpg,.jpeg,image/svg+xml,image/png,image/jpeg";
const LOGO_EXTENSIONS = ["svg", "png", "jpg", "jpeg"];

export const MODULE_SHAPES: readonly { value: ModuleShape; label: string }[] = [
  { value: "square", label: "Squares" },
  { value: "rounded", label: "Rounded squares" },
  { value: "dots", label: "Dots" },
  { value: "diamond", label: "Diamonds" },
  { value: "vertical", label: "Vertical bars" },
  { value: "horizontal", label: "Horizontal bars" },
];

export const FINDER_SHAPES: readonly { value: FinderShape; label: string }[] = [
  { value: "square", label: "Square" },
  { value: "rounded", label: "Rounded" },
  { value: "circle", label: "Circle" },
];

export const FRAME_POSITIONS: readonly { value: FramePosition; label: string }[] = [
  { value: "bottom", label: "Below the code" },
  { value: "top", label: "Above the code" },
];

/** Logo side as a percentage of the symbol's side (one decimal), as the form shows it. */
export function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** The form's percentage as the fraction Rust keeps (`NaN` stays `NaN`: an empty field). */
export function percentToFraction(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}

export const MAX_LOGO_PERCENT = fractionToPercent(LIMITS.max_logo_fraction);

/** A new style: black on paper, square modules and eyes, no logo, no frame. */
export function newStyle(): StyleDraft {
  return {
    name: "",
    dark: "k",
    light: "paper",
    modules: "square",
    finder: "square",
    finder_center: "square",
    finder_color: null,
    logo: null,
    logo_size: LIMITS.default_logo_fraction,
    frame: null,
    frame_position: "bottom",
    frame_color: "k",
  };
}

export type StyleField = "name" | "dark" | "light" | "logo_size" | "frame" | "frame_color";
export type StyleProblems = Partial<Record<StyleField, string>>;

/** Characters as Rust counts them (Unicode scalar values, not UTF-16 units). */
function chars(text: string): number {
  return [...text].length;
}

/**
 * What would stop Save, per field. `others` are the names of the saved styles other than the one
 * being edited: saving under one of them would silently replace it.
 */
export function validateStyle(draft: StyleDraft, others: readonly string[] = []): StyleProblems {
  const p: StyleProblems = {};
  const name = draft.name.trim();
  if (name === "") p.name = "Give the style a name.";
  else if (chars(name) > LIMITS.max_name_chars) p.name = `A style's name has at most ${LIMITS.max_name_chars} characters.`;
  else if (others.includes(name)) p.name = `Another style is already called “${name}”. Choose another name.`;
  if (draft.dark.trim() === "") p.dark = "Give the dark colour, for example k.";
  if (draft.light.trim() === "") p.light = "Give the light colour, or paper for no ink.";
  if (draft.frame_color.trim() === "") p.frame_color = "Give the frame's colour, for example k.";
  if (!Number.isFinite(draft.logo_size) || draft.logo_size <= 0) {
    p.logo_size = `The logo size is a percentage of the code's side, above 0 and at most ${MAX_LOGO_PERCENT} %.`;
  } else if (draft.logo_size > LIMITS.max_logo_fraction) {
    p.logo_size = `A logo may cover at most ${MAX_LOGO_PERCENT} % of the code's side; a larger one stops it from scanning.`;
  }
  if (draft.frame !== null && chars(draft.frame) > LIMITS.max_frame_chars) {
    p.frame = `The frame text has at most ${LIMITS.max_frame_chars} characters.`;
  }
  return p;
}

export function hasStyleProblems(p: StyleProblems): boolean {
  return Object.keys(p).length > 0;
}

/** The draft as it is sent: trimmed text; an empty frame or finder colour means none. */
export function cleanStyle(draft: StyleDraft): StyleDraft {
  const frame = draft.frame?.trim() ?? "";
  const finder = draft.finder_color?.trim() ?? "";
  return {
    ...draft,
    name: draft.name.trim(),
    dark: draft.dark.trim(),
    light: draft.light.trim(),
    finder_color: finder === "" ? null : finder,
    frame: frame === "" ? null : frame,
    frame_color: draft.frame_color.trim(),
  };
}

/**
 * The live proof's request. The drawing does not depend on the name, and a new style may not have
 * one yet, so an empty name is sent as "Untitled style".
 */
export function previewRequest(draft: StyleDraft, payload: string | null = null): StylePreviewRequest {
  const style = cleanStyle(draft);
  return { style: { ...style, name: style.name === "" ? "Untitled style" : style.name }, payload, size_mm: PREVIEW_SIZE_MM };
}

/** A ratio as the page writes it: one decimal at most (`12.3`, `3`, `21`). */
export function formatRatio(ratio: number): string {
  return String(Math.round(ratio * 10) / 10);
}

/** "Contrast 12.3:1, at least 3:1 needed" (the minimum is Rust's, `RULES.print.min_contrast`). */
export function contrastLine(contrast: number): string {
  return `Contrast ${formatRatio(contrast)}:1, at least ${formatRatio(RULES.print.min_contrast)}:1 needed`;
}

/** Decimal units, as file managers show sizes: "640 bytes", "12 KB", "2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${Math.round(bytes / 100_000) / 10} MB`;
}

/** Why a picked logo file cannot be used, or `null`: its type (by extension) and its size. */
export function logoFileProblem(file: { name: string; size: number }): string | null {
  const ext = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".") + 1).toLowerCase() : "";
  if (!LOGO_EXTENSIONS.includes(ext)) return `“${file.name}” is not an SVG, PNG or JPEG file. Choose a logo in one of those formats.`;
  if (file.size > LIMITS.max_logo_bytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; a logo file can be at most ${formatBytes(LIMITS.max_logo_bytes)}. Choose a smaller file (an SVG is usually smallest).`;
  }
  return null;
}

/** How big a logo kept as base64 is, in bytes. */
export function logoBytes(logo: LogoData): number {
  const b64 = logo.data_base64;
  const padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((b64.length * 3) / 4) - padding);
}

/** A file's bytes as base64 (FileReader's data URL without its `data:…;base64,` head). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      const comma = url.indexOf(",");
      resolve(comma === -1 ? "" : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

export async function readLogo(file: File): Promise<LogoData> {
  return { file_name: file.name, data_base64: await readBase64(file) };
}

/**
 * Only the latest request's answer may be shown: `begin()` starts a request and returns a check
 * that stays true until the next `begin()` or `cancel()` (the screen closed).
 */
export function latestOnly(): { begin: () => () => boolean; cancel: () => void } {
  let seq = 0;
  return {
    begin() {
      const mine = ++seq;
      return () => mine === seq;
    },
    cancel() {
      seq += 1;
    },
  };
}
