import { describe, expect, it } from "vitest";
import type { CampaignOutcome } from "../platform/types";
import { codesOf, failedHeading, outcomeSentence, previewCount, progressSentence } from "./campaign-progress";

const outcome = (o: Partial<CampaignOutcome>): CampaignOutcome => ({
  id: 3, name: "Spring tables", status: "printed", rows: 6, codes_created: 6, waiting: 0, failed: [], pages: 1, output: "/tmp/labels.pdf", print_job: 9, note: null, ...o,
});

describe("where a campaign stands, in words", () => {
  it("counts codes of the rows that can become codes", () => {
    expect(codesOf({ rows: 6, failed: 1, codes: 3 })).toBe("3 of 5");
    expect(progressSentence({ rows: 6, failed: 1, codes: 3, waiting: 2, status: "waiting" }))
      .toBe("Created 3 of 5 codes, 2 waiting for the service, 1 row refused, not printed yet.");
    expect(progressSentence({ rows: 6, failed: 0, codes: 6, waiting: 0, status: "printed" })).toBe("Created 6 of 6 codes, printed.");
    expect(progressSentence({ rows: 1, failed: 0, codes: 1, waiting: 0, status: "printed" })).toBe("Created 1 of 1 code, printed.");
  });

  it("says what the preview will make", () => {
    expect(previewCount({ rows: 6, problems: [] })).toBe("6 rows: all will become codes.");
    expect(previewCount({ rows: 2, problems: [] })).toBe("2 rows: both will become codes.");
    expect(previewCount({ rows: 1, problems: [] })).toBe("1 row: it will become a code.");
    expect(previewCount({ rows: 6, problems: [{ row: 3, reason: "x" }] })).toBe("6 rows: 5 will become codes, 1 will not.");
    expect(previewCount({ rows: 1, problems: [{ row: 1, reason: "x" }] })).toBe("1 row: none will become a code.");
    expect(previewCount({ rows: 0, problems: [] })).toBe("No rows under the column names yet.");
  });

  it("words the outcome: printed, or waiting for the service", () => {
    expect(outcomeSentence(outcome({}))).toBe("“Spring tables” is printed: 6 codes made, labels saved on 1 page.");
    expect(outcomeSentence(outcome({ pages: 0 }))).toBe("“Spring tables” is printed: 6 codes made, labels saved.");
    expect(outcomeSentence(outcome({ status: "waiting", codes_created: 2, waiting: 3, pages: 0 })))
      .toBe("“Spring tables” is waiting for the service: 2 of 5 codes confirmed. Nothing is printed until all are.");
    expect(failedHeading(1)).toBe("1 row did not become a code");
    expect(failedHeading(1200)).toBe("1,200 rows did not become codes");
  });
});
