import { qrPath } from "../logic/qr-matrix";

/** A QR symbol drawn from `content`, as the printed code encodes it. */
export function QrPreview({ content, size, label }: { content: string; size: number; label?: string }) {
  if (content === "") return <span class="qr qr-empty" />;
  let path;
  try {
    path = qrPath(content);
  } catch {
    return <span class="qr qr-empty" title="Too long to encode" />;
  }
  return (
    <svg
      class="qr"
      width={size}
      height={size}
      viewBox={`0 0 ${path.size} ${path.size}`}
      shape-rendering="crispEdges"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : "true"}
    >
      <rect class="qr-bg" width={path.size} height={path.size} />
      <path class="qr-fg" d={path.d} />
    </svg>
  );
}
