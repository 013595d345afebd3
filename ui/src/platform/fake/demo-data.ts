// Deterministic demo data for the FakeBackend: accounts like the simulator seeds, up to 200,000
// codes, outbox entries in every state, a brand style, a label design, two printer profiles, the
// printers CUPS offers, and the label-sheet templates of the print anchors.

import type { Account } from "../../bindings/Account";
import type { CodeStatus } from "../../bindings/CodeStatus";
import type { OutboxEntry } from "../../bindings/OutboxEntry";
import type { ProviderKind } from "../../bindings/ProviderKind";
import { RULES } from "../../bindings/current-rules";
import type { CodeRow, DesignDraft, PrinterList, PrinterProfile, SheetLayout, StyleDraft } from "../types";

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

export function demoAccounts(now: Date): Account[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const ahead = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const base = { last_error: null, demo: true, client_id: null, workspace: null };
  return [
    { ...base, id: 1, provider: "exaroutes", label: "Marketing", base_url: "http://127.0.0.1:47801", workspace: "Spring campaign", environment: "live", masked_key: "exr_live_…8f3a", created_at: ago(210), key_created_at: ago(200), last_verified_at: ago(0.02), expires_at: null, status: "verified" },
    { ...base, id: 2, provider: "qrcodepro", label: "Menus (test)", base_url: "http://127.0.0.1:47802", environment: "test", masked_key: "qrcp_test_…41c9", created_at: ago(95), key_created_at: ago(95), last_verified_at: ago(1), expires_at: null, status: "verified" },
    { ...base, id: 3, provider: "iloveqr", label: "Bakery group", base_url: "http://127.0.0.1:47803", workspace: "Bakery Group Ltd", environment: "live", masked_key: "ilqr_…77de", created_at: ago(400), key_created_at: ago(380), last_verified_at: ago(3), expires_at: null, status: "error", last_error: { kind: "rate_limited", message: "The service asked QR Desk to slow down. It will retry by itself; nothing is lost." } },
    { ...base, id: 4, provider: "qr-v1", label: "Print shop", base_url: "http://127.0.0.1:47804", environment: "live", masked_key: "…k2P9", created_at: ago(30), key_created_at: ago(30), last_verified_at: null, expires_at: null, status: "unverified" },
    { ...base, id: 5, provider: "exante", label: "Exante keys", base_url: "http://127.0.0.1:47805", environment: "live", masked_key: "ex_live_…b07e", created_at: ago(81), key_created_at: ago(81), last_verified_at: ago(0.5), expires_at: ahead(9), status: "expiring" },
  ];
}

/** Where each service's short links point (a code's printed content). */
export const SHORT_HOSTS: Record<ProviderKind, string> = {
  exaroutes: "https://exr.to/",
  qrcodepro: "https://qrcp.io/c/",
  iloveqr: "https://ilqr.link/",
  "qr-v1": "https://qrgen.link/r/",
  exante: "https://exante.app/q/",
};

const PLACES = ["Harbour", "Market", "Station", "Garden", "Gallery", "Library", "Museum", "Bakery", "Theatre", "Studio", "Plaza", "Riverside"];
const THINGS = ["menu", "flyer", "poster", "table tent", "sticker", "window card", "business card", "catalogue", "coaster", "shelf label", "ticket", "brochure"];
const PATHS = ["menu", "offers", "events", "signup", "reviews", "order", "contact", "about", "spring-sale", "tickets", "wifi", "feedback"];
const SITES = ["harbourcafe.example", "northbakery.example", "citygallery.example", "printhouse.example", "greenmarket.example", "riverside-hotel.example"];
const STATUSES: CodeStatus[] = ["active", "active", "active", "active", "active", "paused", "draft", "archived"];
export const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function demoCodes(count: number, accounts: Account[], now: Date): CodeRow[] {
  const rnd = prng(20261122);
  const owners = accounts.filter((a) => a.provider !== "exante");
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows: CodeRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const account = owners[i % owners.length]!;
    let slug = "";
    for (let k = 0; k < 7; k++) slug += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    const place = pick(PLACES);
    const thing = pick(THINGS);
    const site = pick(SITES);
    const updated = new Date(now.getTime() - Math.floor(rnd() * 300 * DAY)).toISOString();
    rows[i] = {
      id: i + 1,
      account: account.id,
      remote_id: `${account.provider.slice(0, 3)}_${slug}`,
      name: `${place} ${thing} ${String(i + 1).padStart(5, "0")}`,
      kind: account.provider === "iloveqr" ? "URL" : "url",
      destination: `https://${site}/${pick(PATHS)}?src=qr${i % 97}`,
      content: `${SHORT_HOSTS[account.provider]}${slug}`,
      status: pick(STATUSES),
      // ExaRoutes lists no totals: QR Desk sums the synced days (90 by default).
      scans_total: Math.floor(rnd() ** 3 * 5000),
      scans_window_days: account.provider === "exaroutes" ? 90 : null,
      remote_updated_at: updated,
      updated_at: updated,
      local_revision: 0,
      deleted: false,
      pending: false,
      outbox_state: null,
    };
  }
  return rows;
}

/** Outbox entries in each state, on the first codes of the first accounts. */
export function demoOutbox(rows: CodeRow[], now: Date): OutboxEntry[] {
  const at = (mins: number) => new Date(now.getTime() - mins * 60_000).toISOString();
  const entries: OutboxEntry[] = [];
  const plan: { state: OutboxEntry["state"]; kind: OutboxEntry["kind"]; message: string | null; dest: string }[] = [
    { state: "pending", kind: null, message: null, dest: "https://harbourcafe.example/menu/winter" },
    { state: "pending", kind: "network", message: "The service could not be reached. Check the internet connection; your changes wait safely in the outbox.", dest: "https://northbakery.example/offers/today" },
    { state: "needs_confirmation", kind: "step_up_required", message: "The service wants this change confirmed. Confirm it in the service's dashboard, then retry within 5 minutes.", dest: "https://citygallery.example/events/opening" },
    { state: "conflict", kind: "conflict", message: "This code was changed on the service since you edited it here. Open the outbox, compare both versions and keep one.", dest: "https://greenmarket.example/order?table=12" },
    { state: "failed", kind: "validation", message: "The service refused a value: the destination's domain is on its block list. Correct the field named in the message and try again.", dest: "https://printhouse.example/catalogue" },
  ];
  plan.forEach((p, i) => {
    const row = rows[i * 4];
    if (!row) return;
    row.pending = true;
    row.outbox_state = p.state;
    row.local_revision = 1;
    entries.push({
      id: i + 1,
      account: row.account,
      code: row.id,
      remote_id: row.remote_id,
      op: "update",
      changes: { destination: p.dest },
      base_updated_at: row.remote_updated_at,
      client_ref: `ref-${i + 1}`,
      state: p.state,
      kind: p.kind,
      message: p.message,
      attempts: p.state === "pending" && p.kind === null ? 0 : 2,
      created_at: at(90 - i * 10),
      updated_at: at(30 - i * 5),
    });
  });
  return entries;
}

const mm = (inch: number) => Math.round(inch * 25.4 * 100) / 100;

/** QR Desk's built-in label sheets (geometry from the print anchors: Avery's published templates);
 * the gLabels catalogue sheets the fake also lists are in catalogue-data.ts. */
export const LAYOUTS: SheetLayout[] = [
  { id: "a4-grid-4x6", name: "A4 plain, 4 × 6 grid", paper: "A4", page_width_mm: 210, page_height_mm: 297, columns: 4, rows: 6, label_width_mm: 45, label_height_mm: 45, margin_top_mm: 13.5, margin_left_mm: 9, pitch_x_mm: 48, pitch_y_mm: 46, shape: "rectangle", catalogue: false },
  { id: "avery-l7160", name: "Avery L7160 (A4, 21 labels)", paper: "A4", page_width_mm: 210, page_height_mm: 297, columns: 3, rows: 7, label_width_mm: 63.5, label_height_mm: 38.1, margin_top_mm: 15.15, margin_left_mm: 7.25, pitch_x_mm: 66.04, pitch_y_mm: 38.1, shape: "rectangle", catalogue: false },
  { id: "avery-l7163", name: "Avery L7163 (A4, 14 labels)", paper: "A4", page_width_mm: 210, page_height_mm: 297, columns: 2, rows: 7, label_width_mm: 99.1, label_height_mm: 38.1, margin_top_mm: 15.15, margin_left_mm: 4.65, pitch_x_mm: 101.6, pitch_y_mm: 38.1, shape: "rectangle", catalogue: false },
  { id: "avery-l7165", name: "Avery L7165 (A4, 8 labels)", paper: "A4", page_width_mm: 210, page_height_mm: 297, columns: 2, rows: 4, label_width_mm: 99.1, label_height_mm: 67.7, margin_top_mm: 13.1, margin_left_mm: 4.65, pitch_x_mm: 101.6, pitch_y_mm: 67.7, shape: "rectangle", catalogue: false },
  { id: "avery-l7651", name: "Avery L7651 (A4, 65 labels)", paper: "A4", page_width_mm: 210, page_height_mm: 297, columns: 5, rows: 13, label_width_mm: 38.1, label_height_mm: 21.2, margin_top_mm: 10.7, margin_left_mm: 4.75, pitch_x_mm: 40.6, pitch_y_mm: 21.2, shape: "rectangle", catalogue: false },
  { id: "avery-5160", name: "Avery 5160 (Letter, 30 labels)", paper: "Letter", page_width_mm: mm(8.5), page_height_mm: mm(11), columns: 3, rows: 10, label_width_mm: mm(2.625), label_height_mm: mm(1), margin_top_mm: mm(0.5), margin_left_mm: mm(0.1875), pitch_x_mm: mm(2.75), pitch_y_mm: mm(1), shape: "rectangle", catalogue: false },
  { id: "avery-5163", name: "Avery 5163 (Letter, 10 labels)", paper: "Letter", page_width_mm: mm(8.5), page_height_mm: mm(11), columns: 2, rows: 5, label_width_mm: mm(4), label_height_mm: mm(2), margin_top_mm: mm(0.5), margin_left_mm: mm(0.15625), pitch_x_mm: mm(4.1875), pitch_y_mm: mm(2), shape: "rectangle", catalogue: false },
];

/** One brand style: a blue CMYK ink, rounded modules and eyes, a "Scan me" frame. */
export function demoStyles(): StyleDraft[] {
  return [{
    name: "Autumn brand",
    dark: "cmyk:100,72,0,18",
    light: "paper",
    modules: "rounded",
    finder: "rounded",
    finder_center: "circle",
    finder_color: null,
    logo: null,
    logo_size: RULES.style.default_logo_fraction,
    frame: "Scan me",
    frame_position: "bottom",
    frame_color: "cmyk:100,72,0,18",
  }];
}

/** Two measured printers, as `qrdesk print profile save` keeps them: a laser that prints a little
 *  right, high and small, and an inkjet that prints a little left and low. */
export function demoPrinterProfiles(): PrinterProfile[] {
  return [
    { name: "Shop laser", offset_x_mm: 0.4, offset_y_mm: -0.6, scale_x: 0.998, scale_y: 0.998 },
    { name: "Office inkjet", offset_x_mm: -0.3, offset_y_mm: 0.5, scale_x: 1, scale_y: 1.002 },
  ];
}

/** One label design: the code on the left, the name in bold beside it, a serial under the name. */
export function demoDesigns(): DesignDraft[] {
  const field = {
    x_mm: null, y_mm: null, width_mm: null, height_mm: null, min_font_size: null, align: "left" as const, bold: false, fit: "shrink" as const, font: null,
  };
  return [{
    name: "Shelf label",
    code_position: "left",
    code_size_mm: null,
    fields: [
      { ...field, text: "{name}", anchor: "right_of_code", font_size: 11, bold: true, fit: "shrink_wrap" },
      { ...field, text: "No. {serial:04}", anchor: "right_of_code", font_size: RULES.design.default_font_pt },
    ],
  }];
}

/** What CUPS offers: an office laser (the default, A4) and a label printer (Letter); or nothing. */
export function demoPrinters(noPrinting: boolean): PrinterList {
  if (noPrinting) {
    return { printers: [], unavailable: "No printing system (CUPS) answers on this computer, so QR Desk cannot send PDFs to a printer. Open the PDF and print it from there." };
  }
  return {
    printers: [
      { name: "Office_Laser", is_default: true, media: "A4" },
      { name: "Label_Printer", is_default: false, media: "Letter" },
      { name: "Basement_Inkjet", is_default: false, media: null },
    ],
    unavailable: null,
  };
}

/** The rows the Designs page's preview fills a sheet with (the columns templates may use). */
export const SAMPLE_COLUMNS = ["name", "url", "id"] as const;

export function sampleRows(count: number): Record<(typeof SAMPLE_COLUMNS)[number], string>[] {
  const names = ["Harbour café menu", "Spring sale poster", "Table 12", "Gallery audio guide", "Bakery loyalty card", "Riverside hotel Wi-Fi"];
  return Array.from({ length: count }, (_, i) => ({
    name: names[i % names.length]!,
    url: `https://exr.to/s${(i + 1).toString(36).padStart(4, "0")}`,
    id: String(1001 + i),
  }));
}
