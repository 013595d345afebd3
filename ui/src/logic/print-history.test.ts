import { describe, expect, it } from "vitest";
import { LAYOUTS } from "../platform/fake/demo-data";
import { fileName, jobLook, labelsOnPages, serialsText, sheetText } from "./print-history";

describe("print history wording", () => {
  it("names a job's look", () => {
    expect(jobLook({ design: null, style: null })).toBe("Plain");
    expect(jobLook({ design: null, style: "Autumn" })).toBe("Style “Autumn”");
    expect(jobLook({ design: "Jars", style: null })).toBe("Design “Jars”");
    expect(jobLook({ design: "Jars", style: "Autumn" })).toBe("Design “Jars”, style “Autumn”");
  });

  it("writes serials, sheets, file names and counts", () => {
    expect(serialsText({ first_serial: 1, last_serial: 21 })).toBe("1–21");
    expect(serialsText({ first_serial: 5, last_serial: 5 })).toBe("5");
    expect(sheetText(LAYOUTS, "avery-l7160")).toBe("Avery L7160 (A4, 21 labels)");
    expect(sheetText(LAYOUTS, "/home/me/sheet.xml")).toBe("/home/me/sheet.xml");
    expect(fileName("/home/me/QR Desk/print 1.pdf")).toBe("print 1.pdf");
    expect(fileName("C:\\labels\\a.pdf")).toBe("a.pdf");
    expect(labelsOnPages(1, 1)).toBe("1 label on 1 page");
    expect(labelsOnPages(1200, 58)).toBe("1,200 labels on 58 pages");
  });
});
