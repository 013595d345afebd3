// Fails the build when ui/dist would break the window's strict CSP
// (`default-src 'self'; script-src 'self'; style-src 'self'`) or load anything remote:
// no inline <script>/<style>, no style= or on*= attributes, no absolute asset URLs, no http(s) in CSS.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
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

if (problems.length > 0) {
  console.error(`ui/dist breaks the strict CSP:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("ui/dist: relative assets, no inline scripts or styles, no remote content");
