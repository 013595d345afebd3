import { render } from "preact";
import "./styles/app.css";
import { App } from "./app/App";
import { selectBackend } from "./platform/select-backend";
import { installFrozenPrototypeSupport } from "./app/frozen-prototype";
import { mark } from "./app/timing";

// Tauri freezes Object.prototype before this runs (freezePrototype); see app/frozen-prototype.ts.
installFrozenPrototypeSupport();

mark("script");
const root = document.getElementById("app");
if (root) {
  selectBackend().then(
    (backend) => render(<App backend={backend} />, root),
    () => {
      root.textContent = "QR Desk's window only works inside the QR Desk app.";
    },
  );
}
