// Which columns of the pasted rows a new campaign starts on: each code's name from a column called
// name, table or title (or one that says so), its destination from url, destination or link (or a
// column of web addresses); a column already chosen stays while the rows still have it.

const NAME_WORDS = ["name", "table", "title", "label", "place", "location"];
const DESTINATION_WORDS = ["url", "destination", "link", "href", "website", "address"];

const norm = (c: string) => c.trim().toLowerCase();

/** The first column called exactly one of `words` (in the words' order), else one containing one. */
function byWords(columns: readonly string[], words: readonly string[], except: string | null): string | null {
  const open = columns.filter((c) => c !== except);
  for (const w of words) {
    const exact = open.find((c) => norm(c) === w);
    if (exact !== undefined) return exact;
  }
  for (const w of words) {
    const part = open.find((c) => norm(c).includes(w));
    if (part !== undefined) return part;
  }
  return null;
}

/** The first column whose cells (in the first rows) are all web addresses. */
function linkColumn(columns: readonly string[], rows: readonly (readonly string[])[]): string | null {
  if (rows.length === 0) return null;
  const i = columns.findIndex((_, k) => rows.every((r) => /^https?:\/\//i.test((r[k] ?? "").trim())));
  return i === -1 ? null : columns[i]!;
}

/**
 * The guessed name and destination columns of `columns` (`rows`: the first rows, when known). The
 * two differ when there are two columns or more; "" when there is no column at all.
 */
export function guessColumns(columns: readonly string[], rows: readonly (readonly string[])[] = []): { name: string; destination: string } {
  const destination = byWords(columns, DESTINATION_WORDS, null) ?? linkColumn(columns, rows) ?? columns.at(-1) ?? "";
  const name = byWords(columns, NAME_WORDS, destination) ?? columns.find((c) => c !== destination) ?? destination;
  return { name, destination };
}

/** The chosen columns where the rows still have them, else the guesses. */
export function keepOrGuess(
  columns: readonly string[],
  chosen: { name: string; destination: string },
  rows: readonly (readonly string[])[] = [],
): { name: string; destination: string } {
  const guess = guessColumns(columns, rows);
  return {
    name: columns.includes(chosen.name) ? chosen.name : guess.name,
    destination: columns.includes(chosen.destination) ? chosen.destination : guess.destination,
  };
}
