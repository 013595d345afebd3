// The window opens and shows the navigation shell (Library, Print, Accounts, Sync).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { Session } from "./webdriver.mjs";

let s;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s?.close();
});

test("the window is titled QR Desk", async () => {
  assert.equal(await s.title(), "QR Desk");
});

test("first run explains QR Desk and offers the three ways in", async () => {
  for (const id of ["#add-account", "#try-demo", "#print-csv"]) {
    assert.ok(await s.waitFor(id), `${id} is shown`);
  }
});

test("the navigation shell offers Library, Print, Accounts and Sync", async () => {
  for (const [id, label] of [
    ["#nav-library", "Library"],
    ["#nav-print", "Print"],
    ["#nav-accounts", "Accounts"],
    ["#nav-sync", "Sync"],
  ]) {
    const text = await s.text(id);
    assert.match(text, new RegExp(label), `${id} shows ${label}`);
  }
  const png = await s.screenshot("shell");
  assert.ok(png.length > 10000, "screenshot has content");
});

test("each section opens when its navigation item is clicked", async () => {
  for (const id of ["#nav-print", "#nav-accounts", "#nav-sync", "#nav-library"]) {
    await s.click(id);
    const current = await s.execute(
      "return document.querySelector(arguments[0]).getAttribute('aria-current')",
      [id],
    );
    assert.equal(current, "page", `${id} becomes the current page`);
  }
});
