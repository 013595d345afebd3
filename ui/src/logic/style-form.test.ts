import { describe, expect, it } from "vitest";
import { RULES } from "../bindings/current-rules";
import {
  cleanStyle, contrastLine, formatBytes, formatRatio, fractionToPercent, hasStyleProblems, latestOnly, logoBytes, logoFileProblem,
  MAX_LOGO_PERCENT, newStyle, percentToFraction, previewRequest, readBase64, validateStyle,
} from "./style-form";
import { svgDataUrl } from "./svg-image";

const named = (name: string) => ({ ...newStyle(), name });

describe("style defaults", () => {
  it("come from Rust's rules and are valid once named", () => {
    const s = newStyle();
    expect(s.logo_size).toBe(RULES.style.default_logo_fraction);
    expect(s.light).toBe("paper");
    expect(s.logo).toBeNull();
    expect(s.frame).toBeNull();
    expect(validateStyle(s).name).toBeDefined();
    expect(validateStyle(named("Brand"))).toEqual({});
  });
});

describe("percent ↔ fraction", () => {
  it("round-trips the logo size without float noise", () => {
    expect(fractionToPercent(0.22)).toBe(22);
    expect(fractionToPercent(0.225)).toBe(22.5);
    expect(percentToFraction(22)).toBe(0.22);
    expect(percentToFraction(fractionToPercent(0.3))).toBe(0.3);
    expect(percentToFraction(NaN)).toBeNaN();
    expect(MAX_LOGO_PERCENT).toBe(fractionToPercent(RULES.style.max_logo_fraction));
  });
});

describe("validateStyle", () => {
  it("checks the name: present, not too long, not another style's", () => {
    expect(validateStyle(named("   ")).name).toMatch(/name/);
    const max = RULES.style.max_name_chars;
    expect(validateStyle(named("é".repeat(max))).name).toBeUndefined();
    expect(validateStyle(named("é".repeat(max + 1))).name).toMatch(String(max));
    expect(validateStyle(named(" Autumn brand "), ["Autumn brand"]).name).toMatch(/already called “Autumn brand”/);
    expect(validateStyle(named("Autumn brand"), ["Spring"]).name).toBeUndefined();
  });

  it("checks the logo size against Rust's maximum", () => {
    const max = RULES.style.max_logo_fraction;
    expect(validateStyle({ ...named("B"), logo_size: max }).logo_size).toBeUndefined();
    expect(validateStyle({ ...named("B"), logo_size: max + 0.01 }).logo_size).toMatch(`${MAX_LOGO_PERCENT} %`);
    expect(validateStyle({ ...named("B"), logo_size: 0 }).logo_size).toBeDefined();
    expect(validateStyle({ ...named("B"), logo_size: NaN }).logo_size).toBeDefined();
  });

  it("checks the frame text length and that colours are given", () => {
    const max = RULES.style.max_frame_chars;
    expect(validateStyle({ ...named("B"), frame: "x".repeat(max) }).frame).toBeUndefined();
    expect(validateStyle({ ...named("B"), frame: "x".repeat(max + 1) }).frame).toMatch(String(max));
    const p = validateStyle({ ...named("B"), dark: " ", light: "", frame_color: "" });
    expect(Object.keys(p).sort()).toEqual(["dark", "frame_color", "light"]);
    expect(hasStyleProblems(p)).toBe(true);
    expect(hasStyleProblems({})).toBe(false);
  });
});

describe("what is sent", () => {
  it("trims, and sends an empty frame or finder colour as none", () => {
    const s = cleanStyle({ ...named("  Brand "), dark: " k ", frame: "  ", finder_color: "" });
    expect(s).toMatchObject({ name: "Brand", dark: "k", frame: null, finder_color: null });
    expect(cleanStyle({ ...named("B"), frame: " Scan me ", finder_color: "cmyk:0,100,0,0" })).toMatchObject({ frame: "Scan me", finder_color: "cmyk:0,100,0,0" });
  });

  it("asks for the proof at 30 mm, with a name even for a new style", () => {
    expect(previewRequest(newStyle())).toMatchObject({ style: { name: "Untitled style" }, payload: null, size_mm: 30 });
    expect(previewRequest(named("Brand"), "https://exr.to/abc")).toMatchObject({ style: { name: "Brand" }, payload: "https://exr.to/abc" });
  });

  it("words the contrast with Rust's minimum", () => {
    expect(formatRatio(12.34)).toBe("12.3");
    expect(formatRatio(21)).toBe("21");
    expect(contrastLine(12.34)).toBe(`Contrast 12.3:1, at least ${formatRatio(RULES.print.min_contrast)}:1 needed`);
  });
});

describe("logo files", () => {
  it("refuses other formats and files over Rust's limit, with a sentence", () => {
    const max = RULES.style.max_logo_bytes;
    expect(logoFileProblem({ name: "logo.SVG", size: 1200 })).toBeNull();
    expect(logoFileProblem({ name: "logo.jpeg", size: max })).toBeNull();
    expect(logoFileProblem({ name: "logo.gif", size: 10 })).toMatch(/not an SVG, PNG or JPEG/);
    expect(logoFileProblem({ name: "logo", size: 10 })).toMatch(/not an SVG/);
    expect(logoFileProblem({ name: "big.png", size: max + 1 })).toMatch(new RegExp(`at most ${formatBytes(max)}`));
    expect(formatBytes(640)).toBe("640 bytes");
    expect(formatBytes(12_300)).toBe("12 KB");
    expect(formatBytes(2_000_000)).toBe("2 MB");
  });

  it("reads a file as base64 and knows its size back", async () => {
    const b64 = await readBase64(new Blob(["<svg/>"], { type: "image/svg+xml" }));
    expect(b64).toBe(btoa("<svg/>"));
    expect(logoBytes({ file_name: "a.svg", data_base64: b64 })).toBe(6);
    expect(logoBytes({ file_name: "a.svg", data_base64: btoa("ab") })).toBe(2);
  });
});

describe("latestOnly", () => {
  it("lets only the latest request's answer through", () => {
    const guard = latestOnly();
    const first = guard.begin();
    expect(first()).toBe(true);
    const second = guard.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    guard.cancel();
    expect(second()).toBe(false);
  });
});

describe("svgDataUrl", () => {
  it("turns Rust's SVG into an image source (UTF-8 safe), and nothing into null", () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><text>Scan → me</text></svg>')!;
    expect(url.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const bytes = Uint8Array.from(atob(url.split(",")[1]!), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toContain("Scan → me");
    expect(svgDataUrl("  ")).toBeNull();
    expect(svgDataUrl("data:image/svg+xml;base64,AAAA")).toBe("data:image/svg+xml;base64,AAAA");
  });
});
