import { useEffect, useState } from "preact/hooks";

/**
 * Below this width (CSS px) screens reflow to one column, tables become lists and the sidebar
 * starts collapsed: 900 px is a 1024 px window at ~115 % zoom, and 512 px is one at 200 %.
 * Keep equal to the `max-width: 899.98px` media queries in styles/responsive.css.
 */
export const NARROW = "(max-width: 899.98px)";

function matches(query: string): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

/** Whether a media query matches now; re-renders when that changes (window resized or zoomed). */
export function useMedia(query: string): boolean {
  const [value, setValue] = useState(() => matches(query));
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const mq = window.matchMedia(query);
    const update = () => setValue(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, [query]);
  return value;
}
