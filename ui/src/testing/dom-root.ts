// Test tooling, never imported by the app: a fresh element in the document for each test,
// unmounted and removed after it.
import { render } from "preact";
import { afterEach, beforeEach } from "vitest";

/** Registers the per-test element; read it as `dom.root` inside a test. */
export function domRoot(): { readonly root: HTMLElement } {
  const dom = { root: document.createElement("div") };
  beforeEach(() => {
    dom.root = document.createElement("div");
    document.body.appendChild(dom.root);
  });
  afterEach(() => {
    render(null, dom.root);
    dom.root.remove();
  });
  return dom;
}
