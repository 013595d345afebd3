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
    await call("POST", this.url(`/element/${el}/value`), { text });
  }

  async title() {
    return call("GET", this.url("/title"));
  }

  async execute(script, args = []) {
    return call("POST", this.url("/execute/sync"), { script, args });
  }

  /** Saves a PNG of the window into tests/e2e/out/ (and docs/screenshots/ when asked). */
  async screenshot(name) {
    // WebKitWebDriver's own screenshot can return a stale first paint under Xvfb, so grab the
    // X display itself (what a person would see) after letting the page settle.
    await new Promise((r) => setTimeout(r, 400));
    const tmp = path.join(os.tmpdir(), `qrdesk-shot-${process.pid}.png`);
    execFileSync("import", ["-window", "root", tmp]);
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
