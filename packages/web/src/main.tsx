import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import "./i18n";

const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
