import { describe, expect, it } from "vitest";
import { FakeBackend, fakeOptionsFromSearch } from "./fake/index";
import { selectBackend } from "./select-backend";

const browser = (search: string) => ({ location: { search } }) as unknown as Window;

describe("selectBackend", () => {
  it("uses Tauri inside the window, without loading the fake", async () => {
    const win = { __TAURI_INTERNALS__: {}, location: { search: "?seed=1" } } as unknown as Window;
    const backend = await selectBackend(win);
    expect(backend).not.toBeInstanceOf(FakeBackend);
    expect(typeof backend.listCodes).toBe("function");
  });

  it("loads the in-memory fake in a plain browser, with the dev URL switches", async () => {
    const backend = await selectBackend(browser("?seed=1&codes=30&offline=1"));
    expect(backend).toBeInstanceOf(FakeBackend);
    expect((await backend.appInfo()).demo).toBe(true);
    expect((await backend.listAccounts()).length).toBe(5);
    expect((await backend.syncStatus()).online).toBe(false);
    expect((await backend.listCodes({ search: "", account: null, status: null, environment: null, pending_only: false, sort: "name", offset: 0, limit: 10 })).total).toBe(30);
  });

  it("reads the dev URL switches with safe defaults", () => {
    expect(fakeOptionsFromSearch("")).toEqual({ seeded: false, codeCount: 100_000, offline: false, noPrinting: false });
    expect(fakeOptionsFromSearch("?printing=0").noPrinting).toBe(true);
    expect(fakeOptionsFromSearch("?codes=999999").codeCount).toBe(200_000);
    expect(fakeOptionsFromSearch("?codes=-5").codeCount).toBe(100_000);
    expect(fakeOptionsFromSearch("?codes=abc").codeCount).toBe(100_000);
  });
});
