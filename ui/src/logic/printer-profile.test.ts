import { describe, expect, it } from "vitest";
import { printerProfileLabel, printerProfileSummary } from "./printer-profile";

const profile = (offset_x_mm: number, offset_y_mm: number, scale_x = 1, scale_y = scale_x) => ({ name: "P", offset_x_mm, offset_y_mm, scale_x, scale_y });

describe("printer profile labels", () => {
  it("say which way the print moves and how much it is scaled", () => {
    expect(printerProfileLabel({ ...profile(0.4, -0.6, 0.998), name: "Shop laser" })).toBe("Shop laser (0.4 mm right, 0.6 mm up, scale 0.998)");
    expect(printerProfileSummary(profile(-0.25, 1.5))).toBe("0.25 mm left, 1.5 mm down");
    expect(printerProfileSummary(profile(0, 0.3, 1, 1.002))).toBe("0.3 mm down, scale 1 across, 1.002 down");
  });

  it("leave out what is not corrected, and round away float noise", () => {
    expect(printerProfileSummary(profile(0, 0))).toBe("no correction");
    expect(printerProfileSummary(profile(0.1 + 0.2, 0.001, 1.00001))).toBe("0.3 mm right");
    expect(printerProfileSummary(profile(0, 0, 1.0015))).toBe("scale 1.0015");
  });
});
