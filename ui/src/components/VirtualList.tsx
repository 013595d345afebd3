import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { computeWindow, scrollToReveal } from "../logic/virtual-window";

/**
 * Rows drawn beyond each edge of the view. Every row in the DOM is laid out when a search
 * replaces them, so few: a scroll renders its new rows in the same frame anyway.
 */
const OVERSCAN_ROWS = 3;

/**
 * A windowed list: only the rows in view (plus overscan) are in the DOM. Keyboard: ↑/↓, Page
 * Up/Down, Home/End move the active row; Enter opens it; Space toggles it.
 *
 * `initialScrollTop` restores a scroll position once the rows exist; a new `resetKey` (another
 * search) scrolls back to the top; `onScrollTop` reports the position (no re-render needed);
 * `arrivalFocus` marks the list as where focus goes when its screen opens; `optionId(i)` is the id
 * of row i's option (aria-activedescendant); `hidden` keeps the list mounted but out of sight (an
 * empty result), so the next rows patch it instead of building a new one.
 */
export function VirtualList({ total, rowHeight, renderRow, active, onActiveChange, onOpen, onToggle, onRange, label, id,
  initialScrollTop = 0, resetKey = "", onScrollTop, arrivalFocus = false, optionId = (i) => `row-${i}`, hidden = false }: {
  total: number;
  rowHeight: number;
  renderRow: (index: number, active: boolean) => ComponentChildren;
  active: number;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  onToggle: (index: number) => void;
  onRange: (start: number, end: number) => void;
  label: string;
  id: string;
  initialScrollTop?: number;
  resetKey?: string;
  onScrollTop?: (top: number) => void;
  arrivalFocus?: boolean;
  optionId?: (index: number) => string;
  hidden?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(initialScrollTop);
  const [height, setHeight] = useState(600);
  const pending = useRef(initialScrollTop);
  const lastReset = useRef(resetKey);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The saved position can only be scrolled to once the list is that long.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || pending.current <= 0 || total === 0) return;
    el.scrollTop = pending.current;
    setScrollTop(el.scrollTop || pending.current);
    pending.current = 0;
  }, [total]);

  useLayoutEffect(() => {
    if (resetKey === lastReset.current) return;
    lastReset.current = resetKey;
    pending.current = 0;
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const win = computeWindow({ scrollTop, viewportHeight: height, rowHeight, total, overscan: OVERSCAN_ROWS });
  useEffect(() => onRange(win.start, win.end), [win.start, win.end, onRange]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    onActiveChange(next);
    const el = ref.current;
    if (!el) return;
    const top = scrollToReveal(next, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== null) el.scrollTop = top;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (total === 0) return;
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    switch (e.key) {
      case "ArrowDown": move(active + 1); break;
      case "ArrowUp": move(active - 1); break;
      case "PageDown": move(active + page); break;
      case "PageUp": move(active - page); break;
      case "Home": move(0); break;
      case "End": move(total - 1); break;
      case "Enter": onOpen(active); break;
      case " ": onToggle(active); break;
      default: return;
    }
    e.preventDefault();
  };

  const rows: ComponentChildren[] = [];
  for (let i = win.start; i < win.end; i++) rows.push(renderRow(i, i === active));

  return (
    <div
      ref={ref}
      id={id}
      class="vlist"
      hidden={hidden}
      tabIndex={0}
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      aria-activedescendant={total > 0 ? optionId(active) : undefined}
      data-arrival-focus={arrivalFocus ? "" : undefined}
      onScroll={(e) => {
        const top = (e.currentTarget as HTMLDivElement).scrollTop;
        setScrollTop(top);
        onScrollTop?.(top);
      }}
      onKeyDown={onKeyDown}
    >
      <div class="vlist-spacer" style={{ height: `${win.totalHeight}px` }}>
        <div class="vlist-rows" style={{ transform: `translateY(${win.offsetY}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
