// Print a CSV to PDF with no account at all: paste the rows on the Print screen, check the
// column mapping and the page-1 preview, print, then render the written PDF with pdftoppm and
// decode every code with zxing-cpp (PyPI, in a venv under ~/.cache): each CSV row exactly once.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { Session } from "./webdriver.mjs";
import { decodePdfCodes, decoderPython, missingCommands, skipMessage } from "./support.mjs";

const NEEDED = ["list_layouts", "csv_preview", "print_preview", "print_run"];

const ROWS = Array.from({ length: 12 }, (_, i) => ({
  url: `https://example.com/menu/table-${i + 1}?from=e2e`,
  caption: i === 3 ? "Terrace, \"garden\" side" : `Table ${i + 1}`,
}));
const CSV = ["url,caption", ...ROWS.map((r) => `${r.url},"${r.caption.replace(/"/g, '""')}"`)].join("\n") + "\n";

let s;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

test("print: a pasted CSV becomes a PDF whose codes decode to the rows", async (t) => {
  await s.waitFor("#print-csv");
  const missing = await missingCommands(s, NEEDED);
  if (missing.length > 0) {
    t.skip(skipMessage(missing));
    return;
  }
  const python = decoderPython();

  await s.click("#print-csv");
  await s.waitFor("#src-csv");
  await s.click("details.paste-csv summary");
  await s.paste("#csv-text", CSV);
  await s.click("#csv-use-text");
  await s.waitFor("#csv-preview");
  assert.match(await s.text("#csv-summary"), /12 rows/);
  await s.choose("#map-content", "url");
  await s.choose("#map-caption", "caption");
  await s.waitFor("#print-preview-image", 20000);
  assert.match(await s.text("#print-summary"), /12/, "the preview counts 12 labels");
  await s.screenshot("print-01-csv-preview");

  await s.waitUntil(async () => s.execute("return !document.querySelector('#print-run').disabled"), "the Print button");
  await s.click("#print-run");
  const pdf = (await s.text("#print-result-path").catch(async () => {
    const alert = await s.execute("const e = document.querySelector('[role=alert]'); return e && e.innerText");
    throw new Error(`no PDF path shown${alert ? `: ${alert}` : ""}`);
  })).trim();
  await s.screenshot("print-02-done");
  assert.ok(pdf.endsWith(".pdf") && existsSync(pdf), `the PDF exists: ${pdf}`);

  const found = decodePdfCodes(python, pdf);
  const decoded = found.map((f) => f.text).sort();
  const expected = ROWS.map((r) => r.url).sort();
  assert.deepEqual(decoded, expected, "every CSV row is on the sheet exactly once and decodes to its URL");
});
