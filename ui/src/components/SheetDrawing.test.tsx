import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { SheetDrawing } from "./SheetDrawing";
import { CATALOGUE_LAYOUTS } from "../platform/fake/catalogue-data";
import { LAYOUTS } from "../platform/fake/demo-data";
import { domRoot } from "../testing/dom-root";

const dom = domRoot();

const $ = (sel: string) => dom.root.querySelector<HTMLElement>(sel)!;

describe("SheetDrawing", () => {
  it("draws round and oval labels as ellipses, others as rectangles", async () => {
    const round = CATALOGUE_LAYOUTS.find((l) => l.shape === "round")!;
    await act(() => { render(<SheetDrawing layout={round} startAt={2} cropMarks={false} />, dom.root); });
    expect(dom.root.querySelectorAll("ellipse.sheet-label").length).toBe(round.columns * round.rows);
    expect(dom.root.querySelector("rect.sheet-label")).toBeNull();
    const first = $("ellipse.sheet-label");
    expect(Number(first.getAttribute("rx"))).toBeCloseTo(round.label_width_mm / 2);
    expect($("svg").getAttribute("aria-label")).toMatch(/of round labels on A4/);

    await act(() => { render(<SheetDrawing layout={LAYOUTS[1]!} startAt={1} cropMarks={false} />, dom.root); });
    expect(dom.root.querySelector("ellipse")).toBeNull();
    expect(dom.root.querySelectorAll("rect.sheet-label").length).toBe(21);
  });
});
