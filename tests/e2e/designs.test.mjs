// Label designs and the print history in the real window: design a label with three fields on the
// Designs page (the name in bold beside the code, a wrapped fixed note in a box, "No. {serial:04}"
// aligned right), watch Rust's live preview, save it; print five pasted CSV rows with it from the
// Print page and read the PDF back (every code decodes to its row; pdftotext finds the first
// label's three texts on it); then reprint rows 2-3 from the History page and check the new PDF
// holds exactly those two labels: the same codes and the same texts.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { Session } from "./webdriver.mjs";
import { decodePdfCodes, decoderPython, missingCommands, pdfTextIn, skipMessage } from "./support.mjs";

// list_designs, list_layouts and list_print_jobs take no argument: probing them only lists.
const NEEDED = [
  "list_designs", "preview_design", "save_design", "remove_design", "list_layouts", "csv_preview", "print_preview", "print_run",
  "list_print_jobs", "reprint_job",
];
const LAYOUT = "avery-l7160";
const NAMES = ["Apricot jam", "Blackcurrant jam", "Cherry jam", "Damson jam", "Elderflower jelly"];
const ROWS = NAMES.map((name, i) => ({ url: `https://example.com/jar/${i + 1}?from=e2e`, name }));
const CSV = ["url,name", ...ROWS.map((r) => `${r.url},${r.name}`)].join("\n") + "\n";
const NOTE = "Keep cool and dry. Best before: see lid.";
const serialText = (n) => `No. ${String(n).padStart(4, "0")}`;

let s;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

const enabled = (css) => s.execute("const b = document.querySelector(arguments[0]); return !!b && !b.disabled", [css]);
/** The text of the page's alert inside `scope`, for failure messages. */
const alertIn = (scope) => s.execute("const e = document.querySelector(arguments[0] + ' [role=alert]'); return e && e.innerText", [scope]);

/** Waits for `css`; on failure says what the page's alert in `scope` reads. */
async function waitOrSay(css, scope, timeoutMs) {
  await s.waitFor(css, timeoutMs).catch(async (e) => {
    const alert = await alertIn(scope);
    throw new Error(`${e.message}${alert ? `; the page says: ${alert}` : ""}`);
  });
}

/** Label `n` (from 1) of page 1 of `layout`, in mm from the page's top-left corner. */
function labelRect(layout, n) {
  const col = (n - 1) % layout.columns;
  const row = Math.floor((n - 1) / layout.columns);
  return { x: layout.margin_left_mm + col * layout.pitch_x_mm, y: layout.margin_top_mm + row * layout.pitch_y_mm, w: layout.label_width_mm, h: layout.label_height_mm };
}

/** Checks that label `n` of `pdf` shows `row`'s name, the note and serial `serial`. */
function assertLabelTexts(pdf, layout, n, row, serial, what) {
  const text = pdfTextIn(pdf, 1, labelRect(layout, n));
  assert.ok(text.includes(row.name), `${what}: label ${n} shows the name “${row.name}” (pdftotext read “${text}”)`);
  assert.ok(text.includes(NOTE), `${what}: label ${n} shows the wrapped note (pdftotext read “${text}”)`);
  assert.ok(text.includes(serialText(serial)), `${what}: label ${n} shows “${serialText(serial)}” (pdftotext read “${text}”)`);
}

test("designs: a three-field label designed in the window, printed, and reprinted from the history", async (t) => {
  await s.waitFor("#try-demo, #library-count", 20000);
  const missing = await missingCommands(s, NEEDED);
  if (missing.length > 0) {
    t.skip(skipMessage(missing));
    return;
  }
  const python = decoderPython();
  const layouts = await s.invoke("list_layouts");
  assert.ok(layouts.ok, `list_layouts: ${layouts.error}`);
  const layout = layouts.value.find((l) => l.id === LAYOUT);
  assert.ok(layout, `the ${LAYOUT} sheet is listed`);
  const name = `E2E jars ${Date.now()}`;

  // The design: code on the left at 24 mm; {name} bold beside it; the note wrapped in a fixed box
  // under the names; "No. {serial:04}" right-aligned beside the code.
  await s.go("#/designs");
  await s.waitFor("#design-new");
  await s.click("#design-new");
  await s.type("#design-name", name);
  await s.choose("#design-code-position", "left");
  await s.choose("#design-code-size", "24");
  await s.paste("#design-field-1-text", "{name}");
  await s.choose("#design-field-1-size", "10");
  await s.click("#design-field-1-bold");

  await s.click("#design-add-field");
  await s.paste("#design-field-2-text", NOTE);
  await s.choose("#design-field-2-anchor", "box");
  await s.waitFor("#design-field-2-x");
  await s.choose("#design-field-2-x", "30");
  await s.choose("#design-field-2-y", "20");
  await s.choose("#design-field-2-width", "31");
  await s.choose("#design-field-2-height", "15");
  await s.choose("#design-field-2-size", "8");
  await s.choose("#design-field-2-fit", "wrap");

  await s.click("#design-add-field");
  await s.paste("#design-field-3-text", "No. {serial:04}");
  await s.choose("#design-field-3-align", "right");

  // Rust's preview of page 1 with sample rows.
  await s.waitUntil(async () => {
    const src = await s.execute("const i = document.querySelector('#design-preview-image'); return i && i.getAttribute('src')");
    const busy = await s.execute("return /Updating/.test(document.querySelector('#design-preview-status').textContent)");
    return src && !busy ? src : null;
  }, "Rust's preview of the design", 20000).catch(async (e) => {
    throw new Error(`${e.message}${(await alertIn(".design-preview")) ? `; the preview says: ${await alertIn(".design-preview")}` : ""}`);
  });
  const src = await s.execute("return document.querySelector('#design-preview-image').getAttribute('src')");
  assert.match(src, /^data:image\/svg\+xml/, "the preview is Rust's SVG as an image");
  assert.match(await s.execute("return document.querySelector('#design-preview-image').alt"), /^Preview of the design E2E jars/);
  const warnings = await s.execute("const w = document.querySelector('#design-warnings'); return w ? w.innerText : ''");
  if (warnings) t.diagnostic(`the preview warns: ${warnings}`);
  await s.screenshot("designs-01");

  await s.waitUntil(() => enabled("#design-save"), "Save design to be enabled");
  await s.click("#design-save");
  await waitOrSay(`[data-design-name="${name}"]`, ".design-form", 15000);
  const listed = await s.invoke("list_designs");
  assert.ok(listed.ok, `list_designs: ${listed.error}`);
  const saved = listed.value.find((d) => d.name === name);
  assert.ok(saved, `the saved design is listed (got ${listed.value.map((d) => d.name).join(", ")})`);
  assert.equal(saved.code_size_mm, 24);
  assert.deepEqual(saved.fields.map((f) => [f.text, f.anchor, f.bold, f.align, f.fit]), [
    ["{name}", "right_of_code", true, "left", "shrink"],
    [NOTE, "box", false, "left", "wrap"],
    ["No. {serial:04}", "right_of_code", false, "right", "shrink"],
  ]);
  assert.deepEqual([saved.fields[1].x_mm, saved.fields[1].y_mm, saved.fields[1].width_mm, saved.fields[1].height_mm], [30, 20, 31, 15]);

  // Print the pasted rows with it: the caption gives way to the design's fields.
  await s.go("#/print?source=csv");
  await s.waitFor("#src-csv");
  await s.click("details.paste-csv summary");
  await s.paste("#csv-text", CSV);
  await s.click("#csv-use-text");
  await s.waitFor("#csv-preview");
  await s.choose("#map-content", "url");
  await s.choose("#map-caption", "");
  await s.choose("#opt-layout", LAYOUT);
  await s.waitFor(`#opt-design option[value="${name}"]`, 15000);
  await s.choose("#opt-design", name);
  assert.equal(await s.execute("return document.querySelector('#opt-caption').disabled"), true, "with a design, the caption is off");
  assert.match(await s.text("#opt-caption-hint"), /The design's fields replace the caption/);
  await s.waitFor("#print-preview-image", 20000);
  await s.waitUntil(async () => /5 labels/.test(await s.text("#print-summary")), "the preview to count 5 labels", 20000);
  await s.waitUntil(() => enabled("#print-run"), "Save as PDF to be enabled", 30000);
  await s.click("#print-run");
  await waitOrSay("#print-result-path", ".print-preview", 120000);
  const pdf = (await s.text("#print-result-path")).trim();
  assert.ok(pdf.endsWith(".pdf") && existsSync(pdf), `the PDF exists: ${pdf}`);

  const decoded = decodePdfCodes(python, pdf).map((f) => f.text).sort();
  assert.deepEqual(decoded, ROWS.map((r) => r.url).sort(), "every row is on the sheet once and its code decodes to its URL");

  const jobs = await s.invoke("list_print_jobs");
  assert.ok(jobs.ok, `list_print_jobs: ${jobs.error}`);
  const job = jobs.value.find((j) => j.output === pdf) ?? jobs.value[0];
  assert.ok(job, "the print is in the history");
  assert.equal(job.design, name, "the history names the design");
  assert.equal(job.codes, ROWS.length);
  assert.equal(job.last_serial - job.first_serial + 1, ROWS.length, "one serial per label");
  assertLabelTexts(pdf, layout, 1, ROWS[0], job.first_serial, "the print");
  assertLabelTexts(pdf, layout, 2, ROWS[1], job.first_serial + 1, "the print");

  // History: reprint rows 2-3.
  await s.go("#/history");
  const reprintButton = `[data-job-id="${job.id}"] [data-action=reprint]`;
  await waitOrSay(reprintButton, "#main", 15000);
  await s.click(reprintButton);
  await s.waitFor("#reprint-dialog[open]");
  await s.type("#reprint-rows", "2-3");
  await s.waitUntil(() => enabled("#reprint-go"), "Reprint to be enabled");
  await s.click("#reprint-go");
  await waitOrSay("#reprint-result-path", "#reprint-dialog", 120000);
  assert.match(await s.text("#reprint-result"), /PDF saved: 2 labels on 1 page/);
  const again = (await s.text("#reprint-result-path")).trim();
  assert.ok(again.endsWith(".pdf") && existsSync(again), `the reprinted PDF exists: ${again}`);
  assert.notEqual(again, pdf, "the reprint is a new file");

  const redecoded = decodePdfCodes(python, again).map((f) => f.text).sort();
  assert.deepEqual(redecoded, [ROWS[1].url, ROWS[2].url].sort(), "the reprint holds exactly labels 2 and 3, with their codes");
  assertLabelTexts(again, layout, 1, ROWS[1], job.first_serial + 1, "the reprint");
  assertLabelTexts(again, layout, 2, ROWS[2], job.first_serial + 2, "the reprint");

  // The reprint is in the history too, on top.
  await s.click("#reprint-close");
  await s.waitUntil(async () => !(await s.exists("#reprint-dialog")), "the reprint dialog to close");
  await s.waitUntil(async () => (await s.findAll("[data-job-id]")).length >= 2, "the reprint listed in the history", 15000);
  await s.screenshot("history-01");
});
