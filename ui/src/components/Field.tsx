import type { ComponentChildren } from "preact";

/** A labelled control with an optional hint and an error tied to it by aria-describedby. */
export function Field({ id, label, hint, error, children, wide }: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null | undefined;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={`field${wide ? " field-wide" : ""}${error ? " field-invalid" : ""}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function describedBy(id: string, error?: string | null, hint?: string): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}
