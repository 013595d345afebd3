import { render } from "preact";
import "./styles/app.css";
import { App } from "./app/App";
import { selectBackend } from "./platform/select-backend";

const root = document.getElementById("app");
if (root) render(<App backend={selectBackend()} />, root);
