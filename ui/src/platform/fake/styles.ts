// Brand styles in the fake: the saved styles (in the shared store), saving and removing them with
// the checks the Rust side makes, and the live proof: the style drawn over the client-side QR
// matrix, with the contrast of its inks and whether it would scan (judged, not decoded).

import { RULES } from "../../bindings/current-rules";
import { formatRatio, fractionToPercent } from "../../logic/style-form";
import type { StyleDraft, StylePreviewRequest, StyleProof } from "../types";
import { fail } from "./errors";
import { type Ink, inkContrast, inkHex, luminance, parseInk } from "./ink";
import type { FakeState } from "./state";
import { styleSvg } from "./style-svg";

const LIMITS = RULES.style;
/** What a proof encodes when the page asks for none: a typical short link. */
const SAMPLE_PAYLOAD = "https://exr.to/Q7dK2mP";
const INK_ADVICE = "Use k, cmyk:C,M,Y,K (percent), spot:NAME or rgb:#rrggbb";

const copy = (s: StyleDraft): StyleDraft => ({ ...s, logo: s.logo ? { ...s.logo } : null });

/** The style's inks, or the sentence saying which one is not a colour. */
function inks(style: StyleDraft): { dark: Ink; light: Ink; finder: Ink; frame: Ink } | string {
  const dark = parseInk(style.dark);
  if (!dark) return `The dark colour “${style.dark}” is not usable. ${INK_ADVICE}.`;
  const light = parseInk(style.light, true);
  if (!light) return `The light colour “${style.light}” is not usable. ${INK_ADVICE}, or paper for no ink.`;
  const finder = style.finder_color === null ? dark : parseInk(style.finder_color);
  if (!finder) return `The finder colour “${style.finder_color}” is not usable. ${INK_ADVICE}, or leave it empty.`;
  const frame = parseInk(style.frame_color);
  if (!frame) return `The frame colour “${style.frame_color}” is not usable. ${INK_ADVICE}.`;
  return { dark, light, finder, frame };
}

export class FakeStyles {
  constructor(private readonly s: FakeState) {}

  async list(): Promise<StyleDraft[]> {
    return [...this.s.styles].sort((a, b) => a.name.localeCompare(b.name)).map(copy);
  }

  async preview(request: StylePreviewRequest): Promise<StyleProof> {
    const { style } = request;
    if (!Number.isFinite(request.size_mm) || request.size_mm < RULES.print.min_code_mm || request.size_mm > RULES.print.max_code_mm) {
      fail("bad_input", `A proof is drawn between ${RULES.print.min_code_mm} and ${RULES.print.max_code_mm} mm`);
    }
    const ec = style.logo ? "H" : "M";
    const found = inks(style);
    if (typeof found === "string") return { svg: "", contrast: 1, scans: false, problem: found, warnings: [], ec };
    const { dark, light, finder, frame } = found;
    const contrast = inkContrast(dark, light);
    const min = RULES.print.min_contrast;
    let problem: string | null = null;
    if (contrast < min) {
      problem = `The dark and light colours are too close (contrast ${formatRatio(contrast)}:1, at least ${formatRatio(min)}:1 needed): scanners cannot tell the modules apart. Use a darker dark colour.`;
    } else if (luminance(light.rgb) < luminance(dark.rgb)) {
      problem = "The light colour is darker than the dark one: many scanners cannot read inverted codes.";
    } else if (inkContrast(finder, light) < min) {
      problem = "The finder colour is too close to the light colour: scanners find a code by its three eyes.";
    } else if (style.logo_size > LIMITS.max_logo_fraction) {
      problem = `The logo covers ${fractionToPercent(style.logo_size)} % of the code's side; at most ${fractionToPercent(LIMITS.max_logo_fraction)} % still scans.`;
    }
    const warnings: string[] = [];
    for (const [what, ink] of [["dark", dark], ["finder", finder], ["frame", frame]] as const) {
      if (ink.kind === "rgb" && (what === "dark" || ink !== dark)) {
        warnings.push(`The ${what} colour is RGB: printers convert it, so the print may look different. Use CMYK or a spot colour for print.`);
      }
    }
    if (style.logo && !/\.svg$/i.test(style.logo.file_name)) warnings.push("PNG and JPEG logos can look soft when printed large; an SVG logo stays sharp.");
    const svg = styleSvg(style, {
      dark: inkHex(dark),
      light: light.kind === "paper" ? null : inkHex(light),
      finder: inkHex(finder),
      frame: inkHex(frame),
    }, request.payload ?? SAMPLE_PAYLOAD, request.size_mm, ec);
    return { svg, contrast, scans: problem === null, problem, warnings, ec };
  }

  async save(style: StyleDraft): Promise<StyleDraft> {
    const name = style.name.trim();
    if (name === "") fail("bad_input", "A style needs a name");
    if ([...name].length > LIMITS.max_name_chars) fail("bad_input", `A style's name has at most ${LIMITS.max_name_chars} characters`);
    if (style.frame !== null && [...style.frame].length > LIMITS.max_frame_chars) {
      fail("bad_input", `The frame text has at most ${LIMITS.max_frame_chars} characters`);
    }
    if (!Number.isFinite(style.logo_size) || style.logo_size <= 0 || style.logo_size > LIMITS.max_logo_fraction) {
      fail("bad_input", `The logo size is at most ${fractionToPercent(LIMITS.max_logo_fraction)} % of the code's side`);
    }
    if (style.logo && Math.floor((style.logo.data_base64.length * 3) / 4) > LIMITS.max_logo_bytes) {
      fail("bad_input", "The logo file is too large");
    }
    const found = inks(style);
    if (typeof found === "string") fail("bad_input", found);
    const saved = copy({ ...style, name });
    const at = this.s.styles.findIndex((s) => s.name === name);
    if (at === -1) this.s.styles.push(saved);
    else this.s.styles[at] = saved;
    return copy(saved);
  }

  async remove(name: string): Promise<void> {
    const at = this.s.styles.findIndex((s) => s.name === name);
    if (at === -1) fail("not_found", `No saved style is called “${name}”`);
    this.s.styles.splice(at, 1);
  }
}

/** Print and export name a style: it must be a saved one. */
export function requireStyle(s: FakeState, name: string | null): void {
  if (name !== null && !s.styles.some((st) => st.name === name)) fail("bad_input", `No saved style is called “${name}”`);
}
