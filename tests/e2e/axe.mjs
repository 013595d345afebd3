// axe-core in the real window: its source (ui/node_modules/axe-core/axe.min.js, a devDependency of
// the UI) is injected through WebDriver's execute-script endpoint, then `axe.run` checks the
// whole document. Only serious and critical violations count: those fail the a11y flow.
import { readFile } from "node:fs/promises";

const AXE = new URL("../../ui/node_modules/axe-core/axe.min.js", import.meta.url);
export const COUNTED = ["serious", "critical"];

let source = null;

/** axe-core's source, read once (run `npm ci` in ui/ first). */
export async function axeSource() {
  if (source === null) {
    try {
      source = await readFile(AXE, "utf8");
    } catch (e) {
      throw new Error(`axe-core is missing (${AXE.pathname}): run npm ci in ui/ (${e.message})`);
    }
  }
  return source;
}

/** Defines `window.axe` in the page, unless it is already there (a screen change keeps it). */
export async function injectAxe(s) {
  const present = await s.execute("return !!(window.axe && typeof window.axe.run === 'function')");
  if (present) return;
  await s.execute(`${await axeSource()}\n;return true;`);
  const ok = await s.execute("return !!(window.axe && typeof window.axe.run === 'function')");
  if (!ok) throw new Error("injecting axe-core did not define window.axe");
}

/**
 * Runs axe on the whole document and returns the serious and critical violations:
 * `[{ id, impact, help, nodes: [{ target, summary }] }]` (empty when the screen passes).
 */
export async function runAxe(s) {
  await injectAxe(s);
  const r = await s.executeAsync(
    `const done = arguments[arguments.length - 1];
     const counted = arguments[0];
     window.axe.run(document, { resultTypes: ["violations"] })
       .then((res) => done({ ok: true, violations: res.violations
         .filter((v) => counted.includes(v.impact))
         .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
           nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })) })) }))
       .catch((e) => done({ ok: false, error: String(e && e.message || e) }));`,
    [COUNTED],
  );
  if (!r.ok) throw new Error(`axe.run failed: ${r.error}`);
  return r.violations;
}

/** How many elements fail, over all violations. */
export function nodeCount(violations) {
  return violations.reduce((n, v) => n + v.nodes.length, 0);
}

/** A readable report: one line per violation, with up to three of its elements. */
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target).join(", ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`)
    .join("\n");
}

/**
 * Forces the colour scheme: `data-scheme` on <html>, which ui/src/styles/tokens.css honours besides
 * prefers-color-scheme (WebDriver cannot change the OS setting). Waits for the new colours.
 */
export async function setScheme(s, scheme) {
  await s.execute("document.documentElement.dataset.scheme = arguments[0]", [scheme]);
  await s.waitUntil(async () => {
    const bg = await s.execute("return getComputedStyle(document.body).backgroundColor");
    return scheme === "dark" ? bg === "rgb(21, 24, 29)" : bg === "rgb(246, 247, 249)";
  }, `the ${scheme} colours`, 5000);
}
