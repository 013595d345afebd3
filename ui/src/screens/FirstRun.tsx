import { useState } from "preact/hooks";
import type { AppError } from "../bindings/AppError";
import { useApp } from "../app/context";
import { ErrorNotice } from "../components/ErrorNotice";
import { toAppError } from "../platform/backend";

export function FirstRun() {
  const { backend, navigate, reloadAccounts, reloadInfo, bumpData } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const tryDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      await backend.startDemo();
      await Promise.all([reloadAccounts(), reloadInfo()]);
      bumpData();
      navigate({ screen: "library" });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to QR Desk</h1>
      <p class="lead">
        QR Desk keeps the QR codes from your QR services in one library, lets you change where they lead, and prints them
        on label sheets ready for the shop floor. It also looks after the API keys behind them: it checks them, warns
        before they expire and guides you through replacing them.
      </p>
      <div class="choices">
        <button id="add-account" data-testid="add-account" type="button" class="choice" onClick={() => navigate({ screen: "accounts", add: true })}>
          <span class="choice-title">Add an account</span>
          <span class="choice-text">Paste an API key from ExaRoutes, QRCodePro, iloveQR, Exante or the QR platform.</span>
        </button>
        <button id="try-demo" data-testid="try-demo" type="button" class="choice choice-primary" onClick={tryDemo} disabled={busy} aria-busy={busy}>
          <span class="choice-title">{busy ? "Starting the demo…" : "Try the demo"}</span>
          <span class="choice-text">Explore with sample accounts and codes from the built-in simulator. Nothing leaves this computer.</span>
        </button>
        <button id="print-csv" data-testid="print-csv" type="button" class="choice" onClick={() => navigate({ screen: "print", source: "csv" })}>
          <span class="choice-title">Print from a CSV</span>
          <span class="choice-text">Turn a spreadsheet of links into label sheets. No account needed.</span>
        </button>
      </div>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
