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
