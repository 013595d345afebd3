import { defineConfig } from "vitest/config";

// Relative asset paths (the Tauri custom protocol serves ui/dist), no inline scripts or styles
// (the CSP is `script-src 'self'; style-src 'self'`), no remote content.
export default defineConfig({
  base: "./",
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
