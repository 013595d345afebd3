// Brand styles in the real window: make a style on the Styles page, watch Rust's live proof
// follow the dark ink (Scans → Does not scan → Scans), save it, then print the demo's posters with
// it from the Print page: the result names a written PDF.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { Session } from "./webdriver.mjs";
import { ensureDemoCodes, missingCommands, skipMessage, startDemo } from "./support.mjs";

// list_styles and list_layouts take no argument: probing them only lists.
const NEEDED = ["list_styles", "preview_style", "save_style", "remove_style", "list_layouts", "print_preview", "print_run"];
const BRAND = "cmyk:100,72,0,18";
const PALE = "cmyk:0,0,0,15";

let s;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

/** Waits until the proof's badge reads exactly `word` ("Scans" or "Does not scan"). */
async function badgeIs(word, timeoutMs = 20000) {
  await s.waitUntil(async () => {
    const text = await s.execute("const b = document.querySelector('[data-testid=style-badge]'); return b && b.innerText.trim()");
    return text === word;
  }, `the style badge to read “${word}”`, timeoutMs).catch(async (e) => {
    const now = await s.execute("const b = document.querySelector('[data-testid=style-badge]'); return b && b.innerText");
    const alert = await s.execute("const e = document.querySelector('.style-proof [role=alert], #style-problem'); return e && e.innerText");
    throw new Error(`${e.message} (it reads “${now}”${alert ? `; the proof says: ${alert}` : ""})`);
  });
}

const enabled = (css) => s.execute("const b = document.querySelector(arguments[0]); return !!b && !b.disabled", [css]);

test("styles: make a style, watch its proof, print with it", async (t) => {
  await s.waitFor("#try-demo, #library-count", 20000);
  const demo = await startDemo(s);
  const missing = [...demo.missing, ...(await missingCommands(s, NEEDED))];
  if (missing.length === 0) missing.push(...(await ensureDemoCodes(s)));
  if (missing.length > 0) {
    t.skip(skipMessage(missing));
    return;
  }
  const name = `E2E brand ${Date.now()}`;

  // A new style: name, brand ink, dots. Rust draws it and reads it back: it scans.
  await s.go("#/styles");
  await s.waitFor("#style-new");
  await s.click("#style-new");
  await s.type("#style-name", name);
  await s.type("#style-dark", BRAND);
  await s.choose("#style-modules", "dots");
  await badgeIs("Scans");
  await s.waitFor("[data-testid=style-preview]");
  const src = await s.execute("return document.querySelector('[data-testid=style-preview]').getAttribute('src')");
  assert.match(src, /^data:image\/svg\+xml/, "the proof is Rust's SVG as an image");
  assert.match(await s.text("#style-contrast"), /^Contrast [\d.]+:1, at least [\d.]+:1 needed$/);
  await s.screenshot("styles-01-scans");

  // 15 % black on paper: too pale to read.
  await s.type("#style-dark", PALE);
  await badgeIs("Does not scan");
  assert.ok(await s.exists("#style-problem"), "the proof says why it does not scan");
  await s.screenshot("styles-02-does-not-scan");

  // Back to the brand ink, and save.
  await s.type("#style-dark", BRAND);
  await badgeIs("Scans");
  await s.waitUntil(() => enabled("#style-save"), "Save style to be enabled");
  await s.click("#style-save");
  await s.waitFor(`[data-style-name="${name}"]`, 15000).catch(async (e) => {
    const alert = await s.execute("const e = document.querySelector('.style-form [role=alert]'); return e && e.innerText");
    throw new Error(`${e.message}${alert ? `; the page says: ${alert}` : ""}`);
  });
  const listed = await s.invoke("list_styles");
  assert.ok(listed.ok, `list_styles: ${listed.error}`);
  const saved = listed.value.find((st) => st.name === name);
  assert.ok(saved, `the saved style is listed (got ${listed.value.map((st) => st.name).join(", ")})`);
  assert.equal(saved.modules, "dots");
  assert.equal(saved.dark, BRAND);
  await s.screenshot("styles-03-saved");

  // Print the demo's posters with the style.
  await s.go("#/print?source=search");
  await s.waitFor(`#opt-style option[value="${name}"]`, 15000);
  await s.type("#print-search", "poster");
  await s.choose("#opt-style", name);
  assert.equal(await s.exists("#opt-foreground"), false, "with a style, the plain code colour is hidden");
  assert.match(await s.text("#opt-style-hint"), /The style sets the colours/);
  await s.waitFor("#print-preview-image", 20000);
  await s.waitUntil(() => enabled("#print-run"), "Save as PDF to be enabled", 30000);
  await s.click("#print-run");
  await s.waitFor("#print-result-path, .print-preview [role=alert]", 180000);
  const pdf = (await s.text("#print-result-path").catch(async () => {
    const alert = await s.execute("const e = document.querySelector('.print-preview [role=alert]'); return e && e.innerText");
    throw new Error(`no PDF path shown${alert ? `: ${alert}` : ""}`);
  })).trim();
  await s.screenshot("styles-04-printed");
  assert.ok(pdf.endsWith(".pdf") && existsSync(pdf), `the PDF exists: ${pdf}`);
  assert.match(await s.text("#print-result"), /PDF saved/);
});
