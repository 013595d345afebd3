// Inks in the fake, read as the Rust print engine reads them (qrdesk-print's `ink.rs`): `k`,
// `rgb:#rrggbb` or `rgb:R,G,B`, `cmyk:C,M,Y,K` (percent, or fractions when all ≤ 1),
// `spot:NAME` (100 % K look) or `spot:NAME:C,M,Y,K`, and `paper` (no ink) where a light colour may
// be. Each becomes the sRGB it roughly looks like on white paper, for the proof and its contrast.

export type Rgb = [number, number, number];
export type Ink = { rgb: Rgb; kind: "cmyk" | "rgb" | "spot" | "paper" };

const PAPER: Rgb = [1, 1, 1];

function numbers(text: string, count: number): number[] | null {
  const v = text.split(",").map((s) => Number(s.trim().replace(/%$/, "")));
  return v.length === count && v.every((x) => Number.isFinite(x) && x >= 0) ? v : null;
}

function cmyk(text: string): [number, number, number, number] | null {
  const v = numbers(text, 4);
  if (!v) return null;
  const scale = v.every((x) => x <= 1) ? 1 : 100;
  if (v.some((x) => x / scale > 1)) return null;
  return [v[0]! / scale, v[1]! / scale, v[2]! / scale, v[3]! / scale];
}

function fromCmyk([c, m, y, k]: [number, number, number, number]): Rgb {
  return [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)];
}

/** The ink `text` names, or `null` when it is not a colour (`paper` only with `allowPaper`). */
export function parseInk(text: string, allowPaper = false): Ink | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === "paper") return allowPaper ? { rgb: PAPER, kind: "paper" } : null;
  if (lower === "k" || lower === "black") return { rgb: [0, 0, 0], kind: "cmyk" };
  if (lower === "rgb") return { rgb: [0, 0, 0], kind: "rgb" };
  if (lower.startsWith("rgb:")) {
    const rest = lower.slice(4);
    if (rest.startsWith("#")) {
      return /^#[0-9a-f]{6}$/.test(rest)
        ? { rgb: [1, 3, 5].map((i) => parseInt(rest.slice(i, i + 2), 16) / 255) as Rgb, kind: "rgb" }
        : null;
    }
    const v = numbers(rest, 3);
    return v && v.every((x) => x <= 255) ? { rgb: [v[0]! / 255, v[1]! / 255, v[2]! / 255], kind: "rgb" } : null;
  }
  if (lower.startsWith("cmyk:")) {
    const c = cmyk(lower.slice(5));
    return c ? { rgb: fromCmyk(c), kind: "cmyk" } : null;
  }
  if (lower.startsWith("spot:")) {
    const rest = t.slice(5);
    const cut = rest.indexOf(":");
    const name = (cut === -1 ? rest : rest.slice(0, cut)).trim();
    const alt = cut === -1 ? [0, 0, 0, 1] as [number, number, number, number] : cmyk(rest.slice(cut + 1));
    if (!alt || name === "" || !/^[\x20-\x7e]+$/.test(name)) return null;
    return { rgb: fromCmyk(alt), kind: "spot" };
  }
  return null;
}

/** `#rrggbb` for the SVG. */
export function inkHex(ink: Ink): string {
  return `#${ink.rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, "0")).join("")}`;
}

export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two inks (1 = none, 21 = black on white). */
export function inkContrast(a: Ink, b: Ink): number {
  const la = luminance(a.rgb);
  const lb = luminance(b.rgb);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
