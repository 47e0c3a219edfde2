/**
 * npm run bench:urls-normalise — URLs per second of normaliseReportedUrl on the JPCERT/CC phishurl-list lines,
 * against `new URL()` parsing of the same lines in the same run (the reference: what plain parsing costs).
 * normaliseReportedUrl does more (refang, Safe Browsing canonical form, SHA-256, IDN scripts, Public Suffix
 * List, warning-list lookup), so the ratio says what that extra work costs.
 */
import { normaliseReportedUrl } from "../src/normalise-reported-url";
import { compileShippedWarningLists } from "../src/shipped-warning-lists";
import { readJpcertRows } from "./jpcert-dataset";

const lines = readJpcertRows().map((r) => r.url);
// normaliseReportedUrl caches warning-list context per host and list index. The warm-up pass uses one index and
// the timed pass a freshly compiled one, so the timed pass starts with an empty cache (it fills as hosts repeat,
// as they do in production: the dataset has many paths per host).
const warmIndex = compileShippedWarningLists();
const timedIndex = compileShippedWarningLists();

function time(label: string, run: (pass: "warm-up" | "timed") => number): number {
  run("warm-up"); // JIT
  const started = process.hrtime.bigint();
  const ok = run("timed");
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = lines.length / seconds;
  console.log(
    `${label.padEnd(24)} ${lines.length} lines in ${seconds.toFixed(2)} s = ${Math.round(perSecond).toLocaleString("en")} URLs/s (${ok} accepted)`,
  );
  return perSecond;
}

console.log(
  `# URL normalisation bench (data: JPCERT/CC phishurl-list, ${lines.length} lines; node ${process.version})`,
);
const reference = time("new URL() (reference)", () => {
  let ok = 0;
  for (const line of lines) {
    try {
      new URL(line);
      ok++;
    } catch {}
  }
  return ok;
});
const normalised = time("normaliseReportedUrl", (pass) => {
  const warningLists = pass === "timed" ? timedIndex : warmIndex;
  let ok = 0;
  for (const line of lines) if (normaliseReportedUrl(line, { warningLists }).ok) ok++;
  return ok;
});
console.log(`ratio normaliseReportedUrl / new URL(): ${(normalised / reference).toFixed(3)}`);
