/**
 * Throughput of extractIndicators on the real ransom-note collection, next to GNU grep -oE with a plain
 * IOC pattern (URLs, e-mail, IPv4, 32–64 hex, onion) over the same bytes, in the same run.
 * grep does far less (no refanging, no checksums, no TLD or boundary checks, no offsets mapping back), so the
 * ratio shows what the extra care costs, not a like-for-like race.
 *   tsx packages/core/src/indicators/extract-indicators.bench.ts [repeat=20]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { extractIndicators } from "./extract-indicators";

const NOTES = path.resolve(import.meta.dirname, "../../../../../shared/data/ransomware/notes");
const repeat = Number(process.argv[2] ?? 20);

const notes = readdirSync(NOTES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(NOTES, d.name)).map((f) => path.join(NOTES, d.name, f)))
  .map((file) => {
    const bytes = readFileSync(file);
    return bytes[0] === 0xff && bytes[1] === 0xfe
      ? bytes.subarray(2).toString("utf16le")
      : bytes.toString("utf8");
  });
const corpus = Array.from({ length: repeat }, () => notes.join("\n")).join("\n");
const megabytes = Buffer.byteLength(corpus) / 1e6;

// Warm-up, then the measured run: one call per note, as the product calls it.
for (const note of notes) extractIndicators(note);
let count = 0;
const t0 = performance.now();
for (let r = 0; r < repeat; r++) for (const note of notes) count += extractIndicators(note).length;
const sonaeSeconds = (performance.now() - t0) / 1000;

const dir = mkdtempSync(path.join(tmpdir(), "sonae-bench-"));
const file = path.join(dir, "corpus.txt");
writeFileSync(file, corpus);
const pattern =
  "(https?|ftp)://[^[:space:]<>\"']+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|" +
  "([0-9]{1,3}\\.){3}[0-9]{1,3}|[0-9A-Fa-f]{32,64}|[a-z2-7]{16,56}\\.onion";
const g0 = performance.now();
const grep = spawnSync("grep", ["-oaE", pattern, file], {
  maxBuffer: 1 << 30,
  env: { ...process.env, LC_ALL: "C" },
});
const grepSeconds = (performance.now() - g0) / 1000;
rmSync(dir, { recursive: true, force: true });
if (grep.status !== 0) throw new Error(`grep failed: ${grep.stderr}`);
const grepCount = grep.stdout.toString().split("\n").filter(Boolean).length;

console.log(`corpus: ${notes.length} real ransom notes x ${repeat} = ${megabytes.toFixed(1)} MB`);
console.log(
  `sonae extractIndicators: ${sonaeSeconds.toFixed(2)} s, ${(megabytes / sonaeSeconds).toFixed(1)} MB/s, ${count} indicators (deduplicated per note)`,
);
console.log(
  `GNU grep -oE (reference): ${grepSeconds.toFixed(2)} s, ${(megabytes / grepSeconds).toFixed(1)} MB/s, ${grepCount} raw matches`,
);
console.log(`ratio sonae/grep time: ${(sonaeSeconds / grepSeconds).toFixed(2)}x`);
