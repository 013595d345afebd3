// A new campaign's rows: pasted into the text box, or read from a chosen CSV file into it (the
// Print page's file button), with the line saying which rows are in use and how many Rust read.

import type { AppError } from "../bindings/AppError";
import { CsvFilePick } from "../components/CsvFilePick";
import { ErrorNotice } from "../components/ErrorNotice";
import { formatCount } from "../logic/format";

const EXAMPLE = "table,url\nTable 1,https://cafe.example/menu?t=1\nTable 2,https://cafe.example/menu?t=2";

/**
 * `fileName` is the chosen file's (until the text is edited), `rowCount` Rust's count of the text,
 * `problem` the form's sentence about the rows (too many), `error` Rust's refusal to read them.
 */
export function CampaignRowsField({ text, fileName, rowCount, problem, error, onText, onFile }: {
  text: string;
  fileName: string;
  rowCount: number | null;
  problem: string | undefined;
  error: AppError | null;
  onText: (text: string) => void;
  onFile: (file: File | undefined) => void;
}) {
  const from = fileName !== "" ? fileName : "Pasted rows";
  const summary = text.trim() === "" ? "No file chosen and no rows pasted yet." : rowCount === null ? `${from}: reading…` : `${from}: ${formatCount(rowCount)} ${rowCount === 1 ? "row" : "rows"}`;
  return (
    <div class={`field field-wide campaign-rows${problem ? " field-invalid" : ""}`}>
      <label for="campaign-rows">Rows (CSV; the first line names the columns)</label>
      <textarea id="campaign-rows" rows={7} spellcheck={false} autocomplete="off" value={text} placeholder={EXAMPLE}
        aria-describedby={problem ? "campaign-rows-error campaign-rows-summary" : "campaign-rows-summary"} aria-invalid={!!error || !!problem}
        onInput={(e) => onText(e.currentTarget.value)} />
      {problem && <p class="field-error" id="campaign-rows-error">{problem}</p>}
      <CsvFilePick id="campaign-file" label="Or read them from a file" summaryId="campaign-rows-summary" summary={summary} onFile={onFile} />
      <ErrorNotice error={error} />
    </div>
  );
}
