import { describe, expect, it } from "vitest";
import { hasReprintProblems, inRanges, newReprint, parseRanges, reprintRequest, validateReprint } from "./reprint";

const job = { first_serial: 1, last_serial: 21 };

describe("parseRanges", () => {
  it("reads numbers and ranges, with spaces", () => {
    expect(parseRanges("")).toEqual([]);
    expect(parseRanges("3")).toEqual([[3, 3]]);
    expect(parseRanges("3,7-9")).toEqual([[3, 3], [7, 9]]);
    expect(parseRanges(" 3 , 7 - 9 ")).toEqual([[3, 3], [7, 9]]);
    expect(parseRanges("3,,7,")).toEqual([[3, 3], [7, 7]]);
  });

  it("refuses anything else", () => {
    for (const t of ["a", "0", "0-2", "9-7", "1-", "-2", "1.5", "3;4", "1--2"]) expect(parseRanges(t), t).toBeNull();
  });

  it("tells whether a number is in them", () => {
    const r = parseRanges("3,7-9")!;
    expect([2, 3, 6, 7, 9, 10].map((n) => inRanges(r, n))).toEqual([false, true, false, true, true, false]);
  });
});

describe("validateReprint", () => {
  it("accepts every label by default", () => {
    expect(validateReprint(newReprint(), job)).toEqual({});
  });

  it("says how to write a range, and which serials the job printed", () => {
    const p = validateReprint({ rows: "2 to 3", serials: "20-22", start_at: 0 }, job);
    expect(p.rows).toBe("Write the rows as numbers and ranges, like 3,7-9.");
    expect(p.serials).toBe("This job printed serials 1 to 21; 22 is not one of them.");
    expect(p.start_at).toMatch(/label 1/);
    expect(hasReprintProblems(p)).toBe(true);
  });

  it("does not bound rows (a reprint keeps its first job's row numbers)", () => {
    expect(validateReprint({ rows: "40-41", serials: "", start_at: 1 }, job)).toEqual({});
  });
});

describe("reprintRequest", () => {
  it("sends ranges without spaces, and blank ones as null", () => {
    expect(reprintRequest(7, { rows: " 2 - 3 ", serials: "", start_at: 4 })).toEqual({ job_id: 7, rows: "2-3", serials: null, start_at: 4 });
  });
});
