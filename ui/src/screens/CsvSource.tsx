// The Print page's CSV source: a file or pasted rows, the column mapping and the first rows.

import type { ColumnMapping, CsvPreview } from "../platform/types";
import { CsvFilePick } from "../components/CsvFilePick";
import { ScrollRegion } from "../components/ScrollRegion";
import { formatCount } from "../logic/format";

/**
 * The CSV source of the Print screen: a file, or rows pasted as text; then which column to encode
 * and which to print as caption, and the first rows. The line under the file button always says
 * which rows are in use (a browser's own "No file chosen" would be wrong once rows are pasted).
 */
export function CsvSource({ csv, csvName, mapping, setMapping, pasted, setPasted, onFile, onPaste }: {
  csv: CsvPreview | null;
  csvName: string;
  mapping: ColumnMapping | null;
  setMapping: (m: ColumnMapping) => void;
  pasted: string;
  setPasted: (s: string) => void;
  onFile: (f: File | undefined) => void;
  onPaste: () => void;
}) {
  return (
    <>
      <CsvFilePick id="csv-file" label="CSV file" summaryId="csv-summary" onFile={onFile}
        summary={csvName ? `${csvName}: ${formatCount(csv?.row_count)} rows` : "No file chosen and no rows pasted yet."} />
      <details class="paste-csv">
        <summary>Or paste the rows</summary>
        <div class="field">
          <label for="csv-text">CSV text (first line: column names)</label>
          <textarea id="csv-text" rows={5} spellcheck={false} autocomplete="off" value={pasted} placeholder={"url,caption\nhttps://example.com/menu,Menu"}
            onInput={(e) => setPasted(e.currentTarget.value)} />
        </div>
        <button id="csv-use-text" type="button" class="btn btn-small" disabled={pasted.trim() === ""} onClick={onPaste}>
          Use these rows
        </button>
      </details>
      {csv && mapping && (
        <>
          <div class="inline-fields mapping">
            <div class="field">
              <label for="map-content">Column to encode</label>
              <select id="map-content" value={mapping.content} onChange={(e) => setMapping({ ...mapping, content: e.currentTarget.value })}>
                {csv.columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="map-caption">Caption column</label>
              <select id="map-caption" value={mapping.caption ?? ""} onChange={(e) => setMapping({ ...mapping, caption: e.currentTarget.value || null })}>
                <option value="">No caption</option>
                {csv.columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
          </div>
          <ScrollRegion class="table-wrap csv-preview" label="First rows of the CSV">
            <table class="table table-compact" id="csv-preview">
              <caption class="sr-only">First rows of the CSV</caption>
              <thead><tr>{csv.columns.map((c) => <th key={c} scope="col" class={c === mapping.content ? "mapped" : undefined} title={c}>{c}</th>)}</tr></thead>
              <tbody>
                {csv.rows.slice(0, 5).map((r, i) => (
                  <tr key={i}>{csv.columns.map((c, j) => <td key={c} class={c === mapping.content ? "mapped" : undefined} title={r[j] ?? ""}>{r[j] ?? ""}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
