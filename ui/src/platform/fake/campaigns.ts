// Campaigns in the fake: the preview of a draft (the pasted rows read, each row's destination with
// the UTM parameters added as Rust adds them, the rows that will not become codes), making one (a
// new code per good row in the library; offline the campaign waits, else the service "confirms"
// every code at once and the labels are "printed" in row order and recorded in the print history),
// carrying a waiting one on, its details with a few days of scans, and the export of its scans.

import { RULES } from "../../bindings/current-rules";
import { parseCsv } from "../../logic/csv";
import { destinationProblem, nameProblem } from "../../logic/destination";
import { defaultPrintOptions, sheetsNeeded } from "../../logic/print-options";
import type {
  CampaignDay, CampaignDetails, CampaignDraft, CampaignOutcome, CampaignPreview, CampaignSummary, CaptionSource, ExportResult, PrintSettings,
} from "../types";
import { ALPHABET, prng, SHORT_HOSTS } from "./demo-data";
import { requireDesign } from "./designs";
import { fail, SENTENCES } from "./errors";
import { recordJob } from "./history";
import { requireLayout } from "./layouts";
import type { FakeCampaign, FakeCampaignLine, FakeLabel, FakeState } from "./state";
import { requireStyle } from "./styles";
import { renderTemplate } from "./template";

/** Most rows one campaign takes, and the rows the preview shows (Rust's numbers). */
const MAX_ROWS = RULES.max_campaign_rows;
const PREVIEW_ROWS = 5;
const DAY = 86_400_000;
/** Days of scans a confirmed campaign has had. */
const SCAN_DAYS = 7;

type UtmPair = { key: string; value: string };

/** The template's `key=value` pairs; refused as Rust refuses it (no '=', an unknown column). */
function parseUtm(text: string, columns: readonly string[]): UtmPair[] {
  const known = [...columns, "campaign"];
  const pairs: UtmPair[] = [];
  for (const part of text.trim().replace(/^\?/, "").split("&").filter((p) => p !== "")) {
    const at = part.indexOf("=");
    if (at === -1) fail("bad_input", `The UTM template's part "${part}" has no '='; write it like utm_source=print&utm_content={serial}`);
    const key = part.slice(0, at).trim();
    if (key === "") fail("bad_input", `The UTM template's part "${part}" has no name before the '='`);
    const value = part.slice(at + 1);
    for (const m of value.replace(/\{\{|\}\}/g, "").matchAll(/\{([^}]*)\}/g)) {
      const inner = m[1] ?? "";
      if (inner === "row" || /^serial(:\d*)?$/.test(inner)) continue;
      if (inner === "") fail("bad_input", `UTM value "${value}" has an empty {}; put a column name inside`);
      if (!known.includes(inner)) {
        fail("bad_input", `UTM value "${value}" names the column "${inner}", which the CSV does not have; its columns are: ${columns.join(", ")}`);
      }
    }
    pairs.push({ key, value });
  }
  return pairs;
}

/** `destination` with the pairs its query does not have yet, filled in for the row. */
function addUtm(destination: string, pairs: readonly UtmPair[], row: number, serial: number, fields: Record<string, string>): string {
  let url: URL;
  try {
    url = new URL(destination.trim());
  } catch {
    return destination;
  }
  const existing = new Set(url.searchParams.keys());
  for (const p of pairs) if (!existing.has(p.key)) url.searchParams.append(p.key, renderTemplate(p.value, fields, row, serial));
  return url.toString();
}

function columnIndex(columns: readonly string[], wanted: string, what: string): number {
  const i = columns.findIndex((c) => c.toLowerCase() === wanted.trim().toLowerCase());
  if (i === -1) fail("bad_input", `The rows have no column "${wanted}" for ${what}; their columns are: ${columns.join(", ")}`);
  return i;
}

/** How the print history records a campaign's caption. */
function captionSource(template: string | null): CaptionSource {
  if (template === null || template.trim() === "") return "none";
  return template.includes("{short_url}") ? "content" : "name";
}

export class FakeCampaigns {
  constructor(private readonly s: FakeState) {}

  private nameOf(draft: CampaignDraft): string {
    const n = draft.name.trim();
    return n !== "" ? n : `Campaign ${this.s.stamp().slice(0, 10)}`;
  }

  /** Every row as it will be made: its serial and UTM'd destination, or why it will not be. */
  private plan(draft: CampaignDraft, campaign: string): { columns: string[]; lines: FakeCampaignLine[] } {
    const table = parseCsv(draft.rows_text);
    const columns = (table[0] ?? []).map((c) => c.trim());
    if (columns.every((c) => c === "")) fail("bad_input", "The rows are empty; the first line must name the columns, like name,url");
    const body = table.slice(1);
    if (body.length > MAX_ROWS) fail("bad_input", `The rows are ${body.length}; a campaign takes at most ${MAX_ROWS}: split them`);
    const ni = columnIndex(columns, draft.name_column, "the names");
    const di = columnIndex(columns, draft.destination_column, "the destinations");
    const utm = draft.utm !== null && draft.utm.trim() !== "" ? parseUtm(draft.utm, columns) : null;
    let serial = 0;
    const lines = body.map((cells, i): FakeCampaignLine => {
      const row = i + 1;
      const fields = { ...Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ""])), campaign };
      const name = (cells[ni] ?? "").trim();
      const raw = (cells[di] ?? "").trim();
      const destination = utm ? addUtm(raw, utm, row, serial + 1, fields) : raw;
      const problem = nameProblem(name) ?? destinationProblem(destination);
      if (problem === null) serial += 1;
      return { row, serial: problem === null ? serial : null, name, destination, code: null, short_link: "", scans: null, problem };
    });
    return { columns, lines };
  }

  async preview(draft: CampaignDraft): Promise<CampaignPreview> {
    const { columns, lines } = this.plan(draft, this.nameOf(draft));
    return {
      columns,
      rows: lines.length,
      first: lines.filter((l) => l.problem === null).slice(0, PREVIEW_ROWS).map((l) => ({ row: l.row, name: l.name, destination: l.destination })),
      problems: lines.flatMap((l) => (l.problem === null ? [] : [{ row: l.row, reason: l.problem }])),
    };
  }

  /** No save dialog in a browser: "saves" next to the other PDFs, under a name not yet taken. */
  private outputPath(): string {
    const taken = new Set([...this.s.jobs.map((j) => j.summary.output), ...this.s.campaigns.map((c) => c.output)]);
    const at = (n: number) => `/home/you/Documents/QR Desk/campaign-labels${n === 1 ? "" : ` (${n})`}.pdf`;
    let n = 1;
    while (taken.has(at(n))) n += 1;
    return at(n);
  }

  async create(draft: CampaignDraft): Promise<CampaignOutcome> {
    const account = this.s.account(draft.account);
    if (!RULES.services.some((sv) => sv.provider === account.provider && sv.has_codes)) {
      fail("bad_input", `${account.label} is on a service that does not make codes; choose another account`);
    }
    requireLayout(draft.layout);
    requireStyle(this.s, draft.style);
    requireDesign(this.s, draft.design);
    if (draft.design !== null && draft.caption !== null) fail("bad_input", "A campaign prints either a caption or a label design; leave one out");
    const name = this.nameOf(draft);
    const { lines } = this.plan(draft, name);
    if (!lines.some((l) => l.problem === null)) {
      const first = lines.find((l) => l.problem !== null);
      fail("bad_input", first ? `No row can become a code; row ${first.row}: ${first.problem}` : "The rows have no data under their column names");
    }
    const now = this.s.stamp();
    for (const l of lines.filter((x) => x.problem === null)) {
      const id = this.s.rows.length + 1;
      this.s.rows.push({
        id, account: account.id, remote_id: null, name: l.name, kind: "url", destination: l.destination, content: "", status: "active",
        scans_total: null, scans_window_days: null, remote_updated_at: null, updated_at: now, local_revision: 1, deleted: false, pending: true, outbox_state: "pending",
      });
      l.code = id;
    }
    const campaign: FakeCampaign = {
      id: this.s.nextId.campaign++, name, account: account.id, status: "waiting", created_at: now, draft: { ...draft }, output: this.outputPath(),
      print_job: null, lines, days: [],
    };
    this.s.campaigns.push(campaign);
    this.s.changed();
    return this.advance(campaign);
  }

  async resume(id: number): Promise<CampaignOutcome> {
    return this.advance(this.find(id));
  }

  private find(id: number): FakeCampaign {
    const c = this.s.campaigns.find((x) => x.id === id);
    if (!c) fail("bad_input", `There is no campaign #${id}`);
    return c;
  }

  /** Offline it waits (nothing printed); online every code is confirmed and the labels print. */
  private advance(c: FakeCampaign): CampaignOutcome {
    if (c.status === "printed") return this.outcome(c, 0, null);
    if (this.s.offline) return this.outcome(c, 0, `waiting for the service: ${SENTENCES.network ?? ""}`.trim());
    const provider = this.s.account(c.account).provider;
    for (const l of c.lines) {
      if (l.code === null || l.short_link !== "") continue;
      const rnd = prng(c.id * 10_007 + l.row);
      let slug = "";
      for (let k = 0; k < 7; k++) slug += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      l.short_link = `${SHORT_HOSTS[provider]}${slug}`;
      l.scans = Math.floor(rnd() ** 2 * 60);
      const r = this.s.rows[l.code - 1];
      if (r) Object.assign(r, { remote_id: `cmp_${slug}`, content: l.short_link, scans_total: l.scans, pending: false, outbox_state: null });
    }
    c.days = this.scanDays(c);
    const pages = this.print(c);
    this.s.changed();
    return this.outcome(c, pages, null);
  }

  /** The campaign's scans spread over the last days, oldest first (they add up to its total). */
  private scanDays(c: FakeCampaign): CampaignDay[] {
    const total = c.lines.reduce((n, l) => n + (l.scans ?? 0), 0);
    const rnd = prng(c.id * 31);
    const weights = Array.from({ length: SCAN_DAYS }, () => 0.3 + rnd());
    const sum = weights.reduce((a, b) => a + b, 0);
    const today = this.s.now().getTime();
    const days = weights.map((w, i) => ({ day: new Date(today - (SCAN_DAYS - 1 - i) * DAY).toISOString().slice(0, 10), scans: Math.floor((total * w) / sum) }));
    const last = days.at(-1)!;
    last.scans += total - days.reduce((n, d) => n + d.scans, 0);
    return days;
  }

  /** "Prints" the labels (each row's short link, in row order), records the job; returns its pages. */
  private print(c: FakeCampaign): number {
    const { draft } = c;
    const layout = requireLayout(draft.layout);
    const labels: FakeLabel[] = c.lines.filter((l) => l.short_link !== "").map((l) => {
      const columns = { name: l.name, destination: l.destination, short_url: l.short_link, campaign: c.name };
      const serial = l.serial ?? l.row;
      return { row: l.row, serial, content: l.short_link, caption: draft.caption ? renderTemplate(draft.caption, columns, l.row, serial) : "", columns };
    });
    const settings: PrintSettings = {
      ...defaultPrintOptions(layout.id), size_mm: 0, caption: captionSource(draft.caption), style: draft.style, design: draft.design, start_at: Math.max(1, draft.start_at),
    };
    const pages = sheetsNeeded(labels.length, layout, settings.start_at);
    recordJob(this.s, {
      source: `Campaign #${c.id} “${c.name}”`, settings, design: requireDesign(this.s, draft.design), labels,
      result: { path: c.output, pages, labels: labels.length, problems: [] },
    });
    c.print_job = this.s.jobs.at(-1)?.summary.id ?? null;
    c.status = "printed";
    return pages;
  }

  private outcome(c: FakeCampaign, pages: number, note: string | null): CampaignOutcome {
    const good = c.lines.filter((l) => l.code !== null);
    const created = good.filter((l) => l.short_link !== "").length;
    return {
      id: c.id, name: c.name, status: c.status, rows: c.lines.length, codes_created: created, waiting: good.length - created,
      failed: c.lines.flatMap((l) => (l.problem === null ? [] : [{ row: l.row, reason: l.problem }])),
      pages, output: c.output, print_job: c.print_job, note,
    };
  }

  private summary(c: FakeCampaign): CampaignSummary {
    const good = c.lines.filter((l) => l.code !== null);
    const codes = good.filter((l) => l.short_link !== "").length;
    return {
      id: c.id, name: c.name, account: c.account, status: c.status, created_at: c.created_at, rows: c.lines.length, codes, waiting: good.length - codes,
      failed: c.lines.filter((l) => l.problem !== null).length, scans: c.lines.reduce((n, l) => n + (l.scans ?? 0), 0), output: c.output,
    };
  }

  /** Newest first. */
  async list(): Promise<CampaignSummary[]> {
    return [...this.s.campaigns].reverse().map((c) => this.summary(c));
  }

  async details(id: number): Promise<CampaignDetails> {
    const c = this.find(id);
    // Rust's ranking: most scans first, then row order; the worst are the same list from its end.
    const ranked = c.lines.filter((l) => l.short_link !== "").map((l) => ({ scans: l.scans ?? 0, row: l.row }));
    ranked.sort((a, b) => b.scans - a.scans || a.row - b.row);
    return {
      summary: this.summary(c),
      rows: c.lines.map((l) => ({ row: l.row, serial: l.serial, name: l.name, destination: l.destination, code: l.code, short_link: l.short_link, scans: l.scans, problem: l.problem })),
      scans_by_day: c.days.map((d) => ({ ...d })),
      best: ranked.slice(0, 3).map((r) => r.row),
      worst: [...ranked].reverse().slice(0, 3).map((r) => r.row),
    };
  }

  /** No save dialog in a browser: "saves" to a made-up Downloads path. */
  async exportScans(id: number): Promise<ExportResult> {
    this.find(id);
    return { path: `/home/you/Downloads/campaign-${id}-scans.csv` };
  }
}
