"""Prints, as JSON, every QR code found on every page of a PDF:
[{"page": 1, "text": "…", "x_mm": 40.1, "y_mm": 33.9}] (x_mm, y_mm: the code's centre, in mm from
the page's top-left corner, so a test can tell which label of a sheet it is on).

Renders the pages with poppler's pdftoppm, decodes with zxing-cpp (PyPI). Run it with the venv
tests/e2e/print.test.mjs makes under ~/.cache/qrdesk-e2e-venv (python -m venv + pip install
zxing-cpp pillow). Usage: decode-pdf-codes.py FILE.pdf [DPI]
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image


def main() -> int:
    pdf = Path(sys.argv[1])
    dpi = sys.argv[2] if len(sys.argv) > 2 else "200"
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", dpi, "-png", str(pdf), f"{tmp}/page"], check=True)
        for page_number, png in enumerate(sorted(Path(tmp).glob("page-*.png")), start=1):
            with Image.open(png) as image:
                for barcode in zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode):
                    p = barcode.position
                    corners = [p.top_left, p.top_right, p.bottom_right, p.bottom_left]
                    mm = 25.4 / float(dpi)
                    found.append({
                        "page": page_number,
                        "text": barcode.text,
                        "x_mm": round(sum(c.x for c in corners) / 4 * mm, 2),
                        "y_mm": round(sum(c.y for c in corners) / 4 * mm, 2),
                    })
    json.dump(found, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
