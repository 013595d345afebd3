import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { AppError } from "../bindings/AppError";

/** An AppError as a person reads it: the message is already a sentence saying what to do. */
export function ErrorNotice({ error, onDismiss }: { error: AppError | null; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <div class="notice notice-error" role="alert" data-kind={error.kind}>
      <p>{error.message}</p>
      {onDismiss && (
        <button type="button" class="btn btn-quiet btn-small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/**
 * A result. With `focus`, it takes focus when it appears (or its text changes): for results that
 * replace the control that asked for them (a removed row, a finished print). `tone="warn"` is for
 * a result that is not done yet (a campaign waiting for its service).
 */
export function SuccessNotice({ text, children, id, focus = false, tone = "ok" }: {
  text: string;
  children?: ComponentChildren;
  id?: string;
  focus?: boolean;
  tone?: "ok" | "warn";
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, text]);
  return (
    <div ref={ref} id={id} class={`notice notice-${tone}`} role="status" tabIndex={-1}>
      <p>{text}</p>
      {children}
    </div>
  );
}
