// Field templates in the fake, as Rust's caption templates read them: `{name}` or any column,
// `{row}`, `{serial}` / `{serial:06}` (zero-padded), `{{` and `}}` for braces. Templates are
// checked before they get here (logic/design-form.ts `templateProblem`); an unknown column prints
// nothing.

/** The text of `template` for one label. */
export function renderTemplate(template: string, columns: Record<string, string>, row: number, serial: number): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === "{" || c === "}") && template[i + 1] === c) {
      out += c;
      i += 1;
    } else if (c === "{") {
      const end = template.indexOf("}", i + 1);
      if (end === -1) return out + template.slice(i);
      const inner = template.slice(i + 1, end).trim();
      if (inner === "row") out += String(row);
      else if (inner.startsWith("serial")) out += String(serial).padStart(Number(inner.split(":")[1] ?? "0") || 0, "0");
      else out += columns[inner] ?? "";
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

/** The placeholders of `template` that are columns (not `row` or a serial). */
export function templateColumns(template: string): string[] {
  const found: string[] = [];
  for (const m of template.replace(/\{\{|\}\}/g, "").matchAll(/\{([^}]*)\}/g)) {
    const inner = (m[1] ?? "").trim();
    if (inner !== "row" && !inner.startsWith("serial") && !found.includes(inner)) found.push(inner);
  }
  return found;
}
