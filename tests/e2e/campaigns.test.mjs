// Campaigns in the real window: start the demo, New campaign on a demo account whose service
// makes codes, six pasted `table,url` rows; the preview shows row 1's destination with the UTM
// parameters; Create and print (the PDF goes into QRDESK_SAVE_DIR, no save dialog) until it is
// printed; the PDF holds six codes, each a short link, and label by label they are the
// campaign's short links in row order (campaign_details); then the campaign's detail with its
// scans chart (filled after the account's next sync), its placements and Export CSV.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Session } from "./webdriver.mjs";
import { decodePdfCodes, decoderPython, missingCommands, skipMessage, startDemo } from "./support.mjs";

// list_accounts, list_layouts and list_campaigns take no argument: probing them only lists.
const NEEDED = ["list_accounts", "list_layouts", "csv_preview", "list_campaigns", "campaign_details", "campaign_preview", "campaign_create", "campaign_resume"];
const LAYOUT = "avery-l7160";
const ROWS = Array.from({ length: 6 }, (_, i) => ({ table: `Table ${i + 1}`, url: `https://cafe.example/menu?t=${i + 1}` }));
const CSV = ["table,url", ...ROWS.map((r) => `${r.table},${r.url}`)].join("\n") + "\n";
// Letters, digits and spaces only: form-encoded, each space is a "+".
const NAME = `E2E tables ${Date.now()}`;
const UTM_ROW_1 = `https://cafe.example/menu?t=1&utm_source=print&utm_medium=label&utm_campaign=${NAME.replace(/ /g, "+")}&utm_content=1`;

let s;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

const enabled = (css) => s.execute("const b = document.querySelector(arguments[0]); return !!b && !b.disabled && b.getAttribute('aria-disabled') !== 'true'", [css]);
const textOf = (css) => s.execute("const e = document.querySelector(arguments[0]); return e ? e.textContent : null", [css]);
const alertText = () => s.execute("const e = document.querySelector('#main [role=alert]'); return e && e.innerText");

/** Waits for `css`; on failure says what the page's alert reads. */
async function waitOrSay(css, timeoutMs) {
  await s.waitFor(css, timeoutMs).catch(async (e) => {
    const alert = await alertText();
    throw new Error(`${e.message}${alert ? `; the page says: ${alert}` : ""}`);
  });
}

/**
 * Waits until Create and print (or Try again) has finished: its progress gone and the outcome
 * shown. Fails at once with the page's sentence when Rust refused.
 */
async function settled(what, timeoutMs) {
  const r = await s.waitUntil(async () => {
    if (await s.exists("#campaign-progress progress")) return null;
    if (await s.exists("#campaign-outcome")) return { outcome: true };
    const alert = await alertText();
    return alert ? { alert } : null;
  }, `${what} to finish`, timeoutMs);
  if (r.alert) throw new Error(`${what}: the page says: ${r.alert}`);
}

/** Label number (from 1) of the sheet that a code centred at (x, y) mm sits on. */
function labelAt(layout, { x_mm, y_mm }) {
  const col = Math.floor((x_mm - layout.margin_left_mm) / layout.pitch_x_mm);
  const row = Math.floor((y_mm - layout.margin_top_mm) / layout.pitch_y_mm);
  return row * layout.columns + col + 1;
}

test("campaigns: six pasted rows become six new codes, printed as their short links in row order", async (t) => {
  await s.waitFor("#try-demo, #library-count", 20000);
  const demo = await startDemo(s);
  const missing = [...demo.missing, ...(await missingCommands(s, NEEDED))];
  if (missing.length > 0) {
    t.skip(skipMessage(missing));
    return;
  }
  const python = decoderPython();
  const layouts = await s.invoke("list_layouts");
  assert.ok(layouts.ok, `list_layouts: ${layouts.error}`);
  const layout = layouts.value.find((l) => l.id === LAYOUT);
  assert.ok(layout, `the ${LAYOUT} sheet is listed`);
  const accounts = (await s.invoke("list_accounts")).value ?? [];
  const usable = (a) => a.demo && a.status !== "error" && a.status !== "expired";
  const account = accounts.find((a) => a.provider === "qrcodepro" && usable(a)) ?? accounts.find((a) => a.provider === "qr-v1" && usable(a));
  assert.ok(account, `the demo has a QRCodePro or QR platform account (got ${accounts.map((a) => `${a.provider}/${a.status}`).join(", ")})`);

  // The form: the account, the name, the rows; the columns are guessed.
  await s.go("#/campaigns");
  await s.waitFor("#campaign-new");
  await s.click("#campaign-new");
  await s.waitFor("#campaign-rows");
  assert.ok(await s.exists(`#campaign-account option[value="${account.id}"]`), "the account is offered");
  assert.equal(await s.exists(`#campaign-account option[value="${accounts.find((a) => a.provider === "exante")?.id}"]`), false, "Exante (no codes) is not offered");
  await s.choose("#campaign-account", account.id);
  await s.type("#campaign-name", NAME);
  await s.paste("#campaign-rows", CSV);
  await s.waitUntil(async () => (await textOf("#campaign-rows-summary")) === "Pasted rows: 6 rows", "Rust to read the six rows", 20000);
  await s.waitUntil(async () => (await s.execute("return document.querySelector('#campaign-name-column').value")) === "table", "the name column guessed");
  assert.equal(await s.execute("return document.querySelector('#campaign-destination-column').value"), "url", "the destination column guessed");

  // The preview: row 1 as Rust will send it, with the UTM parameters.
  const destination = () => textOf('#campaign-preview-first [data-row="1"] [data-destination]');
  await s.waitUntil(destination, "the preview of row 1", 20000).catch(async (e) => {
    throw new Error(`${e.message}; the page says: ${await alertText()}`);
  });
  assert.equal(await destination(), UTM_ROW_1, "row 1 leads to its destination with the UTM parameters");
  assert.equal(await textOf("#campaign-preview-count"), "6 rows: all will become codes.");
  await s.screenshot("campaigns-01");

  // Create and print; a campaign that waits for the service is tried again.
  await s.waitUntil(() => enabled("#campaign-create"), "Create and print to be enabled", 20000);
  await s.click("#campaign-create");
  const until = Date.now() + 240000;
  for (let tries = 0; ; tries++) {
    await settled(tries === 0 ? "Create and print" : "Try again", Math.max(1000, until - Date.now()));
    if (await s.exists("#campaign-output-path")) break;
    const said = await textOf("#campaign-outcome");
    assert.ok(Date.now() < until, `the campaign is still waiting: ${said}`);
    t.diagnostic(`waiting: ${said}`);
    await new Promise((r) => setTimeout(r, 2000));
    await s.waitUntil(() => enabled("#campaign-try-again"), "Try again", 60000);
    await s.click("#campaign-try-again");
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.match(await textOf("#campaign-outcome > p"), /is printed: 6 codes made/);
  const pdf = (await textOf("#campaign-output-path")).trim();
  assert.ok(pdf.endsWith(".pdf") && existsSync(pdf), `the PDF exists: ${pdf}`);
  if (process.env.QRDESK_SAVE_DIR) assert.equal(path.dirname(pdf), path.resolve(process.env.QRDESK_SAVE_DIR), "the PDF is in QRDESK_SAVE_DIR");

  // The campaign's rows, with their short links, in row order.
  const listed = await s.invoke("list_campaigns");
  assert.ok(listed.ok, `list_campaigns: ${listed.error}`);
  const campaign = listed.value.find((c) => c.name === NAME);
  assert.ok(campaign, `the campaign is listed (got ${listed.value.map((c) => c.name).join(", ")})`);
  assert.equal(campaign.status, "printed");
  const details = await s.invoke("campaign_details", { id: campaign.id });
  assert.ok(details.ok, `campaign_details: ${details.error}`);
  const rows = details.value.rows;
  assert.deepEqual(rows.map((r) => [r.row, r.name]), ROWS.map((r, i) => [i + 1, r.table]));
  assert.equal(rows[0].destination, UTM_ROW_1, "the code of row 1 leads where the preview said");
  for (const r of rows) assert.match(r.short_link, /^https?:\/\//, `row ${r.row} has a short link`);

  // The PDF: six codes, each a short link; label by label, the rows' short links in row order.
  const found = decodePdfCodes(python, pdf);
  assert.equal(found.length, ROWS.length, `six codes on the sheet (found ${JSON.stringify(found)})`);
  for (const f of found) assert.match(f.text, /^https?:\/\//, `each code is a short link: ${f.text}`);
  const inLabelOrder = [...found].sort((a, b) => a.page - b.page || labelAt(layout, a) - labelAt(layout, b));
  assert.deepEqual(inLabelOrder.map((f) => labelAt(layout, f)), [1, 2, 3, 4, 5, 6], "the codes sit on labels 1 to 6 of page 1");
  assert.deepEqual(inLabelOrder.map((f) => f.text), rows.map((r) => r.short_link), "label n holds row n's short link");

  // The print history has the job.
  const jobs = await s.invoke("list_print_jobs");
  if (jobs.ok) assert.ok(jobs.value.some((j) => j.output === pdf), "the campaign's PDF is in the print history");

  // The detail: progress, the scans chart (or its empty state), the placements in row order.
  await s.click("#campaign-open");
  await waitOrSay("#campaign-placements", 20000);
  assert.ok(await s.exists("#campaign-scans"), "the scans by day section is there");
  assert.match(await textOf("#campaign-progress-text"), /^Created 6 of 6 codes.*printed\.$/);
  const shown = await s.execute("return [...document.querySelectorAll('#campaign-placements tbody tr')].map((tr) => Number(tr.dataset.row))");
  assert.deepEqual(shown, [1, 2, 3, 4, 5, 6]);
  assert.equal(await s.execute("return document.querySelector('#campaign-sort-row').closest('th').getAttribute('aria-sort')"), "ascending");

  // The account's next sync brings the new codes' daily scans: the chart shows them.
  await s.invoke("start_sync", { request: { account: account.id } });
  await s.waitUntil(async () => {
    const d = await s.invoke("campaign_details", { id: campaign.id });
    return d.ok && d.value.scans_by_day.length > 0 ? true : null;
  }, "the campaign's scans by day after a sync", 60000);
  await s.go("#/campaigns");
  await s.go(`#/campaigns/${campaign.id}`);
  await waitOrSay("#campaign-scans svg.chart", 20000);
  const label = await s.execute("return document.querySelector('#campaign-scans svg.chart').getAttribute('aria-label')");
  assert.match(label, /^Daily scans: [\d,]+ scans over \d+ days$/, label);

  // Export CSV: scans per code per day, with each code's campaign row and serial.
  await s.click("#campaign-export");
  await s.waitUntil(async () => {
    const found = existsSync(path.join(process.env.QRDESK_SAVE_DIR ?? "", `campaign-${campaign.id}-scans.csv`));
    return found ? true : null;
  }, "the exported CSV", 20000);
  const csv = readFileSync(path.join(process.env.QRDESK_SAVE_DIR ?? "", `campaign-${campaign.id}-scans.csv`), "utf8");
  assert.ok(csv.startsWith("code_id,name,short_link,destination,campaign_row,serial,day,scans,unique_scans"), csv.slice(0, 120));
  await s.screenshot("campaigns-02");
});
