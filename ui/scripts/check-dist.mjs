// Fails the build when ui/dist would break the window's strict CSP
// (`default-src 'self'; script-src 'self'; style-src 'self'`) or load anything remote:
// no inline <script>/<style>, no style= or on*= attributes, no absolute asset URLs, no http(s) in CSS.
// Also fails when the in-memory FakeBackend (src/platform/fake/) reached ui/dist: the Tauri window
// must only ever talk to Rust.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const fakeSrc = new URL("../src/platform/fake/", import.meta.url).pathname;
const problems = [];
const html = readFileSync(join(dist, "index.html"), "utf8");

for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (!/\bsrc=/.test(m[1])) problems.push("index.html has an inline <script>");
  if (m[2].trim() !== "") problems.push("index.html has a <script> with a body");
}
if (/<style\b/i.test(html)) problems.push("index.html has an inline <style>");
if (/\sstyle=/i.test(html)) problems.push("index.html has a style= attribute");
if (/\son[a-z]+=/i.test(html)) problems.push("index.html has an inline event handler");
for (const m of html.matchAll(/\b(?:src|href)="([^"]+)"/gi)) {
  if (!m[1].startsWith("./")) problems.push(`index.html references ${m[1]} (must be a relative ./ path)`);
}
for (const f of readdirSync(join(dist, "assets"))) {
  if (!f.endsWith(".css")) continue;
  const css = readFileSync(join(dist, "assets", f), "utf8");
  if (/@import|url\(\s*["']?(https?:)?\/\//i.test(css)) problems.push(`${f} loads remote content`);
}

// Strings only the fake backend's source contains (one per area), with the file that has each.
// `vite build` never bundles the fake (select-backend.ts imports it only when !import.meta.env.PROD),
// so none may appear in any file of ui/dist.
const FAKE_MARKERS = [
  ["harbourcafe.example", "demo-data.ts"],
  ["ws_spring", "accounts.ts"],
  ["kept as pending revoke", "rotation.ts"],
  ["/home/you/", "library.ts"],
  ["?src=dashboard", "outbox.ts"],
  ["A sync is already running", "sync.ts"],
  ["/home/you/", "print.ts"],
  ["exr.to/Q7dK2mP", "styles.ts"],
];
const stale = FAKE_MARKERS.filter(([marker, file]) => !readFileSync(join(fakeSrc, file), "utf8").includes(marker));
if (stale.length > 0) {
  console.error(`scripts/check-dist.mjs: update FAKE_MARKERS, these are no longer in src/platform/fake/:\n- ${stale.map(([m, f]) => `"${m}" (${f})`).join("\n- ")}`);
  process.exit(1);
}
const fakeProblems = [];
for (const f of readdirSync(dist, { recursive: true })) {
  const path = join(dist, f);
  if (!/\.(js|mjs|html|map)$/.test(path)) continue;
  const text = readFileSync(path, "utf8");
  for (const [marker, file] of FAKE_MARKERS) {
    if (text.includes(marker)) fakeProblems.push(`${f} contains "${marker}" (from src/platform/fake/${file})`);
  }
}

if (problems.length > 0) console.error(`ui/dist breaks the strict CSP:\n- ${problems.join("\n- ")}`);
if (fakeProblems.length > 0) console.error(`ui/dist contains the in-memory FakeBackend, which must never ship:\n- ${fakeProblems.join("\n- ")}`);
if (problems.length > 0 || fakeProblems.length > 0) process.exit(1);
console.log("ui/dist: relative assets, no inline scripts or styles, no remote content, no fake backend");
