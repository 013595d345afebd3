import type { ComponentChildren } from "preact";
import type { AccountStatus } from "../bindings/AccountStatus";
import type { CodeStatus } from "../bindings/CodeStatus";
import type { OutboxState } from "../bindings/OutboxState";

export type Tone = "neutral" | "ok" | "warn" | "danger" | "info" | "accent";

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const ACCOUNT: Record<AccountStatus, [Tone, string]> = {
  verified: ["ok", "Verified"],
  unverified: ["neutral", "Not checked yet"],
  error: ["danger", "Problem"],
  expiring: ["warn", "Expiring soon"],
  expired: ["danger", "Expired"],
  rotating: ["info", "Rotating"],
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const [tone, text] = ACCOUNT[status];
  return <Badge tone={tone}>{text}</Badge>;
}

const CODE: Record<CodeStatus, [Tone, string]> = {
  active: ["ok", "Active"],
  paused: ["warn", "Paused"],
  draft: ["neutral", "Draft"],
  archived: ["neutral", "Archived"],
};

export function CodeStatusBadge({ status }: { status: CodeStatus }) {
  const [tone, text] = CODE[status];
  return <Badge tone={tone}>{text}</Badge>;
}

export const OUTBOX_LABEL: Record<OutboxState, [Tone, string]> = {
  pending: ["info", "Pending"],
  needs_confirmation: ["warn", "Needs confirmation"],
  conflict: ["danger", "Conflict"],
  failed: ["danger", "Failed"],
  done: ["ok", "Sent"],
};

export function OutboxBadge({ state }: { state: OutboxState }) {
  const [tone, text] = OUTBOX_LABEL[state];
  // `data-outbox-state` lets the end-to-end suite find a badge without depending on its words.
  return (
    <span class={`badge badge-${tone}`} data-outbox-state={state}>
      {text}
    </span>
  );
}

export function EnvBadge({ env }: { env: "live" | "test" }) {
  return env === "test" ? <Badge tone="accent">Test</Badge> : <Badge>Live</Badge>;
}

/** A campaign's status: `printed`, or `waiting` for the service to confirm its codes. */
export function CampaignStatusBadge({ status }: { status: string }) {
  const [tone, text]: [Tone, string] = status === "printed" ? ["ok", "Printed"] : status === "waiting" ? ["warn", "Waiting"] : ["neutral", status];
  // `data-campaign-status` lets the end-to-end suite read the state without depending on its words.
  return <span class={`badge badge-${tone}`} data-campaign-status={status}>{text}</span>;
}
