// Which service a pasted key belongs to, from its prefix, so the form can react while the user
// types. The prefixes, service names, addresses and limits come from Rust (`RULES`, generated
// from qrdesk-core's `rules` module by scripts/gen-bindings.sh): nothing here is a copy.

import type { Environment } from "../bindings/Environment";
import type { ProviderKind } from "../bindings/ProviderKind";
import { RULES } from "../bindings/current-rules";

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

export const CLIENT_ID_PREFIX = RULES.client_id_prefix;

/** `null` while nothing is typed. */
export function detectKey(key: string): KeyDetection | null {
  const k = key.trim();
  if (k === "") return null;
  for (const rule of RULES.key_prefixes) {
    if (k.startsWith(rule.prefix)) {
      return { provider: rule.provider, environment: rule.environment, prefix: rule.prefix, needsClientId: rule.needs_client_id, recognised: true };
    }
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

function byService<T>(pick: (s: (typeof RULES.services)[number]) => T): Record<ProviderKind, T> {
  return Object.fromEntries(RULES.services.map((s) => [s.provider, pick(s)])) as Record<ProviderKind, T>;
}

/** The one display name of each service. */
export const PROVIDER_NAMES: Record<ProviderKind, string> = byService((s) => s.display_name);

export const DEFAULT_BASE_URLS: Record<ProviderKind, string> = byService((s) => s.default_base_url);

/** Where in each service's dashboard keys are made and revoked. */
export const DASHBOARD_HINTS: Record<ProviderKind, string> = byService((s) => s.dashboard_hint);

const WORKSPACE_LABELS = byService((s) => s.workspace_label);

/** Services whose keys choose a workspace (ExaRoutes) or organization (iloveQR). */
export function workspaceLabel(provider: ProviderKind): string | null {
  return WORKSPACE_LABELS[provider];
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
  else if (input.label.trim().length > RULES.max_account_label_chars) {
    problems.push({ field: "label", message: `Keep the name under ${RULES.max_account_label_chars} characters.` });
  }
  const detection = detectKey(input.secret);
  if (detection === null) problems.push({ field: "secret", message: "Paste the API key from the service's dashboard." });
  else if (/\s/.test(input.secret.trim())) problems.push({ field: "secret", message: "The key contains a space or line break; copy it again." });
  if (detection?.needsClientId) {
    const id = input.clientId.trim();
    if (id === "") problems.push({ field: "client_id", message: `This ExaRoutes key needs its client id (starts with ${CLIENT_ID_PREFIX}).` });
    else if (!id.startsWith(CLIENT_ID_PREFIX)) problems.push({ field: "client_id", message: `The client id starts with ${CLIENT_ID_PREFIX}.` });
  }
  const base = input.baseUrl.trim();
  if (base !== "" && !/^https?:\/\/[^\s/]+/i.test(base)) {
    problems.push({ field: "base_url", message: "The address must start with https:// (or http:// for a local test server)." });
  }
  return problems;
}
