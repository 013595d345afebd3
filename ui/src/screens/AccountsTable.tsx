import type { Account } from "../bindings/Account";
import { NARROW, useMedia } from "../components/useMedia";
import { distinctNames } from "../logic/a11y-names";
import { PROVIDER_NAMES } from "../logic/key-detect";
import { AccountActions, type AccountActionHandlers, AccountTitle, AgeInfo, KeyInfo, StatusInfo } from "./AccountCells";

/** The accounts as a table, or on a narrow window as a list of cards (no sideways scrolling). */
export function AccountsTable({ accounts, busy, ...handlers }: AccountActionHandlers & { accounts: Account[]; busy: number | null }) {
  const narrow = useMedia(NARROW);
  const names = distinctNames(accounts.map((a) => ({ base: a.label, detail: PROVIDER_NAMES[a.provider] })));
  const actions = (a: Account, i: number) => <AccountActions account={a} name={names[i] ?? a.label} busy={busy === a.id} {...handlers} />;

  if (narrow) {
    return (
      <ul class="card-list" id="accounts-list" aria-label="Accounts">
        {accounts.map((a, i) => (
          <li key={a.id} class="card item-card" data-account-id={a.id}>
            <div class="item-card-head"><AccountTitle account={a} /></div>
            <dl class="facts">
              <div><dt>Key</dt><dd><KeyInfo account={a} /></dd></div>
              <div><dt>Status</dt><dd><StatusInfo account={a} /></dd></div>
              <div><dt>Key age</dt><dd><AgeInfo account={a} /></dd></div>
            </dl>
            {actions(a, i)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div class="table-wrap">
      <table class="table" id="accounts-table">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Key</th>
            <th scope="col">Status</th>
            <th scope="col">Key age</th>
            <th scope="col"><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a, i) => (
            <tr key={a.id} data-account-id={a.id}>
              <td><AccountTitle account={a} /></td>
              <td class="key-cell"><KeyInfo account={a} /></td>
              <td><StatusInfo account={a} /></td>
              <td class="nowrap"><AgeInfo account={a} /></td>
              <td class="actions">{actions(a, i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
