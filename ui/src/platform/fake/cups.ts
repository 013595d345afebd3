// Printing straight to a printer in the fake: the printers CUPS offers (or why there is no
// printing system), and a send that answers with CUPS's job id and what is worth knowing, such as
// a PDF made for other paper than the printer holds.

import type { PrinterJob, PrinterList, SendToPrinterRequest } from "../types";
import { fail } from "./errors";
import { ALL_LAYOUTS } from "./layouts";
import type { FakeState } from "./state";

export class FakeCups {
  constructor(private readonly s: FakeState) {}

  async list(): Promise<PrinterList> {
    return { printers: this.s.printers.printers.map((p) => ({ ...p })), unavailable: this.s.printers.unavailable };
  }

  async send(request: SendToPrinterRequest): Promise<PrinterJob> {
    if (this.s.printers.unavailable) fail("printing", this.s.printers.unavailable);
    const printer = this.s.printers.printers.find((p) => p.name === request.printer);
    if (!printer) fail("printing", `No printer is called “${request.printer}”`);
    if (!Number.isInteger(request.copies) || request.copies < 1 || request.copies > 99) fail("bad_input", "Print 1 to 99 copies");
    const job = this.s.jobs.find((j) => j.summary.output === request.path);
    if (!job) fail("not_found", `${request.path} is not a PDF this window wrote`);
    const paper = ALL_LAYOUTS.find((l) => l.id === job.settings.layout)?.paper;
    const warnings = paper && printer.media && paper !== "Custom" && paper.toLowerCase() !== printer.media.toLowerCase()
      ? [`The PDF is for ${paper} paper but ${printer.name} holds ${printer.media}: the labels will not line up. Load ${paper} paper first.`]
      : [];
    return { job: `${printer.name}-${this.s.nextId.cups++}`, printer: printer.name, copies: request.copies, warnings };
  }
}
