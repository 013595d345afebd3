// The events the Rust side emits to the main window, by the names Rust gives them (generated from
// qrdesk-app's `ipc::events` into bindings/event-names.ts): the one place the UI takes them from.
import { EVENTS as NAMES } from "../bindings/event-names";

export const EVENTS = {
  syncProgress: NAMES.sync_progress,
  printProgress: NAMES.print_progress,
} as const;
