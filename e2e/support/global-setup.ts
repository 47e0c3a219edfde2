import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Browser journeys need the built web app, exactly as `npm start` builds it when missing or stale. */
export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "..", "scripts", "ensure-web-build.mjs")], {
    stdio: "inherit",
  });
}
