// The small drawing of the chosen sheet beside the Layout select: label positions (rectangles, or
// ellipses for round and oval labels), the labels skipped by "start at", the first label, and
// crop marks.

import type { SheetLayout } from "../platform/types";
import { labelRects } from "../logic/print-options";

/** A drawing of one sheet: label positions, the labels skipped by "start at", and the first label. */
export function SheetDrawing({ layout, startAt, cropMarks }: { layout: SheetLayout; startAt: number; cropMarks: boolean }) {
  const rects = labelRects(layout);
  const shape = layout.shape === "round" ? "round labels" : layout.shape === "ellipse" ? "oval labels" : null;
  return (
    <svg
      class="sheet"
      viewBox={`-2 -2 ${layout.page_width_mm + 4} ${layout.page_height_mm + 4}`}
      role="img"
      aria-label={`${layout.name}: ${layout.columns} columns by ${layout.rows} rows${shape ? ` of ${shape}` : ""} on ${layout.paper}; printing starts at label ${startAt}`}
    >
      <rect class="sheet-page" x={0} y={0} width={layout.page_width_mm} height={layout.page_height_mm} />
      {rects.map((r) => {
        const cls = r.n < startAt ? "sheet-label sheet-used" : r.n === startAt ? "sheet-label sheet-first" : "sheet-label";
        return layout.shape === "rectangle"
          ? <rect key={r.n} class={cls} x={r.x} y={r.y} width={r.w} height={r.h} rx={1.5} />
          : <ellipse key={r.n} class={cls} cx={r.x + r.w / 2} cy={r.y + r.h / 2} rx={r.w / 2} ry={r.h / 2} />;
      })}
      {cropMarks && rects.map((r) => (
        <path key={`c${r.n}`} class="sheet-crop" d={`M${r.x - 3} ${r.y}h2M${r.x} ${r.y - 3}v2M${r.x + r.w + 1} ${r.y + r.h}h2M${r.x + r.w} ${r.y + r.h + 1}v2`} />
      ))}
    </svg>
  );
}
