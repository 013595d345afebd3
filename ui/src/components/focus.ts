// Where focus goes: the first control of a dialog, and back to something sensible when the
// focused control vanishes (a removed row, a replaced button) instead of dropping to <body>.

const FOCUSABLE = [
  "button:not([disabled])",
  "a[href]",
  "input:not([disabled]):not([type=hidden])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "summary",
  "[tabindex]:not([tabindex='-1'])",
].join(", ");

/** Keyboard-reachable elements inside `root`, in document order. */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest("[inert]"));
}

/**
 * Where a dialog puts focus when it opens: an element marked `data-autofocus`, else the first
 * control that is not destructive (`data-destructive`), else the dialog itself. A confirmation
 * therefore never opens on its "Remove" button.
 */
export function initialFocusTarget(container: HTMLElement): HTMLElement {
  const marked = container.querySelector<HTMLElement>("[data-autofocus]");
  if (marked) return marked;
  const safe = focusables(container).find((el) => !el.hasAttribute("data-destructive"));
  return safe ?? container;
}

/** True when nothing useful has focus (the focused control was removed or disabled). */
export function focusLost(doc: Document = document): boolean {
  const a = doc.activeElement;
  return a === null || a === doc.body || a === doc.documentElement || !a.isConnected;
}

/** Resolves after the next frame (after Preact has rendered pending state). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * After the next frame, when focus has dropped to <body>, moves it to `fallback()` (which should
 * be focusable: a control, or an element with tabIndex -1 such as a heading or a notice).
 */
export async function rescueFocus(fallback: () => HTMLElement | null | undefined): Promise<void> {
  await nextFrame();
  if (focusLost()) fallback()?.focus();
}
