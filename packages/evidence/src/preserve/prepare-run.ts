import { access, type FileHandle, open, rename, writeFile } from "node:fs/promises";
import type { CollectorInfo } from "../collect/collector-info";
import { EvidenceError, getErrnoCode, toWriteError } from "../errors/evidence-error";
import {
  appendJournal,
  type JournalFile,
  type JournalHeader,
  keepVerifiedPrefix,
  readJournal,
} from "./preserve-journal";

/** A run ready to copy files: the open partial archive and what is already in it. */
export interface PreparedRun {
  partialPath: string;
  journalPath: string;
  partial: FileHandle;
  header: JournalHeader;
  done: JournalFile[];
  resumedAt: string[];
}

/**
 * Starts a new run or re-opens an interrupted one. A new run refuses to touch an existing bundle or
 * leftovers of another run; a resume checks that it is the same case, examiner and inputs.
 */
export async function prepareRun(input: {
  outPath: string;
  inputs: string[];
  caseId: string;
  examiner: string;
  hashAlgorithms: string[];
  compressionLevel: number;
  resume: boolean;
  gatherCollector: () => Promise<CollectorInfo>;
}): Promise<PreparedRun> {
  const partialPath = `${input.outPath}.partial`;
  const journalPath = `${input.outPath}.journal`;
  if (await exists(input.outPath)) {
    throw new EvidenceError(
      "OUTPUT_EXISTS",
      {
        ja: `出力先が既に存在します (上書きしません): ${input.outPath}`,
        en: `Output already exists (never overwritten): ${input.outPath}`,
      },
      { outPath: input.outPath },
    );
  }
  const lines = await readJournal(journalPath);
  if (!input.resume) {
    if (lines !== undefined || (await exists(partialPath))) {
      throw new EvidenceError(
        "PREVIOUS_RUN_EXISTS",
        {
          ja: `中断された保全の途中ファイルがあります。--resume で再開するか、${partialPath} と ${journalPath} を削除してください`,
          en: `An interrupted run left ${partialPath} / ${journalPath}: continue with --resume or delete them`,
        },
        { partialPath, journalPath },
      );
    }
    const header: JournalHeader = {
      type: "header",
      caseId: input.caseId,
      examiner: input.examiner,
      inputs: input.inputs,
      hashAlgorithms: input.hashAlgorithms,
      compressionLevel: input.compressionLevel,
      startedAt: new Date().toISOString(),
      collector: await input.gatherCollector(),
    };
    const partial = await openPartial(partialPath, "wx");
    await appendJournal(journalPath, header);
    return { partialPath, journalPath, partial, header, done: [], resumedAt: [] };
  }
  const header = lines?.[0];
  if (!lines || header?.type !== "header" || !(await exists(partialPath))) {
    throw new EvidenceError("NOTHING_TO_RESUME", {
      ja: `再開できる保全がありません: ${journalPath}`,
      en: `There is no interrupted run to resume: ${journalPath}`,
    });
  }
  const same =
    header.caseId === input.caseId &&
    header.examiner === input.examiner &&
    JSON.stringify(header.inputs) === JSON.stringify(input.inputs) &&
    JSON.stringify(header.hashAlgorithms) === JSON.stringify(input.hashAlgorithms) &&
    header.compressionLevel === input.compressionLevel;
  if (!same) {
    throw new EvidenceError("RESUME_MISMATCH", {
      ja: "中断された保全と事件番号・担当者・対象・ハッシュ設定が一致しません",
      en: "The interrupted run had a different case, examiner, inputs or hash settings",
    });
  }
  const partial = await openPartial(partialPath, "r+");
  const journaled = lines.filter((l): l is JournalFile => l.type === "file");
  const done = await keepVerifiedPrefix(partial, journaled);
  const resumedAt = lines.filter((l) => l.type === "resume").map((l) => (l.type === "resume" ? l.at : ""));
  const at = new Date().toISOString();
  resumedAt.push(at);
  // Rewrite the journal to what was verified, so stale lines of a torn run cannot come back.
  const compact = [header, ...done, ...resumedAt.map((t) => ({ type: "resume" as const, at: t }))];
  await writeFile(`${journalPath}.tmp`, compact.map((l) => `${JSON.stringify(l)}\n`).join(""));
  await rename(`${journalPath}.tmp`, journalPath);
  await partial.truncate(done.at(-1)?.endOffset ?? 0);
  return { partialPath, journalPath, partial, header, done, resumedAt };
}

async function openPartial(partialPath: string, flags: "wx" | "r+"): Promise<FileHandle> {
  try {
    return await open(partialPath, flags, 0o600);
  } catch (error) {
    throw toWriteError(error, partialPath);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch (error) {
    return getErrnoCode(error) !== "ENOENT";
  }
}
