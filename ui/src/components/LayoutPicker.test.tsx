import { describe, expect, it } from "vitest";
import { render } from "preact";
import { useState } from "preact/hooks";
import { act } from "preact/test-utils";
import { LayoutPicker } from "./LayoutPicker";
import { CATALOGUE_LAYOUTS } from "../platform/fake/catalogue-data";
import { LAYOUTS } from "../platform/fake/demo-data";
import type { SheetLayout } from "../platform/types";
import { domRoot } from "../testing/dom-root";

const dom = domRoot();

const $ = <T extends Element = HTMLElement>(sel: string) => dom.root.querySelector<T>(sel)!;
const options = () => [...dom.root.querySelectorAll<HTMLOptionElement>("#opt-layout option")].map((o) => o.value);

function Picker({ layouts, initial = "avery-l7160" }: { layouts: SheetLayout[]; initial?: string }) {
  const [value, setValue] = useState(initial);
  return <LayoutPicker layouts={layouts} value={value} onChange={setValue} />;
}

async function type(text: string) {
  const input = $<HTMLInputElement>("#layout-search");
  input.value = text;
  await act(() => { input.dispatchEvent(new Event("input", { bubbles: true })); });
}

describe("LayoutPicker", () => {
  it("groups built-ins and the catalogue, and keeps a select without groups when there is no catalogue", async () => {
    await act(() => { render(<Picker layouts={[...LAYOUTS, ...CATALOGUE_LAYOUTS]} />, dom.root); });
    const groups = [...dom.root.querySelectorAll("#opt-layout optgroup")].map((g) => [g.getAttribute("label"), g.children.length]);
    expect(groups).toEqual([["Built-in sheets", LAYOUTS.length], ["gLabels catalogue", CATALOGUE_LAYOUTS.length]]);
    expect($<HTMLSelectElement>("#opt-layout").value).toBe("avery-l7160");
    expect($("label[for=layout-search]").textContent).toBe("Find a sheet");
    expect($("label[for=opt-layout]").textContent).toBe("Layout");
    expect($("#opt-layout-hint").textContent).toBe("3 × 7 labels of 63.5 × 38.1 mm on A4");

    render(null, dom.root);
    await act(() => { render(<Picker layouts={LAYOUTS} />, dom.root); });
    expect(dom.root.querySelector("#opt-layout optgroup")).toBeNull();
    expect(options()).toEqual(LAYOUTS.map((l) => l.id));
  });

  it("narrows the options by code or size, keeps the chosen sheet, and says when nothing matches", async () => {
    await act(() => { render(<Picker layouts={[...LAYOUTS, ...CATALOGUE_LAYOUTS]} />, dom.root); });
    await type("70 x 36");
    expect(options()).toEqual(["avery-l7160", "herma-4360", "zweckform-3490"]);
    expect($("#layout-search-status").textContent).toBe("2 sheets match.");
    expect($("#layout-search").getAttribute("aria-describedby")).toBe("layout-search-hint layout-search-status");

    const select = $<HTMLSelectElement>("#opt-layout");
    select.value = "herma-4360";
    await act(() => { select.dispatchEvent(new Event("change", { bubbles: true })); });
    expect($("#opt-layout-hint").textContent).toBe("3 × 8 labels of 70 × 36 mm on A4");

    await type("L9999");
    expect(options()).toEqual(["herma-4360"]);
    expect($("#layout-search-status").textContent).toBe("No sheet matches “L9999”. Try the product code (L7162) or the label size (70x36).");
    expect(select.getAttribute("aria-describedby")).toBe("layout-search-status opt-layout-hint");

    await type("");
    expect($("#layout-search-status").textContent).toBe("");
    expect($("#layout-search").getAttribute("aria-describedby")).toBe("layout-search-hint");
  });

  it("renders at most 200 catalogue sheets and says how to see the rest", async () => {
    const base = CATALOGUE_LAYOUTS[0]!;
    const big = Array.from({ length: 1754 }, (_, i) => ({ ...base, id: `brand-${1000 + i}`, name: `Brand ${1000 + i}` }));
    await act(() => { render(<Picker layouts={[...LAYOUTS, ...big]} />, dom.root); });
    expect(dom.root.querySelectorAll("#opt-layout optgroup[label='gLabels catalogue'] option").length).toBe(200);
    expect($("#layout-search-status").textContent).toBe("Showing 200 of 1,754 — type to narrow.");
    await type("brand 1999");
    expect(options()).toEqual(["avery-l7160", "brand-1999"]);
  });
});
