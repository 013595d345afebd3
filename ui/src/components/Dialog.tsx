import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { initialFocusTarget } from "./focus";

/**
 * A modal dialog (the native <dialog>, so the rest of the window is inert). Its `head` stays in
 * view while the body scrolls. Focus: it opens on `[data-autofocus]` or the first non-destructive
 * control; Escape closes it; on close, focus goes back to `opener` (the control that opened it),
 * or to `fallback()` when that control is gone.
 */
export function Dialog({ id, class: cls, role = "dialog", labelledBy, describedBy, head, children, onClose, opener, fallback }: {
  id: string;
  class?: string;
  role?: "dialog" | "alertdialog";
  labelledBy: string;
  describedBy?: string;
  head: ComponentChildren;
  children: ComponentChildren;
  onClose: () => void;
  opener: HTMLElement | null;
  fallback?: () => HTMLElement | null | undefined;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const returnTo = useRef({ opener, fallback });
  returnTo.current = { opener, fallback };

  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (typeof d.showModal === "function" && !d.open) d.showModal();
    initialFocusTarget(d).focus();
    return () => {
      if (d.open) d.close();
      const { opener: from, fallback: other } = returnTo.current;
      const target = from?.isConnected ? from : other?.();
      target?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    e.stopPropagation();
    closeRef.current();
  };

  return (
    <dialog
      ref={ref}
      id={id}
      class={`dialog${cls ? ` ${cls}` : ""}`}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(e) => { e.preventDefault(); closeRef.current(); }}
    >
      <div class="dialog-head">{head}</div>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}
