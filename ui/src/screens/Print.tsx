import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { DesignSelect } from "../components/DesignSelect";
import { describedBy, Field } from "../components/Field";
import { LayoutPicker } from "../components/LayoutPicker";
import { NumberField } from "../components/NumberField";
import { SheetDrawing } from "../components/SheetDrawing";
import { StyleSelect } from "../components/StyleSelect";
import { usePrinterProfiles } from "../components/usePrinterProfiles";
import { useDesigns } from "../components/useDesigns";
import { usePrinterList } from "../components/usePrinterList";
import { useStyles } from "../components/useStyles";
import { CsvSource } from "./CsvSource";
import { PrintPreviewPanel } from "./PrintPreviewPanel";
import { PrinterCorrection } from "./PrinterCorrection";
import { PrintToPrinterDialog } from "./PrintToPrinterDialog";
import { formatCount } from "../logic/format";
import { defaultPrintOptions, hasProblems, maxSymbolMm, requestSettings, validatePrintOptions } from "../logic/print-options";
import { toAppError } from "../platform/backend";
import type { CaptionSource, ColumnMapping, CsvPreview, EcLevel, PrintSettings, PrintPreview, PrintRequest, PrintResult, SheetLayout } from "../platform/types";

type SourceKind = "selection" | "search" | "csv";
const PREVIEW_DEBOUNCE_MS = 250;

export function Print({ initialSource }: { initialSource: SourceKind | null }) {
  const { backend, selection, libraryQuery, accounts } = useApp();
  const [source, setSource] = useState<SourceKind>(initialSource ?? (selection.size > 0 ? "selection" : accounts.length > 0 ? "search" : "csv"));
  const [layouts, setLayouts] = useState<SheetLayout[]>([]);
  const [options, setOptions] = useState<PrintSettings>(() => defaultPrintOptions());
  const [search, setSearch] = useState(libraryQuery.search);
  const [csvText, setCsvText] = useState<string | null>(null);
  const [csvName, setCsvName] = useState("");
  const [pasted, setPasted] = useState("");
  const [csv, setCsv] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<PrintPreview | null>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<PrintResult | null>(null);
  const previewSeq = useRef(0);
  const styles = useStyles(backend);
  const printerProfiles = usePrinterProfiles(backend);
  const designs = useDesigns(backend);
  const printers = usePrinterList(backend);
  const [sending, setSending] = useState<{ path: string; opener: HTMLElement | null } | null>(null);

  useEffect(() => { if (initialSource) setSource(initialSource); }, [initialSource]);
  // Captions: codes offer their name, a CSV its mapped column; keep the choice valid for the source.
  const csvCaption = mapping?.caption ?? null;
  useEffect(() => {
    setOptions((o) => {
      if (source === "csv" && o.caption === "name") return { ...o, caption: csvCaption ? "column" : "none" };
      if (source === "csv" && o.caption === "column" && !csvCaption) return { ...o, caption: "none" };
      if (source !== "csv" && o.caption === "column") return { ...o, caption: "name" };
      return o;
    });
  }, [source, csvCaption]);
  useEffect(() => {
    backend.listLayouts().then(setLayouts, (e: unknown) => setError(toAppError(e)));
  }, [backend]);
  useEffect(() => {
    let off: (() => void) | null = null;
    let live = true;
    void backend.onPrintProgress((p) => setProgress(p)).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, [backend]);

  const layout = layouts.find((l) => l.id === options.layout);
  const problems = validatePrintOptions(options, layout);
  const problemsKey = JSON.stringify(problems);
  const set = <K extends keyof PrintSettings>(key: K, value: PrintSettings[K]) => setOptions((o) => ({ ...o, [key]: value }));

  const request: PrintRequest | null = useMemo(() => {
    const sent = requestSettings(options);
    if (source === "selection") return selection.size > 0 ? { source: { kind: "selection", codes: [...selection] }, options: sent } : null;
    if (source === "search") {
      const { search: _s, offset: _o, limit: _l, sort: _so, ...filters } = libraryQuery;
      void _s; void _o; void _l; void _so;
      return { source: { kind: "search", query: { ...filters, search } }, options: sent };
    }
    return csvText !== null && mapping ? { source: { kind: "csv", text: csvText, mapping }, options: sent } : null;
  }, [source, selection, libraryQuery, search, csvText, mapping, options]);

  // Live preview of page 1, rendered by the same engine that prints.
  useEffect(() => {
    if (!request || problemsKey !== "{}") return;
    const seq = ++previewSeq.current;
    const t = setTimeout(() => {
      setPreviewBusy(true);
      backend
        .printPreview(request)
        .then((p) => { if (seq === previewSeq.current) { setPreview(p); setError(null); } })
        .catch((e: unknown) => { if (seq === previewSeq.current) setError(toAppError(e)); })
        .finally(() => { if (seq === previewSeq.current) setPreviewBusy(false); });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [backend, request, problemsKey]);

  const readCsv = async (file: File | undefined) => {
    if (!file) return;
    try {
      await loadCsv(await file.text(), file.name);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const loadCsv = async (text: string, name: string) => {
    setError(null);
    try {
      const p = await backend.csvPreview({ text });
      setCsvText(text);
      setCsvName(name);
      setCsv(p);
      setMapping(p.suggested);
      if (p.suggested.caption) set("caption", "column");
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const print = async () => {
    if (!request) return;
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: preview?.labels ?? 0 });
    try {
      const r = await backend.printRun(request);
      if (r) setResult(r);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setProgress(null);
    }
  };

  const numberField = (key: "size_mm" | "bleed_mm" | "start_at", label: string, step: number, hint?: string, disabled?: boolean) => (
    <NumberField id={`opt-${key}`} label={label} step={step} value={options[key]} error={problems[key]} hint={hint} disabled={disabled}
      onChange={(v) => set(key, v)} />
  );
  const designed = options.design !== null;
  const sizeHint = designed ? "The design sets the code's size." : layout ? `Up to ${maxSymbolMm(layout, options.caption !== "none")} mm fits.` : undefined;
  const captionHint = designed ? "The design's fields replace the caption." : undefined;

  return (
    <section class="screen" aria-labelledby="print-title">
      <header class="screen-head">
        <h1 id="print-title">Print</h1>
      </header>
      <div class="print-grid">
        <div class="print-options">
          <fieldset class="card">
            <legend>What to print</legend>
            <div class="radio-row" role="radiogroup" aria-label="Source">
              <label class="radio" for="src-selection">
                <input id="src-selection" type="radio" name="source" checked={source === "selection"} disabled={selection.size === 0} onChange={() => setSource("selection")} />
                Selected codes ({formatCount(selection.size)})
              </label>
              <label class="radio" for="src-search">
                <input id="src-search" type="radio" name="source" checked={source === "search"} disabled={accounts.length === 0} onChange={() => setSource("search")} />
                Codes matching a search
              </label>
              <label class="radio" for="src-csv">
                <input id="src-csv" type="radio" name="source" checked={source === "csv"} onChange={() => setSource("csv")} />
                A CSV file
              </label>
            </div>
            {source === "selection" && selection.size === 0 && <p class="muted small">Select codes in the Library first.</p>}
            {source === "search" && (
              <Field id="print-search" label="Search the library" hint="Empty prints every code that matches the library's filters.">
                <input id="print-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-describedby="print-search-hint" />
              </Field>
            )}
            {source === "csv" && (
              <CsvSource csv={csv} csvName={csvName} mapping={mapping} setMapping={setMapping} pasted={pasted} setPasted={setPasted}
                onFile={(f) => void readCsv(f)} onPaste={() => void loadCsv(pasted, "Pasted rows")} />
            )}
          </fieldset>

          <fieldset class="card">
            <legend>Sheet</legend>
            <div class="layout-pick">
              <div class="layout-side">
              <LayoutPicker layouts={layouts} value={options.layout} onChange={(id) => {
                const next = layouts.find((l) => l.id === id);
                setOptions((o) => ({ ...o, layout: id, size_mm: next ? Math.min(o.size_mm, maxSymbolMm(next, o.caption !== "none")) : o.size_mm, start_at: 1 }));
              }} />
              {numberField("start_at", "Start at label", 1, "On a part-used sheet, the first free label (highlighted).")}
              <label class="check" for="opt-crop">
                <input id="opt-crop" type="checkbox" checked={options.crop_marks} onChange={(e) => set("crop_marks", e.currentTarget.checked)} />
                Crop marks
              </label>
              </div>
              {layout && <SheetDrawing layout={layout} startAt={Number.isInteger(options.start_at) ? options.start_at : 1} cropMarks={options.crop_marks} />}
            </div>
            <div class="form-grid form-grid-3">
              {numberField("size_mm", "Code size (mm)", 1, sizeHint, designed)}
              <Field id="opt-ec" label="Error correction">
                <select id="opt-ec" value={options.ec} onChange={(e) => set("ec", e.currentTarget.value as EcLevel)}>
                  <option value="L">Low (7%)</option>
                  <option value="M">Medium (15%)</option>
                  <option value="Q">High (25%)</option>
                  <option value="H">Highest (30%)</option>
                </select>
              </Field>
              <DesignSelect id="opt-design" value={options.design} designs={designs} onChange={(name) => set("design", name)}
                hint={designed ? undefined : designs.length === 0 ? "Make label designs on the Designs page." : "Text fields around the code."} />
              <Field id="opt-caption" label="Caption" hint={captionHint}>
                <select id="opt-caption" value={options.caption} disabled={designed} aria-describedby={describedBy("opt-caption", null, captionHint)}
                  onChange={(e) => set("caption", e.currentTarget.value as CaptionSource)}>
                  <option value="none">None</option>
                  {source !== "csv" && <option value="name">Code name</option>}
                  <option value="content">Encoded link</option>
                  {source === "csv" && <option value="column">Caption column</option>}
                </select>
              </Field>
              <StyleSelect id="opt-style" value={options.style} styles={styles} onChange={(name) => set("style", name)}
                hint={options.style !== null ? "The style sets the colours." : styles.length === 0 ? "Make brand styles on the Styles page." : undefined} />
              {options.style === null && (
                <>
                  <Field id="opt-foreground" label="Code colour" error={problems.foreground}>
                    <input id="opt-foreground" type="color" value={/^#[0-9a-f]{6}$/i.test(options.foreground) ? options.foreground : "#000000"}
                      aria-describedby={describedBy("opt-foreground", problems.foreground)} onInput={(e) => set("foreground", e.currentTarget.value)} />
                  </Field>
                  <Field id="opt-background" label="Background" error={problems.background}>
                    <input id="opt-background" type="color" value={/^#[0-9a-f]{6}$/i.test(options.background) ? options.background : "#ffffff"} onInput={(e) => set("background", e.currentTarget.value)} />
                  </Field>
                </>
              )}
              {numberField("bleed_mm", "Bleed (mm)", 0.5)}
            </div>
          </fieldset>

          <PrinterCorrection options={options} problems={problems} profiles={printerProfiles}
            onChange={(change) => setOptions((o) => ({ ...o, ...change }))} />
        </div>

        <PrintPreviewPanel
          preview={preview}
          showPreview={request !== null && !hasProblems(problems)}
          emptyText={!request ? (source === "csv" ? "Choose a CSV file to see the first page." : "Choose what to print to see the first page.") : "Fix the highlighted options to see the first page."}
          busy={previewBusy}
          error={error}
          onDismissError={() => setError(null)}
          progress={progress}
          canPrint={!!request && !hasProblems(problems) && !!preview && preview.labels > 0}
          onPrint={() => void print()}
          onCancel={() => void backend.printCancel()}
          result={result}
          onOpen={(path) => { backend.openPath({ path }).catch((e: unknown) => setError(toAppError(e))); }}
          onShow={(path) => { backend.showInFolder({ path }).catch((e: unknown) => setError(toAppError(e))); }}
          printers={printers}
          onSend={(path, opener) => setSending({ path, opener })}
        />
      </div>
      {sending && (
        <PrintToPrinterDialog path={sending.path} opener={sending.opener} onClose={() => setSending(null)}
          fallback={() => document.getElementById("print-result")} />
      )}
    </section>
  );
}
