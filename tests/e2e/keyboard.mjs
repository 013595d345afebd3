// The keyboard alone, through WebDriver actions: keys go to whatever has focus, as a person's
// typing does (no element is clicked or focused by the test).
const BASE = process.env.QRDESK_WEBDRIVER_URL ?? "http://127.0.0.1:4444";

/** WebDriver's codes for the keys the flows use. */
export const KEY = {
  Tab: "\uE004",
  Enter: "\uE007",
  Escape: "\uE00C",
  Shift: "\uE008",
  Control: "\uE009",
  Home: "\uE011",
  End: "\uE010",
  ArrowUp: "\uE013",
  ArrowDown: "\uE015",
  Space: "\uE00D",
  Backspace: "\uE003",
};

async function perform(s, actions) {
  const res = await fetch(BASE + s.url("/actions"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ actions: [{ type: "key", id: "keyboard", actions }] }),
  });
  if (!res.ok) throw new Error(`POST /actions: ${res.status} ${await res.text()}`);
  await fetch(BASE + s.url("/actions"), { method: "DELETE" }).catch(() => {});
}

/** Presses and releases each key in turn. */
export async function press(s, ...keys) {
  await perform(s, keys.flatMap((k) => [{ type: "keyDown", value: k }, { type: "keyUp", value: k }]));
}

/** Holds `modifier` while pressing `key` (Shift+Tab, Control+a). */
export async function chord(s, modifier, key) {
  await perform(s, [
    { type: "keyDown", value: modifier },
    { type: "keyDown", value: key },
    { type: "keyUp", value: key },
    { type: "keyUp", value: modifier },
  ]);
}

/** Types `text` character by character. */
export async function typeText(s, text) {
  await press(s, ...[...text]);
}

/** What has focus: `{ id, tag, name, action, inDialog, account }` or null for <body>. */
export async function focused(s) {
  return s.execute(`
    const a = document.activeElement;
    if (!a || a === document.body || a === document.documentElement) return null;
    const row = a.closest("[data-account-id]");
    return { id: a.id, tag: a.tagName.toLowerCase(), name: a.getAttribute("aria-label") || (a.innerText || "").trim().slice(0, 80),
      action: a.dataset ? a.dataset.action || null : null, inDialog: !!a.closest("dialog"), account: row ? row.dataset.accountId : null };`);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `css`; throws after `max` presses. */
export async function tabTo(s, css, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await s.execute("const a = document.activeElement; return !!a && a.matches(arguments[0])", [css])) return i;
    if (back) await chord(s, KEY.Shift, KEY.Tab);
    else await press(s, KEY.Tab);
  }
  throw new Error(`${max} × ${back ? "Shift+Tab" : "Tab"} never reached ${css} (focus on ${JSON.stringify(await focused(s))})`);
}

/** Waits until what has focus passes `ok(focused)`; the error says where focus is instead. */
export async function waitFocus(s, ok, what, timeoutMs = 5000) {
  return s.waitUntil(async () => {
    const f = await focused(s);
    return f && ok(f) ? f : null;
  }, what, timeoutMs).catch(async (e) => {
    throw new Error(`${e.message}; focus is on ${JSON.stringify(await focused(s))}`);
  });
}

/** Puts focus back at the top of the page, where a person's first Tab starts (the focused <body>). */
export async function focusTop(s) {
  await s.execute("const b = document.body; b.setAttribute('tabindex', '-1'); b.focus(); b.removeAttribute('tabindex');");
}

/**
 * Types several lines into the focused <textarea>: each line character by character, Enter
 * between them (WebKitWebDriver drops "\n" inside typed text, but the Enter key makes a line).
 */
export async function typeLines(s, lines) {
  for (const [i, line] of lines.entries()) {
    if (i > 0) await press(s, KEY.Enter);
    await typeText(s, line);
  }
}

/**
 * Where the focused element is on screen: `{ inView, covered, rect, viewport }`. `inView`: some
 * of it is inside the window; `covered`: the point at the middle of its visible part belongs to
 * another element (a sticky header or a dialog over it).
 */
export async function focusPlace(s) {
  return s.execute(`
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const r = a.getBoundingClientRect();
    const vw = window.innerWidth, vh = window.innerHeight;
    const left = Math.max(r.left, 0), right = Math.min(r.right, vw), top = Math.max(r.top, 0), bottom = Math.min(r.bottom, vh);
    const inView = right > left && bottom > top;
    let covered = false;
    if (inView) {
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      covered = !!hit && !a.contains(hit) && !hit.contains(a);
    }
    return { inView, covered, rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)], viewport: [vw, vh] };`);
}

// Moves the X pointer (python3 + libX11 through ctypes: no extra package).
const WARP = `import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XDefaultRootWindow.restype = ctypes.c_ulong
d = x.XOpenDisplay(None)
if not d: sys.exit("cannot open the X display")
root = x.XDefaultRootWindow(ctypes.c_void_p(d))
x.XWarpPointer(ctypes.c_void_p(d), ctypes.c_ulong(0), ctypes.c_ulong(root), 0, 0, 0, 0, int(sys.argv[1]), int(sys.argv[2]))
x.XFlush(ctypes.c_void_p(d))
x.XCloseDisplay(ctypes.c_void_p(d))`;

/**
 * Gives the window the keyboard focus of the X display again. Under Xvfb there is no window
 * manager: focus follows the pointer, which starts in the middle of the 1280×800 screen, so a
 * window made smaller than that (600×400, 512×350) loses focus (document.hasFocus() is false,
 * :focus and :focus-visible stop matching: no focus ring in screenshots) even though keys sent
 * through WebDriver still reach it. Puts the pointer in the window's bottom-left corner (the
 * sidebar's padding: no tooltip there, and no tooltip left over from a row under the pointer).
 * Returns whether the page then has focus; never throws.
 */
export async function focusWindow(s, height) {
  const { execFileSync } = await import("node:child_process");
  try {
    execFileSync("python3", ["-c", WARP, "2", String(Math.max(0, height - 3))], { stdio: ["ignore", "ignore", "pipe"] });
  } catch {
    return false;
  }
  return s.waitUntil(async () => s.execute("return document.hasFocus()"), "the window to have focus", 2000).catch(() => false);
}
