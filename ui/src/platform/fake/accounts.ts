// Accounts and keys in the fake: adding (the secret is checked, masked and dropped), verifying,
// removing, the workspaces a key reaches, and the audit log.

import type { Account } from "../../bindings/Account";
import type { AuditEvent } from "../../bindings/AuditEvent";
import { DEFAULT_BASE_URLS, detectKey, maskKey, PROVIDER_NAMES } from "../../logic/key-detect";
import type { BackendError } from "../backend";
import type { AddAccountRequest, RemoveAccountRequest, WorkspaceOption, WorkspaceQuery } from "../types";
import { fail } from "./errors";
import type { FakeState } from "./state";

export class FakeAccounts {
  constructor(private readonly s: FakeState) {}

  async list(): Promise<Account[]> {
    return this.s.accounts.map((a) => ({ ...a, status: this.s.rotations.has(a.id) && this.s.rotations.get(a.id)?.step !== "done" ? "rotating" : a.status }));
  }

  async workspaces(query: WorkspaceQuery): Promise<WorkspaceOption[]> {
    this.s.requireOnline();
    if (query.secret.trim() === "") fail("bad_input", "Paste the key first");
    if (query.provider === "exaroutes") return [{ id: "ws_spring", name: "Spring campaign" }, { id: "ws_retail", name: "Retail stores" }];
    if (query.provider === "iloveqr") return [{ id: "org_bakery", name: "Bakery Group Ltd" }, { id: "org_cafe", name: "Harbour Café" }];
    return [];
  }

  async add(request: AddAccountRequest): Promise<Account> {
    const detected = detectKey(request.secret);
    if (!detected) fail("bad_input", "The API key is empty");
    if (detected.recognised && detected.provider !== request.provider) {
      fail("bad_input", `This key belongs to ${PROVIDER_NAMES[detected.provider]}, not ${PROVIDER_NAMES[request.provider]}`);
    }
    if (detected.needsClientId && !(request.client_id ?? "").startsWith("cust_")) fail("bad_input", "This ExaRoutes key needs its client id (cust_…)");
    if (request.verify) {
      this.s.requireOnline();
      if (/invalid|wrong/i.test(request.secret)) fail("invalid_credentials");
    }
    const now = this.s.stamp();
    const account: Account = {
      id: this.s.nextId.account++,
      provider: request.provider,
      label: request.label.trim(),
      base_url: request.base_url ?? DEFAULT_BASE_URLS[request.provider],
      workspace: request.workspace,
      environment: detected.environment,
      masked_key: maskKey(request.secret),
      client_id: request.client_id,
      created_at: now,
      key_created_at: now,
      last_verified_at: request.verify ? now : null,
      expires_at: request.expires_at ? new Date(request.expires_at).toISOString() : null,
      status: request.verify ? "verified" : "unverified",
      last_error: null,
      demo: false,
    };
    this.s.accounts.push(account);
    this.s.log(account.id, "key_added", `Key ${account.masked_key} added for ${PROVIDER_NAMES[account.provider]}.`);
    return { ...account };
  }

  async verify(id: number): Promise<Account> {
    const a = this.s.account(id);
    try {
      this.s.requireOnline();
    } catch (e) {
      a.last_error = (e as BackendError).toAppError();
      throw e;
    }
    a.last_verified_at = this.s.stamp();
    a.last_error = null;
    a.status = a.expires_at && new Date(a.expires_at).getTime() - this.s.now().getTime() < 14 * 86_400_000 ? "expiring" : "verified";
    this.s.log(id, "key_verified", `Key ${a.masked_key} verified.`);
    return { ...a };
  }

  async remove(request: RemoveAccountRequest): Promise<void> {
    const a = this.s.account(request.id);
    this.s.accounts = this.s.accounts.filter((x) => x.id !== a.id);
    if (request.purge) {
      for (const r of this.s.rows) if (r.account === a.id) r.deleted = true;
      this.s.outbox = this.s.outbox.filter((e) => e.account !== a.id);
    }
    this.s.log(a.id, "key_removed", `Key ${a.masked_key} removed from the keychain${request.purge ? " and cached codes deleted" : ""}.`);
    this.s.changed();
  }

  async auditLog(account: number | null): Promise<AuditEvent[]> {
    return this.s.audit.filter((e) => account === null || e.account === account).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  }
}
