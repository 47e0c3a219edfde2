import { createWriteStream } from "node:fs";
import { mkdtemp, open, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import type { TTriageProblem } from "../timeline/timeline-event";
import { ExtractionBudget, type ZipLimits } from "./zip-limits";

/** One file to triage: where to read it and the name to show (relative path or bundle entry). */
export interface TriageFile {
  path: string;
  name: string;
  kind: "evtx" | "text";
}

const TEXT_LOG_NAME =
  /(\.log|\.txt|\.csv|auth\.log|secure|syslog|messages)(\.\d+)?$|(^|\/)(auth|secure|syslog|messages)(\.\d+)?$/i;

function classify(name: string): TriageFile["kind"] | null {
  if (/\.evtx$/i.test(name)) return "evtx";
  if (TEXT_LOG_NAME.test(name)) return "text";
  return null;
}

async function walk(dir: string, root: string, out: TriageFile[]): Promise<void> {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, root, out);
    else {
      const kind = classify(entry.name);
      if (kind) out.push({ path: full, name: path.relative(root, full) || entry.name, kind });
    }
  }
}

/**
 * Extracts the .evtx and text-log entries of a ZIP (e.g. a Sonae evidence bundle with `files/…`
 * entries) into a temporary folder: the EVTX parser needs positional reads. Entry names are
 * never used as paths (zip-slip): files get numbered names. Sizes and compression ratios are
 * bounded (see zip-limits.ts); a refused or broken entry becomes a problem, the others go on.
 */
async function extractZip(
  zipPath: string,
  into: string,
  out: TriageFile[],
  problems: TTriageProblem[],
  budget: ExtractionBudget,
): Promise<void> {
  const zip = await yauzl.openPromise(zipPath, {
    lazyEntries: true,
    strictFileNames: false,
    validateEntrySizes: true,
  });
  try {
    for await (const entry of zip.eachEntry()) {
      const kind = entry.fileName.endsWith("/") ? null : classify(entry.fileName);
      if (!kind) continue;
      const name = `${path.basename(zipPath)}:${entry.fileName}`;
      const refusal = budget.refuse(entry);
      if (refusal) {
        problems.push({ source: name, reason: refusal });
        continue;
      }
      const target = path.join(
        into,
        `${out.length + problems.length + 1}${kind === "evtx" ? ".evtx" : ".log"}`,
      );
      try {
        await pipeline(
          await zip.openReadStreamPromise(entry),
          budget.meter(entry),
          createWriteStream(target),
        );
        out.push({ path: target, name, kind });
      } catch (error) {
        await rm(target, { force: true });
        problems.push({
          source: name,
          reason: `展開できません / cannot extract: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
  } finally {
    zip.close();
  }
}

/** A file named explicitly but with an unknown name: EVTX if it starts with "ElfFile\0", else text. */
async function sniffKind(file: string): Promise<TriageFile["kind"]> {
  const handle = await open(file, "r");
  try {
    const magic = Buffer.alloc(8);
    await handle.read(magic, 0, 8, 0);
    return magic.toString("latin1") === "ElfFile\0" ? "evtx" : "text";
  } finally {
    await handle.close();
  }
}

/** Files to triage, entries that were refused, and how to remove what was extracted. */
export interface CollectedInputs {
  files: TriageFile[];
  problems: TTriageProblem[];
  cleanup: () => Promise<void>;
}

/**
 * Expands paths (files, folders, .zip bundles) into files to triage. `cleanup` removes the
 * extracted files; if collecting itself fails they are removed before the error leaves.
 */
export async function collectInputs(inputs: string[], limits: ZipLimits = {}): Promise<CollectedInputs> {
  const files: TriageFile[] = [];
  const problems: TTriageProblem[] = [];
  const budget = new ExtractionBudget(limits);
  let temp: string | undefined;
  const cleanup = async () => (temp ? rm(temp, { recursive: true, force: true }) : undefined);
  try {
    for (const input of inputs) {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input, input, files);
      else if (/\.zip$/i.test(input)) {
        temp ??= await mkdtemp(path.join(tmpdir(), "sonae-triage-"));
        await extractZip(input, temp, files, problems, budget);
      } else
        files.push({
          path: input,
          name: path.basename(input),
          kind: classify(input) ?? (await sniffKind(input)),
        });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { files, problems, cleanup };
}
