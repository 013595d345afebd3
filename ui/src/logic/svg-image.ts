// The print engine's SVG answers (a style's live proof) as an <img> source. An image cannot run
// scripts or reach the page, so markup that comes from Rust never enters the window's DOM.

/** A `data:image/svg+xml;base64,…` URL for `svg` (UTF-8), or `null` when there is nothing to draw. */
export function svgDataUrl(svg: string): string | null {
  const text = svg.trim();
  if (text === "") return null;
  if (text.startsWith("data:image/svg+xml")) return text;
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(bin)}`;
}
