// Printer profiles in the fake: the saved ones (in the shared store; people make them on the
// command line, so the app only lists them) and the check that a print names a saved one. Names
// match in any case, as Rust's store compares them.

import type { PrinterProfile } from "../types";
import { fail } from "./errors";
import type { FakeState } from "./state";

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

export class FakePrinters {
  constructor(private readonly s: FakeState) {}

  /** By name, as `list_printer_profiles` answers. */
  async list(): Promise<PrinterProfile[]> {
    return [...this.s.printerProfiles].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ ...p }));
  }
}

/**
 * The profile a print names (`null`: none, the two shifts apply); refused with Rust's advice when
 * no saved profile has that name.
 */
export function requirePrinterProfile(s: FakeState, name: string | null): PrinterProfile | null {
  const wanted = name?.trim() ?? "";
  if (wanted === "") return null;
  const found = s.printerProfiles.find((p) => sameName(p.name, wanted));
  if (!found) {
    fail("bad_input", `No printer profile is called “${wanted}”. qrdesk print profile list shows the saved ones; save one with qrdesk print profile save NAME --offset X,Y --scale S`);
  }
  return found;
}
