// The keyboard alone at 200 % (512×350 CSS px, a 1024×700 window at 200 % zoom): print labels
// from pasted rows to a PDF, and add an account then rotate its key through the wizard. No
// element is clicked or focused by the test: keys go to whatever has focus, as a person's do.
// Focus is checked at every step (the new screen, the saved result, each wizard step's title or
// the key field, back on the opening button after Escape), and what has focus must be on screen
// and not covered by something else. The demo simulator stands in for the service's dashboard
// (it issues the keys and revokes the old one); nothing in the flows goes through IPC.
//
// 200 %: the window is made 512×350 (tauri.conf.json allows down to 480×340); when that does
// not give a 512×350 viewport, webview zoom 200 % of a 1024×700 window is tried.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Session } from "./webdriver.mjs";
import { control, demoManifest, missingCommands, skipMessage, startDemo, viewport, viewportIs } from "./support.mjs";
import { KEY, chord, focusPlace, focusTop, focusWindow, focused, press, tabTo, typeLines, typeText, waitFocus } from "./keyboard.mjs";

const WIDTH = 512;
const HEIGHT = 350;
const PROVIDER = "qrcodepro";
const LABEL = "Shop window (keyboard)";
// A few rows as a person would type them: name first, then the link.
const ROWS = [
  ["name", "url"],
  ["Table 1", "https://example.com/menu/table-1?from=keyboard"],
  ["Table 2", "https://example.com/menu/table-2?from=keyboard"],
  ["Terrace", "https://example.com/menu/terrace?from=keyboard"],
];

let s;
let demo = { missing: ["start_demo"] };
/** How 512×350 was reached (`{ how }`), or why not (`{ reason }`). */
let narrow = null;

before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

async function toNarrow() {
  await s.setWindowSize(WIDTH, HEIGHT);
  if (await viewportIs(s, WIDTH, HEIGHT)) return { how: "window 512×350" };
  await s.setWindowSize(1024, 700);
  await viewportIs(s, 1024, 700);
  const z = await s.invoke("plugin:webview|set_webview_zoom", { label: "main", value: 2 });
  if (z.ok && (await viewportIs(s, WIDTH, HEIGHT))) return { how: "zoom 200 % of 1024×700" };
  if (z.ok) await s.invoke("plugin:webview|set_webview_zoom", { label: "main", value: 1 });
  const [w, h] = await viewport(s);
  return { reason: `the viewport stays ${w}×${h}: neither a 512×350 window nor webview zoom 200 % (${z.ok ? "did not apply" : z.error}) gives 512×350 CSS px` };
}

/** What has focus is on screen and nothing covers it (WCAG 2.4.11, focus not obscured). */
async function assertFocusShown(where) {
  const place = await focusPlace(s);
  assert.ok(place, `${where}: something has focus`);
  assert.ok(place.inView, `${where}: the focused element is off screen ${JSON.stringify({ focus: await focused(s), ...place })}`);
  assert.equal(place.covered, false, `${where}: the focused element is covered ${JSON.stringify({ focus: await focused(s), ...place })}`);
}

async function assertNoSideways(where) {
  const r = await s.execute(`
    const d = document.documentElement, m = document.getElementById("main");
    return { page: d.scrollWidth - d.clientWidth, main: m ? m.scrollWidth - m.clientWidth : 0 };`);
  assert.ok(r.page <= 1 && r.main <= 1, `${where}: scrolls sideways (${JSON.stringify(r)})`);
}

/** Tab from the top of the page to a main-menu link and follow it: focus lands on the new screen. */
async function openFromMenu(navId, hash, titleId) {
  await focusTop(s);
  await tabTo(s, `#${navId}`);
  await assertFocusShown(`the menu link #${navId}`);
  await press(s, KEY.Enter);
  await s.waitUntil(async () => (await s.execute("return location.hash")).startsWith(hash), `the ${hash} screen`);
  await s.waitFor(`#${titleId}`);
  await waitFocus(s, (f) => f.id === "main", `focus on the new screen (${hash})`);
}

/** The wizard's current step (`data-step`), or null while it loads or when it is closed. */
async function wizardStep() {
  return s.execute("const f = document.querySelector('#rotation-wizard form[data-step]'); return f ? f.dataset.step : null");
}

async function waitForStep(step, timeoutMs = 20000) {
  await s.waitUntil(async () => (await wizardStep()) === step, `wizard step ${step}`, timeoutMs);
}

/** A new step moves focus to its title: "Check the new key", "Switch to the new key", … */
async function assertStepTitleFocused(step) {
  await waitFocus(s, (f) => f.id === "wizard-step-title" && f.inDialog, `focus on the title of step ${step}`, 10000);
  await assertFocusShown(`wizard step ${step} title`);
}

/** Tab to the wizard's main button and press Enter. */
async function wizardNext(step) {
  await tabTo(s, "#wizard-next", { max: 12 });
  await assertFocusShown(`wizard step ${step}: the main button`);
  await press(s, KEY.Enter);
}

async function wizardAlert() {
  return s.execute("const e = document.querySelector('#rotation-wizard [role=alert]'); return e && e.innerText");
}

test("window 512×350 (200 %), demo running", async (t) => {
  await s.waitFor("#try-demo, #library-count", 20000);
  demo = await startDemo(s);
  narrow = await toNarrow();
  if (narrow.reason) return t.skip(narrow.reason);
  t.diagnostic(`200 % by ${narrow.how}`);
  // Keys reach the page either way, but only a focused window shows focus rings (:focus-visible).
  const [, h] = await viewport(s);
  t.diagnostic(await focusWindow(s, h) ? "the window has focus" : "the window does not have the X focus");
});

test("keyboard alone at 200 %: print pasted rows to a PDF", async (t) => {
  if (narrow?.reason) return t.skip(narrow.reason);
  const missing = await missingCommands(s, ["list_layouts", "csv_preview", "print_preview", "print_run"]);
  if (missing.length > 0) return t.skip(skipMessage(missing));
  const saveDir = process.env.QRDESK_SAVE_DIR;
  assert.ok(saveDir, "QRDESK_SAVE_DIR is set (run through tests/e2e/run.sh)");

  // Print, from the main menu.
  await openFromMenu("nav-print", "#/print", "print-title");
  await assertNoSideways("print at 200 %");

  // What to print: Tab into the radio group (on the checked choice), arrow keys to "A CSV file".
  await tabTo(s, "input[name=source]:checked");
  for (let i = 0; i < 3 && (await focused(s))?.id !== "src-csv"; i++) await press(s, KEY.ArrowDown);
  assert.equal((await focused(s))?.id, "src-csv", "the arrow keys reach “A CSV file”");
  if (!(await s.execute("return document.querySelector('#src-csv').checked"))) await press(s, KEY.Space);
  assert.ok(await s.execute("return document.querySelector('#src-csv').checked"), "“A CSV file” is chosen");
  await assertFocusShown("the CSV source choice");

  // Or paste the rows: open the disclosure, type the rows, use them.
  await tabTo(s, "details.paste-csv summary");
  await assertFocusShown("“Or paste the rows”");
  await press(s, KEY.Enter);
  await s.waitUntil(async () => s.execute("return document.querySelector('details.paste-csv').open"), "the pasted-rows box to open");
  await tabTo(s, "#csv-text", { max: 3 });
  await assertFocusShown("the CSV text field");
  const text = ROWS.map((r) => r.join(",")).join("\n");
  await typeLines(s, ROWS.map((r) => r.join(",")));
  const typed = await s.execute("return document.querySelector('#csv-text').value");
  assert.equal(typed.replace(/\r\n/g, "\n").trim(), text, "the typed rows are in the field, one per line");
  await tabTo(s, "#csv-use-text", { max: 3 });
  await press(s, KEY.Enter);
  await s.waitFor("#csv-preview", 15000);
  await s.waitUntil(async () => /Pasted rows: 3 rows/.test(await s.text("#csv-summary")), "“Pasted rows: 3 rows” under the file button");
  assert.equal(await s.execute("return document.querySelector('#map-content').value"), "url", "the link column is the one encoded");
  assert.equal((await focused(s))?.id, "csv-use-text", "focus stays on “Use these rows”");
  await assertNoSideways("print with pasted rows at 200 %");

  // Save as PDF: Tab on through the options to the button, Enter.
  await s.waitFor("#print-preview-image", 20000);
  await s.waitUntil(async () => s.execute("return !document.querySelector('#print-run').disabled"), "Save as PDF to be enabled", 20000);
  assert.match(await s.text("#print-summary"), /^3 labels/, "the preview counts 3 labels");
  const presses = await tabTo(s, "#print-run", { max: 80 });
  t.diagnostic(`Save as PDF is ${presses} Tab presses after “Use these rows”`);
  await assertFocusShown("Save as PDF");
  await press(s, KEY.Enter);

  // The result takes focus, on screen, and the PDF is in the save folder.
  await s.waitFor("#print-result", 60000);
  await waitFocus(s, (f) => f.id === "print-result", "focus on the saved result", 10000);
  await assertFocusShown("the saved result");
  assert.match(await s.text("#print-result"), /PDF saved: 3 labels on 1 page/);
  const pdf = (await s.text("#print-result-path")).trim();
  assert.ok(pdf.endsWith(".pdf") && existsSync(pdf), `the PDF exists: ${pdf}`);
  assert.ok(path.resolve(pdf).startsWith(path.resolve(saveDir) + path.sep), `saved in QRDESK_SAVE_DIR (${saveDir}), without a dialog`);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString("latin1"), "%PDF-", "the file is a PDF");
  // Tab goes on from the result to its actions.
  await press(s, KEY.Tab);
  assert.equal((await focused(s))?.id, "open-pdf", "Tab from the result reaches “Open the PDF”");
});

test("keyboard alone at 200 %: add an account, rotate its key; Escape returns to Rotate key", async (t) => {
  if (narrow?.reason) return t.skip(narrow.reason);
  const missing = [...demo.missing, ...(await missingCommands(s, [
    "list_accounts", "add_account", "rotation_start", "rotation_state", "rotation_submit_key",
    "rotation_verify", "rotation_switch", "rotation_confirm_revoked",
  ]))];
  if (missing.length > 0) return t.skip(skipMessage(missing));
  const manifest = await demoManifest();
  const service = manifest.services[PROVIDER];
  assert.ok(service, `the demo simulator serves ${PROVIDER}`);
  // The service's dashboard (the simulator) issues the key the person then types.
  const { key: oldKey } = await control(manifest, "POST", "/keys/issue", { provider: PROVIDER, environment: "live" });

  // Accounts & keys, from the main menu; "Add an account" opens the form on the key field.
  await openFromMenu("nav-accounts", "#/accounts", "accounts-title");
  await assertNoSideways("accounts at 200 %");
  await tabTo(s, "#open-add-account");
  await assertFocusShown("Add an account");
  await press(s, KEY.Enter);
  await s.waitFor("#add-account-form");
  await waitFocus(s, (f) => f.id === "account-key", "focus on the API key field");
  await assertFocusShown("the API key field");
  await typeText(s, oldKey);
  assert.equal(await s.execute("return document.querySelector('#account-key').value"), oldKey, "the key is typed in full");
  await s.waitUntil(async () => /QRCodePro/.test(await s.text("#add-account-form")), "the key to be recognised as QRCodePro");
  await tabTo(s, "#account-label", { max: 8 });
  await typeText(s, LABEL);
  await tabTo(s, "#add-account-form details.advanced summary", { max: 8 });
  await press(s, KEY.Enter);
  await s.waitUntil(async () => s.execute("return document.querySelector('#add-account-form details.advanced').open"), "Advanced to open");
  await tabTo(s, "#account-base-url", { max: 3 });
  await typeText(s, service.base_url);
  assert.equal(await s.execute("return document.querySelector('#account-base-url').value"), service.base_url);
  await tabTo(s, "#add-account-submit", { max: 12 });
  await assertFocusShown("Check and add");
  await press(s, KEY.Enter);

  const account = await s.waitUntil(async () => {
    const r = await s.invoke("list_accounts");
    return r.ok && r.value.find((a) => a.label === LABEL);
  }, "the new account", 20000);
  assert.equal(account.status, "verified", `the key was checked with the simulator (${JSON.stringify(account.last_error)})`);
  // The form closes: its result takes focus (not the page).
  await waitFocus(s, (f) => f.id === "accounts-notice", "focus on “… was added.”", 10000);
  assert.match(await s.text("#accounts-notice"), /was added/);
  const row = `[data-account-id="${account.id}"]`;
  await s.waitFor(row);

  // Rotate key: Tab to this account's button; the wizard opens on the key field.
  const rotate = `${row} [data-action=rotate]`;
  await tabTo(s, rotate, { max: 60 });
  await assertFocusShown("Rotate key");
  const { key: newKey } = await control(manifest, "POST", "/keys/issue", { provider: PROVIDER, environment: "live" });
  await press(s, KEY.Enter);
  await waitForStep("enter_key");
  await waitFocus(s, (f) => f.id === "rotation-key" && f.inDialog, "focus on the new key field (step 1)", 10000);
  await assertFocusShown("wizard step 1: the key field");
  // The wizard's title and steps are in view at 200 %.
  const head = await s.execute("const r = document.querySelector('#wizard-title').getBoundingClientRect(); return [r.top, r.bottom, innerHeight]");
  assert.ok(head[0] >= 0 && head[1] <= head[2], `the wizard's title is in view (${head})`);
  await typeText(s, newKey);
  await press(s, KEY.Enter); // submits step 1 from the field

  await waitForStep("verify");
  await assertStepTitleFocused("verify");
  assert.equal(await wizardAlert(), null, "no error after step 1");

  // Escape closes the wizard midway; focus goes back to the button that opened it, which now
  // resumes the rotation at the same step.
  await press(s, KEY.Escape);
  await s.waitUntil(async () => !(await s.exists("#rotation-wizard")), "the wizard to close");
  const back = await waitFocus(s, (f) => f.action === "rotate" && f.account === String(account.id), "focus back on this account's rotate button");
  t.diagnostic(`after Escape at step 2, focus is on “${back.name}”`);
  await assertFocusShown("Resume rotation");
  await press(s, KEY.Enter);
  await waitForStep("verify");
  await assertStepTitleFocused("verify (resumed)");

  // Steps 2 to 5 with Tab and Enter.
  await wizardNext("verify");
  await waitForStep("switch");
  await assertStepTitleFocused("switch");
  await wizardNext("switch");
  await waitForStep("revoke_old");
  await assertStepTitleFocused("revoke_old");
  await control(manifest, "POST", "/keys/revoke", { key: oldKey }); // done in the service's dashboard
  await wizardNext("revoke_old");
  const five = await s.waitUntil(async () => {
    const st = await wizardStep();
    return st === "confirm_revoked" || st === "done" ? st : null;
  }, "step 5 or the end", 20000);
  if (five === "confirm_revoked") {
    await assertStepTitleFocused("confirm_revoked");
    await wizardNext("confirm_revoked");
  }
  await waitForStep("done");
  await assertStepTitleFocused("done");
  assert.equal(await s.text("#wizard-step-title"), "Rotation complete");
  assert.equal(await wizardAlert(), null, "no error in the wizard");

  // Escape closes it; focus is back on the button that opened it.
  await press(s, KEY.Escape);
  await s.waitUntil(async () => !(await s.exists("#rotation-wizard")), "the wizard to close");
  await waitFocus(s, (f) => f.action === "rotate" && f.account === String(account.id), "focus back on this account's rotate button");
  // The account is no longer rotating: the same button says "Rotate key" again.
  await waitFocus(s, (f) => f.action === "rotate" && /^Rotate key/.test(f.name), "the focused button to read “Rotate key …”");
  await assertFocusShown("Rotate key after the rotation");
  const after = (await s.invoke("list_accounts")).value.find((a) => a.id === account.id);
  assert.ok(after.masked_key.endsWith(newKey.slice(-4)), `the account uses the new key: ${after.masked_key}`);
  await s.waitUntil(async () => (await s.text(`${row} .masked-key`)) === after.masked_key, "the new masked key on screen");
  await assertNoSideways("accounts after the rotation at 200 %");
  // Shift+Tab still walks backwards from there (focus was not left on a detached element).
  await chord(s, KEY.Shift, KEY.Tab);
  assert.equal((await focused(s))?.action, "check", "Shift+Tab reaches this account's Check button");
});
