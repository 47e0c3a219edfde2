// Type-checks every workspace package with its own tsconfig; fails when any package fails.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
let failed = 0;
const projects = [
  ...readdirSync(join(root, "packages"))
    .sort()
    .map((name) => join("packages", name)),
  "e2e",
];
for (const name of projects) {
  const config = join(root, name, "tsconfig.json");
  if (!existsSync(config)) continue;
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", config],
    { stdio: "inherit" },
  );
  const ok = result.status === 0;
  console.log(`typecheck ${name}: ${ok ? "ok" : "FAILED"}`);
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
