// The hash routes of the Campaigns page: the list, the New campaign form and one campaign, both ways.
import { describe, expect, it } from "vitest";
import { parseRoute, routeHash } from "./route";

describe("campaign routes", () => {
  it("reads and writes the list, the form and one campaign", () => {
    expect(parseRoute("#/campaigns")).toEqual({ screen: "campaigns", campaign: null });
    expect(parseRoute("#/campaigns/new")).toEqual({ screen: "campaigns", campaign: "new" });
    expect(parseRoute("#/campaigns/12")).toEqual({ screen: "campaigns", campaign: 12 });
    expect(parseRoute("#/campaigns/abc")).toEqual({ screen: "campaigns", campaign: null });
    expect(parseRoute("#/campaigns/0")).toEqual({ screen: "campaigns", campaign: null });
    for (const hash of ["#/campaigns", "#/campaigns/new", "#/campaigns/12"]) expect(routeHash(parseRoute(hash)!)).toBe(hash);
  });
});
