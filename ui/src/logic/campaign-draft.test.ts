import { describe, expect, it } from "vitest";
import type { Account } from "../bindings/Account";
import { demoAccounts, LAYOUTS } from "../platform/fake/demo-data";
import { accountOption, codeAccounts, createBlocker, DEFAULT_UTM, defaultAccount, makesCodes, newCampaign, toDraft, validateCampaign } from "./campaign-draft";

const NOW = new Date("2026-11-22T12:00:00Z");
const accounts = demoAccounts(NOW);
const l7160 = LAYOUTS.find((l) => l.id === "avery-l7160")!;
const ready = { columnsRead: true, preview: "ready" as const, goodRows: 6 };

describe("a new campaign's draft", () => {
  it("offers only accounts whose service makes codes, starting on one that works", () => {
    expect(accounts.filter((a) => !makesCodes(a)).map((a) => a.provider)).toEqual(["exante"]);
    expect(codeAccounts(accounts).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(defaultAccount(accounts)).toBe(1);
    // The first has a problem: the next one that works.
    const broken: Account[] = accounts.map((a) => (a.id === 1 ? { ...a, status: "error" } : a));
    expect(defaultAccount(broken)).toBe(2);
    expect(defaultAccount(accounts.filter((a) => a.provider === "exante"))).toBeNull();
    expect(accountOption(accounts[1]!)).toBe("Menus (test) (QRCodePro, test)");
    expect(accountOption(accounts[0]!)).toBe("Marketing (ExaRoutes)");
  });

  it("starts with the suggested UTM template, the default sheet and names as captions", () => {
    const f = newCampaign(accounts);
    expect(DEFAULT_UTM).toBe("utm_source=print&utm_medium=label&utm_campaign={campaign}&utm_content={serial}");
    expect(f).toMatchObject({ account: 1, utm: DEFAULT_UTM, layout: "avery-l7160", caption: "{name}", design: null, style: null, start_at: 1 });
  });

  it("sends blank UTM as null, a trimmed name, and no caption under a label design", () => {
    const f = { ...newCampaign(accounts), name: "  Spring tables ", rows_text: "table,url\n", name_column: "table", destination_column: "url" };
    expect(toDraft(f)).toEqual({
      account: 1, name: "Spring tables", rows_text: "table,url\n", name_column: "table", destination_column: "url", utm: DEFAULT_UTM,
      layout: "avery-l7160", design: null, style: null, caption: "{name}", start_at: 1,
    });
    expect(toDraft({ ...f, utm: "   " })?.utm).toBeNull();
    expect(toDraft({ ...f, caption: "" })?.caption).toBeNull();
    expect(toDraft({ ...f, design: "Shelf label" })).toMatchObject({ design: "Shelf label", caption: null });
    expect(toDraft({ ...f, account: null })).toBeNull();
  });

  it("checks the start label against the sheet and the rows against Rust's limit, and says when no account can make codes", () => {
    const f = newCampaign(accounts);
    expect(validateCampaign(f, l7160, accounts)).toEqual({});
    expect(validateCampaign({ ...f, start_at: 22 }, l7160, accounts).start_at).toBe("Start at a label from 1 to 21.");
    expect(validateCampaign({ ...f, start_at: NaN }, l7160, accounts).start_at).toBe("Start at a label from 1 to 21.");
    expect(validateCampaign({ ...f, start_at: 0 }, undefined, accounts).start_at).toBe("Start at label 1 or later.");
    expect(validateCampaign(f, l7160, accounts.filter((a) => a.provider === "exante")).account).toMatch(/^No account can make codes yet/);
    expect(validateCampaign(f, l7160, accounts, 10_000)).toEqual({});
    expect(validateCampaign(f, l7160, accounts, 12_345).rows_text).toBe("A campaign takes at most 10,000 rows; these are 12,345: split them.");
  });

  it("says why Create and print cannot run yet, in the order a person fixes things", () => {
    const f = { ...newCampaign(accounts), rows_text: "table,url\nT1,https://a.example/\n", name_column: "table", destination_column: "url" };
    expect(createBlocker({ ...f, account: null }, {}, ready)).toBe("Choose an account whose service makes codes.");
    expect(createBlocker({ ...f, rows_text: " " }, {}, ready)).toBe("Paste the rows or choose a CSV file.");
    expect(createBlocker(f, {}, { ...ready, columnsRead: false })).toBe("Choose the name and destination columns.");
    expect(createBlocker(f, { start_at: "Start at a label from 1 to 21." }, ready)).toBe("Correct the highlighted fields.");
    expect(createBlocker(f, {}, { ...ready, preview: "waiting" })).toBe("Waiting for the preview…");
    expect(createBlocker(f, {}, { ...ready, preview: "failed" })).toBe("Correct what the preview says first.");
    expect(createBlocker(f, {}, { ...ready, goodRows: 0 })).toMatch(/^No row can become a code/);
    expect(createBlocker(f, {}, ready)).toBeNull();
  });
});
