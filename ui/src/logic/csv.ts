// A small RFC 4180 CSV reader (quotes, doubled quotes, CRLF) for the FakeBackend's CSV preview,
// and the column guess the print screen starts from.

import type { ColumnMapping } from "../platform/types";

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.startsWith("\ufeff") ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(cell); cell = "";
      if (row.some((c) => c !== "")) rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== "")) rows.push(row);
  return rows;
}

/** The first column whose values look like URLs feeds the code; a `name`/`label` column the caption. */
export function suggestMapping(columns: string[], rows: string[][]): ColumnMapping {
  const urlCol = columns.findIndex((_, i) => rows.length > 0 && rows.every((r) => /^https?:\/\//i.test(r[i] ?? "")));
  const byName = columns.findIndex((c) => /url|link|content|destination/i.test(c));
  const contentIdx = urlCol !== -1 ? urlCol : byName !== -1 ? byName : 0;
  const captionIdx = columns.findIndex((c, i) => i !== contentIdx && /name|label|caption|title/i.test(c));
  return { content: columns[contentIdx] ?? "", caption: captionIdx === -1 ? null : columns[captionIdx]! };
}
