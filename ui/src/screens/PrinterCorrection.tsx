// The Print page's "Printer" card: a saved printer profile (measured with the calibration sheet and
// saved on the command line), or the two shifts that correct a printer's drift by hand. A chosen
// profile's offset and scale replace the shifts, so they are hidden while it is chosen.

import { describedBy, Field } from "../components/Field";
import { NumberField } from "../components/NumberField";
import type { OptionProblems } from "../logic/print-options";
import { printerProfileLabel } from "../logic/printer-profile";
import type { PrintSettings, PrinterProfile } from "../platform/types";

type Correction = Pick<PrintSettings, "printer_profile" | "offset_x_mm" | "offset_y_mm">;

const MAKE_ONE = "Make one with qrdesk print calibration, then qrdesk print profile save.";

function profileHint(chosen: boolean, saved: number): string {
  if (chosen) return `The profile's offset and scale are used. ${MAKE_ONE}`;
  if (saved === 0) return `No printer profile is saved yet. ${MAKE_ONE}`;
  return "A saved profile corrects that printer's offset and scale.";
}

export function PrinterCorrection({ options, problems, profiles, onChange }: {
  options: Correction;
  problems: OptionProblems;
  profiles: readonly PrinterProfile[];
  onChange: (change: Partial<Correction>) => void;
}) {
  const chosen = options.printer_profile !== null;
  const hint = profileHint(chosen, profiles.length);
  return (
    <fieldset class="card">
      <legend>Printer</legend>
      <div class="form-grid form-grid-3">
        <Field id="opt-printer-profile" label="Printer profile" hint={hint} wide>
          <select id="opt-printer-profile" value={options.printer_profile ?? ""} aria-describedby={describedBy("opt-printer-profile", null, hint)}
            onChange={(e) => onChange({ printer_profile: e.currentTarget.value === "" ? null : e.currentTarget.value })}>
            <option value="">None — use the shifts below</option>
            {profiles.map((p) => <option key={p.name} value={p.name}>{printerProfileLabel(p)}</option>)}
          </select>
        </Field>
        {!chosen && (
          <>
            <NumberField id="opt-offset_x_mm" label="Shift right (mm)" step={0.1} value={options.offset_x_mm} error={problems.offset_x_mm}
              hint="Printer drift." onChange={(v) => onChange({ offset_x_mm: v })} />
            <NumberField id="opt-offset_y_mm" label="Shift down (mm)" step={0.1} value={options.offset_y_mm} error={problems.offset_y_mm}
              onChange={(v) => onChange({ offset_y_mm: v })} />
          </>
        )}
      </div>
    </fieldset>
  );
}
