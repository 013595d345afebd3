import { describe, expect, it } from "vitest";
import { demoAccounts, demoCodes } from "../platform/fake/demo-data";
import type { CodeRow } from "../platform/types";
import { HeldRows } from "./held-rows";

const rows = (n: number): CodeRow[] => demoCodes(n, demoAccounts(new Date(0)), new Date(0));

describe("rows held while fresh pages come", () => {
  it("adds pages for the same search and replaces them for another", () => {
    const held = new HeldRows("a");
    const [one, two] = [rows(2), rows(3)];
    held.keep("a", new Map([[0, one]]));
    held.keep("a", new Map([[1, two]]));
    expect(held.get(0)).toBe(one);
    expect(held.get(1)).toBe(two);
    held.keep("b", new Map([[1, one]]));
    expect(held.get(0)).toBeUndefined();
    expect(held.get(1)).toBe(one);
    held.keep("c", new Map());
    expect(held.get(1), "nothing answered: what is held stays").toBe(one);
  });

  it("drops what answers another search, and a page put for a new search starts afresh", () => {
    const held = new HeldRows("a");
    held.keep("a", new Map([[0, rows(1)]]));
    held.keepOnly("a");
    expect(held.get(0)).toBeDefined();
    held.keepOnly("b");
    expect(held.get(0)).toBeUndefined();
    held.keep("a", new Map([[0, rows(1)], [1, rows(1)]]));
    const fresh = rows(2);
    held.put("b", 1, fresh);
    expect(held.get(0)).toBeUndefined();
    expect(held.get(1)).toBe(fresh);
  });
});
