// Windowing math for the library list: which rows to render for a scroll position, so the DOM
// holds a few dozen rows whether the library has 10 or 100,000 codes.

export type WindowInput = {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Extra rows rendered above and below the viewport. */
  overscan: number;
};

export type RowWindow = {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** Translation of the first rendered row from the top of the scroll content. */
  offsetY: number;
  totalHeight: number;
};

export function computeWindow({ scrollTop, viewportHeight, rowHeight, total, overscan }: WindowInput): RowWindow {
  const count = Math.max(0, Math.floor(total));
  const h = rowHeight > 0 ? rowHeight : 1;
  const totalHeight = count * h;
  if (count === 0) return { start: 0, end: 0, offsetY: 0, totalHeight: 0 };
  const maxTop = Math.max(0, totalHeight - Math.max(0, viewportHeight));
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / h);
  const visible = Math.ceil(Math.max(0, viewportHeight) / h) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offsetY: start * h, totalHeight };
}

/** Pages (of `pageSize` rows) that must be loaded to show rows [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/** The scrollTop that brings `row` fully into view (keyboard navigation), or `null` if it is. */
export function scrollToReveal(row: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return null;
}
