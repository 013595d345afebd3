// What every screen can reach: the backend, the accounts, the shared selection and navigation.

import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Account } from "../bindings/Account";
import type { Backend } from "../platform/backend";
import type { AppInfo, CodeQuery } from "../platform/types";
import type { LibraryPlace } from "../logic/library-place";
import type { Route } from "./route";

export type AppState = {
  backend: Backend;
  info: AppInfo | null;
  accounts: Account[];
  accountsById: ReadonlyMap<number, Account>;
  reloadAccounts: () => Promise<void>;
  reloadInfo: () => Promise<void>;
  /** Opens a screen and moves focus to it; `keepFocus` leaves focus where it is (a result just shown). */
  navigate: (route: Route, options?: { keepFocus?: boolean }) => void;
  /** Codes chosen in the library (for printing or bulk edits). */
  selection: ReadonlySet<number>;
  setSelection: (next: ReadonlySet<number> | ((prev: ReadonlySet<number>) => ReadonlySet<number>)) => void;
  /** The library's current search and filters (the print screen's "search results" source). */
  libraryQuery: CodeQuery;
  setLibraryQuery: (q: CodeQuery) => void;
  /** Where the library was (current row, scroll), kept while another screen is open. */
  libraryPlace: { current: LibraryPlace | null };
  /** Bumps when outbox or codes change, so screens reload. */
  dataVersion: number;
  bumpData: () => void;
  online: boolean;
  setOnline: (online: boolean) => void;
};

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("useApp outside AppContext");
  return ctx;
}
