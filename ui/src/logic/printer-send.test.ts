import { describe, expect, it } from "vitest";
import { copiesProblem, defaultPrinter, MAX_COPIES, mediaText, printerOption, sentSentence } from "./printer-send";

const office = { name: "Office", is_default: false, media: "A4" };
const labels = { name: "Labels", is_default: true, media: null };

describe("the Print… dialog's rules", () => {
  it("starts on the default printer, else the first", () => {
    expect(defaultPrinter([office, labels])).toBe("Labels");
    expect(defaultPrinter([office])).toBe("Office");
    expect(defaultPrinter([])).toBe("");
  });

  it("names printers and their paper", () => {
    expect(printerOption(labels)).toBe("Labels (default)");
    expect(printerOption(office)).toBe("Office");
    expect(mediaText(office)).toBe("Paper in the printer: A4.");
    expect(mediaText(labels)).toMatch(/does not say/);
    expect(mediaText(undefined)).toBe("");
  });

  it("takes 1 to 99 whole copies", () => {
    expect(copiesProblem(1)).toBeUndefined();
    expect(copiesProblem(MAX_COPIES)).toBeUndefined();
    for (const n of [0, MAX_COPIES + 1, 1.5, NaN]) expect(copiesProblem(n)).toBe(`Print 1 to ${MAX_COPIES} copies.`);
  });

  it("says what CUPS did", () => {
    expect(sentSentence({ job: "Office-12", printer: "Office", copies: 1, warnings: [] })).toBe("Sent to Office as job Office-12.");
    expect(sentSentence({ job: "Office-13", printer: "Office", copies: 3, warnings: [] })).toBe("Sent to Office as job Office-13 (3 copies).");
  });
});
