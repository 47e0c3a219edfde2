import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** The tsx loader, so a child process or thread runs the TypeScript sources as this process does. */
export function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}

/** tsx's ESM API (`register()`), for a worker thread that must load TypeScript. */
export function tsxEsmApi(): string {
  return import.meta.resolve("tsx/esm/api");
}
