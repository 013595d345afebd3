import { describe, expect, it } from "vitest";
import { buildChanges, destinationProblem, DESTINATION_MAX, NAME_MAX, nameProblem } from "./destination";

describe("destinationProblem", () => {
  it.each(["https://example.com", "http://example.com/menu?table=4#top", "https://xn--caf-dma.example/ü"])("accepts %s", (url) => {
    expect(destinationProblem(url)).toBeNull();
  });

  it.each([
    ["javascript:alert(1)", /Only web addresses/],
    ["JavaScript:alert(1)", /Only web addresses/],
    ["data:text/html,hi", /Only web addresses/],
    ["ftp://example.com", /Only web addresses/],
    ["example.com/menu", /Start the address with https/],
    ["", /Enter the web address/],
    ["https://exa mple.com", /spaces/],
    ["https://example.com/\u0000", /spaces/],
    ["https://user:pw@example.com", /user name or password/],
    ["https://", /not a valid web address|site name/],
  ])("refuses %j", (url, message) => {
    expect(destinationProblem(url)).toMatch(message);
  });

  it("enforces the length limit", () => {
    const base = "https://example.com/";
    expect(destinationProblem(base + "a".repeat(DESTINATION_MAX - base.length))).toBeNull();
    expect(destinationProblem(base + "a".repeat(DESTINATION_MAX))).toMatch(/too long/);
  });
});

describe("buildChanges", () => {
  const current = { name: "Menu", destination: "https://a.example/", status: "active" as const };
  it("sends only what changed, trimmed", () => {
    expect(buildChanges(current, { ...current, destination: "  https://b.example/  " })).toEqual({
      changes: { destination: "https://b.example/" },
      problems: {},
    });
    expect(buildChanges(current, { ...current, status: "paused" }).changes).toEqual({ status: "paused" });
  });
  it("returns null changes when nothing changed", () => {
    expect(buildChanges(current, { ...current }).changes).toBeNull();
  });
  it("blocks saving with problems per field", () => {
    const r = buildChanges(current, { name: "", destination: "javascript:void(0)", status: "active" });
    expect(r.changes).toBeNull();
    expect(r.problems.name).toMatch(/name/);
    expect(r.problems.destination).toMatch(/Only web addresses/);
    expect(nameProblem("x".repeat(NAME_MAX + 1))).toMatch(new RegExp(`under ${NAME_MAX}`));
  });
});

describe("buildChanges for a code the service keeps without a name", () => {
  const unnamed = { name: "", destination: "https://a.example/", status: "active" as const };
  it("lets its destination change while it stays unnamed", () => {
    expect(buildChanges(unnamed, { ...unnamed, destination: "https://b.example/" })).toEqual({
      changes: { destination: "https://b.example/" },
      problems: {},
    });
  });
  it("still refuses clearing a name that exists", () => {
    const named = { ...unnamed, name: "Menu" };
    expect(buildChanges(named, { ...named, name: " " }).problems.name).toMatch(/name/);
  });
});
