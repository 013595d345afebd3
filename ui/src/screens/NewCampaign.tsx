// The New campaign view: the form, Rust's reading of the rows (their columns, guessed for the
// name and the destination), the live preview of what the draft will make, and Create and print
// with its outcome (Try again while the campaign waits for the service).

import { useEffect, useMemo, useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { useCampaignLiveCount } from "../components/useCampaignLiveCount";
import { useCampaignPreview } from "../components/useCampaignPreview";
import { useCsvColumns } from "../components/useCsvColumns";
import { useDesigns } from "../components/useDesigns";
import { usePrinterList } from "../components/usePrinterList";
import { useStyles } from "../components/useStyles";
import { keepOrGuess } from "../logic/campaign-columns";
import { codeAccounts, type CampaignForm as Form, createBlocker, defaultAccount, newCampaign, toDraft, validateCampaign } from "../logic/campaign-draft";
import { MAKING_CODES, RESUMING } from "../logic/campaign-progress";
import { toAppError } from "../platform/backend";
import type { CampaignOutcome, SheetLayout } from "../platform/types";
import { CampaignForm } from "./CampaignForm";
import { CampaignOutcomeNotice } from "./CampaignOutcomeNotice";
import { CampaignPreviewPanel } from "./CampaignPreviewPanel";
import { CampaignRun } from "./CampaignRun";
import { PrintToPrinterDialog } from "./PrintToPrinterDialog";

export function NewCampaign() {
  const { backend, accounts, navigate, bumpData } = useApp();
  const usable = useMemo(() => codeAccounts(accounts), [accounts]);
  const [form, setForm] = useState<Form>(() => newCampaign(accounts));
  const [fileName, setFileName] = useState("");
  const [layouts, setLayouts] = useState<SheetLayout[]>([]);
  const [busy, setBusy] = useState<"create" | "resume" | null>(null);
  const [outcome, setOutcome] = useState<CampaignOutcome | null>(null);
  const live = useCampaignLiveCount(backend, busy !== null, busy === "resume" && outcome ? outcome.id : null);
  /** The draft the outcome was made from: creating it again would make its codes twice. */
  const [madeKey, setMadeKey] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [sending, setSending] = useState<{ path: string; opener: HTMLElement | null } | null>(null);
  const designs = useDesigns(backend);
  const styles = useStyles(backend);
  const printers = usePrinterList(backend);
  const csv = useCsvColumns(backend, form.rows_text);

  useEffect(() => {
    backend.listLayouts().then(setLayouts, (e: unknown) => setError(toAppError(e)));
  }, [backend]);
  // The accounts can change while the page is open (removed elsewhere): keep a usable one chosen.
  useEffect(() => {
    setForm((f) => (f.account !== null && usable.some((a) => a.id === f.account) ? f : { ...f, account: defaultAccount(usable) }));
  }, [usable]);
  // New rows: keep the chosen columns they still have, guess the others.
  const read = csv.read;
  useEffect(() => {
    if (!read) return;
    setForm((f) => {
      const next = keepOrGuess(read.columns, { name: f.name_column, destination: f.destination_column }, read.rows);
      return next.name === f.name_column && next.destination === f.destination_column ? f : { ...f, name_column: next.name, destination_column: next.destination };
    });
  }, [read]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setCancelled(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const columnsRead = read !== null && read.text === form.rows_text && form.rows_text.trim() !== "";
  const columns = read?.columns ?? [];
  const draft = columnsRead && columns.includes(form.name_column) && columns.includes(form.destination_column) ? toDraft(form) : null;
  const draftKey = draft === null ? null : JSON.stringify(draft);
  const preview = useCampaignPreview(backend, draft);
  const layout = layouts.find((l) => l.id === form.layout);
  const problems = validateCampaign(form, layout, accounts, read && columnsRead ? read.row_count : null);
  const good = preview.preview ? Math.max(0, preview.preview.rows - preview.preview.problems.length) : 0;
  const blocker = madeKey !== null && madeKey === draftKey
    ? "This campaign is made. Change the rows or the name to make another."
    : createBlocker(form, problems, { columnsRead, preview: preview.state, goodRows: good });

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const text = await file.text();
      setFileName(file.name);
      set("rows_text", text);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const create = async () => {
    if (busy !== null || draft === null || blocker !== null) return;
    setBusy("create");
    setError(null);
    setOutcome(null);
    setCancelled(false);
    try {
      const made = await backend.campaignCreate(draft);
      if (made) {
        setOutcome(made);
        setMadeKey(draftKey);
        bumpData();
      } else {
        setCancelled(true);
      }
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
    }
  };

  const resume = async () => {
    if (busy !== null || outcome === null) return;
    setBusy("resume");
    setError(null);
    try {
      setOutcome(await backend.campaignResume(outcome.id));
      bumpData();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
    }
  };

  const report = (run: Promise<void>) => { run.catch((e: unknown) => setError(toAppError(e))); };
  const emptyText = form.rows_text.trim() === ""
    ? "Paste the rows to see where each code will lead."
    : form.account === null ? "Choose an account to see the preview."
      : csv.error ? "Correct the rows to see the preview." : "Reading the rows…";

  return (
    <section class="screen" aria-labelledby="campaign-new-title">
      <button type="button" class="btn btn-quiet back" onClick={() => navigate({ screen: "campaigns", campaign: null })}>← Campaigns</button>
      <header class="screen-head">
        <div>
          <h1 id="campaign-new-title" tabIndex={-1} data-arrival-focus>New campaign</h1>
          <p class="muted">Each row becomes a new code on the account's service, leading to its destination with the UTM parameters. The labels print once the service has made every code.</p>
        </div>
      </header>
      <div class="print-grid">
        <CampaignForm form={form} set={set} accounts={usable} problems={problems} layouts={layouts} designs={designs} styles={styles}
          onGoToAccounts={() => navigate({ screen: "accounts", add: true })}
          rows={{
            fileName,
            rowCount: read && columnsRead ? read.row_count : null,
            columns,
            error: csv.error,
            onText: (text) => { setFileName(""); set("rows_text", text); },
            onFile: (file) => void readFile(file),
          }} />
        <div class="campaign-side">
          <CampaignPreviewPanel preview={preview.preview} state={preview.state} error={preview.error} asked={draft !== null} emptyText={emptyText} />
          <CampaignRun blocker={blocker} busy={busy !== null} busyText={busy === "resume" ? RESUMING : MAKING_CODES} live={live} cancelled={cancelled}
            error={error} onDismissError={() => setError(null)} onCreate={() => void create()}>
            {outcome && (
              <CampaignOutcomeNotice outcome={outcome} printers={printers} resuming={busy === "resume"}
                onOpen={(path) => report(backend.openPath({ path }))}
                onShow={(path) => report(backend.showInFolder({ path }))}
                onSend={(path, opener) => setSending({ path, opener })}
                onResume={() => void resume()}
                onOpenCampaign={() => navigate({ screen: "campaigns", campaign: outcome.id })} />
            )}
          </CampaignRun>
        </div>
      </div>
      {sending && (
        <PrintToPrinterDialog path={sending.path} opener={sending.opener} onClose={() => setSending(null)}
          fallback={() => document.getElementById("campaign-outcome")} />
      )}
    </section>
  );
}

