// Named moments of start-up and search (`performance.mark`, prefixed `qrdesk:`), read by
// scripts/perf-ui to say where the time between a launch or a keystroke and painted rows goes.
// A mark costs microseconds and changes nothing on screen.

export type Moment = "script" | "startup-data" | "list-asked" | "list-answered" | "rows";

export function mark(moment: Moment): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(`qrdesk:${moment}`);
}
