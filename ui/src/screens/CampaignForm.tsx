// The New campaign form: the account whose service makes the codes, the campaign's name, the rows
// and which columns give each code its name and destination, the UTM template added to every
// destination, and how the labels print (sheet, start label, caption or label design, style).

import type { Account } from "../bindings/Account";
import type { AppError } from "../bindings/AppError";
import { ChoiceSelect } from "../components/ChoiceSelect";
import { DesignSelect } from "../components/DesignSelect";
import { describedBy, Field } from "../components/Field";
import { LayoutPicker } from "../components/LayoutPicker";
import { NumberField } from "../components/NumberField";
import { StyleSelect } from "../components/StyleSelect";
import { accountOption, CAPTIONS, type CampaignForm as Form, type CampaignProblems, UTM_HINT } from "../logic/campaign-draft";
import type { DesignDraft, SheetLayout, StyleDraft } from "../platform/types";
import { CampaignRowsField } from "./CampaignRowsField";

const NAME_HINT = "Blank: “Campaign” and today's date. It is {campaign} in the UTM template.";

export type RowsInput = {
  fileName: string;
  rowCount: number | null;
  columns: readonly string[];
  error: AppError | null;
  onText: (text: string) => void;
  onFile: (file: File | undefined) => void;
};

/** A column select; disabled until Rust has read the rows' columns. */
function ColumnSelect({ id, label, value, columns, hint, onChange }: {
  id: string;
  label: string;
  value: string;
  columns: readonly string[];
  hint: string;
  onChange: (column: string) => void;
}) {
  const known = columns.includes(value);
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={known ? value : ""} disabled={columns.length === 0} aria-describedby={describedBy(id, null, hint)}
        onChange={(e) => onChange(e.currentTarget.value)}>
        {!known && <option value="">{columns.length === 0 ? "Paste the rows first" : "Choose a column"}</option>}
        {columns.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </Field>
  );
}

export function CampaignForm({ form, set, accounts, problems, rows, layouts, designs, styles, onGoToAccounts }: {
  form: Form;
  set: <K extends keyof Form>(key: K, value: Form[K]) => void;
  /** The accounts whose service makes codes. */
  accounts: readonly Account[];
  problems: CampaignProblems;
  rows: RowsInput;
  layouts: readonly SheetLayout[];
  designs: readonly DesignDraft[];
  styles: readonly StyleDraft[];
  onGoToAccounts: () => void;
}) {
  const designed = form.design !== null;
  const captionHint = designed ? "The design's fields replace the caption." : "Printed under each code.";
  return (
    <div class="print-options campaign-form">
      <fieldset class="card">
        <legend>Codes</legend>
        <div class="form-grid">
          <Field id="campaign-account" label="Account" error={problems.account} hint="The service makes one new code per row.">
            <select id="campaign-account" value={form.account === null ? "" : String(form.account)} disabled={accounts.length === 0}
              aria-invalid={!!problems.account} aria-describedby={describedBy("campaign-account", problems.account, "The service makes one new code per row.")}
              onChange={(e) => set("account", e.currentTarget.value === "" ? null : Number(e.currentTarget.value))}>
              {accounts.length === 0 && <option value="">No account can make codes</option>}
              {accounts.map((a) => <option key={a.id} value={String(a.id)}>{accountOption(a)}</option>)}
            </select>
            {accounts.length === 0 && (
              <button id="campaign-go-accounts" type="button" class="btn btn-small" onClick={onGoToAccounts}>Go to Accounts</button>
            )}
          </Field>
          <Field id="campaign-name" label="Campaign name" hint={NAME_HINT}>
            <input id="campaign-name" type="text" value={form.name} autocomplete="off" aria-describedby={describedBy("campaign-name", null, NAME_HINT)}
              onInput={(e) => set("name", e.currentTarget.value)} />
          </Field>
          <CampaignRowsField text={form.rows_text} fileName={rows.fileName} rowCount={rows.rowCount} problem={problems.rows_text} error={rows.error}
            onText={rows.onText} onFile={rows.onFile} />
          <ColumnSelect id="campaign-name-column" label="Name column" value={form.name_column} columns={rows.columns}
            hint="Each code's name, e.g. the table or place." onChange={(c) => set("name_column", c)} />
          <ColumnSelect id="campaign-destination-column" label="Destination column" value={form.destination_column} columns={rows.columns}
            hint="Where each code leads (https://…)." onChange={(c) => set("destination_column", c)} />
          <Field id="campaign-utm" label="UTM template" hint={UTM_HINT} wide>
            <input id="campaign-utm" type="text" value={form.utm} autocomplete="off" spellcheck={false} class="mono"
              aria-describedby={describedBy("campaign-utm", null, UTM_HINT)} onInput={(e) => set("utm", e.currentTarget.value)} />
          </Field>
        </div>
      </fieldset>

      <fieldset class="card">
        <legend>Labels</legend>
        <div class="form-grid">
          <div class="layout-side">
            <LayoutPicker layouts={layouts} value={form.layout} onChange={(id) => { set("layout", id); set("start_at", 1); }} />
          </div>
          <div class="layout-side">
            <NumberField id="campaign-start-at" label="Start at label" step={1} min={1} value={form.start_at} error={problems.start_at}
              hint="On a part-used sheet, the first free label." onChange={(n) => set("start_at", n)} />
            <DesignSelect id="campaign-design" value={form.design} designs={designs} onChange={(name) => set("design", name)}
              hint={designed ? "Fields: {name}, {destination}, {short_url}, {campaign}, {serial}." : designs.length === 0 ? "Make label designs on the Designs page." : undefined} />
            <ChoiceSelect id="campaign-caption" label="Caption" value={form.caption} options={CAPTIONS} disabled={designed} hint={captionHint}
              onChange={(v) => set("caption", v)} />
            <StyleSelect id="campaign-style" value={form.style} styles={styles} onChange={(name) => set("style", name)}
              hint={styles.length === 0 ? "Make brand styles on the Styles page." : undefined} />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
