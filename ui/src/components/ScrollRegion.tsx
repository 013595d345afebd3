import type { ComponentChildren } from "preact";

/**
 * A box that scrolls on its own (a long list inside a card). It takes keyboard focus so it can be
 * scrolled without a mouse, and is a named region so that focus lands somewhere meaningful.
 */
export function ScrollRegion({ label, class: cls, children }: { label: string; class: string; children: ComponentChildren }) {
  return (
    <div class={`scroll-region ${cls}`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
