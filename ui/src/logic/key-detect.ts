// Which service a pasted key belongs to, from its prefix (mirrors qrdesk-core's
// `detect_key_format` and `mask_secret`, so the form can react while the user types).

import type { Environment } from "../bindings/Environment";
import type { ProviderKind } from "../bindings/ProviderKind";

export type KeyDetection = {
  provider: ProviderKind;
  environment: Environment;
  /** The visible prefix kept in the masked form; `""` for opaque keys. */
  prefix: string;
  /** ExaRoutes `sk_live_…` keys need a `cust_…` client id beside them. */
  needsClientId: boolean;
  /** `false` = no known prefix: the `/api/v1/qr` platform is assumed. */
  recognised: boolean;
};

const KNOWN: ReadonlyArray<readonly [string, ProviderKind, Environment, boolean]> = [
  ["qrcp_live_", "qrcodepro", "live", false],
  ["qrcp_test_", "qrcodepro", "test", false],
  ["exr_live_", "exaroutes", "live", false],
  ["exr_test_", "exaroutes", "test", false],
  ["sk_live_", "exaroutes", "live", true],
  ["ex_live_", "exante", "live", false],
  ["ilqr_", "iloveqr", "live", false],
];

export const CLIENT_ID_PREFIX = "cust_";

/** `null` while nothing is typed. */
export function detectKey(key: string): KeyDetection | null {
  const k = key.trim();
  if (k === "") return null;
  for (const [prefix, provider, environment, needsClientId] of KNOWN) {
    if (k.startsWith(prefix)) return { provider, environment, prefix, needsClientId, recognised: true };
  }
  return { provider: "qr-v1", environment: "live", prefix: "", needsClientId: false, recognised: false };
}

/** `prefix…last4`; short secrets show only `prefix…`. */
export function maskKey(key: string): string {
  const k = key.trim();
  const prefix = detectKey(k)?.prefix ?? "";
  const rest = Array.from(k.slice(prefix.length));
  if (rest.length < 12) return `${prefix}…`;
  return `${prefix}…${rest.slice(-4).join("")}`;
}

export const PROVIDER_NAMES: Record<ProviderKind, string> = {
  exaroutes: "ExaRoutes",
  "qr-v1": "QR platform (/api/v1/qr)",
  qrcodepro: "QRCodePro",
  iloveqr: "iloveQR",
  exante: "Exante",
};

export const DEFAULT_BASE_URLS: Record<ProviderKind, string> = {
  exaroutes: "https://api.exaroutes.com",
  "qr-v1": "https://qrcodegen.allsortswebdesigners.co.za",
  qrcodepro: "https://api.qrcodepro.io",
  iloveqr: "https://i-love-qr-production-645dbff8d2fe.herokuapp.com/api/v1",
  exante: "https://dev.exante.app",
};

/** Services whose keys choose a workspace (ExaRoutes) or organization (iloveQR). */
export function workspaceLabel(provider: ProviderKind): string | null {
  if (provider === "exaroutes") return "Workspace";
  if (provider === "iloveqr") return "Organization";
  return null;
}

export type KeyFormProblem = { field: "secret" | "client_id" | "label" | "base_url"; message: string };

/** Checks the add-account form before anything is sent. */
export function validateKeyForm(input: {
  label: string;
  secret: string;
  clientId: string;
  baseUrl: string;
}): KeyFormProblem[] {
  const problems: KeyFormProblem[] = [];
  if (input.label.trim() === "") problems.push({ field: "label", message: "Give the account a name you will recognise." });
  else if (input.label.trim().length > 80) problems.push({ field: "label", message: "Keep the name under 80 characters." });
  const detection = detectKey(input.secret);
  if (detection === null) problems.push({ field: "secret", message: "Paste the API key from the service's dashboard." });
  else if (/\s/.test(input.secret.trim())) problems.push({ field: "secret", message: "The key contains a space or line break; copy it again." });
  if (detection?.needsClientId) {
    const id = input.clientId.trim();
    if (id === "") problems.push({ field: "client_id", message: "This ExaRoutes key needs its client id (starts with cust_)." });
    else if (!id.startsWith(CLIENT_ID_PREFIX)) problems.push({ field: "client_id", message: "The client id starts with cust_." });
  }
  const base = input.baseUrl.trim();
  if (base !== "" && !/^https?:\/\/[^\s/]+/i.test(base)) {
    problems.push({ field: "base_url", message: "The address must start with https:// (or http:// for a local test server)." });
  }
  return problems;
}
