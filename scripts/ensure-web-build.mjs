// Builds the web app when its output is missing or older than its sources, so that
// `npm start` always serves the current UI without a separate build step.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const web = join(import.meta.dirname, "..", "packages", "web");
const dist = join(web, "dist", "index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(join(web, "src")),
  newestMtime(join(web, "..", "core", "src")),
  statSync(join(web, "index.html")).mtimeMs,
);
if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
  console.log("Building the web app… / Web アプリをビルドしています…");
  execSync("npm run build --workspace packages/web", { stdio: "inherit", cwd: join(web, "..", "..") });
}
