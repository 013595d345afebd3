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

export function SuccessNotice({ text, children }: { text: string; children?: preact.ComponentChildren }) {
  return (
    <div class="notice notice-ok" role="status">
      <p>{text}</p>
      {children}
    </div>
  );
}
