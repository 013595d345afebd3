// The Styles page's logo picker: reads an SVG, PNG or JPEG into the style as base64.

import { useState } from "preact/hooks";
import { rescueFocus } from "../components/focus";
import { formatBytes, LOGO_ACCEPT, logoBytes, logoFileProblem, readLogo } from "../logic/style-form";
import { RULES } from "../bindings/current-rules";
import type { LogoData } from "../platform/types";

/**
 * The style's centre logo: a file button (the native input is hidden, its label is the button),
 * the line saying which logo is in use, and "Remove logo". A file of the wrong type or over
 * Rust's size limit is refused with a sentence and the current logo stays.
 */
export function StyleLogoField({ logo, onChange }: { logo: LogoData | null; onChange: (logo: LogoData | null) => void }) {
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ""; // picking the same file again still reads it
    if (!file) return;
    const refused = logoFileProblem(file);
    setProblem(refused);
    if (refused) return;
    try {
      onChange(await readLogo(file));
    } catch {
      setProblem(`“${file.name}” could not be read. Check that the file is still there and try again.`);
    }
  };

  const summary = logo
    ? `${logo.file_name} (${formatBytes(logoBytes(logo))}). With a logo the code prints at the highest error correction.`
    : `No logo. SVG, PNG or JPEG, at most ${formatBytes(RULES.style.max_logo_bytes)}.`;

  return (
    <div class="field field-wide">
      <span class="label-like" id="style-logo-label">Logo</span>
      <div class="file-pick">
        <input id="style-logo" class="file-input" type="file" accept={LOGO_ACCEPT} aria-labelledby="style-logo-label style-logo-button"
          aria-describedby={problem ? "style-logo-error style-logo-summary" : "style-logo-summary"} onChange={(e) => void pick(e.currentTarget)} />
        <label id="style-logo-button" for="style-logo" class="btn btn-small">{logo ? "Choose another logo…" : "Choose a logo…"}</label>
        {logo && (
          <button id="style-logo-remove" type="button" class="btn btn-small btn-quiet" onClick={() => {
            setProblem(null);
            onChange(null);
            void rescueFocus(() => document.getElementById("style-logo"));
          }}>
            Remove logo
          </button>
        )}
        <p class="hint" id="style-logo-summary">{summary}</p>
      </div>
      {problem && <p class="field-error" id="style-logo-error" role="alert">{problem}</p>}
    </div>
  );
}
