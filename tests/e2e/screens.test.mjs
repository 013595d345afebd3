// Every screen with demo data, at 1280×800, at 1024×700 and at 512×350 (200 % of 1024×700; the
// window itself is made 512×350, tauri.conf.json allows down to 480×340): screenshots for the
// user guide (docs/screenshots/ with QRDESK_UPDATE_SCREENSHOTS=1) and checks that nothing is cut
// off sideways, and that no raw JSON or stack trace reaches the window. On a narrow window the
// accounts and the sync accounts are lists of cards instead of tables.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { Session } from "./webdriver.mjs";
import { ensureDemoCodes, missingCommands, skipMessage, startDemo } from "./support.mjs";
import { focusWindow } from "./keyboard.mjs";

const SIZES = [
  [1280, 800],
  [1024, 700],
  [512, 350],
];
const ACCOUNT_ROW = "#accounts-table tr[data-account-id], #accounts-list [data-account-id]";
const CSV = "url,caption\n" + Array.from({ length: 30 }, (_, i) => `https://example.com/menu/${i + 1},Table ${i + 1}`).join("\n");

let s;
let demo = { missing: ["start_demo"] };
let accountId = null;
let codeId = null;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

/** What a person must never see: JSON, stack traces, `undefined`, `[object Object]`, `NaN`. */
async function assertReadable(where) {
  const text = await s.bodyText();
  assert.doesNotMatch(text, /\{\s*"[a-z_]+"\s*:/i, `${where}: raw JSON on screen`);
  assert.doesNotMatch(text, /\bat \S+ \(.*:\d+:\d+\)|Traceback|panicked at|\bundefined\b|\[object Object\]|\bNaN\b/, `${where}: internals on screen`);
  const overflow = await s.execute(`
    const w = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth > w + 1;
    const cut = [...document.querySelectorAll("main button, main label, main h1, main h2, main input, main select")]
      .filter((e) => e.offsetParent !== null && !e.closest(".table-wrap, .virtual-list, dialog"))
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .map((e) => e.id || e.textContent.trim().slice(0, 30));
    return { wide, cut };`);
  assert.equal(overflow.wide, false, `${where}: the page scrolls sideways`);
  assert.deepEqual(overflow.cut, [], `${where}: controls past the right edge`);
}

/** Resizes the window and waits until the page has that viewport. */
async function resize(width, height) {
  await s.setWindowSize(width, height);
  await s.waitUntil(async () => {
    const [w, h] = await s.execute("return [window.innerWidth, window.innerHeight]");
    return w === width && h === height;
  }, `a ${width}×${height} viewport`, 5000);
}

async function shot(name, width, height) {
  await assertReadable(`${name} at ${width}×${height}`);
  // The X pointer into the window: it has focus (focus rings show) and no tooltip is left over.
  if (!(await focusWindow(s, height))) console.log(`# ${name} at ${width}×${height}: the window does not have focus (no focus ring in the shot)`);
  await s.screenshot(`${name}-${width}x${height}`, { width, height });
}

/**
 * Runs `body` for one screen at both sizes, or skips it when its commands are missing. With
 * `codes`, the screen needs the demo's codes in the cache (a sync fills it when empty).
 */
function screen(name, needs, body, { codes = false } = {}) {
  test(`screen: ${name}`, async (t) => {
    const missing = [...demo.missing, ...(await missingCommands(s, needs))];
    if (missing.length === 0 && codes) missing.push(...(await ensureDemoCodes(s)));
    if (missing.length > 0) {
      t.skip(skipMessage(missing));
      return;
    }
    for (const [width, height] of SIZES) {
      await resize(width, height);
      await body(width, height);
    }
  });
}

test("the first-run screen, then the demo starts", async () => {
  await s.waitFor("#try-demo");
  for (const [width, height] of SIZES) {
    await resize(width, height);
    await shot("first-run", width, height);
  }
  await resize(1280, 800);
  demo = await startDemo(s);
});

screen("library", ["list_accounts", "list_codes"], async (w, h) => {
  await s.go("#/library");
  await s.waitFor("#row-0[data-code-id]", 20000);
  codeId = Number(await s.execute("return document.querySelector('#row-0').dataset.codeId"));
  await shot("library", w, h);
}, { codes: true });

screen("library search", ["list_codes"], async (w, h) => {
  await s.go("#/library");
  await s.waitFor("#row-0[data-code-id]", 20000);
  await s.type("#library-search", "poster"); // the demo names its codes after print products
  await s.waitUntil(async () => /\d/.test(await s.text("#library-count")), "search results");
  await shot("library-search", w, h);
  await s.type("#library-search", "");
}, { codes: true });

screen("code detail", ["get_code", "code_analytics", "list_outbox"], async (w, h) => {
  assert.ok(codeId, "the library screen found a code");
  await s.go(`#/code/${codeId}`);
  await s.waitFor("#code-destination");
  await s.waitFor(".analytics svg, .analytics canvas, .analytics .chart", 20000);
  await shot("code-detail", w, h);
}, { codes: true });

screen("accounts", ["list_accounts", "audit_log"], async (w, h) => {
  await s.go("#/accounts");
  await s.waitFor(ACCOUNT_ROW);
  accountId = Number(await s.execute("return document.querySelector(arguments[0]).dataset.accountId", [ACCOUNT_ROW]));
  await shot("accounts", w, h);
});

screen("add an account", ["list_accounts"], async (w, h) => {
  await s.go("#/accounts/add");
  await s.waitFor("#add-account-form");
  await s.type("#account-key", "qrcp_live_0000exampleexample1234");
  await s.type("#account-label", "Shop window");
  await shot("accounts-add", w, h);
  await s.type("#account-key", "");
});

screen("rotation wizard", ["rotation_start", "rotation_abandon"], async (w, h) => {
  await s.go("#/accounts");
  await s.click(`[data-account-id="${accountId}"] [data-action=rotate]`);
  await s.waitFor("#rotation-wizard form[data-step]");
  await shot("rotation-wizard", w, h);
  await s.click("#wizard-abandon");
  await s.waitUntil(async () => !(await s.execute("const d = document.querySelector('#rotation-wizard'); return d && d.open")), "the wizard to close");
});

screen("print from the library", ["list_layouts", "print_preview"], async (w, h) => {
  await s.go("#/print?source=search");
  await s.waitFor("#print-preview-image", 20000);
  await shot("print", w, h);
}, { codes: true });

screen("print from a CSV", ["list_layouts", "csv_preview", "print_preview"], async (w, h) => {
  await s.go("#/library");
  await s.go("#/print?source=csv");
  await s.click("details.paste-csv summary");
  await s.paste("#csv-text", CSV);
  await s.click("#csv-use-text");
  await s.waitFor("#csv-preview");
  await s.waitFor("#print-preview-image", 20000);
  await shot("print-csv", w, h);
});

screen("styles", ["list_styles", "preview_style"], async (w, h) => {
  await s.go("#/styles");
  await s.waitFor("#style-new");
  await s.waitFor("[data-testid=style-badge] .badge", 20000);
  await shot("styles", w, h);
});

screen("sync and outbox", ["sync_status", "list_outbox"], async (w, h) => {
  await s.go("#/sync");
  await s.waitFor("#sync-table, #sync-list");
  await shot("sync", w, h);
});
