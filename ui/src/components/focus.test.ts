import { afterEach, describe, expect, it } from "vitest";
import { focusLost, initialFocusTarget, rescueFocus } from "./focus";

afterEach(() => {
  document.body.innerHTML = "";
});

function html(markup: string): HTMLElement {
  const div = document.createElement("div");
  div.innerHTML = markup;
  document.body.appendChild(div);
  return div;
}

describe("initialFocusTarget", () => {
  it("prefers the element marked data-autofocus", () => {
    const d = html(`<button id="a">A</button><button id="b" data-autofocus>B</button>`);
    expect(initialFocusTarget(d).id).toBe("b");
  });

  it("never opens on a destructive button", () => {
    const d = html(`<h2>Remove?</h2><button id="remove" data-destructive>Remove</button><button id="keep">Keep it</button>`);
    expect(initialFocusTarget(d).id).toBe("keep");
  });

  it("skips disabled controls, and falls back to the container", () => {
    const d = html(`<button disabled>Off</button><input id="name">`);
    expect(initialFocusTarget(d).id).toBe("name");
    const empty = html(`<p>Nothing to press</p>`);
    expect(initialFocusTarget(empty)).toBe(empty);
  });
});

describe("rescueFocus", () => {
  it("moves focus to the fallback when the focused control vanished", async () => {
    const d = html(`<button id="discard">Discard</button><h2 id="heading" tabindex="-1">Outbox</h2>`);
    const button = d.querySelector<HTMLButtonElement>("#discard")!;
    button.focus();
    button.remove();
    expect(focusLost()).toBe(true);
    await rescueFocus(() => document.getElementById("heading"));
    expect(document.activeElement?.id).toBe("heading");
  });

  it("leaves focus alone when it is still on something", async () => {
    const d = html(`<button id="check">Check</button><h2 id="heading" tabindex="-1">Accounts</h2>`);
    d.querySelector<HTMLButtonElement>("#check")!.focus();
    await rescueFocus(() => document.getElementById("heading"));
    expect(document.activeElement?.id).toBe("check");
  });
});
