import { createWriteStream } from "node:fs";
import { mkdtemp, open, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

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
 * never used as paths (zip-slip): files get numbered names.
 */
async function extractZip(zipPath: string, into: string, out: TriageFile[]): Promise<void> {
  const zip = await yauzl.openPromise(zipPath, {
    lazyEntries: true,
    strictFileNames: false,
    validateEntrySizes: true,
  });
  try {
    let n = 0;
    for await (const entry of zip.eachEntry()) {
      const kind = entry.fileName.endsWith("/") ? null : classify(entry.fileName);
      if (!kind) continue;
      const target = path.join(into, `${++n}${kind === "evtx" ? ".evtx" : ".log"}`);
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      out.push({ path: target, name: `${path.basename(zipPath)}:${entry.fileName}`, kind });
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

/** Expands paths (files, folders, .zip bundles) into files to triage; `cleanup` removes temp files. */
export async function collectInputs(
  inputs: string[],
): Promise<{ files: TriageFile[]; cleanup: () => Promise<void> }> {
  const files: TriageFile[] = [];
  let temp: string | undefined;
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) await walk(input, input, files);
    else if (/\.zip$/i.test(input)) {
      temp ??= await mkdtemp(path.join(tmpdir(), "sonae-triage-"));
      await extractZip(input, temp, files);
    } else
      files.push({
        path: input,
        name: path.basename(input),
        kind: classify(input) ?? (await sniffKind(input)),
      });
  }
  return { files, cleanup: async () => (temp ? rm(temp, { recursive: true, force: true }) : undefined) };
}
