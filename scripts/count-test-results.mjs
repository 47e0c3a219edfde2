// Reads vitest's JSON report and prints "P passed, F failed" as the last line. A test file that
// failed to load, a crashed runner, or a run with no tests at all counts as a failure.
import { existsSync, readFileSync } from "node:fs";

const [file, runnerStatus] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log("CI: the test runner wrote no report (it crashed or never started)");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of report.testResults ?? []) {
  const results = suite.assertionResults ?? [];
  for (const r of results) {
    if (r.status === "passed") passed++;
    else if (r.status === "failed") failed++;
    else skipped++;
  }
  // A file whose setup failed reports its tests as skipped and the file as failed: count it.
  if (suite.status === "failed" && !results.some((r) => r.status === "failed")) {
    console.log(`CI: test file failed without a failing test: ${suite.name}\n${suite.message ?? ""}`);
    failed++;
  }
}
if (Number(runnerStatus) !== 0 && failed === 0) {
  console.log(`CI: the test runner exited with ${runnerStatus}`);
  failed++;
}
if (passed + failed === 0) {
  console.log("CI: no test ran");
  failed = 1;
}
if (skipped) console.log(`CI: ${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
