// The New campaign form's rules: its fields as the page keeps them, the accounts whose service
// can make codes, the UTM template suggested (and its placeholders in one line), the caption
// choices, the draft Rust receives (blank name and UTM as Rust reads them, a label design instead
// of the caption), the checks on "Start at label", and why "Create and print" cannot run yet.

import type { Account } from "../bindings/Account";
import { RULES } from "../bindings/current-rules";
import type { CampaignDraft, SheetLayout } from "../platform/types";
import { formatCount } from "./format";
import { PROVIDER_NAMES } from "./key-detect";
import { DEFAULT_LAYOUT } from "./print-options";

/** Suggested for every new campaign: where the scan came from, per campaign and label. */
export const DEFAULT_UTM = "utm_source=print&utm_medium=label&utm_campaign={campaign}&utm_content={serial}";

/** The UTM field's one-line hint: what the placeholders are. */
export const UTM_HINT = "Added to each destination: {campaign}, {serial}, {row} or any column, like {table}; blank adds none.";

/** Caption templates Rust fills per label (`{name}`, `{short_url}`); "" prints none. */
export const CAPTIONS: readonly { value: string; label: string }[] = [
  { value: "", label: "None" },
  { value: "{name}", label: "Name" },
  { value: "{short_url}", label: "Short link" },
];

export type CampaignForm = {
  account: number | null;
  name: string;
  rows_text: string;
  name_column: string;
  destination_column: string;
  utm: string;
  layout: string;
  design: string | null;
  style: string | null;
  /** A caption template (CAPTIONS), "" for none. */
  caption: string;
  start_at: number;
};

export type CampaignProblems = { account?: string; start_at?: string; rows_text?: string };

/** Whether the account's service makes codes (`has_codes` in Rust's rules). */
export function makesCodes(account: Pick<Account, "provider">): boolean {
  return RULES.services.some((s) => s.provider === account.provider && s.has_codes);
}

/** The accounts a campaign can use, in the account list's order. */
export function codeAccounts(accounts: readonly Account[]): Account[] {
  return accounts.filter(makesCodes);
}

/** `Demo · QRCodePro (QRCodePro, test)`: the label, then the service and a test key. */
export function accountOption(a: Pick<Account, "label" | "provider" | "environment">): string {
  const service = PROVIDER_NAMES[a.provider];
  return `${a.label} (${service}${a.environment === "test" ? ", test" : ""})`;
}

/** The account a new campaign starts on: the first that works, else the first at all. */
export function defaultAccount(accounts: readonly Account[]): number | null {
  const usable = codeAccounts(accounts);
  const working = usable.find((a) => a.status !== "error" && a.status !== "expired");
  return (working ?? usable[0])?.id ?? null;
}

/** A new campaign: the suggested UTM template, the Print page's sheet, names as captions. */
export function newCampaign(accounts: readonly Account[]): CampaignForm {
  return {
    account: defaultAccount(accounts),
    name: "",
    rows_text: "",
    name_column: "",
    destination_column: "",
    utm: DEFAULT_UTM,
    layout: DEFAULT_LAYOUT,
    design: null,
    style: null,
    caption: "{name}",
    start_at: 1,
  };
}

/**
 * The draft Rust receives; `null` until an account is chosen. Blank UTM goes as `null` (the
 * destinations stay as they are); a label design replaces the caption, which then goes as `null`.
 */
export function toDraft(form: CampaignForm): CampaignDraft | null {
  if (form.account === null) return null;
  const utm = form.utm.trim();
  return {
    account: form.account,
    name: form.name.trim(),
    rows_text: form.rows_text,
    name_column: form.name_column,
    destination_column: form.destination_column,
    utm: utm === "" ? null : utm,
    layout: form.layout,
    design: form.design,
    style: form.style,
    caption: form.design !== null || form.caption.trim() === "" ? null : form.caption,
    start_at: form.start_at,
  };
}

/**
 * The sentences to show beside the fields now (`layout` is the chosen sheet, when listed;
 * `rowCount` the rows Rust read in the current text, when known).
 */
export function validateCampaign(form: CampaignForm, layout: SheetLayout | undefined, accounts: readonly Account[], rowCount: number | null = null): CampaignProblems {
  const p: CampaignProblems = {};
  if (codeAccounts(accounts).length === 0) p.account = "No account can make codes yet. Add one whose service makes codes under Accounts.";
  const capacity = layout ? layout.columns * layout.rows : null;
  if (!Number.isInteger(form.start_at) || form.start_at < 1 || (capacity !== null && form.start_at > capacity)) {
    p.start_at = capacity === null ? "Start at label 1 or later." : `Start at a label from 1 to ${capacity}.`;
  }
  const max = RULES.max_campaign_rows;
  if (form.rows_text.length > RULES.print.max_csv_bytes || (rowCount !== null && rowCount > max)) {
    p.rows_text = `A campaign takes at most ${formatCount(max)} rows${rowCount !== null && rowCount > max ? `; these are ${formatCount(rowCount)}` : ""}: split them.`;
  }
  return p;
}

/** What the page knows of the rows: Rust's reading of them and of the whole draft. */
export type DraftState = {
  /** Rust has read the rows' columns (the current text). */
  columnsRead: boolean;
  /** The live preview of the current draft: asked for, answered, or refused with a sentence. */
  preview: "waiting" | "ready" | "failed";
  /** Rows the preview found that will become codes. */
  goodRows: number;
};

/** Why "Create and print" cannot run yet, or `null`. */
export function createBlocker(form: CampaignForm, problems: CampaignProblems, state: DraftState): string | null {
  if (form.account === null || problems.account) return "Choose an account whose service makes codes.";
  if (form.rows_text.trim() === "") return "Paste the rows or choose a CSV file.";
  if (!state.columnsRead || form.name_column === "" || form.destination_column === "") return "Choose the name and destination columns.";
  if (problems.start_at || problems.rows_text) return "Correct the highlighted fields.";
  if (state.preview === "failed") return "Correct what the preview says first.";
  if (state.preview === "waiting") return "Waiting for the preview…";
  if (state.goodRows === 0) return "No row can become a code: see the problems in the preview.";
  return null;
}
