import { describe, expect, it } from "vitest";
import { guessColumns, keepOrGuess } from "./campaign-columns";

describe("a campaign's column guesses", () => {
  it("takes the name from name, table or title, the destination from url, destination or link", () => {
    expect(guessColumns(["table", "url"])).toEqual({ name: "table", destination: "url" });
    expect(guessColumns(["URL", "Name", "table"])).toEqual({ name: "Name", destination: "URL" });
    expect(guessColumns(["title", "where", "destination"])).toEqual({ name: "title", destination: "destination" });
    expect(guessColumns(["Shop name", "Landing link"])).toEqual({ name: "Shop name", destination: "Landing link" });
  });

  it("finds a column of web addresses when no column says so, and keeps the two apart", () => {
    expect(guessColumns(["spot", "target"], [["Patio", "https://cafe.example/a"], ["Bar", "http://cafe.example/b"]])).toEqual({ name: "spot", destination: "target" });
    expect(guessColumns(["a", "b"])).toEqual({ name: "a", destination: "b" });
    expect(guessColumns(["only"])).toEqual({ name: "only", destination: "only" });
    expect(guessColumns([])).toEqual({ name: "", destination: "" });
    // "url" is the destination; "link name" says it is a name.
    expect(guessColumns(["url", "link name"])).toEqual({ name: "link name", destination: "url" });
  });

  it("keeps chosen columns the new rows still have", () => {
    expect(keepOrGuess(["table", "where", "url"], { name: "where", destination: "url" })).toEqual({ name: "where", destination: "url" });
    expect(keepOrGuess(["title", "link"], { name: "where", destination: "url" })).toEqual({ name: "title", destination: "link" });
    expect(keepOrGuess(["table", "url"], { name: "", destination: "" })).toEqual({ name: "table", destination: "url" });
  });
});
