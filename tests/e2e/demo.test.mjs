// First run → Try the demo → library → edit a destination while the service is unreachable →
// pending → sync → ExaRoutes asks for step-up (needs confirmation, with the sentence) → the
// grace window opens on the simulator → send again → the pending badge is gone.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { Session } from "./webdriver.mjs";
import { control, demoManifest, ensureDemoCodes, missingCommands, skipMessage, startDemo, waitForOutbox } from "./support.mjs";

const NEEDED = ["list_accounts", "list_codes", "get_code", "edit_code", "list_outbox", "retry_outbox", "sync_status", "start_sync"];
const STEP_UP_SENTENCE = "The service wants this change confirmed";

/** Outbox entries still waiting (list_outbox may also return sent ones). */
const waitingOnly = (entries) => entries.filter((e) => e.state !== "done");

/** Waits until no account is syncing (a sync started while one runs would be ignored). */
async function syncFinished() {
  await s.waitUntil(async () => {
    const r = await s.invoke("sync_status");
    return r.ok && r.value.accounts.every((a) => !a.running);
  }, "the sync to finish", 60000);
}

let s;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

test("demo: edit offline, sync, step-up, grace, sent", async (t) => {
  await s.waitFor("#try-demo");
  await s.screenshot("demo-01-first-run");

  const demo = await startDemo(s);
  const missing = [...demo.missing, ...(await missingCommands(s, NEEDED))];
  if (missing.length > 0) {
    t.skip(skipMessage(missing));
    return;
  }
  const manifest = await demoManifest();
  assert.deepEqual(await ensureDemoCodes(s), [], "start_sync is registered (checked above)");
  assert.match(manifest.control_url, /^http:\/\/127\.0\.0\.1:\d+/, "the manifest names the control endpoint");

  // The library shows the demo codes (the count says "Loading codes…" until the first answer).
  const count = await s.waitUntil(async () => {
    const text = await s.text("#library-count");
    return /^[\d,  ]+ codes?$/.test(text) ? text : null;
  }, "the library's count of the demo codes", 20000);
  assert.match(count, /^[\d,  ]+ codes?$/, `library count reads "${count}"`);
  await s.waitFor("#row-0[data-code-id]", 20000);
  await s.screenshot("demo-02-library");

  // Pick an ExaRoutes demo account and one of its codes.
  const accounts = (await s.invoke("list_accounts")).value;
  const exa = accounts.find((a) => a.provider === "exaroutes");
  assert.ok(exa, `the demo has an ExaRoutes account (got ${accounts.map((a) => a.provider).join(", ")})`);
  await s.choose("#filter-account", exa.id);
  await s.waitUntil(async () => {
    const row = await s.execute("const r = document.querySelector('#row-0[data-code-id]'); return r && r.innerText");
    return row && row.includes(exa.label);
  }, "the library filtered to the ExaRoutes account");
  const codeId = Number(await s.execute("return document.querySelector('#row-0').dataset.codeId"));
  await s.click("#row-0");
  await s.waitFor("#code-destination");
  await s.waitUntil(async () => (await s.text("#code-title")).length > 0, "the code's name");
  await s.screenshot("demo-03-code-detail");

  // Every service drops every connection from now on: QR Desk is offline.
  await control(manifest, "POST", "/faults", { kind: "drop_connection", probability: 1 });
  const destination = `https://example.com/e2e/${Date.now()}`;
  await s.type("#code-destination", destination);
  await s.click("#save-code");
  await s.waitFor("#code-outbox [data-outbox-state=pending]");
  assert.match(await s.text("#code-outbox"), /Pending/);
  await s.screenshot("demo-04-edit-pending");

  // A sync while offline keeps the edit waiting and says so.
  await s.click("#nav-sync");
  await s.click("#sync-all");
  await s.waitUntil(async () => {
    const r = await s.invoke("sync_status");
    return r.ok && r.value.online === false;
  }, "sync_status to report offline", 30000);
  await syncFinished();
  const waiting = await waitForOutbox(s, codeId, (es) => waitingOnly(es).length === 1, "the edit to stay in the outbox");
  assert.equal(waitingOnly(waiting)[0].state, "pending", "offline, the edit stays pending");
  await s.click("#nav-library");
  await s.click("#nav-sync");
  await s.waitFor(`.outbox-item[data-state=pending]`);
  await s.screenshot("demo-05-sync-offline");

  // Back online: ExaRoutes asks for step-up on a destination change.
  await control(manifest, "DELETE", "/faults");
  await s.click("#sync-all");
  await waitForOutbox(s, codeId, (es) => es.some((e) => e.state === "needs_confirmation"), "the edit to need confirmation", 30000);
  await s.click("#nav-library");
  await s.click("#nav-sync");
  await s.waitFor(".outbox-item[data-state=needs_confirmation]");
  const page = await s.bodyText();
  assert.ok(page.includes(STEP_UP_SENTENCE), `the outbox explains step-up: ${page.slice(0, 400)}`);
  await s.screenshot("demo-06-needs-confirmation");

  // The person confirms in the dashboard (the grace window opens), then sends again.
  const workspaces = new Set(
    [exa.workspace, ...(manifest.services.exaroutes?.accounts ?? []).map((a) => a.workspace)].filter(Boolean),
  );
  assert.ok(workspaces.size > 0, "the ExaRoutes workspace is known");
  for (const workspace of workspaces) await control(manifest, "POST", "/step-up/grace", { workspace });
  await s.click(".outbox-item[data-state=needs_confirmation] [data-action=confirm]");
  await waitForOutbox(s, codeId, (es) => waitingOnly(es).length === 0, "the edit to be sent", 30000);
  await s.waitUntil(async () => !(await s.exists(".outbox-item:not([data-state=done])")), "the outbox list to empty");
  await s.screenshot("demo-07-sent");

  // The code now has the new destination and no pending badge.
  const code = await s.invoke("get_code", { id: codeId });
  assert.ok(code.ok, `get_code: ${code.error}`);
  assert.equal(code.value.destination, destination);
  await s.go(`#/code/${codeId}`);
  await s.waitFor("#code-destination");
  await s.waitUntil(async () => !(await s.exists("#code-outbox [data-outbox-state]:not([data-outbox-state=done])")), "nothing waiting for the code");
  await s.click("#nav-library");
  await s.waitFor(`[data-code-id="${codeId}"]`);
  assert.equal(await s.exists(`[data-code-id="${codeId}"] [data-outbox-state]:not([data-outbox-state=done])`), false, "no pending badge in the library");
  await s.screenshot("demo-08-library-after-sync");
});
