// "Choose a file…" for CSV rows (the Print page's CSV source, a new campaign's rows): the native
// file input is hidden behind its label, which is the button, and the line beside it always says
// which rows are in use (a browser's own "No file chosen" would be wrong once rows are pasted).

/**
 * `id` is the hidden input's; the label reads `${id}-label`, the button `${id}-button`, and the
 * line `summaryId`, which also describes the input.
 */
export function CsvFilePick({ id, label, summaryId, summary, onFile }: {
  id: string;
  label: string;
  summaryId: string;
  summary: string;
  onFile: (file: File | undefined) => void;
}) {
  return (
    <div class="field">
      <span class="label-like" id={`${id}-label`}>{label}</span>
      <div class="file-pick">
        <input id={id} class="file-input" type="file" accept=".csv,text/csv" aria-labelledby={`${id}-label ${id}-button`}
          aria-describedby={summaryId} onChange={(e) => onFile(e.currentTarget.files?.[0])} />
        <label id={`${id}-button`} for={id} class="btn btn-small">Choose a file…</label>
        <p class="hint" id={summaryId}>{summary}</p>
      </div>
    </div>
  );
}
