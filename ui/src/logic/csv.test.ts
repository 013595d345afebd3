import { describe, expect, it } from "vitest";
import { parseCsv, suggestMapping } from "./csv";

describe("csv", () => {
  it("reads quotes, doubled quotes, commas, CRLF and a BOM", () => {
    const text = '\ufeffname,url\r\n"Table 1, window","https://a.example/?q=1"\r\n"Say ""hi""",https://b.example\n\n';
    expect(parseCsv(text)).toEqual([
      ["name", "url"],
      ["Table 1, window", "https://a.example/?q=1"],
      ['Say "hi"', "https://b.example"],
    ]);
  });

  it("guesses the URL column to encode and a name column for captions", () => {
    const t = parseCsv("label,sku,link\nA,1,https://a.example\nB,2,https://b.example\n");
    expect(suggestMapping(t[0]!, t.slice(1))).toEqual({ content: "link", caption: "label" });
    expect(suggestMapping(["text"], [["hello"]])).toEqual({ content: "text", caption: null });
  });
});
