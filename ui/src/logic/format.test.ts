import { describe, expect, it } from "vitest";
import { daysUntil, displayName, formatAge, formatCount, formatDate, formatDateTime, formatExpiry, formatRelative, lastDays, shortUrl } from "./format";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const DAY = 86_400_000;

describe("format", () => {
  it("formats dates in UTC without the machine's locale", () => {
    expect(formatDate("2026-11-22T23:30:00Z")).toBe("22 Nov 2026");
    expect(formatDateTime("2026-01-05T07:04:00Z")).toBe("5 Jan 2026, 07:04 UTC");
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("—");
  });

  it("says how old a key is", () => {
    expect(formatAge(ago(3 * 3600_000), now)).toBe("today");
    expect(formatAge(ago(1 * DAY), now)).toBe("1 day");
    expect(formatAge(ago(10 * DAY), now)).toBe("10 days");
    expect(formatAge(ago(35 * DAY), now)).toBe("5 weeks");
    expect(formatAge(ago(200 * DAY), now)).toBe("6 months");
    expect(formatAge(ago(800 * DAY), now)).toBe("2 years");
  });

  it("says how long ago something happened", () => {
    expect(formatRelative(ago(10_000), now)).toBe("just now");
    expect(formatRelative(ago(60_000), now)).toBe("1 minute ago");
    expect(formatRelative(ago(5 * 3600_000), now)).toBe("5 hours ago");
    expect(formatRelative(ago(2 * DAY), now)).toBe("2 days ago");
    expect(formatRelative(ago(90 * DAY), now)).toBe("24 Aug 2026");
    expect(formatRelative(null, now)).toBe("never");
  });

  it("counts down to an expiry", () => {
    const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
    expect(daysUntil(at(9), now)).toBe(9);
    expect(formatExpiry(at(9), now)).toBe("In 9 days");
    expect(formatExpiry(at(1), now)).toBe("Tomorrow");
    expect(formatExpiry(at(-3), now)).toBe("3 days ago");
    expect(formatExpiry(null, now)).toBe("No expiry");
  });

  it("formats counts, windows and links", () => {
    expect(formatCount(100000)).toBe("100,000");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(null)).toBe("—");
    expect(lastDays(7, now)).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(shortUrl("https://exr.to/abc/")).toBe("exr.to/abc");
  });
});

describe("displayName", () => {
  it("keeps a name and stands in for a missing one", () => {
    expect(displayName("Menu")).toBe("Menu");
    expect(displayName("  ")).toBe("Untitled code");
    expect(displayName(null)).toBe("Untitled code");
  });
});
