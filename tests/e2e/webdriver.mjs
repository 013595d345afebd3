// A small W3C WebDriver client over Node's fetch, for tauri-driver (no npm dependencies).
import { writeFile, mkdir, readFile, rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const BASE = process.env.QRDESK_WEBDRIVER_URL ?? "http://127.0.0.1:4444";

async function call(method, url, body) {
  const res = await fetch(BASE + url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = json.value ?? {};
    throw new Error(`${method} ${url}: ${res.status} ${err.error ?? ""} ${err.message ?? ""}`);
  }
  return json.value;
}

export class Session {
  static async start(application = process.env.QRDESK_APP) {
    const value = await call("POST", "/session", {
      capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application } } },
    });
    return new Session(value.sessionId);
  }

  constructor(id) {
    this.id = id;
  }

  url(rest) {
    return `/session/${this.id}${rest}`;
  }

  async find(css) {
    const v = await call("POST", this.url("/element"), { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await call("POST", this.url("/elements"), { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches an element, then returns it. */
  async waitFor(css, timeoutMs = 10000) {
    const until = Date.now() + timeoutMs;
    let last;
    while (Date.now() < until) {
      try {
        return await this.find(css);
      } catch (e) {
        last = e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`timed out waiting for ${css}: ${last?.message}`);
  }

  async click(css) {
    const el = await this.waitFor(css);
    await call("POST", this.url(`/element/${el}/click`), {});
  }

  async text(css) {
    const el = await this.waitFor(css);
    return call("GET", this.url(`/element/${el}/text`));
  }

  async type(css, text) {
    const el = await this.waitFor(css);
    await call("POST", this.url(`/element/${el}/clear`), {});
    // Clearing does not always fire `input`, which is what Preact's onInput listens to.
    await this.execute("arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", [{ [ELEMENT]: el }]);
    if (text !== "") await call("POST", this.url(`/element/${el}/value`), { text });
  }

  /** Waits until `fn()` resolves to something truthy, then returns it. */
  async waitUntil(fn, what, timeoutMs = 15000) {
    const until = Date.now() + timeoutMs;
    let last;
    while (Date.now() < until) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
  }

  /** Opens a screen by its hash route (`#/library`, `#/code/42`, `#/print?source=csv`). */
  async go(hash) {
    await this.execute("window.location.hash = arguments[0]", [hash]);
  }

  /** True when `css` matches an element right now. */
  async exists(css) {
    return (await this.findAll(css)).length > 0;
  }

  /** Picks `value` in a <select> (or sets an input) and fires the events Preact listens to. */
  async choose(css, value) {
    await this.waitFor(css);
    await this.execute(
      `const el = document.querySelector(arguments[0]);
       el.value = arguments[1];
       el.dispatchEvent(new Event("input", { bubbles: true }));
       el.dispatchEvent(new Event("change", { bubbles: true }));`,
      [css, String(value)],
    );
  }

  /**
   * Pastes `text` into a field (value set at once, then `input`), as a paste from the clipboard
   * does. WebKitWebDriver's typing drops newlines, so multi-line text goes in this way.
   */
  async paste(css, text) {
    await this.choose(css, text);
  }

  /** The text a person sees in the whole window. */
  async bodyText() {
    return this.execute("return document.body.innerText");
  }

  /** Calls a Tauri command straight through the IPC bridge: `{ ok, value }` or `{ ok: false, error }`. */
  async invoke(command, args = {}) {
    return this.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
         .then((value) => done({ ok: true, value: value ?? null }))
         .catch((e) => done({ ok: false, error: typeof e === "string" ? e : JSON.stringify(e) }));`,
      [command, args],
    );
  }

  async executeAsync(script, args = []) {
    return call("POST", this.url("/execute/async"), { script, args });
  }

  /** Resizes the window (W3C Set Window Rect). */
  async setWindowSize(width, height) {
    return call("POST", this.url("/window/rect"), { x: 0, y: 0, width, height });
  }

  async windowRect() {
    return call("GET", this.url("/window/rect"));
  }

  async title() {
    return call("GET", this.url("/title"));
  }

  async execute(script, args = []) {
    return call("POST", this.url("/execute/sync"), { script, args });
  }

  /** Saves a PNG of the window into tests/e2e/out/ (and docs/screenshots/ when asked). */
  async screenshot(name, { width, height } = {}) {
    // WebKitWebDriver's own screenshot can return a stale first paint under Xvfb, so grab the
    // X display itself (what a person would see) after letting the page settle. With a size,
    // only the window's top-left corner of the display is kept (the window sits at 0,0).
    await new Promise((r) => setTimeout(r, 400));
    const tmp = path.join(os.tmpdir(), `qrdesk-shot-${process.pid}.png`);
    const crop = width && height ? ["-crop", `${width}x${height}+0+0`, "+repage"] : [];
    execFileSync("import", ["-window", "root", ...crop, tmp]);
    const png = await readFile(tmp);
    await rm(tmp, { force: true });
    const dirs = ["tests/e2e/out"];
    if (process.env.QRDESK_UPDATE_SCREENSHOTS === "1") dirs.push("docs/screenshots");
    for (const dir of dirs) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${name}.png`), png);
    }
    return png;
  }

  async close() {
    await call("DELETE", `/session/${this.id}`).catch(() => {});
  }
}
