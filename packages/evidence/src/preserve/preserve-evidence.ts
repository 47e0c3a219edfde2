import { unlink } from "node:fs/promises";
import path from "node:path";
import { type CollectorInfo, DEFAULT_NTP_SERVER, gatherCollectorInfo } from "../collect/collector-info";
import { describeProblem } from "../collect/problem-reasons";
import { walkSources } from "../collect/walk-sources";
import { EvidenceError, toWriteError } from "../errors/evidence-error";
import { getDefaultKeyDir, loadOrCreateSigningKey, type SigningKey } from "../keys/key-store";
import type { ExtraHashAlgorithm, FileRecord, Manifest, ProblemRecord } from "../manifest/manifest-types";
import { writeSealEntries } from "../manifest/seal-bundle";
import { BufferPool } from "../util/buffer-pool";
import { ZipWriter } from "../zip/zip-writer";
import { prepareRun } from "./prepare-run";
import { appendJournal, type JournalFile } from "./preserve-journal";
import { publishBundle } from "./publish-bundle";
import { READ_CHUNK_BYTES, readSourceIntoZip, SourceReadError } from "./read-source-file";

/** Progress of a run, for a progress bar. */
export interface PreserveProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentPath: string;
}

/** Input of `preserveEvidence`. */
export interface PreserveOptions {
  paths: readonly string[];
  caseId: string;
  examiner: string;
  outPath: string;
  /** Default `${SONAE_DATA_DIR:-./data}/keys`. */
  keyDir?: string;
  /** Sign with this key instead of the one in `keyDir` (a collector kit's own key). */
  signingKey?: SigningKey;
  extraHashes?: readonly ExtraHashAlgorithm[];
  /** 0–9; default 1: deflate is the bottleneck and level 1 is ~3x faster than 6 for ~15% larger logs. */
  compressionLevel?: number;
  /** Continue an interrupted run from `<out>.journal`. */
  resume?: boolean;
  /** NTP server for the clock offset; null skips the check. Default ntp.nict.jp. */
  ntpServer?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: PreserveProgress) => void;
}

/** What a finished run produced. */
export interface PreserveResult {
  outPath: string;
  manifest: Manifest;
  bundleSize: number;
  /** Files taken over from the interrupted run without reading them again. */
  resumedFiles: number;
}

/**
 * Preserves files and folders into a signed evidence bundle (format: FORMAT.md). Writes to
 * `<out>.partial` with a journal, and only links it to `<out>` once sealed and fsynced, so an
 * interrupted or failed run never leaves a file that claims to be complete.
 */
export async function preserveEvidence(options: PreserveOptions): Promise<PreserveResult> {
  const outPath = path.resolve(options.outPath);
  const inputs = options.paths.map((p) => path.resolve(p));
  if (inputs.length === 0) {
    throw new EvidenceError("NO_INPUT", {
      ja: "保全対象が指定されていません",
      en: "No paths to preserve were given",
    });
  }
  const keyDir = path.resolve(options.keyDir ?? getDefaultKeyDir());
  const key = options.signingKey ?? (await loadOrCreateSigningKey(keyDir));
  const hashAlgorithms = ["sha256" as const, ...(options.extraHashes ?? [])];
  const compressionLevel = options.compressionLevel ?? 1;
  const run = await prepareRun({
    outPath,
    inputs,
    caseId: options.caseId,
    examiner: options.examiner,
    hashAlgorithms,
    compressionLevel,
    resume: options.resume ?? false,
    gatherCollector: (): Promise<CollectorInfo> =>
      gatherCollectorInfo(options.ntpServer === undefined ? DEFAULT_NTP_SERVER : options.ntpServer),
  });
  const { partialPath, journalPath, header } = run;
  const file = run.partial;
  try {
    const zip = new ZipWriter(
      file,
      run.done.at(-1)?.endOffset ?? 0,
      run.done.map((d) => d.zip),
    );
    const doneBySource = new Map<string, JournalFile>(run.done.map((d) => [d.record.sourcePath, d]));
    // Never read our own output (it grows while we read) nor copy the private key into a bundle.
    const listing = await walkSources(inputs, [outPath, partialPath, journalPath, keyDir]);
    const buffers = new BufferPool(READ_CHUNK_BYTES);
    const records: FileRecord[] = [];
    const problems: ProblemRecord[] = [...listing.problems];
    const progress: PreserveProgress = {
      filesDone: 0,
      filesTotal: listing.files.length,
      bytesDone: 0,
      bytesTotal: listing.files.reduce((sum, f) => sum + f.size, 0),
      currentPath: "",
    };
    for (const source of listing.files) {
      const previous = doneBySource.get(source.sourcePath);
      progress.currentPath = source.sourcePath;
      if (previous && previous.record.entryName === source.entryName) {
        records.push(previous.record);
        progress.bytesDone += previous.record.size;
      } else {
        if (options.signal?.aborted) throw interrupted(partialPath);
        try {
          const { record, zipEntry } = await readSourceIntoZip(source.sourcePath, source.entryName, zip, {
            extraHashes: options.extraHashes ?? [],
            compressionLevel,
            signal: options.signal,
            buffers,
            onBytes: (count) => {
              progress.bytesDone += count;
              options.onProgress?.(progress);
            },
          });
          records.push(record);
          await appendJournal(journalPath, { type: "file", record, zip: zipEntry, endOffset: zip.position });
        } catch (error) {
          if (!(error instanceof SourceReadError)) throw error;
          problems.push(describeProblem(source.sourcePath, "read-error", error.errno, String(error.cause)));
        }
      }
      progress.filesDone += 1;
      options.onProgress?.(progress);
    }
    const bytes = records.reduce((sum, r) => sum + r.size, 0);
    const manifest = await writeSealEntries(zip, {
      key,
      manifest: {
        format: "sonae-evidence-bundle",
        formatVersion: 1,
        case: { id: options.caseId, examiner: options.examiner },
        inputs,
        collector: header.collector,
        startedAt: header.startedAt,
        endedAt: new Date().toISOString(),
        resumedAt: run.resumedAt,
        hashAlgorithms,
        compressionLevel,
        files: records,
        problems,
        totals: {
          files: records.length,
          bytes,
          problems: problems.length,
          changedWhileReading: records.filter((r) => r.changedWhileReading).length,
        },
        complete: true,
      },
    });
    const bundleSize = await zip.finish();
    await file.close();
    await publishBundle(partialPath, outPath);
    await unlink(journalPath);
    return { outPath, manifest, bundleSize, resumedFiles: doneBySource.size };
  } catch (error) {
    await file.close().catch(() => undefined);
    if (error instanceof EvidenceError) throw error;
    if (options.signal?.aborted) throw interrupted(partialPath);
    throw toWriteError(error, partialPath);
  }
}

function interrupted(partialPath: string): EvidenceError {
  return new EvidenceError(
    "INTERRUPTED",
    {
      ja: `中断しました。バンドルは未完成です。--resume で再開できます: ${partialPath}`,
      en: `Interrupted. The bundle is NOT complete; run again with --resume to continue: ${partialPath}`,
    },
    { partialPath },
  );
}
