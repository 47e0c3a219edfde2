import { readdirSync } from "node:fs";
import path from "node:path";
import type { TriageFile } from "../../src/input/collect-inputs";
import { streamTriage } from "../../src/pipeline/stream-triage";
import type { keepEverythingBuiltinDetector } from "../../src/pipeline/streaming-detectors";
import type { TDetection } from "../../src/timeline/timeline-event";
import { EVTX, LOGS } from "../support/corpus";

function walk(dir: string, root: string, out: TriageFile[]): TriageFile[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (/\.evtx$/i.test(entry.name))
      out.push({ path: full, name: path.relative(root, full), kind: "evtx" });
    else if (/\.(log|txt)$/i.test(entry.name))
      out.push({ path: full, name: path.relative(root, full), kind: "text" });
  }
  return out;
}

/** What a finding says, in a stable form (sources left out: they come from merging with Sigma). */
function stable(d: TDetection): string {
  const { sources: _s, ...rest } = d;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(sorted);
}

/** Built-in findings as sorted JSON strings, per run ("evtx/<file>", "logs/<file>", "evtx/*"). */
export async function builtinFindingsOverCorpus(
  builtin?: typeof keepEverythingBuiltinDetector,
): Promise<Record<string, string[]>> {
  const evtx = walk(EVTX, EVTX, []);
  const logs = walk(LOGS, LOGS, []);
  const out: Record<string, string[]> = {};
  const run = async (key: string, files: TriageFile[]) => {
    const r = await streamTriage(files, { textLog: { year: 2024 }, ...(builtin ? { builtin } : {}) });
    await r.dispose();
    const found = r.detections
      .filter((d) => d.origin === "builtin")
      .map(stable)
      .sort();
    if (found.length > 0) out[key] = found;
  };
  for (const f of evtx) await run(`evtx/${f.name}`, [f]);
  for (const f of logs) await run(`logs/${f.name}`, [f]);
  await run("evtx/*", evtx);
  return out;
}
