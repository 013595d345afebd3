// What the end-to-end flows share: checking which Tauri commands the app registers, starting the
// demo through the first-run screen, talking to the demo simulator's control endpoint, and reading
// written PDFs back (codes decoded with zxing-cpp, text with poppler's pdftotext).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const VENV = path.join(os.homedir(), ".cache", "qrdesk-e2e-venv");
const DECODER = path.join(path.dirname(new URL(import.meta.url).pathname), "decode-pdf-codes.py");

/** Tauri's answer for a command that is not in `generate_handler!`. */
const NOT_FOUND = /command \S+ not found/i;

/**
 * Returns the commands among `names` that the running app does not register. A command that
 * takes an argument is probed with none: a registered one then refuses the call while reading
 * its arguments ("missing required key"), before doing anything. A command without arguments
 * runs, so only pass harmless ones (app_info, list_accounts, sync_status, list_layouts);
 * `start_demo` is checked through the first-run button instead (see `startDemo`). (The bridge's
 * `invoke` cannot be wrapped to watch the UI's own calls: Tauri defines it read-only.)
 */
export async function missingCommands(s, names) {
  const missing = [];
  for (const name of names) {
    if (name === "start_demo") throw new Error("check start_demo with startDemo(), probing it would start the demo");
    const r = await s.invoke(name, {});
    if (!r.ok && NOT_FOUND.test(r.error)) missing.push(name);
  }
  return missing;
}

/** The sentence a skipped flow prints. */
export function skipMessage(missing) {
  return `the app does not register ${missing.map((m) => `\`${m}\``).join(", ")} yet (src-tauri/src/lib.rs)`;
}

/**
 * Clicks "Try the demo" on the first-run screen and waits for the library. When the screen shows
 * an error instead, asks the IPC bridge directly: `{ missing: ["start_demo"] }` when the command
 * is not registered, else the failure (with the raw answer) is thrown.
 */
export async function startDemo(s) {
  // A second flow in the same window: the demo already runs.
  const info = await s.invoke("app_info");
  if (info.ok && info.value.demo) {
    await s.go("#/library");
    return { missing: [] };
  }
  await s.waitFor("#try-demo");
  await s.click("#try-demo");
  const outcome = await s.waitUntil(async () => {
    const alert = await s.execute("const n = document.querySelector('.welcome [role=alert]'); return n && n.innerText");
    if (alert) return { alert };
    const count = await s.execute("const n = document.querySelector('#library-count'); return n && n.innerText");
    return count && /\d/.test(count) ? { ready: true } : null;
  }, "the demo library after Try the demo", 60000);
  if (outcome.ready) return { missing: [] };
  const probe = await s.invoke("start_demo");
  if (!probe.ok && NOT_FOUND.test(probe.error)) return { missing: ["start_demo"] };
  throw new Error(`Try the demo showed "${outcome.alert}"; start_demo answers ${JSON.stringify(probe)}`);
}

/** The demo simulator's manifest, written by `start_demo` into the data folder. */
export async function demoManifest(timeoutMs = 15000) {
  const dir = process.env.QRDESK_DATA_DIR;
  if (!dir) throw new Error("QRDESK_DATA_DIR is not set: run the suite through tests/e2e/run.sh");
  const file = path.join(dir, "demo-simulator.json");
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return JSON.parse(await readFile(file, "utf8"));
    } catch (e) {
      if (Date.now() > until) throw new Error(`${file} was not written by start_demo: ${e.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** One request to the simulator's control endpoint; throws with the simulator's answer on refusal. */
export async function control(manifest, method, route, body) {
  const res = await fetch(manifest.control_url.replace(/\/$/, "") + route, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Polls `list_outbox` for one code until `ok(entries)` holds. */
export async function waitForOutbox(s, code, ok, what, timeoutMs = 30000) {
  return s.waitUntil(async () => {
    const r = await s.invoke("list_outbox", { filter: { account: null, code } });
    if (!r.ok) throw new Error(`list_outbox: ${r.error}`);
    return ok(r.value) ? r.value : null;
  }, what, timeoutMs);
}

/** How many codes the library holds (all accounts, no filter). */
export async function codeCount(s) {
  const query = { search: "", account: null, status: null, environment: null, pending_only: false, sort: "name", offset: 0, limit: 1 };
  const r = await s.invoke("list_codes", { query });
  if (!r.ok) throw new Error(`list_codes: ${r.error}`);
  return r.value.total;
}

/**
 * Makes sure the demo's codes are in the local cache: when the library is still empty, presses
 * "Sync all accounts" and waits for codes. Returns the commands that are missing for that.
 */
export async function ensureDemoCodes(s) {
  if ((await codeCount(s)) > 0) return [];
  const missing = await missingCommands(s, ["start_sync"]);
  if (missing.length > 0) return missing;
  await s.go("#/sync");
  await s.click("#sync-all");
  await s.waitUntil(async () => (await codeCount(s)) > 0, "the demo codes after Sync all accounts", 120000);
  await s.go("#/library");
  return [];
}

/** The page's CSS viewport, `[width, height]`. */
export async function viewport(s) {
  return s.execute("return [window.innerWidth, window.innerHeight]");
}

/** Whether the viewport becomes `width`×`height` (±2 px) within `timeoutMs`. */
export async function viewportIs(s, width, height, timeoutMs = 5000) {
  try {
    await s.waitUntil(async () => {
      const [w, h] = await viewport(s);
      return Math.abs(w - width) <= 2 && Math.abs(h - height) <= 2;
    }, `a ${width}×${height} viewport`, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** A Python with zxing-cpp and Pillow (installed from PyPI into a venv under ~/.cache the first time). */
export function decoderPython() {
  const python = path.join(VENV, "bin", "python");
  if (!existsSync(python)) execFileSync("python3", ["-m", "venv", VENV], { stdio: "inherit" });
  try {
    execFileSync(python, ["-c", "import zxingcpp, PIL"], { stdio: "ignore" });
  } catch {
    execFileSync(path.join(VENV, "bin", "pip"), ["install", "--quiet", "zxing-cpp", "pillow"], { stdio: "inherit" });
  }
  return python;
}

/** Every QR code on every page of `pdf`: `[{ page, text }]` (decode-pdf-codes.py). */
export function decodePdfCodes(python, pdf) {
  return JSON.parse(execFileSync(python, [DECODER, pdf], { encoding: "utf8" }));
}

/**
 * The text pdftotext finds inside a rectangle of one page (mm from the page's top-left corner),
 * with every run of white space as one space.
 */
export function pdfTextIn(pdf, page, { x, y, w, h }) {
  const pt = (mm) => String(Math.round((mm * 72) / 25.4));
  const out = execFileSync("pdftotext", ["-q", "-r", "72", "-f", String(page), "-l", String(page), "-x", pt(x), "-y", pt(y), "-W", pt(w), "-H", pt(h), pdf, "-"], { encoding: "utf8" });
  return out.replace(/\s+/g, " ").trim();
}
