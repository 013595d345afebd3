// Generated from qrdesk-app's `ipc::events` by scripts/gen-bindings.sh. Do not edit.

export const EVENTS = {
  "sync_progress": "sync://progress",
  "print_progress": "print://progress"
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];
