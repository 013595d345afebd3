import { useEffect, useState } from "preact/hooks";
import { qrPath, type QrPath } from "../logic/qr-matrix";
import { peekQr, requestQr } from "../logic/qr-queue";

/**
 * A QR symbol drawn from `content`, as the printed code encodes it. With `deferred` (library
 * rows), an unseen symbol is encoded a moment later so the row itself shows at once.
 */
export function QrPreview({ content, size, label, deferred = false }: { content: string; size: number; label?: string; deferred?: boolean }) {
  const [, setEncoded] = useState(0);
  const known = content === "" ? "error" : deferred ? peekQr(content) : encodeNow(content);
  useEffect(() => {
    if (known !== null) return;
    return requestQr(content, () => setEncoded((n) => n + 1));
  }, [content, known]);

  if (content === "") return <span class="qr qr-empty" />;
  if (known === null) return <span class="qr qr-pending" style={{ width: `${size}px`, height: `${size}px` }} />;
  if (known === "error") return <span class="qr qr-empty" title="Too long to encode" />;
  return (
    <svg
      class="qr"
      width={size}
      height={size}
      viewBox={`0 0 ${known.size} ${known.size}`}
      shape-rendering="crispEdges"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : "true"}
    >
      <rect class="qr-bg" width={known.size} height={known.size} />
      <path class="qr-fg" d={known.d} />
    </svg>
  );
}

function encodeNow(content: string): QrPath | "error" {
  try {
    return qrPath(content);
  } catch {
    return "error";
  }
}
