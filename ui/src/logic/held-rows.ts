// Rows the library keeps on screen while fresh pages are on their way (after a data change,
// until each page is read again; after a new search, until its first answer), so the list never
// blinks to placeholders and back. What is held answers one query (its place key) at a time;
// rows of another search are never mixed in.
import type { CodeRow } from "../platform/types";

export class HeldRows {
  private key: string;
  private pages = new Map<number, CodeRow[]>();

  constructor(key: string) {
    this.key = key;
  }

  /** Holds the pages answered for `key` (added to what is held for the same key). */
  keep(key: string, pages: ReadonlyMap<number, CodeRow[]>): void {
    if (pages.size === 0) return;
    this.pages = key === this.key ? new Map([...this.pages, ...pages]) : new Map(pages);
    this.key = key;
  }

  /** Holds one page answered for `key` (dropping what was held for another key). */
  put(key: string, page: number, rows: CodeRow[]): void {
    if (key !== this.key) this.pages = new Map();
    this.key = key;
    this.pages.set(page, rows);
  }

  /** Drops what is held unless it answers `key`. */
  keepOnly(key: string): void {
    if (key !== this.key) this.pages = new Map();
  }

  get(page: number): CodeRow[] | undefined {
    return this.pages.get(page);
  }
}
